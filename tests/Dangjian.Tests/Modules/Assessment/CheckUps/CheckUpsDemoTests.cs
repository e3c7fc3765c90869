using Dangjian.Web.Data;
using Dangjian.Web.Modules.Assessment.CheckUps;
using Dangjian.Web.Modules.Dues;
using Dangjian.Web.Platform.Jobs;
using Dangjian.Web.Seeding;
using Dangjian.Web.Seeding.Assessment;

namespace Dangjian.Tests.Modules.Assessment.CheckUps;

/// <summary>
/// The demo's check-ups hold together: last quarter's for most party members, some reviewed, and warnings the job itself
/// raised from the demo's weak spots (the branch in arrears, the missing check-ups, the talks), some handled; the job run
/// again finds nothing new.
/// </summary>
public sealed class CheckUpsDemoTests(AppFixture app) : IClassFixture<AppFixture>
{
    [Fact]
    public async Task Demo_CheckUpsOfLastQuarter_AndWarningsFromTheWeakSpots()
    {
        var (tenant, _) = await TestTenant.SeedAsync(app, 300);
        await using (var scope = app.Scope(tenant.TenantId))
        {
            var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
            await MeetingsDemo.SeedAsync(db, app.Clock);
            await DuesDemo.SeedAsync(db, app.Clock, new DuesOptions());
            await CheckUpsDemo.SeedAsync(scope.ServiceProvider, db, app.Clock, default);
        }
        var (all, party, warnings) = await app.InTenantAsync(tenant.TenantId, async db => (
            await db.CheckUps.AsNoTracking().ToListAsync(), await CheckUpsAccess.PartyMembers(db).CountAsync(), await db.EarlyWarnings.AsNoTracking().ToListAsync()));

        // The test clock stands on 2026-11-22: last quarter is 2026 Q3, and its window has closed; Q4 is under way.
        all.ShouldAllBe(c => c.Year == 2026 && (c.Quarter == 3 || c.Quarter == 4));
        var checkUps = all.Where(c => c.Quarter == 3).ToList();
        checkUps.ShouldAllBe(c => c.SubmittedAt != null);
        var current = all.Where(c => c.Quarter == 4).ToList();
        current.Count(c => c.SubmittedAt != null).ShouldBeInRange(party / 5, party / 3);
        current.ShouldContain(c => c.SubmittedAt == null && c.Measures == null);
        current.ShouldAllBe(c => c.Result == null);
        checkUps.Count.ShouldBeInRange(party * 8 / 10, party - 1);
        checkUps.Count(c => c.Result != null).ShouldBeInRange(checkUps.Count / 5, checkUps.Count / 2);
        checkUps.ShouldContain(c => c.Result == CheckUpResult.Talk);
        checkUps.ShouldContain(c => c.Result == CheckUpResult.Attention);

        warnings.Count(w => w.Kind == WarningKind.CheckUpMissing).ShouldBe(party - checkUps.Count);
        warnings.Count(w => w.Kind == WarningKind.ReviewTalk).ShouldBe(checkUps.Count(c => c.Result == CheckUpResult.Talk));
        // Arrears: the party members whose last month paid for is July or earlier (three whole months, August to October, unpaid).
        var behind = await app.InTenantAsync(tenant.TenantId, async db => (await db.DuesPayments.AsNoTracking().GroupBy(p => p.MemberId)
                .Select(g => new { g.Key, Last = g.Max(p => p.Month) }).ToListAsync())
            .Where(x => x.Last <= new DateOnly(2026, 7, 1)).Select(x => x.Key).ToHashSet());
        var partyIds = await app.InTenantAsync(tenant.TenantId, async db => (await CheckUpsAccess.PartyMembers(db).Select(m => m.Id).ToListAsync()).ToHashSet());
        warnings.Where(w => w.Kind == WarningKind.DuesArrears).Select(w => w.MemberId).ShouldBe(behind.Where(partyIds.Contains), ignoreOrder: true);
        warnings.Where(w => w.Kind == WarningKind.DuesArrears).ShouldAllBe(w => w.EvidenceNumber >= 3);
        warnings.ShouldContain(w => w.Status == WarningStatus.Handled && w.Measure != null && w.Note != null);
        warnings.ShouldContain(w => w.Status == WarningStatus.Dismissed);
        warnings.ShouldContain(w => w.Status == WarningStatus.Open);
        warnings.GroupBy(w => (w.MemberId, w.Kind)).ShouldAllBe(g => g.Count() == 1);

        await app.Services.GetServices<IJob>().Single(j => j.Name == "checkup-warnings").RunAsync(app.Services, CancellationToken.None);
        (await app.InTenantAsync(tenant.TenantId, db => db.EarlyWarnings.CountAsync())).ShouldBe(warnings.Count);
    }
}
