using System.Resources;
using Dangjian.Web.Platform;

namespace Dangjian.Web.Modules.Assessment.Points;

/// <summary>
/// The scheme a tenant starts with (docs/rules/points-and-assessment.md#pa-1's examples: a base of 60, points per
/// meeting attended, 2 off per meeting missed without leave), named in Chinese whatever the reader's language, since it
/// becomes the tenant's data.
/// </summary>
public static class DefaultScheme
{
    public const int Base = 60;

    private static readonly ResourceManager Texts = new(typeof(PointsText));

    public sealed record Item(string Code, PointsKind Kind, PointsSource Source, int Points, int? DailyCap, int? MonthlyCap, int? YearlyCap);

    public static readonly IReadOnlyList<Item> Items =
    [
        new("MEETING", PointsKind.Auto, PointsSource.MeetingAttended, 2, null, 8, null),
        new("ABSENT", PointsKind.Auto, PointsSource.AbsentWithoutLeave, -2, null, null, null),
        new("STUDY", PointsKind.Auto, PointsSource.StudyHours, 1, null, null, 20),
        new("EXAM", PointsKind.Auto, PointsSource.ExamPassed, 3, null, null, 12),
        new("DUES", PointsKind.Auto, PointsSource.DuesOnTime, 1, null, null, 12),
        new("ARREARS", PointsKind.Auto, PointsSource.DuesArrears, -2, null, null, null),
        new("SERVICE", PointsKind.Claim, PointsSource.Service, 2, 4, 10, null),
        new("PIONEER", PointsKind.Claim, PointsSource.PioneerPost, 5, null, null, 10),
        new("TASK", PointsKind.Claim, PointsSource.Task, 5, null, 10, null),
        new("OTHER", PointsKind.Claim, PointsSource.Other, 1, 3, null, null),
        new("DISCIPLINE", PointsKind.Deduction, PointsSource.Other, -5, null, null, null),
    ];

    public static List<PointsRule> Rules(DateTimeOffset now, string by) => Items.Select((i, n) => new PointsRule
    {
        Id = Guid.CreateVersion7(now), Code = i.Code, Name = Texts.InChinese("Default." + i.Code), Kind = i.Kind, Source = i.Source, Points = i.Points,
        DailyCap = i.DailyCap, MonthlyCap = i.MonthlyCap, YearlyCap = i.YearlyCap, Active = true, SortOrder = n + 1, UpdatedAt = now, UpdatedBy = by,
    }).ToList();
}
