using Dangjian.Web.Modules.Meetings;
using System.Net;
using System.Net.Http.Json;
using System.Text.RegularExpressions;
using Dangjian.Web.Modules.Meetings.Appraisal;
using Dangjian.Web.Modules.Organizations;
using Dangjian.Web.Platform.Auth;

namespace Dangjian.Tests.Modules.Meetings;

/// <summary>The pages of 观察员, 民主评议 and 第一议题: what each person can do from the browser.</summary>
public sealed partial class OrgLifePagesTests(AppFixture app) : IClassFixture<AppFixture>
{
    [GeneratedRegex("name=\"Ballot.MemberIds\\[(\\d+)\\]\" value=\"([0-9a-f-]{36})\"")]
    private static partial Regex BallotMember();

    [Fact]
    public async Task Observer_AssignedOnTheMeetingPage_RatesItThere()
    {
        var tenant = await TestTenant.CreateAsync(app);
        var branch = await tenant.AddUnitAsync(tenant.Root, OrgUnitKind.Branch);
        var secretaryUser = await tenant.AddUserAsync(branch, AppRole.BranchSecretary);
        using var secretary = await app.ClientForAsync(secretaryUser);
        var committeeUser = await tenant.AddUserAsync(tenant.Root, AppRole.PartyAffairsWorker);
        using var committee = await app.ClientForAsync(committeeUser);
        var observerUser = await tenant.AddUserAsync(tenant.Root, AppRole.Observer, DataScope.OwnUnit, TestTenant.Unique("督导员"));
        var start = app.Clock.GetUtcNow().AddHours(1);
        using var created = await secretary.PostAsJsonAsync("/api/v1/meetings", new
        {
            orgUnitId = branch.Id, type = "OrgLifeMeeting", topic = "年度组织生活会", startsAt = start, endsAt = start.AddHours(3),
        });
        var url = $"/meetings/{(await created.ReadJsonAsync()).Id()}";

        // The branch cannot send its own observer; the committee above chooses among the users of the units above.
        (await secretary.GetStringAsync(url)).ShouldNotContain("observer-assign-form");
        var forCommittee = await committee.GetStringAsync(url);
        forCommittee.ShouldContain("observer-assign-form");
        forCommittee.ShouldContain($"<option value=\"{observerUser.Id}\">{observerUser.DisplayName}（");
        forCommittee.ShouldNotContain($"<option value=\"{secretaryUser.Id}\""); // a user of the branch itself is not from above
        using var none = await committee.PostFormAsync(url, "observer-assign", new() { ["Assign.UserId"] = "" });
        (await none.Content.ReadAsStringAsync()).ShouldContain("userId 为必填项");
        using var assigned = await committee.PostFormAsync(url, "observer-assign", new() { ["Assign.UserId"] = observerUser.Id.ToString() });
        assigned.StatusCode.ShouldBe(HttpStatusCode.Redirect, await assigned.Content.ReadAsStringAsync());
        var afterAssign = await committee.GetStringAsync(url);
        afterAssign.ShouldContain("data-testid=\"observers\"");
        afterAssign.ShouldNotContain($"<option value=\"{observerUser.Id}\""); // assigned, no longer offered

        using var observer = await app.ClientForAsync(observerUser);
        var early = await observer.GetStringAsync(url);
        early.ShouldContain("observer-rate-later");
        early.ShouldNotContain("observer-rate-form");

        app.Clock.Advance(TimeSpan.FromHours(2));
        using var observerLater = await app.ClientForAsync(observerUser);
        using var incomplete = await observerLater.PostFormAsync(url, "observer-rate", new()
        {
            ["Rating.Criticism"] = "", ["Rating.Preparation"] = "5", ["Rating.Participation"] = "4",
        });
        (await incomplete.Content.ReadAsStringAsync()).ShouldContain("criticism 须为 1 至 5 分");
        using var rated = await observerLater.PostFormAsync(url, "observer-rate", new()
        {
            ["Rating.Criticism"] = "3", ["Rating.Preparation"] = "5", ["Rating.Participation"] = "4", ["Rating.Comment"] = "批评与自我批评辣味不足",
        });
        rated.StatusCode.ShouldBe(HttpStatusCode.Redirect, await rated.Content.ReadAsStringAsync());
        var row = await app.InTenantAsync(tenant.TenantId, db => db.MeetingObservers.SingleAsync());
        (row.Criticism, row.Preparation, row.Participation).ShouldBe((3, 5, 4));
        (await observerLater.GetStringAsync(url)).ShouldContain("<option value=\"5\" selected>5</option>"); // the form shows what was given

        using var secretaryLater = await app.ClientForAsync(secretaryUser);
        var hostPage = await secretaryLater.GetStringAsync(url);
        hostPage.ShouldContain("批评与自我批评辣味不足");
        hostPage.ShouldContain(observerUser.DisplayName);
    }

