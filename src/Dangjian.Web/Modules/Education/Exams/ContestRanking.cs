using Dangjian.Web.Data;
using Dangjian.Web.Modules.Members;
using Dangjian.Web.Modules.Organizations;
using Dangjian.Web.Platform.Auth;
using Dangjian.Web.Platform.Errors;
using Microsoft.EntityFrameworkCore;

namespace Dangjian.Web.Modules.Education.Exams;

public sealed record RankingEntryDto(int Rank, Guid MemberId, string MemberName, string Branch, double Score, int? Seconds, bool Me);

public sealed record BranchRankingDto(int Rank, Guid OrgUnitId, string Name, int Expected, int Took, double Participation, double? Average);

public sealed record RankingDto(Guid ExamId, string Title, Guid OrgUnitId, string UnitName, DateTimeOffset At, IReadOnlyList<RankingEntryDto> Members,
    IReadOnlyList<BranchRankingDto> Branches);

/// <summary>
/// The live ranking of a knowledge contest (知识竞赛) under a unit: members by their best score (ties by the shorter time),
/// and branches by their average best score and participation. Seen by the contest's participants and by managers.
/// </summary>
public sealed class ContestRanking(AppDbContext db, ExamsAccess exams, TimeProvider clock)
{
    public const int Shown = 100;

    public async Task<Result<RankingDto>> GetAsync(Guid examId, Guid? orgUnitId, CancellationToken ct)
    {
        var exam = await db.Exams.AsNoTracking().FirstOrDefaultAsync(e => e.Id == examId && e.IsContest, ct);
        if (exam is null) return exams.ExamNotFound;
        var unitId = orgUnitId ?? exam.OrgUnitId;
        var unit = await db.OrgUnits.AsNoTracking().FirstOrDefaultAsync(u => u.Id == unitId, ct);
        if (unit is null || !OrgPaths.IsWithin(unit.Path, exam.OrgPath)) return exams.ExamNotFound;
        var me = await exams.MeAsync(ct);
        var participant = me is not null && OrgPaths.IsWithin(me.OrgPath, exam.OrgPath);
        if (!participant && !exams.User.Can(Permission.ViewMembers, unit.Path)) return exams.ExamNotFound;
        var path = unit.Path;
        var upper = OrgPaths.UpperBound(path);
        var attempts = await db.ExamAttempts.AsNoTracking()
            .Where(a => a.ExamId == examId && a.Status != AttemptStatus.InProgress && string.Compare(a.OrgPath, path) >= 0 && string.Compare(a.OrgPath, upper) < 0)
            .Select(a => new { a.MemberId, a.MemberName, a.OrgUnitId, a.OrgPath, a.Score, a.Seconds, a.StartedAt }).ToListAsync(ct);
        var units = await db.OrgUnits.AsNoTracking().InSubtree(path).Select(u => new { u.Id, u.Name, u.Path, u.Kind }).ToListAsync(ct);
        var names = units.ToDictionary(u => u.Id, u => u.Name);
        var best = attempts.GroupBy(a => a.MemberId).Select(g => AttemptRules.Best(g, a => a.Score, a => a.Seconds, a => a.StartedAt)!).ToList();
        var ordered = RankingRules.Order(best, b => b.Score, b => b.Seconds, b => b.MemberName);
        var entries = ordered.Take(Shown).Select(x => new RankingEntryDto(x.Rank, x.Item.MemberId, x.Item.MemberName, names.GetValueOrDefault(x.Item.OrgUnitId, ""),
            x.Item.Score, x.Item.Seconds, me is not null && me.Id == x.Item.MemberId)).ToList();
        var members = await db.Members.AsNoTracking().InSubtree(path).Select(m => new { m.OrgPath, m.Category }).ToListAsync(ct);
        var party = members.Where(m => Member.IsPartyMember(m.Category)).ToList();
        var branches = units.Where(u => u.Kind == OrgUnitKind.Branch).Select(b =>
        {
            var took = best.Where(x => OrgPaths.IsWithin(x.OrgPath, b.Path)).ToList();
            var expected = party.Count(m => OrgPaths.IsWithin(m.OrgPath, b.Path));
            return (b.Id, b.Name, Expected: expected, Took: took.Count, Participation: RankingRules.Participation(took.Count, expected),
                Average: took.Count == 0 ? (double?)null : Math.Round(took.Average(x => x.Score), 1));
        }).ToList();
        var branchRanks = RankingRules.Order(branches, b => b.Average ?? -1, b => null, b => b.Name, b => b.Participation)
            .Select(x => new BranchRankingDto(x.Rank, x.Item.Id, x.Item.Name, x.Item.Expected, x.Item.Took, x.Item.Participation, x.Item.Average)).ToList();
        return new RankingDto(exam.Id, exam.Title, unit.Id, unit.Name, clock.GetUtcNow(), entries, branchRanks);
    }
}

/// <summary>
/// The order of a contest's ranking (docs/rules/education.md#ex-5): the higher score first, then the shorter time, then
/// (for branches) the higher participation; equal on all of these share a rank (1, 2, 2, 4). No I/O.
/// </summary>
public static class RankingRules
{
    public const string Article = "docs/rules/education.md#ex-5";

    public static List<(int Rank, T Item)> Order<T>(IEnumerable<T> items, Func<T, double> score, Func<T, int?> seconds, Func<T, string> name,
        Func<T, double>? second = null)
    {
        var sorted = items.OrderByDescending(score).ThenBy(i => seconds(i) ?? int.MaxValue).ThenByDescending(i => second?.Invoke(i) ?? 0)
            .ThenBy(name, StringComparer.Ordinal).ToList();
        var result = new List<(int, T)>(sorted.Count);
        for (var i = 0; i < sorted.Count; i++)
        {
            var same = i > 0 && score(sorted[i]) == score(sorted[i - 1]) && seconds(sorted[i]) == seconds(sorted[i - 1])
                       && (second?.Invoke(sorted[i]) ?? 0) == (second?.Invoke(sorted[i - 1]) ?? 0);
            result.Add((same ? result[i - 1].Item1 : i + 1, sorted[i]));
        }
        return result;
    }

    /// <summary>Participants of those expected, in percent with one decimal; 0 when none is expected.</summary>
    public static double Participation(int took, int expected) => expected <= 0 ? 0 : Math.Round(100.0 * Math.Min(took, expected) / expected, 1);
}
