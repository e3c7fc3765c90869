using System.Net;
using System.Net.Http.Headers;
using Dangjian.Web.Modules.Education;
using Dangjian.Web.Modules.Education.Courses;
using Dangjian.Web.Modules.Education.Study;
using Dangjian.Web.Modules.Education.Study.Import;
using Dangjian.Web.Modules.Meetings;
using Dangjian.Web.Modules.Members;
using Dangjian.Web.Modules.Organizations;
using Dangjian.Web.Modules.Organizations.Committees;
using Dangjian.Web.Platform.Auth;
using Dangjian.Web.Platform.Export;

namespace Dangjian.Tests.Modules.Education.Study;

/// <summary>
/// The learning archive (docs/rules/education.md#e-1, #e-2): course study, meetings attended and outside hours, each
/// counted once, against the member's or the leader's target; the unit overview and its export; the 学习强国 import.
/// </summary>
public sealed class LearningArchiveTests(AppFixture app) : IClassFixture<AppFixture>
{
    private static readonly DateTimeOffset InYear = new(2026, 3, 10, 1, 0, 0, TimeSpan.Zero);

    private async Task AddProgressAsync(StudyWorld w, Guid memberId, Course course, int year, int seconds) =>
        await w.InTenantAsync(async db =>
        {
            db.StudyProgress.Add(new StudyProgress
            {
                Id = Guid.NewGuid(), MemberId = memberId, CourseId = course.Id, Year = year, Seconds = seconds, FirstAt = InYear, LastAt = InYear,
            });
            return await db.SaveChangesAsync();
        });

