using System.Globalization;
using System.Text.RegularExpressions;
using Dangjian.Web.Modules.Education.Courses;
using Dangjian.Web.Modules.Education.Plans.Cases;
using Dangjian.Web.Modules.Education.Plans.Research;

namespace Dangjian.Web.Modules.Education.Plans.Pages;

/// <summary>A plan's fields as the pages post them (the year and dates as text, parsed here; the use case checks them).</summary>
public sealed class PlanForm
{
    public string? Title { get; set; }
    public string? Audience { get; set; }
    public string? Year { get; set; }
    public string? Note { get; set; }

    public CreatePlanRequest ToCreate(Guid? unitId) =>
        new(unitId, int.TryParse(Year, NumberStyles.None, CultureInfo.InvariantCulture, out var y) ? y : null, Title, Audience, Note);

    public UpdatePlanRequest ToUpdate() => new(Title, Audience, Note ?? "");

    public static PlanForm Of(PlanDto p) => new() { Title = p.Title, Audience = p.Audience, Year = p.Year.ToString(CultureInfo.InvariantCulture), Note = p.Note };
}

/// <summary>One course added to a plan.</summary>
public sealed class PlanItemForm
{
    public Guid? CourseId { get; set; }
    public bool Required { get; set; }
    public string? DueOn { get; set; }

    public AddPlanItemRequest ToRequest() => new(CourseId, Required, PageDates.Parse(DueOn));
}

/// <summary>The hours per category of a plan, one field per category (empty or 0: no target).</summary>
public sealed class PlanTargetsForm
{
    public Dictionary<string, string?> Hours { get; set; } = [];

    public SetPlanTargetsRequest ToRequest() => new(Enum.GetNames<CourseCategory>()
        .Select(c => new PlanTargetInput(c, Hours.TryGetValue(c, out var h) && !string.IsNullOrWhiteSpace(h)
            ? int.TryParse(h, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var n) ? n : -1
            : 0))
        .ToList());

    public static PlanTargetsForm Of(PlanDto p) => new() { Hours = p.Targets.ToDictionary(t => t.Category, t => (string?)t.Hours.ToString(CultureInfo.InvariantCulture)) };
}

/// <summary>A row picked by its id in a list of forms (remove this item, unlink this case).</summary>
public sealed class PickForm
{
    public Guid? Id { get; set; }
}

/// <summary>A case linked to a meeting (by its address or id, as copied from the meeting's page) or to a plan.</summary>
public sealed partial class CaseLinkForm
{
    public string? Meeting { get; set; }
    public Guid? PlanId { get; set; }

    public LinkCaseRequest ToMeeting() => new(nameof(CaseTargetKind.Meeting), MeetingId(Meeting));

    public LinkCaseRequest ToPlan() => new(nameof(CaseTargetKind.Plan), PlanId);

    /// <summary>The meeting's id from what was pasted: the id itself or the address of the meeting's page (/meetings/{id}).</summary>
    public static Guid? MeetingId(string? text) =>
        text is not null && AnId().Match(text) is { Success: true } m && Guid.TryParse(m.Value, out var id) ? id : null;

    [GeneratedRegex("[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}")]
    private static partial Regex AnId();
}

/// <summary>A research task opened from a course.</summary>
public sealed class ResearchForm
{
    public Guid? CourseId { get; set; }
    public string? Title { get; set; }
    public Guid? OwnerMemberId { get; set; }
    public string? DueOn { get; set; }

    public OpenResearchRequest ToRequest(Guid? unitId) => new(unitId, CourseId, Title, OwnerMemberId, PageDates.Parse(DueOn));
}

/// <summary>The findings of a task.</summary>
public sealed class FindingsForm
{
    public string? Findings { get; set; }
}

/// <summary>A problem raised by a task.</summary>
public sealed class ProblemForm
{
    public string? Title { get; set; }
    public Guid? OwnerMemberId { get; set; }
    public string? DueOn { get; set; }

    public RaiseProblemRequest ToRequest() => new(Title, OwnerMemberId, PageDates.Parse(DueOn));
}

/// <summary>A problem solved or closed with its outcome.</summary>
public sealed class CloseForm
{
    public Guid? ProblemId { get; set; }
    public string? Status { get; set; }
    public string? Outcome { get; set; }

    public CloseProblemRequest ToRequest() => new(Status, Outcome);
}

/// <summary>Dates of date inputs (yyyy-MM-dd); anything else is no date, which the use case names as missing.</summary>
public static class PageDates
{
    public static DateOnly? Parse(string? text) =>
        DateOnly.TryParseExact(text, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var d) ? d : null;
}
