using Dangjian.Web.Modules.Dues.Usage;
using Dangjian.Web.Modules.Dues;
using Dangjian.Web.Modules.Members;
using Dangjian.Web.Modules.Organizations;

namespace Dangjian.Tests.Modules.Dues;

/// <summary>Rows written straight to the database, past the rules, so that report figures can be checked against raw data.</summary>
public static class DuesRaw
{
    public static Task PayAsync(AppFixture app, TestTenant tenant, Member member, OrgUnit collectedBy, int year, int month, long amountFen,
        long voluntaryFen = 0) =>
        app.InTenantAsync(tenant.TenantId, async db =>
        {
            var now = app.Clock.GetUtcNow();
            db.DuesPayments.Add(new DuesPayment
            {
                Id = Guid.CreateVersion7(now), MemberId = member.Id, OrgUnitId = collectedBy.Id, OrgPath = collectedBy.Path,
                Month = new DateOnly(year, month, 1), AmountFen = amountFen, VoluntaryFen = voluntaryFen, PaidOn = new DateOnly(year, month, 10),
                Method = DuesPaymentMethod.Self, ToCentre = voluntaryFen >= 100_000, CreatedAt = now,
            });
            await db.SaveChangesAsync();
        });

    public static Task BaseAsync(AppFixture app, TestTenant tenant, Member member, int year, int month, DuesCategory category, long baseFen) =>
        app.InTenantAsync(tenant.TenantId, async db =>
        {
            var now = app.Clock.GetUtcNow();
            db.DuesBases.Add(new DuesBase
            {
                Id = Guid.CreateVersion7(now), MemberId = member.Id, OrgUnitId = member.OrgUnitId, EffectiveMonth = new DateOnly(year, month, 1),
                Category = category, BaseFen = baseFen, CreatedAt = now,
            });
            await db.SaveChangesAsync();
        });

    public static Task UsageAsync(AppFixture app, TestTenant tenant, OrgUnit unit, DateOnly spentOn, long amountFen, DuesUsagePurpose purpose) =>
        app.InTenantAsync(tenant.TenantId, async db =>
        {
            var now = app.Clock.GetUtcNow();
            db.DuesUsages.Add(new DuesUsage
            {
                Id = Guid.CreateVersion7(now), OrgUnitId = unit.Id, OrgPath = unit.Path, SpentOn = spentOn, AmountFen = amountFen, Purpose = purpose,
                Description = "测试用途", ApprovedBy = "审批人", ApprovedOn = spentOn, CreatedAt = now,
            });
            await db.SaveChangesAsync();
        });
}