    [Fact]
    public async Task Archive_CoursesMeetingsAndOutsideHours_AgainstTheTarget_LeaderTargetForACommitteeMember()
    {
        var w = await StudyWorld.CreateAsync(app);
        var theory = await w.AddCourseAsync(CourseKind.Video, 3600, CourseCategory.Theory);
        var history = await w.AddCourseAsync(CourseKind.Article, null, CourseCategory.PartyHistory);
        await AddProgressAsync(w, w.Member.Id, theory, 2026, 2700 * 4);   // 4 class hours
        await AddProgressAsync(w, w.Member.Id, history, 2026, 1350);       // 0.5
        await AddProgressAsync(w, w.Member.Id, history, 2025, 2700 * 10);  // another year: not counted
        // Meetings attended: a 党课 of 90 minutes (2 class hours), a 主题党日 of 45 (1); a 支委会 and a cancelled 党课 do not count.
        await StudyWorld.AddAttendedMeetingAsync(app, w.Tenant.TenantId, w.Branch, w.Member.Id, MeetingType.PartyLecture, InYear, TimeSpan.FromMinutes(90), "党课：党章学习");
        await StudyWorld.AddAttendedMeetingAsync(app, w.Tenant.TenantId, w.Branch, w.Member.Id, MeetingType.ThemeDay, InYear.AddDays(30), TimeSpan.FromMinutes(45), "主题党日");
        await StudyWorld.AddAttendedMeetingAsync(app, w.Tenant.TenantId, w.Branch, w.Member.Id, MeetingType.CommitteeMeeting, InYear.AddDays(31), TimeSpan.FromHours(3), "支委会");
        await StudyWorld.AddAttendedMeetingAsync(app, w.Tenant.TenantId, w.Branch, w.Member.Id, MeetingType.PartyLecture, InYear.AddDays(32), TimeSpan.FromHours(3), "取消的党课",
            MeetingStatus.Cancelled);
        await w.InTenantAsync(async db =>
        {
            db.ExternalStudyHours.Add(new ExternalStudyHours
            {
                Id = Guid.NewGuid(), MemberId = w.Member.Id, Source = ExternalStudySource.XuexiQiangguo, Month = new DateOnly(2026, 5, 1), Points = 900,
                HoursTenths = 25, ImportedAt = InYear,
            });
            return await db.SaveChangesAsync();
        });

        using var member = await app.ClientForAsync(w.MemberUser);
        var mine = await member.GetJsonAsync("/api/v1/education/archive/mine?year=2026");
        (mine["courseHours"]!.GetValue<double>(), mine["meetingHours"]!.GetValue<double>(), mine["externalHours"]!.GetValue<double>()).ShouldBe((4.5, 3.0, 2.5));
        mine["hours"]!.GetValue<double>().ShouldBe(10.0);
        (mine["targetHours"]!.GetValue<int>(), mine["gapHours"]!.GetValue<double>(), mine["belowTarget"]!.GetValue<bool>()).ShouldBe((32, 22.0, true));
        mine.Str("article").ShouldBe("docs/rules/education.md#e-1");
        mine["byCategory"]!.AsArray().Select(c => (c!.Str("category"), c!["hours"]!.GetValue<double>())).ShouldBe([("Theory", 4.0), ("PartyHistory", 0.5)]);
        mine["meetings"]!.AsArray().Select(m => m!.Str("type")).ShouldBe(["PartyLecture", "ThemeDay"]);
        (await member.GetJsonAsync("/api/v1/education/archive/mine?year=2025"))["courseHours"]!.GetValue<double>().ShouldBe(10.0);
        (await member.GetAsync("/api/v1/education/archive/mine?year=abc")).StatusCode.ShouldBe(HttpStatusCode.BadRequest);

        // On the committee in office: the leaders' 56 hours (E-2).
        var term = await w.Tenant.AddTermAsync(w.Branch, new DateOnly(2024, 1, 1), new DateOnly(2029, 1, 1), w.Member.Name);
        await w.InTenantAsync(db => db.CommitteeMembers.Where(c => c.TermId == term.Id).ExecuteUpdateAsync(s => s.SetProperty(c => c.MemberId, w.Member.Id)));
        using var secretary = await app.ClientForAsync(w.Secretary);
        var asLeader = await secretary.GetJsonAsync($"/api/v1/members/{w.Member.Id}/education-archive?year=2026");
        (asLeader["leader"]!.GetValue<bool>(), asLeader["targetHours"]!.GetValue<int>(), asLeader["gapHours"]!.GetValue<double>()).ShouldBe((true, 56, 46.0));
        asLeader.Str("article").ShouldBe("docs/rules/education.md#e-2");

        // The unit overview: every party member of the subtree, those below target first; the export holds the same rows.
        var others = await w.Tenant.AddMembersAsync(w.Branch, 2);
        await AddProgressAsync(w, others[0].Id, theory, 2026, 2700 * 40); // 40 hours: met
        var overview = await secretary.GetJsonAsync($"/api/v1/org-units/{w.Branch.Id}/education-archive?year=2026&pageSize=2");
        (overview["members"]!.GetValue<int>(), overview["belowTarget"]!.GetValue<int>()).ShouldBe((3, 2));
        var rows = overview["rows"]!["items"]!.AsArray();
        rows.Count.ShouldBe(2);
        rows[0]!.Str("name").ShouldBe(w.Member.Name); // the largest gap first
        rows[1]!.Str("name").ShouldBe(others[1].Name);
        overview["rows"]!["total"]!.GetValue<int>().ShouldBe(3);
        var page2 = await secretary.GetJsonAsync($"/api/v1/org-units/{w.Branch.Id}/education-archive?year=2026&pageSize=2&page=2");
        page2["rows"]!["items"]!.AsArray().Select(r => (r!.Str("name"), r!["belowTarget"]!.GetValue<bool>())).ShouldBe([(others[0].Name, false)]);

        using var export = await secretary.GetAsync($"/api/v1/org-units/{w.Branch.Id}/education-archive.xlsx?year=2026");
        export.StatusCode.ShouldBe(HttpStatusCode.OK);
        await using var stream = await export.Content.ReadAsStreamAsync();
        var sheet = XlsxReader.ReadRows(stream).ToList();
        sheet.Count.ShouldBe(4);
        sheet.Skip(1).Select(r => r.Cells[0]).ShouldBe([w.Member.Name, others[1].Name, others[0].Name]);

        // The member's page shows the archive; the manager's page the overview.
        using var page = await member.GetAsync("/education/archive?year=2026");
        (await page.Content.ReadAsStringAsync()).ShouldContain("党课：党章学习");
    }

