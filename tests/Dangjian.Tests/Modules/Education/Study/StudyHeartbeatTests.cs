using System.Net;
using System.Net.Http.Json;
using System.Text;
using Dangjian.Web.Modules.Education;
using Dangjian.Web.Modules.Education.Courses;
using Dangjian.Web.Modules.Education.Study;

namespace Dangjian.Tests.Modules.Education.Study;

/// <summary>
/// The page cannot claim time (docs/rules/education.md#e-4): whatever it sends, only the time the server's clock
/// measured between accepted heartbeats is credited, one course at a time, and two heartbeats at once count once.
/// </summary>
public sealed class StudyHeartbeatTests(AppFixture app) : IClassFixture<AppFixture>
{
    private const string Api = "/api/v1/education/study/sessions";

    private static async Task<Guid> StartAsync(HttpClient client, Guid courseId)
    {
        using var started = await client.PostAsJsonAsync(Api, new { courseId });
        return (await started.ShouldHaveStatusAsync(HttpStatusCode.Created))!.Id();
    }

    private static async Task<System.Text.Json.Nodes.JsonNode> BeatAsync(HttpClient client, Guid sessionId, object body)
    {
        using var beat = await client.PostAsJsonAsync($"{Api}/{sessionId}/heartbeats", body);
        return (await beat.ShouldHaveStatusAsync(HttpStatusCode.OK))!;
    }

    private static readonly object Playing = new { visible = true, playing = true, scrolled = false, position = 10 };

    private Task<int> CreditedAsync(StudyWorld w, Guid courseId) =>
        w.InTenantAsync(db => db.StudyProgress.Where(p => p.MemberId == w.Member.Id && p.CourseId == courseId).SumAsync(p => p.Seconds));

    [Fact]
    public async Task ThePage_CannotClaimTime_OnlyTheServersClockCounts()
    {
        var w = await StudyWorld.CreateAsync(app);
        var video = await w.AddCourseAsync(CourseKind.Video, mediaSeconds: 600);
        // The page's own way in: the sign-in cookie, JSON posted by the script.
        using var client = app.CreateClient();
        client.DefaultRequestHeaders.Add("Cookie", await app.SignInCookieAsync(w.MemberUser));
        var session = await StartAsync(client, video.Id);

        // 100 heartbeats in one second, each claiming an hour: nothing.
        var claims = new { visible = true, playing = true, scrolled = true, position = 3600, seconds = 3600, credited = 3600, elapsed = 3600 };
        for (var i = 0; i < 100; i++)
        {
            if (i == 50) app.Clock.Advance(TimeSpan.FromSeconds(1));
            var early = await BeatAsync(client, session, claims);
            early["credited"]!.GetValue<int>().ShouldBe(0);
            early.Str("reason").ShouldBe("TooSoon");
        }
        (await CreditedAsync(w, video.Id)).ShouldBe(0);

        // 30 real seconds since the start (31 with the one above): one interval.
        app.Clock.Advance(TimeSpan.FromSeconds(30));
        var first = await BeatAsync(client, session, claims);
        first["credited"]!.GetValue<int>().ShouldBe(30);
        first["totalSeconds"]!.GetValue<int>().ShouldBe(30);
        first.Str("article").ShouldBe("docs/rules/education.md#e-4");
        (await BeatAsync(client, session, claims))["credited"]!.GetValue<int>().ShouldBe(0); // at once again: nothing

        // Elapsed shorter than an interval but on time: only what passed.
        app.Clock.Advance(TimeSpan.FromSeconds(26));
        (await BeatAsync(client, session, Playing))["credited"]!.GetValue<int>().ShouldBe(26);

        // Paused, hidden: accepted, nothing credited, and the clock moves on (the next interval starts from here).
        app.Clock.Advance(TimeSpan.FromSeconds(30));
        (await BeatAsync(client, session, new { visible = true, playing = false }))!.Str("reason").ShouldBe("NotPlaying");
        app.Clock.Advance(TimeSpan.FromSeconds(30));
        (await BeatAsync(client, session, new { visible = false, playing = true }))!.Str("reason").ShouldBe("NotVisible");
        app.Clock.Advance(TimeSpan.FromSeconds(30));
        (await BeatAsync(client, session, Playing))["credited"]!.GetValue<int>().ShouldBe(30);
        (await CreditedAsync(w, video.Id)).ShouldBe(86);

        // A gap of more than two intervals ends the session; it credits nothing more until a new one starts.
        app.Clock.Advance(TimeSpan.FromSeconds(61));
        var expired = await BeatAsync(client, session, Playing);
        (expired.Str("reason"), expired["sessionOpen"]!.GetValue<bool>()).ShouldBe(("Expired", false));
        app.Clock.Advance(TimeSpan.FromSeconds(30));
        (await BeatAsync(client, session, Playing))["credited"]!.GetValue<int>().ShouldBe(0);
        (await CreditedAsync(w, video.Id)).ShouldBe(86);
    }

