using Dangjian.Web.Modules.Members;
using Dangjian.Web.Modules.Organizations;
using Dangjian.Web.Seeding;

namespace Dangjian.Tests.Seeding;

/// <summary>
/// The synthetic tenants: exactly the number of people asked for, no empty branch, the two branches that break the
/// size rules on purpose, and the same roster for the same seed.
/// </summary>
public sealed class TenantSeederTests(AppFixture app) : IClassFixture<AppFixture>
{
    [Theory]
    [InlineData(300)]
    [InlineData(1_500)]    // the demo tenant
    [InlineData(20_000)]
    [InlineData(200_000)]  // the benchmark tenant (rounding used to leave it 392 over and its first branch empty)
    [InlineData(1_000_000)]
    public void RosterSizes_Plan_AddUpExactlyWithNoEmptyBranch(int members)
    {
        var plan = new SeedPlan("x", members);
        var sizes = TenantSeeder.RosterSizes(plan.Members, plan.Branches, new Random(plan.Seed));

        sizes.Length.ShouldBe(plan.Branches);
        sizes.Sum().ShouldBe(members);
        sizes[1].ShouldBe(56);
        sizes[2].ShouldBe(2);
        sizes.Where((_, i) => i != 2).ShouldAllBe(s => s >= 3);
    }

    [Fact]
    public void RosterSizes_SameSeed_SameSizes() =>
        TenantSeeder.RosterSizes(1_500, 40, new Random(20261122)).ShouldBe(TenantSeeder.RosterSizes(1_500, 40, new Random(20261122)));

    [Fact]
    public async Task SeedAsync_DemoSizedPlanTwice_ExactCountEveryBranchStaffedAndSameRoster()
    {
        var first = await SeedAsync();
        var second = await SeedAsync();

        first.Result.Members.ShouldBe(1_500);
        first.Roster.Count.ShouldBe(1_500);
        first.EmptyBranches.ShouldBeEmpty();
        first.Roster.ShouldBe(second.Roster);
        first.Result.Units.ShouldBe(second.Result.Units);
        first.Result.Terms.ShouldBe(second.Result.Terms);
    }

    private async Task<(SeedResult Result, List<string> Roster, List<string> EmptyBranches)> SeedAsync()
    {
        SeedResult result;
        await using (var scope = app.Services.CreateAsyncScope())
        {
            result = await scope.ServiceProvider.GetRequiredService<TenantSeeder>()
                .SeedAsync(new SeedPlan("种子测试" + Guid.NewGuid().ToString("N")[..8], 1_500));
        }
        return await app.InTenantAsync(result.TenantId, async db =>
        {
            var units = await db.OrgUnits.AsNoTracking().ToListAsync();
            var members = await db.Members.AsNoTracking().ToListAsync();
            var names = units.ToDictionary(u => u.Id, u => u.Name);
            // Unit keys and ids are random; names, people and their units are what the seed fixes.
            var roster = members.Select(m => $"{names[m.OrgUnitId]}|{m.Name}|{m.Category}|{m.BirthDate:yyyy-MM-dd}|{m.IdNumberMasked}")
                .Order(StringComparer.Ordinal).ToList();
            var empty = units.Where(u => u.Kind == OrgUnitKind.Branch && !members.Any(m => m.OrgPath.StartsWith(u.Path, StringComparison.Ordinal)))
                .Select(u => u.Name).ToList();
            return (result, roster, empty);
        });
    }
}