    [Fact]
    public async Task Archive_SiblingBranch_Refused()
    {
        var w = await StudyWorld.CreateAsync(app);
        var siblingSecretary = await w.Tenant.AddUserAsync(w.Sibling, AppRole.BranchSecretary);
        using var client = await app.ClientForAsync(siblingSecretary);
        (await client.GetAsync($"/api/v1/members/{w.Member.Id}/education-archive")).StatusCode.ShouldBe(HttpStatusCode.NotFound);
        (await client.GetAsync($"/api/v1/org-units/{w.Branch.Id}/education-archive")).StatusCode.ShouldBe(HttpStatusCode.NotFound);
        (await client.GetAsync($"/api/v1/org-units/{w.Branch.Id}/education-archive.xlsx")).StatusCode.ShouldBe(HttpStatusCode.NotFound);
        (await client.GetAsync($"/api/v1/education/external-hours-import-template?orgUnitId={w.Branch.Id}")).StatusCode.ShouldBe(HttpStatusCode.NotFound);
        // Another member of the same branch is not a reader of the archive either.
        var other = (await w.Tenant.AddMembersAsync(w.Branch, 1))[0];
        using var otherMember = await app.ClientForAsync(await w.Tenant.AddMemberAccountAsync(w.Branch, other.Id));
        (await otherMember.GetAsync($"/api/v1/members/{w.Member.Id}/education-archive")).StatusCode.ShouldBe(HttpStatusCode.NotFound);
        (await otherMember.GetAsync($"/api/v1/members/{other.Id}/education-archive")).StatusCode.ShouldBe(HttpStatusCode.OK);
    }

    private static byte[] Workbook(params object?[][] rows)
    {
        using var stream = new MemoryStream();
        XlsxWriter.Write(stream, "学时", ["姓名", "身份证号", "手机号", "月份", "来源", "积分", "学时"], rows.Select(r => (IReadOnlyList<object?>)r));
        return stream.ToArray();
    }

    private static async Task<System.Text.Json.Nodes.JsonNode> UploadAsync(HttpClient client, Guid unitId, byte[] file)
    {
        using var content = new ByteArrayContent(file);
        content.Headers.ContentType = new MediaTypeHeaderValue(XlsxWriter.ContentType);
        using var response = await client.PostAsync($"/api/v1/education/external-hours-imports?orgUnitId={unitId}&fileName=xuexi.xlsx", content);
        return (await response.ShouldHaveStatusAsync(HttpStatusCode.Created))!;
    }

