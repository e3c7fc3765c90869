using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Dangjian.Web.Modules.Education;
using Dangjian.Web.Modules.Education.Courses;
using Dangjian.Web.Modules.Organizations;
using Dangjian.Web.Platform.Auth;
using Microsoft.EntityFrameworkCore;

namespace Dangjian.Tests.Modules.Education.Courses;

/// <summary>The app with small file limits (1 MB each), so that an oversize upload is cheap to send.</summary>
public sealed class SmallFilesApp : AppFixture
{
    protected override IEnumerable<KeyValuePair<string, string>> ExtraSettings =>
    [
        new("Rules:Education:Files:VideoMaxMegabytes", "1"), new("Rules:Education:Files:AudioMaxMegabytes", "1"), new("Rules:Education:Files:PdfMaxMegabytes", "1"),
    ];
}

/// <summary>课程库 through HTTP: drafts, publishing to a subtree, a member's courses, files with ranges, live sign-in.</summary>
public sealed class CoursesApiTests(SmallFilesApp app) : IClassFixture<SmallFilesApp>
{
    private sealed record World(TestTenant Tenant, OrgUnit Branch, OrgUnit Sibling, HttpClient Secretary, HttpClient SiblingSecretary, HttpClient Member,
        Guid MemberId, TestUser MemberUser, TestUser SecretaryUser);

    private async Task<World> ArrangeAsync()
    {
        var tenant = await TestTenant.CreateAsync(app);
        var branch = await tenant.AddUnitAsync(tenant.Root, OrgUnitKind.Branch);
        var sibling = await tenant.AddUnitAsync(tenant.Root, OrgUnitKind.Branch);
        var secretary = await tenant.AddUserAsync(branch, AppRole.BranchSecretary);
        var siblingSecretary = await tenant.AddUserAsync(sibling, AppRole.BranchSecretary);
        var member = (await tenant.AddMembersAsync(branch, 1))[0];
        var memberUser = await tenant.AddMemberAccountAsync(branch, member.Id);
        return new World(tenant, branch, sibling, await app.ClientForAsync(secretary), await app.ClientForAsync(siblingSecretary),
            await app.ClientForAsync(memberUser), member.Id, memberUser, secretary);
    }

    private static async Task<JsonNode> CreateAsync(HttpClient client, object body)
    {
        using var r = await client.PostAsJsonAsync("/api/v1/education/courses", body);
        return (await r.ShouldHaveStatusAsync(HttpStatusCode.Created))!;
    }

    private static object Article(Guid unitId, string title, bool required = false, string? dueOn = null, string tags = "党章，必学") => new
    {
        orgUnitId = unitId, title, courseKind = "Article", category = "PartyRules", caseKind = "None", tags, summary = "学习党章",
        body = "## 总纲\n\n学习党章。", required, dueOn,
    };

