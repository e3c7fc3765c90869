using Dangjian.Web.Data;
using Dangjian.Web.Modules.Dues;
using Dangjian.Web.Modules.Members;
using Dangjian.Web.Modules.Organizations;
using Dangjian.Web.Platform.Clock;
using Microsoft.EntityFrameworkCore;

namespace Dangjian.Web.Seeding;

/// <summary>
/// The demo tenant's dues, in the dozen branches that have meetings (<see cref="MeetingsDemo"/>): each party member has a
/// monthly base from January of this year (serving, or retired for about one in seven) and pays each month up to today,
/// most between the 3rd and the 22nd, one payment in twenty in the month after; about one member in twenty-five
/// stopped paying three months ago, so the dashboard and the dues pages show arrears as well as collection. Amounts
/// come from the dues rules (<see cref="DuesRules.MonthlyAmountFor"/>). Synthetic data, written without an audit entry
/// per row, as the seed command writes it. Deterministic.
/// </summary>
internal static class DuesDemo
{
    public static async Task SeedAsync(AppDbContext db, TimeProvider clock, DuesOptions dues, CancellationToken ct = default)
    {
        var now = clock.GetUtcNow();
        var today = clock.Today();
        var january = new DateOnly(today.Year, 1, 1);
        var thisMonth = new DateOnly(today.Year, today.Month, 1);
        var branches = await db.OrgUnits.Where(u => u.Kind == OrgUnitKind.Branch).OrderBy(u => u.Path).Take(12).Select(u => u.Path).ToListAsync(ct);
        db.AuditEnabled = false;
        try
        {
            var index = 0;
            foreach (var path in branches)
            {
                var people = await db.Members.InSubtree(path)
                    .Where(m => (m.Category == MemberCategory.Full || m.Category == MemberCategory.Probationary) && m.Status == MembershipStatus.Normal)
                    .OrderBy(m => m.Id).Select(m => new { m.Id, m.OrgUnitId, m.OrgPath, m.JoinedOn }).ToListAsync(ct);
                foreach (var p in people)
                {
                    var i = index++;
                    var category = i % 7 == 3 ? DuesCategory.Retired : DuesCategory.Serving;
                    var baseFen = category == DuesCategory.Retired ? 300_000 + i * 37 % 300 * 1_000 : 450_000 + i * 53 % 1_200 * 1_000;
                    db.DuesBases.Add(new DuesBase
                    {
                        Id = Guid.CreateVersion7(now), MemberId = p.Id, OrgUnitId = p.OrgUnitId, EffectiveMonth = january, Category = category,
                        BaseFen = baseFen, CreatedAt = now,
                    });
                    List<(DateOnly, DuesCategory, long)> bases = [(january, category, baseFen)];
                    var stopsAfter = i % 25 == 7 ? thisMonth.AddMonths(-3) : thisMonth;
                    for (var month = january; month <= stopsAfter; month = month.AddMonths(1))
                    {
                        if (p.JoinedOn is { } joined && new DateOnly(joined.Year, joined.Month, 1) > month) continue;
                        var x = (i * 31 + month.Month * 17) % 20;
                        var paidOn = x == 0 ? month.AddMonths(1).AddDays(4) : month.AddDays(2 + x);
                        if (paidOn > today) continue;
                        db.DuesPayments.Add(new DuesPayment
                        {
                            Id = Guid.CreateVersion7(now), MemberId = p.Id, OrgUnitId = p.OrgUnitId, OrgPath = p.OrgPath, Month = month,
                            AmountFen = DuesRules.MonthlyAmountFor(month, bases, dues), PaidOn = paidOn, Method = DuesPaymentMethod.Self,
                            CreatedAt = new DateTimeOffset(paidOn.ToDateTime(new TimeOnly(12, 0)), ChinaTime.Offset).ToUniversalTime(),
                        });
                    }
                }
            }
            await db.SaveChangesAsync(ct);
        }
        finally
        {
            db.AuditEnabled = true;
        }
    }
}