    [Fact]
    public async Task Import_ValidRowsApplied_BadRowsReported_ReimportReplaces()
    {
        var w = await StudyWorld.CreateAsync(app);
        var idA = TestIdNumbers.Of("110105", "19800101", 11);
        var a = await w.Tenant.AddPersonAsync(w.Branch, "张学习", idA);
        var b = await w.Tenant.AddPersonAsync(w.Branch, "李手机", TestIdNumbers.Of("110105", "19810101", 12));
        await using (var scope = app.Scope(w.Tenant.TenantId))
        {
            var protector = scope.ServiceProvider.GetRequiredService<Dangjian.Web.Platform.Privacy.PersonalDataProtector>();
            var db = scope.ServiceProvider.GetRequiredService<Dangjian.Web.Data.AppDbContext>();
            await db.Members.Where(m => m.Id == b.Id).ExecuteUpdateAsync(s => s.SetProperty(m => m.MobileEncrypted, protector.Encrypt("13912345678")));
        }
        var outsider = await w.Tenant.AddPersonAsync(w.Sibling, "王兄弟", TestIdNumbers.Of("110105", "19820101", 13));
        using var secretary = await app.ClientForAsync(w.Secretary);

        var file = Workbook(
            ["张学习", idA, null, "2026-10", "学习强国", "1200", "4.5"],
            ["李手机", null, "139-1234-5678", "2026-10", "国资e学", "300", "2"],
            ["王兄弟", TestIdNumbers.Of("110105", "19820101", 13), null, "2026-10", "学习强国", "100", "1"], // outside the unit
            ["张学习", idA, null, "2026-10", "某平台", "1", "1"],          // unknown source
            ["张学习", idA, null, "2026-13", "学习强国", "1", "1"],        // bad month
            ["张学习", idA, null, "2026-10", "学习强国", "1", "1"],        // same member, source and month again
            ["无名", null, null, "2026-10", "学习强国", "1", "abc"]);      // no ID number nor mobile, bad hours
        var preview = await UploadAsync(secretary, w.Branch.Id, file);
        var id = preview["import"]!.Id();
        (preview["import"]!["validRows"]!.GetValue<int>(), preview["import"]!["invalidRows"]!.GetValue<int>()).ShouldBe((2, 5));
        var errors = preview["import"]!["errors"]!.AsArray().Select(e => (e!["row"]!.GetValue<int>(), e!.Str("column"))).ToList();
        errors.ShouldContain((4, "身份证号"));
        errors.ShouldContain((5, "来源"));
        errors.ShouldContain((6, "月份"));
        errors.ShouldContain((7, "月份"));
        errors.ShouldContain((8, "学时"));
        (await w.InTenantAsync(db => db.ExternalStudyHours.CountAsync(e => e.MemberId == a.Id))).ShouldBe(0); // a preview writes nothing

        (await secretary.PostAsync($"/api/v1/education/external-hours-imports/{id}/apply?allOrNothing=true", null)).StatusCode
            .ShouldBe(HttpStatusCode.UnprocessableEntity);
        using (var applied = await secretary.PostAsync($"/api/v1/education/external-hours-imports/{id}/apply", null))
        {
            (await applied.ShouldHaveStatusAsync(HttpStatusCode.OK))!["import"]!["created"]!.GetValue<int>().ShouldBe(2);
        }
        using (var errorBook = await secretary.GetAsync($"/api/v1/education/external-hours-imports/{id}/errors"))
        {
            errorBook.StatusCode.ShouldBe(HttpStatusCode.OK);
            await using var s = await errorBook.Content.ReadAsStreamAsync();
            XlsxReader.ReadRows(s).Count().ShouldBe(6); // the header and the five rejected rows
        }
        var stored = await w.InTenantAsync(db => db.ExternalStudyHours.OrderBy(e => e.Points).ToListAsync());
        stored.Where(e => e.MemberId == a.Id || e.MemberId == b.Id).Select(e => (e.MemberId, e.Source, e.Points, e.HoursTenths))
            .ShouldBe([(b.Id, ExternalStudySource.GuoziEXue, 300, 20), (a.Id, ExternalStudySource.XuexiQiangguo, 1200, 45)]);
        stored.ShouldNotContain(e => e.MemberId == outsider.Id);

        // The same month again with other figures replaces it; never adds.
        var again = await UploadAsync(secretary, w.Branch.Id, Workbook(["张学习", idA, null, "2026-10", "学习强国", "1500", "6"],
            ["李手机", null, "13912345678", "2026-10", "国资e学", "300", "2"]));
        (again["import"]!["toUpdate"]!.GetValue<int>(), again["import"]!["unchanged"]!.GetValue<int>()).ShouldBe((1, 1));
        (await secretary.PostAsync($"/api/v1/education/external-hours-imports/{again["import"]!.Id()}/apply", null)).StatusCode.ShouldBe(HttpStatusCode.OK);
        var rows = await w.InTenantAsync(db => db.ExternalStudyHours.Where(e => e.MemberId == a.Id).ToListAsync());
        rows.Select(r => (r.Points, r.HoursTenths)).ShouldBe([(1500, 60)]);
        (await secretary.GetJsonAsync($"/api/v1/members/{a.Id}/education-archive?year=2026"))["externalHours"]!.GetValue<double>().ShouldBe(6.0);

        // The blank template, and a sibling's secretary may not import into this branch.
        using (var template = await secretary.GetAsync($"/api/v1/education/external-hours-import-template?orgUnitId={w.Branch.Id}"))
        {
            template.StatusCode.ShouldBe(HttpStatusCode.OK);
            await using var s = await template.Content.ReadAsStreamAsync();
            XlsxReader.ReadRows(s).First().Cells.ShouldBe(["姓名", "身份证号", "手机号", "月份", "来源", "积分", "学时"]);
        }
        using var sibling = await app.ClientForAsync(await w.Tenant.AddUserAsync(w.Sibling, AppRole.BranchSecretary));
        using var content = new ByteArrayContent(file);
        (await sibling.PostAsync($"/api/v1/education/external-hours-imports?orgUnitId={w.Branch.Id}", content)).StatusCode.ShouldBe(HttpStatusCode.NotFound);
        (await sibling.GetAsync($"/api/v1/education/external-hours-imports/{id}")).StatusCode.ShouldBe(HttpStatusCode.NotFound);
    }
}
