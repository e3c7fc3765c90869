using System.Net;
using System.Net.Http.Json;
using Dangjian.Web.Modules.Meetings;
using Dangjian.Web.Modules.Meetings.Compliance;
using Dangjian.Web.Modules.Organizations;
using Dangjian.Web.Platform.Auth;

namespace Dangjian.Tests.Modules.Meetings;

/// <summary>The compliance calendar: periods in China time, green/yellow/red/exempt, the branches table.</summary>
public sealed class ComplianceTests(AppFixture app) : IClassFixture<AppFixture>
{
    private static readonly DateOnly Today = new(2026, 11, 22);

    private static PeriodStatus Period(MeetingType type, string label, bool committee = true, bool groups = true, int dueSoon = 7,
        params (MeetingType, string)[] held)
    {
        var calendar = ComplianceRules.Calendar(ComplianceRules.Defaults, 2026, Today, committee, groups,
            held.Select(h => (h.Item1, DateOnly.Parse(h.Item2, System.Globalization.CultureInfo.InvariantCulture))).ToList(), dueSoon);
        return calendar.Single(c => c.Requirement.Type == type).Periods.Single(p => p.Period == label);
    }

    [Theory]
    [InlineData("2026-03-31", "2026-Q1", "green")]   // held on the last day of the quarter
    [InlineData("2026-04-01", "2026-Q1", "red")]     // the next day belongs to Q2
    [InlineData("2026-04-01", "2026-Q2", "green")]
    [InlineData("2026-10-08", "2026-Q4", "green")]
    [InlineData("2026-09-30", "2026-Q4", "yellow")]  // Q4 is open on 2026-11-22 and nothing held in it yet
    public void BranchGeneralMeeting_Quarterly(string held, string period, string status) =>
        Period(MeetingType.BranchGeneralMeeting, period, held: (MeetingType.BranchGeneralMeeting, held)).Status.ShouldBe(status);

    [Theory]
    [InlineData("2026-10", "red")]
    [InlineData("2026-11", "yellow")]
    [InlineData("2026-12", "yellow")]  // not yet started
    public void ThemeDay_Monthly_NothingHeld(string period, string status) => Period(MeetingType.ThemeDay, period).Status.ShouldBe(status);

    [Fact]
    public void Exemptions_NoCommittee_NoGroups()
    {
        Period(MeetingType.CommitteeMeeting, "2026-10", committee: false).Status.ShouldBe("exempt");
        Period(MeetingType.CommitteeMeeting, "2026-10", committee: true).Status.ShouldBe("red");
        Period(MeetingType.GroupMeeting, "2026-10", groups: false).Status.ShouldBe("exempt");
        Period(MeetingType.GroupMeeting, "2026-10", groups: false).Required.ShouldBe(0);
    }

    [Theory]
    [InlineData(9, true)]   // 30 Nov − 22 Nov = 8 days left: inside a 9-day window
    [InlineData(8, false)]  // … but not inside an 8-day one
    [InlineData(7, false)]
    [InlineData(30, true)]
    public void DueSoon_Window(int days, bool dueSoon) => Period(MeetingType.ThemeDay, "2026-11", dueSoon: days).DueSoon.ShouldBe(dueSoon);

    [Fact]
    public void Settings_ChangeOrRemoveARequirement()
    {
        var changed = ComplianceRules.WithSettings(new Dictionary<string, string> { ["PartyLecture"] = "Month", ["HeartTalk"] = "None" });
        changed.Single(r => r.Type == MeetingType.PartyLecture).Period.ShouldBe(PeriodKind.Month);
        changed.ShouldNotContain(r => r.Type == MeetingType.HeartTalk);
    }

