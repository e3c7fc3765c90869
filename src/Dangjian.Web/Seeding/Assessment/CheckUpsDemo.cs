using Dangjian.Web.Data;
using Dangjian.Web.Modules.Assessment.CheckUps;
using Dangjian.Web.Platform.Clock;
using Microsoft.EntityFrameworkCore;

namespace Dangjian.Web.Seeding.Assessment;

/// <summary>
/// The demo tenant's political check-ups: last quarter's self-analysis for nine in ten party members (in the stable order
/// of <see cref="DemoBranches.PartyAsync"/>), a third of them reviewed (a few 需关注, one in thirty 需谈心谈话), and the
/// current quarter's of one in four (with a few drafts, not yet submitted); then the
/// warnings job's own work, which finds the demo's weak spots (the branch in arrears, the absentees, the quarter's missing
/// check-ups, the talks), and a third of the warnings handled, one in ten dismissed. Deterministic: the same members each time.
/// </summary>
internal static class CheckUpsDemo
{
    private static readonly string[] Ideals =
    [
        "坚持学习党的创新理论，理想信念坚定，对党忠诚。",
        "参加支部集中学习，按时完成学习任务，政治立场坚定。",
        "学习还不够系统，理论联系实际不够紧密。",
    ];

    private static readonly string[] Discipline =
    [
        "严守党的政治纪律和政治规矩，无违规违纪情况。",
        "自觉遵守各项纪律，按时交纳党费，按规定请假。",
    ];

    private static readonly string[] Conduct =
    [
        "工作作风务实，密切联系群众，勤俭节约。",
        "能够认真完成本职工作，但有时存在畏难情绪。",
    ];

    private static readonly string[] Role =
    [
        "在岗位上带头攻坚，积极参加志愿服务。",
        "参加党员先锋岗建设，完成本季度重点任务。",
        "发挥作用还不够明显，主动性有待提高。",
    ];

    private static readonly string[] Measures =
    [
        "每周自学不少于两小时，下季度完成支部布置的学习任务。",
        "加强与群众沟通，主动承担急难险重任务。",
    ];

    public static async Task SeedAsync(IServiceProvider sp, AppDbContext db, TimeProvider clock, CancellationToken ct)
    {
        if (await db.CheckUps.AnyAsync(ct)) return;
        var people = await DemoBranches.PartyAsync(db, ct);
        if (people.Count == 0) return;
        var now = clock.GetUtcNow();
        var (year, quarter) = CheckUpWindowRule.Previous(CheckUpWindowRule.QuarterOf(clock.Today()).Year, CheckUpWindowRule.QuarterOf(clock.Today()).Quarter);
        var submittedAt = new DateTimeOffset(CheckUpWindowRule.LastDay(year, quarter).AddDays(-10).ToDateTime(new TimeOnly(12, 0)), ChinaTime.Offset).ToUniversalTime();
        foreach (var p in people.Where(p => p.Index % 10 != 3))
        {
            var i = p.Index;
            var result = i % 30 == 7 ? CheckUpResult.Talk : i % 9 == 4 ? CheckUpResult.Attention : i % 3 == 0 ? CheckUpResult.Good : (CheckUpResult?)null;
            db.CheckUps.Add(new CheckUp
            {
                Id = Guid.CreateVersion7(submittedAt), MemberId = p.Id, MemberName = p.Name, OrgUnitId = p.OrgUnitId, OrgPath = p.OrgPath, Year = year,
                Quarter = quarter, Ideals = Ideals[i % Ideals.Length], Discipline = Discipline[i % Discipline.Length], Conduct = Conduct[i % Conduct.Length],
                Role = Role[i % Role.Length], Measures = Measures[i % Measures.Length], CreatedAt = submittedAt.AddDays(-1), SubmittedAt = submittedAt,
                Result = result, ReviewedAt = result is null ? null : submittedAt.AddDays(5), ReviewedBy = result is null ? null : "支部书记",
                ReviewComment = result switch
                {
                    CheckUpResult.Good => "自我分析认真，整改措施具体。",
                    CheckUpResult.Attention => "学习和发挥作用方面需持续关注。",
                    CheckUpResult.Talk => "思想有波动，安排谈心谈话。",
                    _ => null,
                },
            });
        }
        // The current quarter under way: a quarter of the members submitted, a few drafts.
        var (thisYear, thisQuarter) = CheckUpWindowRule.QuarterOf(clock.Today());
        foreach (var p in people.Where(p => p.Index % 4 == 1 || p.Index % 12 == 2))
        {
            var i = p.Index;
            db.CheckUps.Add(new CheckUp
            {
                Id = Guid.CreateVersion7(now), MemberId = p.Id, MemberName = p.Name, OrgUnitId = p.OrgUnitId, OrgPath = p.OrgPath, Year = thisYear,
                Quarter = thisQuarter, Ideals = Ideals[(i + 1) % Ideals.Length], Discipline = Discipline[(i + 1) % Discipline.Length],
                Conduct = Conduct[(i + 1) % Conduct.Length], Role = Role[(i + 1) % Role.Length],
                Measures = i % 4 == 1 ? Measures[(i + 1) % Measures.Length] : null, CreatedAt = now, SubmittedAt = i % 4 == 1 ? now : null,
            });
        }
        await db.SaveChangesAsync(ct);

        await sp.GetRequiredService<WarningRaiser>().RaiseAsync(clock, ct);

        var warnings = (await db.EarlyWarnings.ToListAsync(ct)).OrderBy(w => w.Kind).ThenBy(w => w.MemberName, StringComparer.Ordinal).ThenBy(w => w.Basis).ToList();
        for (var i = 0; i < warnings.Count; i++)
        {
            var w = warnings[i];
            if (i % 10 == 9)
            {
                (w.Status, w.Note) = (WarningStatus.Dismissed, "经核实已请假，撤销预警。");
            }
            else if (i % 3 == 0)
            {
                (w.Status, w.Measure, w.Note) = i % 2 == 0
                    ? (WarningStatus.Handled, (HandlingMeasure?)HandlingMeasure.HeartToHeartTalk, "支部书记已开展谈心谈话，本人表示认真改进。")
                    : (WarningStatus.Handled, HandlingMeasure.RectifyByDeadline, "已提醒本人，限期一个月内改正。");
            }
            else
            {
                continue;
            }
            (w.HandledBy, w.HandledAt) = ("支部书记", now);
        }
        await db.SaveChangesAsync(ct);
    }
}
