using Dangjian.Web.Data;
using Microsoft.EntityFrameworkCore;

namespace Dangjian.Web.Modules.Assessment.Points;

/// <summary>
/// What an approval writes beside the line (docs/rules/points-and-assessment.md#pa-6): the member's yearly balance and an
/// entry of the platform ledger (<c>points.awarded</c>), all in the caller's one SaveChanges, so the points are
/// tamper-evident and the rankings read balances.
/// </summary>
public static class PointsLedger
{
    public const string Kind = "points.awarded";

    /// <summary>Adds the approved lines to their members' balances (tracked, created when missing) and stages one ledger entry per member.</summary>
    public static async Task ApplyAsync(AppDbContext db, Platform.Ledger.Ledger ledger, IReadOnlyList<PointsEntry> approved, DateTimeOffset now, CancellationToken ct)
    {
        foreach (var year in approved.GroupBy(e => e.Year))
        {
            var ids = year.Select(e => e.MemberId).Distinct().ToList();
            var balances = new Dictionary<Guid, PointsBalance>();
            foreach (var chunk in ids.Chunk(500))
            {
                foreach (var b in await db.PointsBalances.Where(b => b.Year == year.Key && chunk.Contains(b.MemberId)).ToListAsync(ct)) balances[b.MemberId] = b;
            }
            foreach (var member in year.GroupBy(e => e.MemberId))
            {
                var last = member.Last();
                if (!balances.TryGetValue(member.Key, out var balance))
                {
                    balance = new PointsBalance
                    {
                        Id = Guid.CreateVersion7(now), MemberId = member.Key, Year = year.Key, OrgUnitId = last.OrgUnitId, OrgPath = last.OrgPath, MemberName = last.MemberName,
                    };
                    db.PointsBalances.Add(balance);
                }
                balance.Total += member.Sum(e => e.Points);
                balance.Lines += member.Count();
                balance.LastAt = now;
                balance.OrgUnitId = last.OrgUnitId;
                balance.OrgPath = last.OrgPath;
                balance.MemberName = last.MemberName;
                ledger.Append(Kind, member.Key.ToString(), new
                {
                    Year = year.Key,
                    Lines = member.Select(e => new { e.Id, e.RuleCode, e.SourceKey, e.Points, Day = e.Day.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture) }),
                    Total = balance.Total,
                });
            }
        }
    }
}
