using Dangjian.Web.Data;
using Dangjian.Web.Modules.Meetings.Appraisal;
using Microsoft.EntityFrameworkCore;

namespace Dangjian.Web.Modules.Meetings.Contracts;

/// <summary>
/// The read contract of 民主评议 for other modules that judge many people at once (an honours nomination list): each
/// member's grade of a year in one query, the latest decided when a year holds two appraisals.
/// </summary>
public static class AppraisalGradesOfYear
{
    public static async Task<Dictionary<Guid, AppraisalGrade>> ForAsync(AppDbContext db, IReadOnlyCollection<Guid> memberIds, int year, CancellationToken ct)
    {
        if (memberIds.Count == 0) return [];
        var rows = await db.AppraisalResults.AsNoTracking().Where(r => r.Year == year && memberIds.Contains(r.MemberId))
            .Select(r => new { r.MemberId, r.Grade, r.DecidedAt }).ToListAsync(ct);
        return rows.GroupBy(r => r.MemberId).ToDictionary(g => g.Key, g => g.OrderByDescending(r => r.DecidedAt).First().Grade);
    }
}
