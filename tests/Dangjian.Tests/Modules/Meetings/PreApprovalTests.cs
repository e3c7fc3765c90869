using System.Net;
using System.Net.Http.Json;
using Dangjian.Web.Modules.Meetings;
using Dangjian.Web.Modules.Organizations;
using Dangjian.Web.Platform.Auth;

namespace Dangjian.Tests.Modules.Meetings;

/// <summary>预审报备: rule tables, and the plan of a 支部党员大会 submitted by the branch and decided by the committee.</summary>
public sealed class PreApprovalTests(AppFixture app) : IClassFixture<AppFixture>
{
    private static readonly DateTimeOffset Start = new(2026, 12, 1, 9, 0, 0, TimeSpan.FromHours(8));

    [Theory]
    [InlineData(-7 * 24 * 60, false)]     // exactly seven days before: in time
    [InlineData(-7 * 24 * 60 + 1, true)]  // a minute later: late
    [InlineData(-30 * 24 * 60, false)]
    [InlineData(-60, true)]
    public void SubmittedLate_SevenDaysBefore(int minutesFromStart, bool late) =>
        PreApprovalRules.SubmittedLate(Start.AddMinutes(minutesFromStart), Start, 7).ShouldBe(late);

    [Theory]
    [InlineData(PreApproval.NotRequired, -1, false)]
    [InlineData(PreApproval.Approved, 0, false)]
    [InlineData(PreApproval.Submitted, -1, false)] // not started yet
    [InlineData(PreApproval.Submitted, 0, true)]   // starts without the approval
    [InlineData(PreApproval.NotSubmitted, 5, true)]
    [InlineData(PreApproval.Returned, 5, true)]
    public void HeldWithoutApproval(PreApproval state, int minutesAfterStart, bool marked) =>
        PreApprovalRules.HeldWithoutApproval(state, Start, Start.AddMinutes(minutesAfterStart)).ShouldBe(marked);

    [Theory]
    [InlineData(MeetingType.BranchGeneralMeeting, PreApproval.NotSubmitted)]
    [InlineData(MeetingType.OrgLifeMeeting, PreApproval.NotSubmitted)]
    [InlineData(MeetingType.ThemeDay, PreApproval.NotRequired)]
    public void Initial_ByTypeFromSettings(MeetingType type, PreApproval expected)
    {
        PreApprovalRules.Initial(type, new MeetingOptions()).ShouldBe(expected);
        PreApprovalRules.Initial(MeetingType.ThemeDay, new MeetingOptions { PreApprovalTypes = ["ThemeDay"] }).ShouldBe(PreApproval.NotSubmitted);
    }

    [Fact]
    public async Task Branch_Submits_Committee_ReturnsWithReason_ThenApproves()
    {
        var tenant = await TestTenant.CreateAsync(app);
        var branch = await tenant.AddUnitAsync(tenant.Root, OrgUnitKind.Branch);
        await tenant.AddMembersAsync(branch, 3);
        var secretaryUser = await tenant.AddUserAsync(branch, AppRole.BranchSecretary);
        var committeeUser = await tenant.AddUserAsync(tenant.Root, AppRole.PartyAffairsWorker);
        var secretary = await app.ClientForAsync(secretaryUser);
        var committee = await app.ClientForAsync(committeeUser);
        var start = app.Clock.GetUtcNow().AddDays(10);
        using var created = await secretary.PostAsJsonAsync("/api/v1/meetings", new
        {
            orgUnitId = branch.Id, type = "BranchGeneralMeeting", topic = "讨论接收预备党员", startsAt = start, endsAt = start.AddHours(2),
        });
        var meeting = (await created.ShouldHaveStatusAsync(HttpStatusCode.Created))!;
        var id = meeting.Id();
        meeting["preApproval"]!.Str("state").ShouldBe("NotSubmitted");

        (await committee.PostAsJsonAsync($"/api/v1/meetings/{id}/pre-approval", new { decision = "Approved" })).StatusCode.ShouldBe(HttpStatusCode.Conflict);
        var submitted = (await (await secretary.PostAsync($"/api/v1/meetings/{id}/pre-approval/submit", null)).ShouldHaveStatusAsync(HttpStatusCode.OK))!;
        (submitted["preApproval"]!.Str("state"), submitted["preApproval"]!["submittedLate"]!.GetValue<bool>()).ShouldBe(("Submitted", false));
        (await secretary.PostAsync($"/api/v1/meetings/{id}/pre-approval/submit", null)).StatusCode.ShouldBe(HttpStatusCode.Conflict);

        // The branch cannot approve its own plan.
        (await secretary.PostAsJsonAsync($"/api/v1/meetings/{id}/pre-approval", new { decision = "Approved" })).StatusCode.ShouldBe(HttpStatusCode.Forbidden);
        using var noReason = await committee.PostAsJsonAsync($"/api/v1/meetings/{id}/pre-approval", new { decision = "Returned" });
        (await noReason.ShouldHaveStatusAsync(HttpStatusCode.BadRequest))!["errors"]!.AsObject().Select(e => e.Key).ShouldBe(["reason"]);
        var back = (await (await committee.PostAsJsonAsync($"/api/v1/meetings/{id}/pre-approval", new { decision = "Returned", reason = "议程缺少发展对象的公示情况" }))
            .ShouldHaveStatusAsync(HttpStatusCode.OK))!;
        back["preApproval"]!.Str("returnReason").ShouldBe("议程缺少发展对象的公示情况");

        app.Clock.Advance(TimeSpan.FromDays(4)); // resubmitted six days before: late (signed in afresh, four days on)
        secretary = await app.ClientForAsync(secretaryUser);
        committee = await app.ClientForAsync(committeeUser);
        var again = (await (await secretary.PostAsync($"/api/v1/meetings/{id}/pre-approval/submit", null)).ShouldHaveStatusAsync(HttpStatusCode.OK))!;
        again["preApproval"]!["submittedLate"]!.GetValue<bool>().ShouldBeTrue();
        var approved = (await (await committee.PostAsJsonAsync($"/api/v1/meetings/{id}/pre-approval", new { decision = "Approved" }))
            .ShouldHaveStatusAsync(HttpStatusCode.OK))!;
        (approved["preApproval"]!.Str("state"), approved["preApproval"]!["heldWithoutApproval"]!.GetValue<bool>()).ShouldBe(("Approved", false));

        using var theme = await secretary.PostAsJsonAsync("/api/v1/meetings", new
        {
            orgUnitId = branch.Id, type = "ThemeDay", topic = "主题党日", startsAt = start, endsAt = start.AddHours(2),
        });
        var themeId = (await theme.ShouldHaveStatusAsync(HttpStatusCode.Created))!.Id();
        (await secretary.PostAsync($"/api/v1/meetings/{themeId}/pre-approval/submit", null)).StatusCode.ShouldBe(HttpStatusCode.Conflict);
    }
}
