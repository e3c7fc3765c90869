using System.Globalization;
using Dangjian.Web.Platform.Clock;

namespace Dangjian.Web.Modules.Education.Courses.Pages;

/// <summary>The course form of the pages as posted (text fields; times are China time from datetime-local inputs).</summary>
public sealed class CourseForm
{
    public string? Title { get; set; }
    public string? Kind { get; set; }
    public string? Category { get; set; }
    public string? CaseKind { get; set; }
    public string? Tags { get; set; }
    public string? Summary { get; set; }
    public string? Body { get; set; }
    public bool Required { get; set; }
    public string? DueOn { get; set; }
    public string? LiveStartsAt { get; set; }
    public string? LiveEndsAt { get; set; }
    public string? LiveLink { get; set; }

    public SaveCourseRequest ToRequest(Guid? unitId) => new(unitId, Title, Parse<CourseKind>(Kind), Parse<CourseCategory>(Category),
        Parse<Courses.CaseKind>(CaseKind), Tags, Summary, Body, Required,
        DateOnly.TryParseExact(DueOn, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var due) ? due : null,
        Time(LiveStartsAt), Time(LiveEndsAt), string.IsNullOrWhiteSpace(LiveLink) ? null : LiveLink);

    public static CourseForm Of(CourseDto c) => new()
    {
        Title = c.Title, Kind = c.Kind.ToString(), Category = c.Category.ToString(), CaseKind = c.CaseKind.ToString(), Tags = string.Join(",", c.Tags),
        Summary = c.Summary, Body = c.Body, Required = c.Required, DueOn = c.DueOn is { } d ? ChinaTime.Format(d) : null,
        LiveStartsAt = Local(c.LiveStartsAt), LiveEndsAt = Local(c.LiveEndsAt), LiveLink = c.LiveLink,
    };

    private static T? Parse<T>(string? value) where T : struct, Enum => Enum.TryParse<T>(value, out var v) ? v : null;

    private static DateTimeOffset? Time(string? local) =>
        DateTime.TryParseExact(local, ["yyyy-MM-ddTHH:mm", "yyyy-MM-ddTHH:mm:ss"], CultureInfo.InvariantCulture, DateTimeStyles.None, out var t)
            ? new DateTimeOffset(t, ChinaTime.Offset)
            : null;

    private static string? Local(DateTimeOffset? at) => at?.ToOffset(ChinaTime.Offset).ToString("yyyy-MM-ddTHH:mm", CultureInfo.InvariantCulture);
}
