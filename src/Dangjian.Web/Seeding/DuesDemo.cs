using Dangjian.Web.Data;
using Dangjian.Web.Modules.Dues;
using Dangjian.Web.Platform.Clock;

namespace Dangjian.Web.Seeding;

/// <summary>
/// The demo tenant's dues, for every party member of every branch: a monthly base from January of this year (serving,
/// or retired from 60 on, as the roll's posts have it) and a payment for each month up to today, most between the 3rd and the 22nd, one
/// in twenty in the month after (补交). About one member in forty stopped paying three months ago; members out of
/// contact paid nothing this year; in the branch picked for arrears (<see cref="DemoBranches.Arrears"/>) about half
/// stopped paying four months ago. Amounts come from the dues rules (<see cref="DuesRules.MonthlyAmountFor"/>).
/// Synthetic data, written with <see cref="BulkInsert"/> in one transaction without an audit entry per row, as the
/// seed command writes it. Deterministic.
/// </summary>
internal static class DuesDemo
{
    public static async Task SeedAsync(AppDbContext db, TimeProvider clock, DuesOptions dues, CancellationToken ct = default)
    {
        var now = clock.GetUtcNow();
        var today = clock.Today();
        var tenantId = db.CurrentTenantId;
        var january = new DateOnly(today.Year, 1, 1);
        var thisMonth = new DateOnly(today.Year, today.Month, 1);
        var branches = await DemoBranches.LoadAsync(db, ct);
        var branchOf = branches.SelectMany(b => b.Groups.Select(g => (g.Id, b.Index)).Append((b.Id, b.Index))).ToDictionary(x => x.Item1, x => x.Item2);
        var bases = new List<DuesBase>();
        var payments = new List<DuesPayment>();
        foreach (var p in await DemoBranches.PartyAsync(db, ct))
        {
            if (!branchOf.TryGetValue(p.OrgUnitId, out var branch)) continue;
            var i = p.Index;
            var category = p.BirthDate is { } born && today.Year - born.Year >= 60 ? DuesCategory.Retired : DuesCategory.Serving;
            var baseFen = category == DuesCategory.Retired ? 300_000 + i * 37 % 300 * 1_000 : 450_000 + i * 53 % 1_200 * 1_000;
            bases.Add(new DuesBase
            {
                Id = Guid.CreateVersion7(now), TenantId = tenantId, MemberId = p.Id, OrgUnitId = p.OrgUnitId, EffectiveMonth = january, Category = category,
                BaseFen = baseFen, CreatedAt = now,
            });
            List<(DateOnly, DuesCategory, long)> memberBases = [(january, category, baseFen)];
            var paysUntil = p.Silent ? january.AddMonths(-1)
                : branch == DemoBranches.Arrears && i % 2 == 0 ? thisMonth.AddMonths(-4)
                : i % 40 == 7 ? thisMonth.AddMonths(-3)
                : thisMonth;
            for (var month = january; month <= paysUntil; month = month.AddMonths(1))
            {
                if (p.JoinedOn is { } joined && new DateOnly(joined.Year, joined.Month, 1) > month) continue;
                var x = (i * 31 + month.Month * 17) % 20;
                var paidOn = x == 0 ? month.AddMonths(1).AddDays(4) : month.AddDays(2 + x);
                if (paidOn > today) continue;
                payments.Add(new DuesPayment
                {
                    Id = Guid.CreateVersion7(now), TenantId = tenantId, MemberId = p.Id, OrgUnitId = p.OrgUnitId, OrgPath = p.OrgPath, Month = month,
                    AmountFen = DuesRules.MonthlyAmountFor(month, memberBases, dues), PaidOn = paidOn, Method = DuesPaymentMethod.Self,
                    CreatedAt = new DateTimeOffset(paidOn.ToDateTime(new TimeOnly(12, 0)), ChinaTime.Offset).ToUniversalTime(),
                });
            }
        }

        var audit = db.AuditEnabled;
        db.AuditEnabled = false;
        try
        {
            await using var tx = await db.Database.BeginTransactionAsync(ct);
            await BulkInsert.InsertAsync(db, bases, ct);
            await BulkInsert.InsertAsync(db, payments, ct);
            await tx.CommitAsync(ct);
        }
        finally
        {
            db.AuditEnabled = audit;
        }
    }
}
