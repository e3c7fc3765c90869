using Dangjian.Web.Modules.Education.Study.Archive;
using Dangjian.Web.Modules.Education.Study.Standing;
using Dangjian.Web.Platform.Clock;
using Microsoft.Extensions.Options;

namespace Dangjian.Web.Modules.Education.Contracts;

/// <summary>
/// One party member's study year as the learning archive counts it: verified seconds (courses, counted meetings and outside
/// hours), the target and its article, below target (#e-1/#e-2), far below the pro-rated target (#e-6), required courses
/// assigned and completed, exams taken and passed.
/// </summary>
public sealed record MemberStudyStanding(Guid MemberId, string Name, Guid OrgUnitId, string OrgPath, Guid? UserId, bool Leader, long StudySeconds,
    double Hours, int TargetHours, double ProRatedTarget, string Article, bool BelowTarget, bool FarBelow, int RequiredAssigned, int RequiredCompleted,
    bool TookExam, bool PassedExam);

/// <summary>A set of members' study summed (a unit's own members, or a subtree's): the figures the dashboard rolls up.</summary>
public sealed record StudyFigures(int Members, long StudySeconds, int AtTarget, int BelowTarget, int FarBelow, int RequiredAssigned, int RequiredCompleted,
    int ExamTakers, int ExamPassers)
{
    public static readonly StudyFigures Zero = new(0, 0, 0, 0, 0, 0, 0, 0, 0);

    public static StudyFigures Of(IEnumerable<MemberStudyStanding> members) => members.Aggregate(Zero, (t, m) => t with
    {
        Members = t.Members + 1, StudySeconds = t.StudySeconds + m.StudySeconds, AtTarget = t.AtTarget + (m.BelowTarget ? 0 : 1),
        BelowTarget = t.BelowTarget + (m.BelowTarget ? 1 : 0), FarBelow = t.FarBelow + (m.FarBelow ? 1 : 0),
        RequiredAssigned = t.RequiredAssigned + m.RequiredAssigned, RequiredCompleted = t.RequiredCompleted + m.RequiredCompleted,
        ExamTakers = t.ExamTakers + (m.TookExam ? 1 : 0), ExamPassers = t.ExamPassers + (m.PassedExam ? 1 : 0),
    });
}

/// <summary>
/// The read contract of Education for the dashboard, the weak links and the reminders: every party member's study year of
/// a subtree (or the tenant), from the grouped queries of the learning archive (<see cref="ArchiveTotals"/>) and its
/// rules, so the dashboard's figures are the archive's. No access check: the callers are jobs and the roll-ups, whose
/// readers are checked where the figures are shown.
/// </summary>
public sealed class StudyStanding(ArchiveTotals totals, TimeProvider clock, IOptions<EducationOptions> education, IOptions<StandingOptions> standing)
{
    /// <summary>The class hour's length in seconds (to turn summed seconds back into hours).</summary>
    public int SecondsPerClassHour => Math.Max(1, education.Value.MinutesPerClassHour) * 60;

    public async Task<List<MemberStudyStanding>> MembersAsync(string? path, int year, CancellationToken ct)
    {
        var o = education.Value;
        var today = clock.Today();
        return (await totals.ForAsync(path, year, ct)).Select(t =>
        {
            var hours = ArchiveRules.TotalHours(t.CourseSeconds, t.MeetingSeconds, t.ExternalTenths, o.MinutesPerClassHour);
            var target = ArchiveRules.Target(t.Leader, o);
            var (_, below) = ArchiveRules.Gap(hours, target.Hours);
            return new MemberStudyStanding(t.Person.Id, t.Person.Name, t.Person.OrgUnitId, t.Person.OrgPath, t.Person.UserId, t.Leader,
                ArchiveRules.TotalSeconds(t.CourseSeconds, t.MeetingSeconds, t.ExternalTenths, o.MinutesPerClassHour), ArchiveRules.Round(hours), target.Hours,
                FarBelowRule.ProRatedTarget(target.Hours, year, today), target.Article, below,
                FarBelowRule.IsFarBelow(hours, target.Hours, standing.Value.FarBelowPercent, year, today), t.RequiredAssigned, t.RequiredCompleted,
                t.TookExam, t.PassedExam);
        }).ToList();
    }

    /// <summary>Each unit's own members summed (units without party members are absent).</summary>
    public async Task<Dictionary<Guid, StudyFigures>> ByUnitAsync(int year, CancellationToken ct) =>
        (await MembersAsync(null, year, ct)).GroupBy(m => m.OrgUnitId).ToDictionary(g => g.Key, g => StudyFigures.Of(g));

    /// <summary>The subtree at <paramref name="path"/> summed straight from its members (the yardstick of the roll-ups).</summary>
    public async Task<StudyFigures> SubtreeAsync(string path, int year, CancellationToken ct) => StudyFigures.Of(await MembersAsync(path, year, ct));
}