    [Fact]
    public async Task Appraisal_MembersAppraiseAndVoteOnThePage_HostCloses()
    {
        var tenant = await TestTenant.CreateAsync(app);
        var branch = await tenant.AddUnitAsync(tenant.Root, OrgUnitKind.Branch);
        var members = await tenant.AddMembersAsync(branch, 2);
        var secretaryUser = await tenant.AddUserAsync(branch, AppRole.BranchSecretary);
        using var secretary = await app.ClientForAsync(secretaryUser);
        var phones = new List<HttpClient>();
        foreach (var m in members)
        {
            var user = await tenant.AddMemberAccountAsync(branch, m.Id);
            phones.Add(await app.ClientForAsync(user));
        }
        var start = app.Clock.GetUtcNow().AddMinutes(-10);
        using var created = await secretary.PostAsJsonAsync("/api/v1/meetings", new
        {
            orgUnitId = branch.Id, type = "DemocraticAppraisal", topic = "年度民主评议党员", startsAt = start, endsAt = start.AddHours(3),
        });
        var id = (await created.ReadJsonAsync()).Id();
        using var other = await secretary.PostAsJsonAsync("/api/v1/meetings", new
        {
            orgUnitId = branch.Id, type = "ThemeDay", topic = "主题党日", startsAt = start, endsAt = start.AddHours(1),
        });
        (await secretary.GetStringAsync($"/meetings/{id}")).ShouldContain($"href=\"/meetings/{id}/appraisal\"");
        (await secretary.GetStringAsync($"/meetings/{(await other.ReadJsonAsync()).Id()}")).ShouldNotContain("appraisal-link");
        var url = $"/meetings/{id}/appraisal";

        // Self-appraisal first, then the ballot.
        var first = await phones[0].GetStringAsync(url);
        first.ShouldContain("self-form");
        first.ShouldContain("ballot-after-self");
        first.ShouldNotContain("ballot-form");
        first.ShouldNotContain("appraisal-tally"); // a member does not see the tallies
        using var empty = await phones[0].PostFormAsync(url, "appraisal-self", new() { ["Self.Text"] = "", ["Self.Grade"] = "Qualified" });
        (await empty.Content.ReadAsStringAsync()).ShouldContain("text 为必填项");

        foreach (var phone in phones)
        {
            using var self = await phone.PostFormAsync(url, "appraisal-self", new() { ["Self.Text"] = "对照党章党规查找差距", ["Self.Grade"] = "Qualified" });
            self.StatusCode.ShouldBe(HttpStatusCode.Redirect, await self.Content.ReadAsStringAsync());
            var page = await phone.GetStringAsync(url);
            page.ShouldContain("self-done");
            var rows = BallotMember().Matches(page).ToDictionary(m => Guid.Parse(m.Groups[2].Value), m => m.Groups[1].Value);
            rows.Keys.OrderBy(k => k).ShouldBe(members.Select(m => m.Id).OrderBy(k => k)); // every member on one ballot
            // Both rate member 1 优秀 and member 0 合格.
            var ballot = rows.SelectMany(r => new[]
            {
                KeyValuePair.Create($"Ballot.MemberIds[{r.Value}]", r.Key.ToString()),
                KeyValuePair.Create($"Ballot.Grades[{r.Value}]", r.Key == members[1].Id ? "Excellent" : "Qualified"),
            }).ToDictionary();
            if (phone == phones[0])
            {
                var blank = new Dictionary<string, string>(ballot) { [$"Ballot.Grades[{rows[members[0].Id]}]"] = "" };
                using var incomplete = await phone.PostFormAsync(url, "appraisal-ballot", blank);
                incomplete.StatusCode.ShouldBe(HttpStatusCode.OK);
                (await incomplete.Content.ReadAsStringAsync()).ShouldContain($"votes[{rows[members[0].Id]}].grade 的取值须为");
            }
            using var voted = await phone.PostFormAsync(url, "appraisal-ballot", ballot);
            voted.StatusCode.ShouldBe(HttpStatusCode.Redirect, await voted.Content.ReadAsStringAsync());
            var after = await phone.GetStringAsync(url);
            after.ShouldContain("ballot-done");
            after.ShouldNotContain("ballot-form");
        }

        var tally = await secretary.GetStringAsync(url);
        tally.ShouldContain("已投票 2 / 应参评 2 人");
        tally.ShouldContain("appraisal-tally");
        (await phones[1].GetStringAsync(url)).ShouldNotContain("close-form");

        // The meeting decides member 0 is 基本合格; member 1 keeps the proposed 优秀.
        var closeRows = Regex.Matches(tally, "name=\"Close.MemberIds\\[(\\d+)\\]\" value=\"([0-9a-f-]{36})\"")
            .ToDictionary(m => Guid.Parse(m.Groups[2].Value), m => m.Groups[1].Value);
        using var closed = await secretary.PostFormAsync(url, "appraisal-close", new()
        {
            [$"Close.MemberIds[{closeRows[members[0].Id]}]"] = members[0].Id.ToString(), [$"Close.Grades[{closeRows[members[0].Id]}]"] = "BasicallyQualified",
            [$"Close.MemberIds[{closeRows[members[1].Id]}]"] = members[1].Id.ToString(), [$"Close.Grades[{closeRows[members[1].Id]}]"] = "",
        });
        closed.StatusCode.ShouldBe(HttpStatusCode.Redirect, await closed.Content.ReadAsStringAsync());
        var grades = await app.InTenantAsync(tenant.TenantId, db => db.AppraisalResults.ToDictionaryAsync(r => r.MemberId, r => r.Grade));
        grades[members[0].Id].ShouldBe(AppraisalGrade.BasicallyQualified);
        grades[members[1].Id].ShouldBe(AppraisalGrade.Excellent);
        // The grades go on the person's record.
        var record = await secretary.GetStringAsync($"/members/{members[0].Id}");
        record.ShouldContain("民主评议结果");
        record.ShouldContain("基本合格");

        var closedPage = await phones[0].GetStringAsync(url);
        closedPage.ShouldContain("appraisal-grades");
        closedPage.ShouldContain("基本合格");
        closedPage.ShouldNotContain("self-form");
        closedPage.ShouldNotContain("ballot-form");
        (await secretary.GetStringAsync(url)).ShouldNotContain("name=\"Close.Grades");
    }

