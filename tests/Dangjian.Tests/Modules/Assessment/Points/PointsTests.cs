using Dangjian.Web.Platform.Clock;
using System.Net;
using System.Net.Http.Json;
using Dangjian.Web.Modules.Assessment;
using Dangjian.Web.Modules.Assessment.Indicators;
using Dangjian.Web.Modules.Assessment.Points;
using Dangjian.Web.Modules.Meetings;
using Dangjian.Web.Modules.Meetings.Attendance;
using Dangjian.Web.Modules.Members;
using Dangjian.Web.Modules.Organizations;
using Dangjian.Web.Platform.Auth;

namespace Dangjian.Tests.Modules.Assessment.Points;

/// <summary>
/// The points bank through the app: a group leader's claim approved by the branch secretary (PA-8) shows in the member's
/// statement and the branch's ranking; caps refuse a claim (PA-7); automatic points counted twice are counted once (PA-6).
/// </summary>
public sealed class PointsTests(AppFixture app) : IClassFixture<AppFixture>
{
    private sealed record World(TestTenant Tenant, OrgUnit Branch, OrgUnit Group, OrgUnit Other, IReadOnlyList<Member> Members, Member Outsider,
        TestUser Leader, TestUser Secretary);

    private async Task<World> WorldAsync()
    {
        var tenant = await TestTenant.CreateAsync(app);
        var branch = await tenant.AddUnitAsync(tenant.Root, OrgUnitKind.Branch, TestTenant.Unique("积分支部"));
        var group = await tenant.AddUnitAsync(branch, OrgUnitKind.Group, TestTenant.Unique("第一党小组"));
        var other = await tenant.AddUnitAsync(tenant.Root, OrgUnitKind.Branch, TestTenant.Unique("兄弟支部"));
        var members = await tenant.AddMembersAsync(group, 3);
        var outsider = (await tenant.AddMembersAsync(other, 1))[0];
        var leader = await tenant.AddUserAsync(group, AppRole.GroupLeader);
        var secretary = await tenant.AddUserAsync(branch, AppRole.BranchSecretary);
        return new World(tenant, branch, group, other, members, outsider, leader, secretary);
    }

    private static async Task<Guid> RuleIdAsync(HttpClient client, string code)
    {
        var scheme = await client.GetJsonAsync("/api/v1/points/scheme");
        return scheme["rules"]!.AsArray().Single(r => r!.Str("code") == code)!.Id();
    }

