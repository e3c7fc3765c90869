using Dangjian.Web.Modules.Development;
using Dangjian.Web.Modules.Members;
using Dangjian.Web.Seeding;

namespace Dangjian.Tests.Seeding;

/// <summary>
/// The demo tenant as <c>dotnet run</c> builds it, at the tests' date (2026-11-22): a healthy group with a few weak spots,
/// dates and ages that make sense, and the dashboard's month in progress marked as such.
/// </summary>
public sealed class DemoTenantTests(AppFixture app) : IClassFixture<AppFixture>
{
    [Fact]
    public async Task DemoTenant_AtAFixedDate_MostBranchesGreen_FewWeakLinksWithReasons_MonthInProgressFlagged()
    {
        var (tenant, seed) = await TestTenant.SeedAsync(app, sp => DemoTenant.SeedAsync(sp, TestTenant.Unique("示例集团"), 1500));
        using var admin = await app.ClientForAsync(tenant.Admin);

        var ranked = (await admin.GetJsonAsync($"/api/v1/org-units/{tenant.Root.Id}/compliance/branches?year=2026")).AsArray();
        ranked.Count.ShouldBe(40);
        var red = ranked.Where(b => b!["red"]!.GetValue<int>() > 0).ToList();
        (ranked.Count - red.Count).ShouldBeGreaterThanOrEqualTo(ranked.Count * 8 / 10, "most branches green");
        red.Count.ShouldBeInRange(3, 5, "a handful of weak spots");
        // Every subsidiary has its 综合办公室党支部: the ranking names each branch's parent, so no two rows read the same.
        ranked.Select(b => b!.Str("name")).Distinct().Count().ShouldBeLessThan(ranked.Count);
        ranked.Select(b => b!.Str("name") + " · " + b!.Str("parentName")).Distinct().Count().ShouldBe(ranked.Count);

        var board = await admin.GetJsonAsync($"/api/v1/org-units/{tenant.Root.Id}/dashboard");
        var completion = board["meetingCompletion"]!;
        completion["green"]!.GetValue<int>().ShouldBeGreaterThanOrEqualTo(32);
        var months = board["months"]!.AsArray();
        months.Select(m => m!.Str("month")).ShouldBe(Enumerable.Range(1, 11).Select(m => $"2026-{m:00}"));
        months[^1]!["inProgress"]!.GetValue<bool>().ShouldBeTrue();
        months.Take(10).ShouldAllBe(m => !m!["inProgress"]!.GetValue<bool>());
        // The whole months are healthy: every one of them above 80 % sign-in and 90 % dues.
        foreach (var m in months.Take(10))
        {
            m!["figures"]!["signInRate"]!.GetValue<decimal>().ShouldBeGreaterThan(80m);
            m["figures"]!["duesCollectionRate"]!.GetValue<decimal>().ShouldBeGreaterThan(90m);
        }

        var weak = (await admin.GetJsonAsync($"/api/v1/org-units/{tenant.Root.Id}/weak-links?pageSize=200"))["items"]!.AsArray();
        weak.Count.ShouldBeGreaterThanOrEqualTo(3);
        weak.ShouldAllBe(w => !string.IsNullOrWhiteSpace(w!.Str("reason")));
        weak.ShouldAllBe(w => !string.IsNullOrWhiteSpace(w!.Str("parentName")));
        var rules = weak.Select(w => w!.Str("rule")).ToHashSet();
        foreach (var rule in new[] { "meetings-missed", "low-attendance", "dues-arrears", "term-ending", "development-stalled" }) rules.ShouldContain(rule);
        weak.Count(w => w!.Str("rule") == "dues-arrears").ShouldBe(1, "this month's bills are not late yet");

        var today = new DateOnly(2026, 11, 22);
        var (people, steps) = await app.InTenantAsync(seed.TenantId, async db => (
            await db.Members.AsNoTracking().Select(m => new { m.Category, m.BirthDate, m.JoinedOn, m.FullMemberOn, m.AppliedOn, m.ActivistOn }).ToListAsync(),
            await db.DevelopmentSteps.AsNoTracking().Select(s => new { s.CaseId, s.Step, s.Date }).ToListAsync()));
        people.Count.ShouldBe(1500);
        foreach (var p in people)
        {
            var birth = p.BirthDate!.Value;
            if (p.JoinedOn is { } joined)
            {
                joined.ShouldBeGreaterThanOrEqualTo(birth.AddYears(18), "nobody joined before 18");
                joined.ShouldBeLessThanOrEqualTo(today);
                if (p.Category == MemberCategory.Probationary) (MemberFacts.Age(birth, joined) ?? -1).ShouldBeInRange(18, 45);
            }
            if (p.FullMemberOn is { } full) full.ShouldBeInRange(p.JoinedOn!.Value, today);
            if (p.AppliedOn is { } applied) (MemberFacts.Age(birth, applied) ?? -1).ShouldBeGreaterThanOrEqualTo(18);
            if (p.ActivistOn is { } activist) activist.ShouldBeInRange(p.AppliedOn!.Value, today);
        }
        var posts = await app.InTenantAsync(seed.TenantId, db => db.MemberRecordEntries.AsNoTracking()
            .Join(db.Members, e => e.MemberId, m => m.Id, (e, m) => new { e.StartedOn, m.BirthDate, m.JoinedOn, e.Title }).ToListAsync());
        posts.ShouldNotBeEmpty();
        posts.ShouldAllBe(e => e.StartedOn <= today && e.StartedOn >= e.BirthDate!.Value.AddYears(18), "posts and awards after school age");
        posts.Where(e => e.Title == "优秀共产党员").ShouldAllBe(e => e.JoinedOn < e.StartedOn, "awarded to members");
        steps.Count.ShouldBeGreaterThan(0);
        foreach (var c in steps.GroupBy(s => s.CaseId))
        {
            var ordered = c.OrderBy(s => s.Step).ThenBy(s => s.Date).ToList();
            ordered.Zip(ordered.Skip(1)).ShouldAllBe(x => x.First.Date <= x.Second.Date, "development steps in order");
            ordered.ShouldAllBe(s => s.Date <= today);
        }
    }
}
