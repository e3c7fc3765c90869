using System.Net;
using System.Net.Http.Json;
using Dangjian.Web.Modules.Meetings;
using Dangjian.Web.Modules.Meetings.Records;
using Dangjian.Web.Modules.Organizations;
using Dangjian.Web.Platform.Auth;

namespace Dangjian.Tests.Modules.Meetings;

/// <summary>记实: the vote rule, minutes and resolutions, attachments with their hash, locked then amended.</summary>
public sealed class MeetingRecordTests(AppFixture app) : IClassFixture<AppFixture>
{
    // The real resources (neutral = zh-CN), as the rule reads them for a user.
    private static readonly Microsoft.Extensions.Localization.IStringLocalizer<MeetingsText> Text = new Microsoft.Extensions.Localization.StringLocalizer<MeetingsText>(
        new Microsoft.Extensions.Localization.ResourceManagerStringLocalizerFactory(
            Microsoft.Extensions.Options.Options.Create(new Microsoft.Extensions.Localization.LocalizationOptions()),
            Microsoft.Extensions.Logging.Abstractions.NullLoggerFactory.Instance));

    [Theory]
    [InlineData(10, 5, 5, 0, 0, "VOTE_QUORUM")]   // half present: no quorum
    [InlineData(10, 6, 5, 1, 0, null)]            // quorum; 5 yes of 10 entitled does not pass (checked below)
    [InlineData(10, 11, 6, 0, 0, "VOTE_COUNTS")]  // more present than entitled
    [InlineData(10, 6, 5, 1, 1, "VOTE_COUNTS")]   // more votes than present
    [InlineData(0, 0, 0, 0, 0, "VOTE_COUNTS")]
    public void Check_QuorumAndCounts(int entitled, int present, int yes, int no, int abstain, string? code)
    {
        var error = MeetingVoteRules.Check(MeetingType.BranchGeneralMeeting, entitled, present, yes, no, abstain, Text);
        error?.Code.ShouldBe(code);
        if (code is null) error.ShouldBeNull();
        else error!.Article!.ShouldContain("第十一条");
    }

    [Theory]
    [InlineData(10, 5, false)]  // yes must be more than half of those entitled, not of those present
    [InlineData(10, 6, true)]
    [InlineData(9, 5, true)]
    [InlineData(9, 4, false)]
    public void Passes_MoreThanHalfOfThoseEntitled(int entitled, int yes, bool passes) => MeetingVoteRules.Passes(entitled, yes).ShouldBe(passes);

    [Fact]
    public void CommitteeMeeting_NamesItsArticle() =>
        MeetingVoteRules.Check(MeetingType.CommitteeMeeting, 5, 2, 2, 0, 0, Text)!.Article!.ShouldContain("第十二条");

    [Fact]
    public async Task Record_Resolution_Attachment_Lock_Amend()
    {
        var tenant = await TestTenant.CreateAsync(app);
        var branch = await tenant.AddUnitAsync(tenant.Root, OrgUnitKind.Branch);
        var other = await tenant.AddUnitAsync(tenant.Root, OrgUnitKind.Branch);
        using var secretary = await app.ClientForAsync(await tenant.AddUserAsync(branch, AppRole.BranchSecretary));
        using var stranger = await app.ClientForAsync(await tenant.AddUserAsync(other, AppRole.BranchSecretary));
        var start = app.Clock.GetUtcNow().AddHours(-2);
        using var created = await secretary.PostAsJsonAsync("/api/v1/meetings", new
        {
            orgUnitId = branch.Id, type = "BranchGeneralMeeting", topic = "讨论接收预备党员", startsAt = start, endsAt = start.AddHours(1),
        });
        var id = (await created.ReadJsonAsync()).Id();

        (await secretary.PutAsJsonAsync($"/api/v1/meetings/{id}/record", new { minutes = "会议由书记主持……", recorder = "组织委员" })).StatusCode.ShouldBe(HttpStatusCode.OK);
        using var noQuorum = await secretary.PostAsJsonAsync($"/api/v1/meetings/{id}/record/resolutions", new
        {
            title = "接收张三为预备党员", votersEntitled = 12, votersPresent = 6, votesYes = 6,
        });
        (await noQuorum.ShouldHaveStatusAsync(HttpStatusCode.UnprocessableEntity))!.Str("detail").ShouldContain("半数");
        using var passed = await secretary.PostAsJsonAsync($"/api/v1/meetings/{id}/record/resolutions", new
        {
            title = "接收张三为预备党员", votersEntitled = 12, votersPresent = 10, votesYes = 7, votesNo = 2, votesAbstain = 1,
        });
        (await passed.ShouldHaveStatusAsync(HttpStatusCode.Created))!["passed"]!.GetValue<bool>().ShouldBeTrue();

        var photo = Enumerable.Range(0, 5000).Select(i => (byte)(i % 251)).ToArray();
        using var content = new ByteArrayContent(photo);
        content.Headers.ContentType = new("image/jpeg");
        using var attached = await secretary.PostAsync($"/api/v1/meetings/{id}/record/attachments?fileName=会场.jpg", content);
        var attachment = (await attached.ShouldHaveStatusAsync(HttpStatusCode.Created))!;
        attachment.Str("sha256").ShouldBe(Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(photo)));
        (await secretary.GetByteArrayAsync($"/api/v1/meetings/{id}/record/attachments/{attachment.Id()}")).ShouldBe(photo);
        // A recording is played from any point: the download serves byte ranges in the type it was uploaded with.
        using var rangeRequest = new HttpRequestMessage(HttpMethod.Get, $"/api/v1/meetings/{id}/record/attachments/{attachment.Id()}");
        rangeRequest.Headers.Range = new System.Net.Http.Headers.RangeHeaderValue(100, 199);
        using var part = await secretary.SendAsync(rangeRequest);
        part.StatusCode.ShouldBe(HttpStatusCode.PartialContent);
        part.Content.Headers.ContentType!.MediaType.ShouldBe("image/jpeg");
        (await part.Content.ReadAsByteArrayAsync()).ShouldBe(photo[100..200]);
        (await stranger.GetAsync($"/api/v1/meetings/{id}/record")).StatusCode.ShouldBe(HttpStatusCode.NotFound);

        (await secretary.PostAsJsonAsync($"/api/v1/meetings/{id}/record/amendments", new { text = "尚未锁定" })).StatusCode.ShouldBe(HttpStatusCode.Conflict);
        (await secretary.PostAsync($"/api/v1/meetings/{id}/record/lock", null)).StatusCode.ShouldBe(HttpStatusCode.OK);
        using var edit = await secretary.PutAsJsonAsync($"/api/v1/meetings/{id}/record", new { minutes = "改写" });
        (await edit.ShouldHaveStatusAsync(HttpStatusCode.Conflict))!.Str("detail").ShouldContain("补充说明");
        (await secretary.PostAsJsonAsync($"/api/v1/meetings/{id}/record/amendments", new { text = "更正：实到人数为10人" })).StatusCode.ShouldBe(HttpStatusCode.Created);

        var record = await secretary.GetJsonAsync($"/api/v1/meetings/{id}/record");
        (record.Str("minutes"), record["locked"]!.GetValue<bool>()).ShouldBe(("会议由书记主持……", true));
        record["resolutions"]!.AsArray().Count.ShouldBe(1);
        record["amendments"]!.AsArray().Single()!.Str("text").ShouldBe("更正：实到人数为10人");
    }
}