    [Fact]
    public async Task Claim_ApprovedBySecretary_ShowsInStatementAndRanking()
    {
        var w = await WorldAsync();
        using var leader = await app.ClientForAsync(w.Leader);
        using var secretary = await app.ClientForAsync(w.Secretary);
        var service = await RuleIdAsync(leader, "SERVICE");
        var member = w.Members[0];

        using var recorded = await leader.PostAsJsonAsync("/api/v1/points/claims", new { memberId = member.Id, ruleId = service, reason = "社区志愿服务" });
        var claim = (await recorded.ShouldHaveStatusAsync(HttpStatusCode.Created))!;
        claim.Str("status").ShouldBe("Pending");
        claim["points"]!.GetValue<int>().ShouldBe(2);

        // A member of the sibling branch is outside the leader's group: not found.
        using var foreign = await leader.PostAsJsonAsync("/api/v1/points/claims", new { memberId = w.Outsider.Id, ruleId = service, reason = "x" });
        await foreign.ShouldHaveStatusAsync(HttpStatusCode.NotFound);
        // The leader records but does not decide.
        using var byLeader = await leader.PostAsync($"/api/v1/points/claims/{claim.Id()}/approve", null);
        await byLeader.ShouldHaveStatusAsync(HttpStatusCode.Forbidden);

        var pending = await secretary.GetJsonAsync($"/api/v1/org-units/{w.Branch.Id}/points/claims");
        pending["items"]!.AsArray().Select(c => c!.Id()).ShouldBe([claim.Id()]);
        pending["items"]![0]!["canDecide"]!.GetValue<bool>().ShouldBeTrue();

        using var approved = await secretary.PostAsync($"/api/v1/points/claims/{claim.Id()}/approve", null);
        (await approved.ShouldHaveStatusAsync(HttpStatusCode.OK))!.Str("status").ShouldBe("Approved");
        // Deciding again changes nothing.
        using var again = await secretary.PostAsync($"/api/v1/points/claims/{claim.Id()}/approve", null);
        await again.ShouldHaveStatusAsync(HttpStatusCode.Conflict);

        var account = await w.Tenant.AddMemberAccountAsync(w.Group, member.Id);
        using var own = await app.ClientForAsync(account);
        var mine = await own.GetJsonAsync("/api/v1/me/points");
        mine["base"]!.GetValue<int>().ShouldBe(DefaultScheme.Base);
        mine["approved"]!.GetValue<int>().ShouldBe(2);
        mine["score"]!.GetValue<int>().ShouldBe(DefaultScheme.Base + 2);
        var line = mine["items"]!.AsArray().Single()!;
        line.Str("ruleCode").ShouldBe("SERVICE");
        line.Str("status").ShouldBe("Approved");
        line.Str("decidedBy").ShouldBe(w.Secretary.DisplayName);

        // The member reads the ranking of their branch, not the tenant's.
        var ranking = await own.GetJsonAsync($"/api/v1/org-units/{w.Branch.Id}/points/ranking");
        var first = ranking["rows"]!["items"]![0]!;
        first.Id("memberId").ShouldBe(member.Id);
        first["rank"]!.GetValue<int>().ShouldBe(1);
        first["points"]!.GetValue<int>().ShouldBe(2);
        first["me"]!.GetValue<bool>().ShouldBeTrue();
        ranking["mine"]!["rank"]!.GetValue<int>().ShouldBe(1);
        ranking["partyMembers"]!.GetValue<int>().ShouldBe(3);
        ranking["withPoints"]!.GetValue<int>().ShouldBe(1);
        ranking["participation"]!.GetValue<decimal>().ShouldBe(0.3333m);
        using var rootRanking = await own.GetAsync($"/api/v1/org-units/{w.Tenant.Root.Id}/points/ranking");
        rootRanking.StatusCode.ShouldBeOneOf(HttpStatusCode.Forbidden, HttpStatusCode.NotFound);

        // The month's ranking is grouped from the lines and agrees with the year's.
        var month = await secretary.GetJsonAsync($"/api/v1/org-units/{w.Branch.Id}/points/ranking?month={app.Clock.Today().Month}");
        month["rows"]!["items"]![0]!["points"]!.GetValue<int>().ShouldBe(2);
        using var export = await secretary.GetAsync($"/api/v1/org-units/{w.Branch.Id}/points/ranking/export");
        export.StatusCode.ShouldBe(HttpStatusCode.OK);
        (await export.Content.ReadAsByteArrayAsync()).Length.ShouldBeGreaterThan(100);

        // The other parts of the module read the same balance.
        await using var scope = app.Scope(w.Tenant.TenantId);
        var totals = await scope.ServiceProvider.GetRequiredService<IMemberPointsTotals>().TotalsAsync([member.Id, w.Members[1].Id], app.Clock.Today().Year, default);
        totals.ShouldBe(new Dictionary<Guid, int> { [member.Id] = 2 });
        var sources = scope.ServiceProvider.GetServices<IIndicatorSource>().ToDictionary(s => s.Key);
        var units = new[] { new IndicatorUnit(w.Branch.Id, w.Branch.Path), new IndicatorUnit(w.Other.Id, w.Other.Path) };
        var participation = await sources["points.participation"].ValuesAsync(units, app.Clock.Today().Year, default);
        participation[w.Branch.Id].ShouldBe(0.3333m);
        participation[w.Other.Id].ShouldBe(0m);
        (await sources["points.average"].ValuesAsync(units, app.Clock.Today().Year, default))[w.Branch.Id].ShouldBe(0.67m);
        var ledger = await app.InTenantAsync(w.Tenant.TenantId, db => db.LedgerEntries.CountAsync(e => e.Kind == PointsLedger.Kind && e.SubjectId == member.Id.ToString()));
        ledger.ShouldBe(1);
    }