    [Fact]
    public async Task Draft_Publish_Mine_Withdraw_AndScope()
    {
        var w = await ArrangeAsync();
        var draft = await CreateAsync(w.Secretary, Article(w.Branch.Id, "学习党章总纲", required: true, dueOn: w.Tenant.Today.AddDays(-1).ToString("yyyy-MM-dd")));
        draft.Str("status").ShouldBe("Draft");
        draft["tags"]!.AsArray().Select(t => t!.GetValue<string>()).ShouldBe(["党章", "必学"]);
        var id = draft.Id();

        // A draft is not the members' yet.
        (await w.Member.GetJsonAsync("/api/v1/education/courses/mine"))["total"]!.GetValue<int>().ShouldBe(0);
        (await w.Member.GetAsync($"/api/v1/education/courses/{id}")).StatusCode.ShouldBe(HttpStatusCode.NotFound);

        using (var published = await w.Secretary.PostAsync($"/api/v1/education/courses/{id}/publish", null))
            (await published.ShouldHaveStatusAsync(HttpStatusCode.OK))!.Str("status").ShouldBe("Published");

        var mine = await w.Member.GetJsonAsync("/api/v1/education/courses/mine");
        var line = mine["items"]!.AsArray().Single()!;
        line.Id().ShouldBe(id);
        line["overdue"]!.GetValue<bool>().ShouldBeTrue("required, deadline yesterday, not completed");
        line["studiedSeconds"]!.GetValue<int>().ShouldBe(0);

        // The member reads it but does not manage it; a sibling branch's secretary does not even see it.
        (await w.Member.GetAsync($"/api/v1/education/courses/{id}")).StatusCode.ShouldBe(HttpStatusCode.OK);
        (await w.Member.PutAsJsonAsync($"/api/v1/education/courses/{id}", Article(w.Branch.Id, "改"))).StatusCode.ShouldBe(HttpStatusCode.Forbidden);
        (await w.Member.PostAsJsonAsync("/api/v1/education/courses", Article(w.Branch.Id, "新"))).StatusCode.ShouldBe(HttpStatusCode.Forbidden);
        (await w.SiblingSecretary.GetAsync($"/api/v1/education/courses/{id}")).StatusCode.ShouldBe(HttpStatusCode.NotFound);
        (await w.SiblingSecretary.PostAsync($"/api/v1/education/courses/{id}/withdraw", null)).StatusCode.ShouldBe(HttpStatusCode.NotFound);
        (await w.SiblingSecretary.GetAsync($"/api/v1/education/courses?orgUnitId={w.Branch.Id}")).StatusCode.ShouldBe(HttpStatusCode.NotFound);

        // The root's course reaches both branches: the sibling's list shows it as from above.
        using var admin = await app.ClientForAsync(w.Tenant.Admin);
        var rootCourse = await CreateAsync(admin, Article(w.Tenant.Root.Id, "党委必学课程", tags: "党委"));
        (await admin.PostAsync($"/api/v1/education/courses/{rootCourse.Id()}/publish", null)).StatusCode.ShouldBe(HttpStatusCode.OK);
        var siblingList = await w.SiblingSecretary.GetJsonAsync($"/api/v1/education/courses?orgUnitId={w.Sibling.Id}");
        siblingList["items"]!.AsArray().Select(i => (i!.Id(), i!["own"]!.GetValue<bool>())).ShouldBe([(rootCourse.Id(), false)]);
        (await w.Member.GetJsonAsync("/api/v1/education/courses/mine"))["items"]!.AsArray().Select(i => i!.Id()).ShouldBe([id, rootCourse.Id()],
            "required first");

        var list = await w.Secretary.GetJsonAsync($"/api/v1/education/courses?orgUnitId={w.Branch.Id}&tag=党章");
        list["items"]!.AsArray().Select(i => i!.Id()).ShouldBe([id]);
        (await w.Secretary.GetJsonAsync($"/api/v1/education/courses?orgUnitId={w.Branch.Id}&kind=Video"))["total"]!.GetValue<int>().ShouldBe(0);
        (await w.Secretary.GetJsonAsync($"/api/v1/education/courses?orgUnitId={w.Branch.Id}&q=总纲"))["items"]!.AsArray().Select(i => i!.Id()).ShouldBe([id]);

        using (var withdrawn = await w.Secretary.PostAsync($"/api/v1/education/courses/{id}/withdraw", null))
            (await withdrawn.ShouldHaveStatusAsync(HttpStatusCode.OK))!.Str("status").ShouldBe("Withdrawn");
        (await w.Member.GetJsonAsync("/api/v1/education/courses/mine"))["items"]!.AsArray().Select(i => i!.Id()).ShouldBe([rootCourse.Id()]);
        (await w.Member.GetAsync($"/api/v1/education/courses/{id}")).StatusCode.ShouldBe(HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task Validation_NamesTheField()
    {
        var w = await ArrangeAsync();
        async Task<string[]> FieldsAsync(HttpResponseMessage r) =>
            (await r.ShouldHaveStatusAsync(HttpStatusCode.BadRequest))!["errors"]!.AsObject().Select(e => e.Key).ToArray();

        (await FieldsAsync(await w.Secretary.PostAsJsonAsync("/api/v1/education/courses", new { orgUnitId = w.Branch.Id, courseKind = "Article", title = " " })))
            .ShouldBe(["title"]);
        var start = app.Clock.GetUtcNow().AddDays(1);
        (await FieldsAsync(await w.Secretary.PostAsJsonAsync("/api/v1/education/courses",
            new { orgUnitId = w.Branch.Id, courseKind = "Live", title = "直播", liveStartsAt = start, liveEndsAt = start.AddMinutes(-1) }))).ShouldBe(["liveEndsAt"]);
        using var script = await w.Secretary.PostAsJsonAsync("/api/v1/education/courses",
            new { orgUnitId = w.Branch.Id, courseKind = "Live", title = "直播", liveStartsAt = start, liveEndsAt = start.AddHours(1), liveLink = "javascript:alert(1)" });
        (await FieldsAsync(script)).ShouldContain(f => f.Equals("liveLink", StringComparison.OrdinalIgnoreCase));

        var video = await CreateAsync(w.Secretary, new { orgUnitId = w.Branch.Id, courseKind = "Video", title = "微视频", category = "Theory" });
        var refused = (await (await w.Secretary.PostAsync($"/api/v1/education/courses/{video.Id()}/publish", null)).ShouldHaveStatusAsync(HttpStatusCode.BadRequest))!;
        refused["errors"]!.AsObject().Select(e => e.Key).ShouldBe(["file"]);
        refused.Str("detail").ShouldContain("file");
    }

    private static async Task<HttpResponseMessage> UploadAsync(HttpClient client, Guid courseId, byte[] file, string name, string type)
    {
        using var form = new MultipartFormDataContent();
        var part = new ByteArrayContent(file);
        part.Headers.ContentType = new MediaTypeHeaderValue(type);
        form.Add(part, "file", name);
        return await client.PostAsync($"/api/v1/education/courses/{courseId}/files", form);
    }

    [Fact]
    public async Task Upload_LengthRead_MicroLesson_RangeServed_OthersRefused()
    {
        var w = await ArrangeAsync();
        var video = await CreateAsync(w.Secretary, new { orgUnitId = w.Branch.Id, courseKind = "Video", title = "八分钟微党课", category = "Theory" });
        var id = video.Id();

        (await UploadAsync(w.Secretary, id, new byte[1024 * 1024 + 1], "big.mp4", "video/mp4")).StatusCode.ShouldBe(HttpStatusCode.RequestEntityTooLarge);
        (await (await UploadAsync(w.Secretary, id, MediaFiles.Exe(), "lesson.mp4", "video/mp4")).ShouldHaveStatusAsync(HttpStatusCode.BadRequest))!
            ["errors"]!.AsObject().Select(e => e.Key).ShouldBe(["file"]);
        var corrupt = MediaFiles.Mp4(600, 288_000)[..40];
        (await UploadAsync(w.Secretary, id, corrupt, "broken.mp4", "video/mp4")).StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        (await UploadAsync(w.Member, id, MediaFiles.Mp4(600, 288_000), "lesson.mp4", "video/mp4")).StatusCode.ShouldBe(HttpStatusCode.NotFound, "a draft");

        var mp4 = MediaFiles.Mp4(600, 288_000); // 480 s: a 微党课
        using var uploaded = await UploadAsync(w.Secretary, id, mp4, "lesson.mp4", "application/octet-stream");
        var file = (await uploaded.ShouldHaveStatusAsync(HttpStatusCode.Created))!;
        file["seconds"]!.GetValue<int>().ShouldBe(480);
        file.Str("contentType").ShouldBe("video/mp4");
        var course = await w.Secretary.GetJsonAsync($"/api/v1/education/courses/{id}");
        course["mediaSeconds"]!.GetValue<int>().ShouldBe(480);
        course["microLesson"]!.GetValue<bool>().ShouldBeTrue();
        var url = course["file"]!.Str("url");
        url.ShouldBe($"/api/v1/education/courses/{id}/files/{file.Id()}");

        // Stored encrypted: the bytes in the database are not the file.
        var stored = await app.InTenantAsync(w.Tenant.TenantId, db => db.CourseFiles.Where(f => f.Id == file.Id()).Select(f => f.Content).SingleAsync());
        stored.AsSpan().IndexOf("ftyp"u8).ShouldBe(-1);

        (await w.Secretary.PostAsync($"/api/v1/education/courses/{id}/publish", null)).StatusCode.ShouldBe(HttpStatusCode.OK);
        (await w.Secretary.GetJsonAsync($"/api/v1/education/courses?orgUnitId={w.Branch.Id}&micro=true"))["items"]!.AsArray().Select(i => i!.Id()).ShouldBe([id]);

        // A member plays it from any point: 206 with the range asked for.
        using var request = new HttpRequestMessage(HttpMethod.Get, url);
        request.Headers.Range = new RangeHeaderValue(10, 29);
        using var partial = await w.Member.SendAsync(request);
        partial.StatusCode.ShouldBe(HttpStatusCode.PartialContent);
        partial.Content.Headers.ContentRange!.ToString().ShouldBe($"bytes 10-29/{mp4.Length}");
        partial.Content.Headers.ContentType!.MediaType.ShouldBe("video/mp4");
        (await partial.Content.ReadAsByteArrayAsync()).ShouldBe(mp4[10..30]);
        using var whole = await w.Member.GetAsync(url);
        whole.StatusCode.ShouldBe(HttpStatusCode.OK);
        (await whole.Content.ReadAsByteArrayAsync()).ShouldBe(mp4);
        (await w.SiblingSecretary.GetAsync(url)).StatusCode.ShouldBe(HttpStatusCode.NotFound);

        // One second more is no longer a 微党课; an MP3 gets its length from its frames.
        (await UploadAsync(w.Secretary, id, MediaFiles.Mp4(600, 288_600), "longer.mp4", "video/mp4")).StatusCode.ShouldBe(HttpStatusCode.Created);
        (await w.Secretary.GetJsonAsync($"/api/v1/education/courses/{id}"))["microLesson"]!.GetValue<bool>().ShouldBeFalse();
        var audio = await CreateAsync(w.Secretary, new { orgUnitId = w.Branch.Id, courseKind = "Audio", title = "音频党课" });
        using var mp3 = await UploadAsync(w.Secretary, audio.Id(), MediaFiles.Mp3Cbr(300), "lesson.mp3", "audio/mpeg");
        (await mp3.ShouldHaveStatusAsync(HttpStatusCode.Created))!["seconds"]!.GetValue<int>().ShouldBe(8);
    }

    [Fact]
    public async Task LiveSignIn_Code_Window_OncePerPerson_CreditsStudy()
    {
        var w = await ArrangeAsync();
        // Sent in China time, as a page in China would.
        var start = app.Clock.GetUtcNow().AddHours(1).ToOffset(TimeSpan.FromHours(8));
        var live = await CreateAsync(w.Secretary, new
        {
            orgUnitId = w.Branch.Id, courseKind = "Live", title = "专题党课直播", category = "Theory", liveStartsAt = start, liveEndsAt = start.AddMinutes(90),
            liveLink = "https://live.example.org/1",
        });
        var id = live.Id();
        (await w.Secretary.PostAsync($"/api/v1/education/courses/{id}/publish", null)).StatusCode.ShouldBe(HttpStatusCode.OK);
        var code = (await w.Secretary.GetJsonAsync($"/api/v1/education/courses/{id}/live/code")).Str("code");
        (await w.Member.GetAsync($"/api/v1/education/courses/{id}/live/code")).StatusCode.ShouldBe(HttpStatusCode.Forbidden);

        // An hour before: not open yet (it opens 30 minutes before).
        (await w.Member.PostAsJsonAsync($"/api/v1/education/courses/{id}/live/sign-ins", new { code })).StatusCode.ShouldBe(HttpStatusCode.BadRequest);

        app.Clock.Advance(TimeSpan.FromMinutes(45));
        var member = await app.ClientForAsync(w.MemberUser);
        var secretary = await app.ClientForAsync(w.SecretaryUser);
        code = (await secretary.GetJsonAsync($"/api/v1/education/courses/{id}/live/code")).Str("code");
        var wrong = code == "000000" ? "111111" : "000000";
        (await (await member.PostAsJsonAsync($"/api/v1/education/courses/{id}/live/sign-ins", new { code = wrong }))
            .ShouldHaveStatusAsync(HttpStatusCode.BadRequest))!["errors"]!.AsObject().Select(e => e.Key).ShouldBe(["code"]);
        var first = (await (await member.PostAsJsonAsync($"/api/v1/education/courses/{id}/live/sign-ins", new { code })).ShouldHaveStatusAsync(HttpStatusCode.Created))!;
        first["creditedSeconds"]!.GetValue<int>().ShouldBe(5400);
        var again = (await (await member.PostAsJsonAsync($"/api/v1/education/courses/{id}/live/sign-ins", new { code = wrong })).ShouldHaveStatusAsync(HttpStatusCode.OK))!;
        again.Str("signedAt").ShouldBe(first.Str("signedAt"));
        (await w.SiblingSecretary.PostAsJsonAsync($"/api/v1/education/courses/{id}/live/sign-ins", new { code })).StatusCode.ShouldBe(HttpStatusCode.NotFound);

        var rows = await app.InTenantAsync(w.Tenant.TenantId, db => db.StudyProgress.Where(p => p.CourseId == id).ToListAsync());
        rows.Count.ShouldBe(1);
        rows[0].MemberId.ShouldBe(w.MemberId);
        rows[0].Seconds.ShouldBe(5400);
        rows[0].CompletedAt.ShouldNotBeNull();
        (await app.InTenantAsync(w.Tenant.TenantId, db => db.LiveSignIns.CountAsync(s => s.CourseId == id))).ShouldBe(1);

        var mine = (await member.GetJsonAsync("/api/v1/education/courses/mine"))["items"]!.AsArray().Single()!;
        mine["studiedSeconds"]!.GetValue<int>().ShouldBe(5400);
        mine["completedAt"].ShouldNotBeNull();

        var attendance = await secretary.GetJsonAsync($"/api/v1/education/courses/{id}/live/attendance");
        attendance["signedIn"]!.GetValue<int>().ShouldBe(1);
        attendance["expected"]!.GetValue<int>().ShouldBe(1);
        attendance["signIns"]!.AsArray().Single()!.Id("memberId").ShouldBe(w.MemberId);

        // After the end: closed for those who did not sign in.
        app.Clock.Advance(TimeSpan.FromMinutes(120));
        var late = (await w.Tenant.AddMembersAsync(w.Branch, 1))[0];
        var lateClient = await app.ClientForAsync(await w.Tenant.AddMemberAccountAsync(w.Branch, late.Id));
        (await lateClient.PostAsJsonAsync($"/api/v1/education/courses/{id}/live/sign-ins", new { code })).StatusCode.ShouldBe(HttpStatusCode.BadRequest);
    }

    [Fact]
    public async Task Pages_RenderCourseInsideTheStudyTracker()
    {
        var w = await ArrangeAsync();
        var article = await CreateAsync(w.Secretary, new
        {
            orgUnitId = w.Branch.Id, title = "图文课程", courseKind = "Article", category = "PartyHistory", body = "正文 <script>alert(1)</script> [x](javascript:alert(2))",
        });
        (await w.Secretary.PostAsync($"/api/v1/education/courses/{article.Id()}/publish", null)).StatusCode.ShouldBe(HttpStatusCode.OK);
        var page = await w.Member.GetStringAsync($"/education/courses/{article.Id()}");
        page.ShouldContain($"data-study-course=\"{article.Id()}\"");
        page.ShouldContain("data-testid=\"course-body\"");
        page.ShouldNotContain("<script>alert");
        page.ShouldNotContain("javascript:alert");
        (await w.Member.GetStringAsync("/education/my")).ShouldContain("图文课程");
        (await w.Secretary.GetStringAsync($"/education/courses?unit={w.Branch.Id}")).ShouldContain("图文课程");
    }
}