    [Fact]
    public async Task FirstTopic_PublishedOnThePage_BranchesRespond()
    {
        var tenant = await TestTenant.CreateAsync(app);
        var quick = await tenant.AddUnitAsync(tenant.Root, OrgUnitKind.Branch, TestTenant.Unique("快支部"));
        var silent = await tenant.AddUnitAsync(tenant.Root, OrgUnitKind.Branch, TestTenant.Unique("未学支部"));
        var committeeUser = await tenant.AddUserAsync(tenant.Root, AppRole.PartyAffairsWorker);
        using var committee = await app.ClientForAsync(committeeUser);
        var secretaryUser = await tenant.AddUserAsync(quick, AppRole.BranchSecretary);
        using var secretary = await app.ClientForAsync(secretaryUser);
        using var inspector = await app.ClientForAsync(await tenant.AddUserAsync(tenant.Root, AppRole.Observer));

        (await inspector.GetStringAsync("/first-topics")).ShouldNotContain("first-topic-form"); // sees, may not publish
        (await committee.GetStringAsync("/")).ShouldContain("href=\"/first-topics\"");
        using var untitled = await committee.PostFormAsync("/first-topics", "first-topic-publish", new() { ["Publish.Title"] = " ", ["Publish.Source"] = "人民日报" });
        (await untitled.Content.ReadAsStringAsync()).ShouldContain("title 为必填项");
        using var published = await committee.PostFormAsync("/first-topics", "first-topic-publish", new()
        {
            ["Publish.Title"] = "学习重要讲话精神", ["Publish.Source"] = "人民日报",
        });
        published.StatusCode.ShouldBe(HttpStatusCode.Redirect, await published.Content.ReadAsStringAsync());
        var topic = await app.InTenantAsync(tenant.TenantId, db => db.FirstTopics.SingleAsync());
        (topic.OrgUnitId, topic.Source).ShouldBe((tenant.Root.Id, "人民日报"));
        var responsesUrl = published.Headers.Location!.OriginalString;
        responsesUrl.ShouldEndWith($"/first-topics/{topic.Id}?unit={tenant.Root.Id}");
        var pending = await committee.GetStringAsync(responsesUrl);
        pending.ShouldContain("要求各支部在发布后 24 小时内召开会议学习");
        pending.ShouldContain(quick.Name);
        pending.ShouldContain(silent.Name);
        Regex.Matches(pending, "data-status=\"Pending\"").Count.ShouldBe(2);

        // The branch sees the topic and plans its study meeting from the new-meeting page.
        var branchList = await secretary.GetStringAsync("/first-topics");
        branchList.ShouldContain($"/first-topics/{topic.Id}?unit={quick.Id}");
        branchList.ShouldContain($"/meetings/new?unit={quick.Id}&amp;firstTopic={topic.Id}");
        var chosen = await secretary.GetStringAsync($"/meetings/new?unit={quick.Id}&firstTopic={topic.Id}");
        chosen.ShouldContain($"<option value=\"{topic.Id}\" selected>学习重要讲话精神");
        chosen.ShouldContain("name=\"Form.Topic\" value=\"学习重要讲话精神\"");
        var newUrl = $"/meetings/new?unit={quick.Id}";
        (await secretary.GetStringAsync(newUrl)).ShouldContain($"<option value=\"{topic.Id}\">学习重要讲话精神");
        var start = app.Clock.GetUtcNow().AddHours(10).ToOffset(TimeSpan.FromHours(8));
        using var planned = await secretary.PostFormAsync(newUrl, "meeting-new", new()
        {
            ["Form.Type"] = "FirstTopicStudy", ["Form.Topic"] = "学习重要讲话精神", ["Form.Mode"] = "Onsite", ["Form.FirstTopicId"] = topic.Id.ToString(),
            ["Form.StartsAt"] = start.ToString("yyyy-MM-dd'T'HH:mm"), ["Form.EndsAt"] = start.AddHours(1).ToString("yyyy-MM-dd'T'HH:mm"),
        });
        planned.StatusCode.ShouldBe(HttpStatusCode.Redirect, await planned.Content.ReadAsStringAsync());
        (await app.InTenantAsync(tenant.TenantId, db => db.Meetings.SingleAsync())).FirstTopicId.ShouldBe(topic.Id);
        (await secretary.GetStringAsync(newUrl)).ShouldNotContain(topic.Id.ToString()); // no longer open for this branch

        app.Clock.Advance(TimeSpan.FromHours(31));
        using var committeeLater = await app.ClientForAsync(committeeUser);
        var later = await committeeLater.GetStringAsync(responsesUrl);
        later.ShouldContain("按时学习");
        later.ShouldContain("10 小时");
        later.ShouldContain("逾期未学");
        later.IndexOf(silent.Name, StringComparison.Ordinal).ShouldBeLessThan(later.IndexOf(quick.Name, StringComparison.Ordinal)); // slowest first
    }
}