    [Fact]
    public async Task Claims_AboveTheDailyCap_Refused_AndOwnClaimNotApprovedByItsRecorder()
    {
        var w = await WorldAsync();
        using var secretary = await app.ClientForAsync(w.Secretary);
        var service = await RuleIdAsync(secretary, "SERVICE"); // 2 points, 4 a day
        var member = w.Members[1];
        var ids = new List<Guid>();
        for (var i = 0; i < 2; i++)
        {
            using var ok = await secretary.PostAsJsonAsync("/api/v1/points/claims", new { memberId = member.Id, ruleId = service, reason = "服务" + i });
            ids.Add((await ok.ShouldHaveStatusAsync(HttpStatusCode.Created))!.Id());
        }
        using var over = await secretary.PostAsJsonAsync("/api/v1/points/claims", new { memberId = member.Id, ruleId = service, reason = "第三次" });
        var refusal = (await over.ShouldHaveStatusAsync(HttpStatusCode.UnprocessableEntity))!;
        refusal.ToJsonString().ShouldContain("pa-7");

        // The secretary recorded these two: someone else decides them.
        using var own = await secretary.PostAsync($"/api/v1/points/claims/{ids[0]}/approve", null);
        (await own.ShouldHaveStatusAsync(HttpStatusCode.UnprocessableEntity))!.ToJsonString().ShouldContain("pa-8");
        using var admin = await app.ClientForAsync(w.Tenant.Admin);
        using var rejectWithout = await admin.PostAsJsonAsync($"/api/v1/points/claims/{ids[0]}/reject", new { reason = "" });
        await rejectWithout.ShouldHaveStatusAsync(HttpStatusCode.BadRequest);
        using var rejected = await admin.PostAsJsonAsync($"/api/v1/points/claims/{ids[0]}/reject", new { reason = "无活动记录" });
        (await rejected.ShouldHaveStatusAsync(HttpStatusCode.OK))!.Str("status").ShouldBe("Rejected");
        // A rejected line frees its room under the cap.
        using var again = await secretary.PostAsJsonAsync("/api/v1/points/claims", new { memberId = member.Id, ruleId = service, reason = "补充" });
        await again.ShouldHaveStatusAsync(HttpStatusCode.Created);
        var statement = await admin.GetJsonAsync($"/api/v1/members/{member.Id}/points");
        statement["approved"]!.GetValue<int>().ShouldBe(0);
        statement["pending"]!.GetValue<int>().ShouldBe(2);
        // The sibling branch's secretary sees nothing of it.
        var otherSecretary = await w.Tenant.AddUserAsync(w.Other, AppRole.BranchSecretary);
        using var sibling = await app.ClientForAsync(otherSecretary);
        using var hidden = await sibling.GetAsync($"/api/v1/members/{member.Id}/points");
        hidden.StatusCode.ShouldBe(HttpStatusCode.NotFound);
        using var hiddenClaim = await sibling.PostAsync($"/api/v1/points/claims/{ids[1]}/approve", null);
        hiddenClaim.StatusCode.ShouldBe(HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task Scheme_ChangedOnlyAtTheRoot()
    {
        var w = await WorldAsync();
        using var secretary = await app.ClientForAsync(w.Secretary);
        var body = new { code = "READ", name = "读书分享", kind = "Claim", source = "Other", points = 3, dailyCap = 3 };
        using var refused = await secretary.PostAsJsonAsync("/api/v1/points/rules", body);
        await refused.ShouldHaveStatusAsync(HttpStatusCode.Forbidden);
        using var admin = await app.ClientForAsync(w.Tenant.Admin);
        using var created = await admin.PostAsJsonAsync("/api/v1/points/rules", body);
        var rule = (await created.ShouldHaveStatusAsync(HttpStatusCode.Created))!;
        using var duplicate = await admin.PostAsJsonAsync("/api/v1/points/rules", body);
        await duplicate.ShouldHaveStatusAsync(HttpStatusCode.Conflict);
        using var wrongKind = await admin.PostAsJsonAsync("/api/v1/points/rules", body with { code = "X1", source = "MeetingAttended" });
        (await wrongKind.ShouldHaveStatusAsync(HttpStatusCode.BadRequest))!["errors"]!.AsObject().Select(e => e.Key).ShouldBe(["source"]);
        using var updated = await admin.PutAsJsonAsync($"/api/v1/points/rules/{rule.Id()}", body with { points = 4, dailyCap = 8 });
        (await updated.ShouldHaveStatusAsync(HttpStatusCode.OK))!["points"]!.GetValue<int>().ShouldBe(4);
        using var setBase = await admin.PutAsJsonAsync("/api/v1/points/scheme", new { @base = 70 });
        (await setBase.ShouldHaveStatusAsync(HttpStatusCode.OK))!["base"]!.GetValue<int>().ShouldBe(70);
        var seen = await secretary.GetJsonAsync("/api/v1/points/scheme");
        seen["base"]!.GetValue<int>().ShouldBe(70);
        seen["canEdit"]!.GetValue<bool>().ShouldBeFalse();
        seen["rules"]!.AsArray().Count.ShouldBe(DefaultScheme.Items.Count + 1);
    }

    [Fact]
    public async Task AutoPoints_RunTwice_AwardOnce_UpToTheMonthlyCap()
    {
        var w = await WorldAsync();
        var today = app.Clock.Today();
        // The month before the clock's (November 2026): its meetings are behind it and in its year.
        var month = new DateOnly(today.Year, today.Month, 1).AddMonths(-1);
        month.Year.ShouldBe(today.Year);
        var firstOfMonth = new DateTimeOffset(month.Year, month.Month, 1, 9, 0, 0, TimeSpan.FromHours(8));
        var (attender, absentee, onLeave) = (w.Members[0], w.Members[1], w.Members[2]);
        await app.InTenantAsync(w.Tenant.TenantId, async db =>
        {
            for (var i = 0; i < 5; i++)
            {
                var meetingId = Guid.NewGuid();
                var starts = firstOfMonth.AddDays(i * 3).ToUniversalTime();
                foreach (var (m, outcome) in new[] { (attender, AttendanceOutcome.Present), (absentee, i == 0 ? AttendanceOutcome.Absent : AttendanceOutcome.Late), (onLeave, AttendanceOutcome.OnLeave) })
                {
                    db.MeetingAttendances.Add(new MeetingAttendance
                    {
                        Id = Guid.NewGuid(), MeetingId = meetingId, MemberId = m.Id, OrgPath = m.OrgPath, MeetingType = MeetingType.GroupMeeting, StartsAt = starts,
                        Month = starts.Year * 100 + starts.Month, Outcome = outcome,
                    });
                }
            }
            await db.SaveChangesAsync();
        });

        async Task<int> RunAsync()
        {
            await using var scope = app.Scope(w.Tenant.TenantId);
            return await scope.ServiceProvider.GetRequiredService<PointsAwarder>().RunAsync(today.Year, default);
        }
        var first = await RunAsync();
        var second = await RunAsync();
        second.ShouldBe(0);
        var written = await app.InTenantAsync(w.Tenant.TenantId, db => db.PointsEntries.AsNoTracking().ToListAsync());
        first.ShouldBe(written.Count);
        int Count(Member m, string code) => written.Count(e => e.MemberId == m.Id && e.RuleCode == code);
        // The attender's five meetings fill the monthly cap of 8 with four lines; the absentee's four (8) and one absence.
        Count(attender, "MEETING").ShouldBe(4);
        Count(absentee, "MEETING").ShouldBe(4);
        Count(absentee, "ABSENT").ShouldBe(1);
        Count(onLeave, "MEETING").ShouldBe(0);
        Count(onLeave, "ABSENT").ShouldBe(0);
        // No dues were paid: every month that ended more than a month ago (ArrearsAfterMonths 1) is one deduction.
        var dueMonths = Enumerable.Range(1, 12).Count(m => new DateOnly(today.Year, m, 1).AddMonths(2).AddDays(-1) < today);
        dueMonths.ShouldBeGreaterThan(0);
        Count(onLeave, "ARREARS").ShouldBe(dueMonths);
        written.Where(e => e.MemberId == attender.Id && e.RuleCode == "ARREARS").Select(e => e.SourceKey).Distinct().Count().ShouldBe(dueMonths);

        var balances = await app.InTenantAsync(w.Tenant.TenantId, db => db.PointsBalances.AsNoTracking().Where(b => b.Year == today.Year).ToDictionaryAsync(b => b.MemberId, b => b.Total));
        balances[attender.Id].ShouldBe(8 - 2 * dueMonths);
        balances[absentee.Id].ShouldBe(8 - 2 - 2 * dueMonths);
        balances[onLeave.Id].ShouldBe(-2 * dueMonths);
        written.ShouldAllBe(l => l.Status == PointsStatus.Approved && l.Kind == PointsKind.Auto);
        using var admin = await app.ClientForAsync(w.Tenant.Admin);
        var statement = await admin.GetJsonAsync($"/api/v1/members/{absentee.Id}/points");
        statement["approved"]!.GetValue<int>().ShouldBe(8 - 2 - 2 * dueMonths);
        statement["items"]!.AsArray().Select(i => i!.Str("ruleCode")).ShouldContain("ABSENT");
    }
}