    [Fact]
    public async Task OneCourseAtATime_OthersSessions_CoursesNotOpen_CreditNothing()
    {
        var w = await StudyWorld.CreateAsync(app);
        var video = await w.AddCourseAsync(CourseKind.Video, mediaSeconds: 600);
        var article = await w.AddCourseAsync(CourseKind.Article);
        var siblingCourse = await w.AddCourseAsync(CourseKind.Video, mediaSeconds: 600, unit: w.Sibling);
        var live = await w.AddCourseAsync(CourseKind.Live);
        using var client = await app.ClientForAsync(w.MemberUser);

        // A course not published to the member's unit or above: not found; a live course is not counted by heartbeats.
        (await client.PostAsJsonAsync(Api, new { courseId = siblingCourse.Id })).StatusCode.ShouldBe(HttpStatusCode.NotFound);
        (await client.PostAsJsonAsync(Api, new { courseId = Guid.NewGuid() })).StatusCode.ShouldBe(HttpStatusCode.NotFound);
        (await client.PostAsJsonAsync(Api, new { courseId = live.Id })).StatusCode.ShouldBe(HttpStatusCode.UnprocessableEntity);

        var watching = await StartAsync(client, video.Id);
        app.Clock.Advance(TimeSpan.FromSeconds(15));
        // Starting the article ends the video: the same seconds never count twice.
        var reading = await StartAsync(client, article.Id);
        app.Clock.Advance(TimeSpan.FromSeconds(30));
        var ended = await BeatAsync(client, watching, Playing);
        (ended["credited"]!.GetValue<int>(), ended.Str("reason"), ended["sessionOpen"]!.GetValue<bool>()).ShouldBe((0, "Ended", false));
        (await BeatAsync(client, reading, new { visible = true, scrolled = true }))["credited"]!.GetValue<int>().ShouldBe(30);

        // Someone else's session: not found, and nothing credited to anyone.
        var other = (await w.Tenant.AddMembersAsync(w.Branch, 1))[0];
        using var otherClient = await app.ClientForAsync(await w.Tenant.AddMemberAccountAsync(w.Branch, other.Id));
        app.Clock.Advance(TimeSpan.FromSeconds(30));
        (await otherClient.PostAsJsonAsync($"{Api}/{reading}/heartbeats", new { visible = true, scrolled = true })).StatusCode.ShouldBe(HttpStatusCode.NotFound);
        (await otherClient.PostAsync($"{Api}/{reading}/end", null)).StatusCode.ShouldBe(HttpStatusCode.NotFound);
        // A secretary (no record on the roll) cannot study through another's session either.
        using var secretary = await app.ClientForAsync(w.Secretary);
        (await secretary.PostAsJsonAsync($"{Api}/{reading}/heartbeats", new { visible = true, scrolled = true })).StatusCode.ShouldBe(HttpStatusCode.NotFound);

        // The page leaves (sendBeacon to /end, no body): the session is over.
        using (var end = await client.PostAsync($"{Api}/{reading}/end", null)) end.StatusCode.ShouldBe(HttpStatusCode.NoContent);
        var after = await BeatAsync(client, reading, new { visible = true, scrolled = true });
        (after["credited"]!.GetValue<int>(), after["sessionOpen"]!.GetValue<bool>()).ShouldBe((0, false));

        (await CreditedAsync(w, video.Id)).ShouldBe(0);
        (await CreditedAsync(w, article.Id)).ShouldBe(30);
        (await w.InTenantAsync(db => db.StudyProgress.CountAsync(p => p.MemberId == other.Id))).ShouldBe(0);
    }

    [Fact]
    public async Task TwoHeartbeatsAtOnce_CountOnce()
    {
        var w = await StudyWorld.CreateAsync(app);
        var video = await w.AddCourseAsync(CourseKind.Video, mediaSeconds: 600);
        using var client = await app.ClientForAsync(w.MemberUser);
        var session = await StartAsync(client, video.Id);
        for (var round = 0; round < 3; round++)
        {
            app.Clock.Advance(TimeSpan.FromSeconds(30));
            var answers = await Task.WhenAll(Enumerable.Range(0, 8).Select(async _ =>
            {
                using var response = await client.PostAsync($"{Api}/{session}/heartbeats",
                    new StringContent("""{"visible":true,"playing":true}""", Encoding.UTF8, "application/json"));
                response.StatusCode.ShouldBe(HttpStatusCode.OK);
                return (await response.ReadJsonAsync())["credited"]!.GetValue<int>();
            }));
            answers.Sum().ShouldBe(30, $"round {round}: {string.Join(",", answers)}");
        }
        (await CreditedAsync(w, video.Id)).ShouldBe(90);
    }

    [Fact]
    public async Task MediaCap_AndCompletion_AndTheYearInChinaTime()
    {
        var w = await StudyWorld.CreateAsync(app);
        // 100 seconds of video: capped at 120, complete at 90.
        var video = await w.AddCourseAsync(CourseKind.Video, mediaSeconds: 100);
        // Start 40 seconds before new year's midnight in China (16:00 UTC on 31 December).
        app.Clock.Set(new DateTimeOffset(2026, 12, 31, 15, 59, 20, TimeSpan.Zero));
        using var client = await app.ClientForAsync(w.MemberUser);
        var session = await StartAsync(client, video.Id);
        var credited = new List<int>();
        var completed = new List<bool>();
        for (var i = 0; i < 5; i++)
        {
            app.Clock.Advance(TimeSpan.FromSeconds(30));
            var b = await BeatAsync(client, session, Playing);
            credited.Add(b["credited"]!.GetValue<int>());
            completed.Add(b["completed"]!.GetValue<bool>());
        }
        credited.ShouldBe([30, 30, 30, 30, 0]); // the fourth reaches 120 exactly, the fifth finds the cap reached
        completed.ShouldBe([false, false, true, true, true]);
        var rows = await w.InTenantAsync(db => db.StudyProgress.Where(p => p.MemberId == w.Member.Id).OrderBy(p => p.Year).ToListAsync());
        // 40 seconds before midnight go to 2026, the rest to 2027.
        rows.Select(r => (r.Year, r.Seconds)).ShouldBe([(2026, 30 + 10), (2027, 20 + 30 + 30)]);
        rows.Single(r => r.Year == 2027).CompletedAt.ShouldNotBeNull();
    }
}