    [Fact]
    public async Task Api_CalendarOfABranch_AndTheBranchesTable()
    {
        var tenant = await TestTenant.CreateAsync(app);
        var good = await tenant.AddUnitAsync(tenant.Root, OrgUnitKind.Branch, TestTenant.Unique("好支部"));
        var poor = await tenant.AddUnitAsync(tenant.Root, OrgUnitKind.Branch, TestTenant.Unique("差支部"));
        using var admin = await app.ClientForAsync(tenant.Admin);
        // A 支部党员大会 at 23:30 China time on the last day of Q3 (15:30 UTC) belongs to Q3; a cancelled one counts for nothing.
        var lastEvening = new DateTimeOffset(2026, 9, 30, 23, 30, 0, TimeSpan.FromHours(8));
        await app.InTenantAsync(tenant.TenantId, async db =>
        {
            db.Meetings.Add(Meeting(good, MeetingType.BranchGeneralMeeting, lastEvening, MeetingStatus.Planned));
            db.Meetings.Add(Meeting(poor, MeetingType.BranchGeneralMeeting, lastEvening, MeetingStatus.Cancelled));
            await db.SaveChangesAsync();
        });

        var calendar = await admin.GetJsonAsync($"/api/v1/org-units/{good.Id}/compliance?year=2026");
        var general = calendar["requirements"]!.AsArray().Single(r => r!.Str("type") == "BranchGeneralMeeting")!;
        general.Str("article").ShouldContain("第十一条");
        general["periods"]!.AsArray().Select(p => p!.Str("status")).ShouldBe(["red", "red", "green", "yellow"]);
        var committee = calendar["requirements"]!.AsArray().Single(r => r!.Str("type") == "CommitteeMeeting")!;
        committee["exempt"]!.GetValue<bool>().ShouldBeTrue(); // no committee elected
        (await admin.GetAsync($"/api/v1/org-units/{good.Id}/compliance?year=1999")).StatusCode.ShouldBe(HttpStatusCode.BadRequest);

        var table = await admin.GetJsonAsync($"/api/v1/org-units/{tenant.Root.Id}/compliance/branches?year=2026");
        var rows = table.AsArray().ToDictionary(r => r!.Str("name"), r => r!["red"]!.GetValue<int>());
        rows[poor.Name].ShouldBe(rows[good.Name] + 1);
        table.AsArray()[0]!.Str("name").ShouldBe(poor.Name); // most red first

        // A meeting planned for next week does not count yet.
        await app.InTenantAsync(tenant.TenantId, async db =>
        {
            db.Meetings.Add(Meeting(poor, MeetingType.BranchGeneralMeeting, app.Clock.GetUtcNow().AddDays(7), MeetingStatus.Planned));
            await db.SaveChangesAsync();
        });
        (await admin.GetJsonAsync($"/api/v1/org-units/{poor.Id}/compliance?year=2026"))["requirements"]!.AsArray()
            .Single(r => r!.Str("type") == "BranchGeneralMeeting")!["periods"]!.AsArray()[3]!.Str("status").ShouldBe("yellow");
        var page = await admin.GetStringAsync($"/meetings/compliance?unit={good.Id}&year=2026");
        page.ShouldContain("三会一课落实情况");
        page.ShouldContain("cell green");
        (await admin.GetStringAsync($"/meetings/compliance?unit={tenant.Root.Id}&year=2026")).ShouldContain(poor.Name);

        using var outsider = await app.ClientForAsync(await tenant.AddUserAsync(poor, AppRole.BranchSecretary));
        (await outsider.GetAsync($"/api/v1/org-units/{good.Id}/compliance?year=2026")).StatusCode.ShouldBe(HttpStatusCode.NotFound);
        (await outsider.GetJsonAsync($"/api/v1/org-units/{poor.Id}/compliance/branches?year=2026")).AsArray().Single()!.Str("name").ShouldBe(poor.Name);
    }

    private Meeting Meeting(OrgUnit unit, MeetingType type, DateTimeOffset start, MeetingStatus status) => new()
    {
        Id = Guid.NewGuid(), OrgUnitId = unit.Id, OrgPath = unit.Path, Type = type, Topic = "会议", StartsAt = start.ToUniversalTime(),
        EndsAt = start.AddHours(1).ToUniversalTime(), Status = status, SignInSecret = SignInCode.NewSecret(), CreatedAt = app.Clock.GetUtcNow(),
    };
}
