using System.Net;
using Dangjian.Web.Modules.Meetings;
using Dangjian.Web.Modules.Meetings.FirstTopics;
using Dangjian.Web.Modules.Meetings.Records;
using Dangjian.Web.Modules.Members;
using Dangjian.Web.Modules.Organizations;
using Dangjian.Web.Platform.Auth;
using Dangjian.Web.Platform.Export;

namespace Dangjian.Tests.Modules.Meetings;

/// <summary>三会一课记录簿: a branch's year in China time as a workbook and a PDF, its scope and its access-log entries.</summary>
public sealed class MeetingBookTests(AppFixture app) : IClassFixture<AppFixture>
{
    private static readonly TimeSpan China = TimeSpan.FromHours(8);

    private sealed record World(TestTenant Tenant, OrgUnit Branch, IReadOnlyList<Member> People, Member WithIdNumber, string IdNumber, TestUser Secretary,
        TestUser Sibling);

    /// <summary>
    /// A branch with four members and one with an ID number on file; its meetings: one at 23:30 China time on the last
    /// day of 2025 (not in 2026), one at 00:10 on 1 January 2026 (still 2025 in UTC), a 支部党员大会 in March with
    /// its whole record, a cancelled one and one planned for December (neither counts); and a meeting of its sibling.
    /// </summary>
    private async Task<World> WorldAsync()
    {
        var tenant = await TestTenant.CreateAsync(app);
        var branch = await tenant.AddUnitAsync(tenant.Root, OrgUnitKind.Branch, TestTenant.Unique("记录簿支部"));
        var sibling = await tenant.AddUnitAsync(tenant.Root, OrgUnitKind.Branch, TestTenant.Unique("兄弟支部"));
        var people = await tenant.AddMembersAsync(branch, 4, namePrefix: "簿员");
        var idNumber = TestIdNumbers.Of("110105", "19800101", 31);
        var withId = await tenant.AddPersonAsync(branch, TestTenant.Unique("有证号"), idNumber);
        var secretary = await tenant.AddUserAsync(branch, AppRole.BranchSecretary);
        var siblingSecretary = await tenant.AddUserAsync(sibling, AppRole.BranchSecretary);

        var march = Meeting(branch, MeetingType.BranchGeneralMeeting, "讨论接收预备党员", new DateTimeOffset(2026, 3, 20, 14, 30, 0, China));
        var topicId = Guid.NewGuid();
        march.FirstTopicId = topicId;
        march.Place = "三楼党员活动室";
        march.HostName = "书记甲";
        await app.InTenantAsync(tenant.TenantId, async db =>
        {
            db.Meetings.AddRange(
                Meeting(branch, MeetingType.BranchGeneralMeeting, "上年最后一次会议", new DateTimeOffset(2025, 12, 31, 23, 30, 0, China)),
                Meeting(branch, MeetingType.ThemeDay, "元旦主题党日", new DateTimeOffset(2026, 1, 1, 0, 10, 0, China)),
                march,
                Meeting(branch, MeetingType.PartyLecture, "已取消的党课", new DateTimeOffset(2026, 6, 1, 9, 0, 0, China), MeetingStatus.Cancelled),
                Meeting(branch, MeetingType.ThemeDay, "十二月主题党日", new DateTimeOffset(2026, 12, 10, 9, 0, 0, China)),
                Meeting(sibling, MeetingType.ThemeDay, "兄弟支部主题党日", new DateTimeOffset(2026, 5, 1, 9, 0, 0, China)));
            db.FirstTopics.Add(new FirstTopic { Id = topicId, OrgUnitId = tenant.Root.Id, OrgPath = tenant.Root.Path, Title = "学习重要讲话精神", PublishedAt = march.StartsAt.AddDays(-2) });
            db.MeetingSignIns.AddRange(
                SignIn(march, people[0], march.StartsAt.AddMinutes(-5), late: false, remote: false),
                SignIn(march, people[1], march.StartsAt.AddMinutes(15), late: true, remote: true),
                SignIn(march, withId, march.StartsAt, late: false, remote: false));
            db.MeetingLeaves.Add(new MeetingLeave
            {
                Id = Guid.NewGuid(), MeetingId = march.Id, MemberId = people[2].Id, MemberName = people[2].Name, Reason = "出差", Status = LeaveStatus.Approved,
                RequestedAt = march.StartsAt.AddDays(-1),
            });
            db.MeetingRecords.Add(new MeetingRecord
            {
                Id = Guid.NewGuid(), MeetingId = march.Id, Minutes = "会议由书记主持，讨论接收预备党员。", Recorder = "组织委员乙", Locked = true,
                LockedAt = march.EndsAt, UpdatedAt = march.EndsAt,
            });
            db.MeetingResolutions.AddRange(
                new MeetingResolution { Id = Guid.NewGuid(), MeetingId = march.Id, Title = "接收张三为预备党员", Entitled = 12, Present = 10, Yes = 7, No = 2, Abstain = 1, Passed = true, CreatedAt = march.EndsAt },
                new MeetingResolution { Id = Guid.NewGuid(), MeetingId = march.Id, Title = "接收李四为预备党员", Entitled = 12, Present = 10, Yes = 5, No = 4, Abstain = 1, Passed = false, CreatedAt = march.EndsAt.AddMinutes(1) });
            db.MeetingAttachments.Add(new MeetingAttachment
            {
                Id = Guid.NewGuid(), MeetingId = march.Id, FileName = "会场照片.jpg", ContentType = "image/jpeg", Size = 5000, Sha256 = "ab12cd34ef56" + new string('0', 52),
                Content = [1, 2, 3], UploadedAt = march.EndsAt,
            });
            db.MeetingAmendments.Add(new MeetingAmendment { Id = Guid.NewGuid(), MeetingId = march.Id, Text = "更正：实到人数为10人", By = "书记甲", At = march.EndsAt.AddDays(1) });
            await db.SaveChangesAsync();
        });
        return new World(tenant, branch, people, withId, idNumber, secretary, siblingSecretary);
    }

    [Fact]
    public async Task Workbook_MeetingsOfTheChinaYear_RowsSummaryAndVotes()
    {
        var w = await WorldAsync();
        using var secretary = await app.ClientForAsync(w.Secretary);
        using var response = await secretary.GetAsync($"/api/v1/org-units/{w.Branch.Id}/meeting-book.xlsx?year=2026");
        var bytes = await response.Content.ReadAsByteArrayAsync();
        response.StatusCode.ShouldBe(HttpStatusCode.OK, System.Text.Encoding.UTF8.GetString(bytes));
        response.Content.Headers.ContentType!.MediaType.ShouldBe(XlsxWriter.ContentType);
        response.Content.Headers.ContentDisposition!.FileNameStar.ShouldBe($"{w.Branch.Name}-2026-三会一课记录簿.xlsx");

        var meetings = Sheet(bytes, 1);
        var header = meetings[0];
        header.Take(3).ShouldBe(["序号", "会议类型", "会议主题"]);
        string Cell(string?[] row, string column) => row[Array.IndexOf(header, column)] ?? "";
        // 00:10 on 1 January China time is in 2026 (16:10 UTC on 31 December); 23:30 on 31 December is not; nor are the
        // cancelled meeting, the one not yet held and the sibling's.
        meetings.Skip(1).Select(r => Cell(r, "会议主题")).ShouldBe(["元旦主题党日", "讨论接收预备党员"]);
        var jan = meetings[1];
        (Cell(jan, "会议类型"), Cell(jan, "开始时间")).ShouldBe(("主题党日", "2026-01-01 00:10"));

        var march = meetings[2];
        (Cell(march, "应到人数"), Cell(march, "实到人数"), Cell(march, "请假人数"), Cell(march, "缺席人数")).ShouldBe(("5", "3", "1", "1"));
        Cell(march, "出席人员").ShouldContain($"{w.People[1].Name}（迟到，线上参会）");
        Cell(march, "出席人员").ShouldContain(w.WithIdNumber.Name);
        Cell(march, "请假人员").ShouldBe(w.People[2].Name);
        Cell(march, "缺席人员").ShouldBe(w.People[3].Name);
        (Cell(march, "会议形式"), Cell(march, "地点"), Cell(march, "主持人"), Cell(march, "记录人")).ShouldBe(("线下", "三楼党员活动室", "书记甲", "组织委员乙"));
        Cell(march, "第一议题").ShouldBe("学习重要讲话精神");
        Cell(march, "会议记录正文").ShouldBe("会议由书记主持，讨论接收预备党员。");
        Cell(march, "决议与表决").ShouldContain("接收张三为预备党员：应到12人，实到10人；赞成7，反对2，弃权1（通过）");
        Cell(march, "照片、录音和文件").ShouldBe("会场照片.jpg（5 KB，SHA-256 ab12cd34ef56…）");
        Cell(march, "记录状态").ShouldBe("已审定锁定");
        Cell(march, "补充说明").ShouldContain("更正：实到人数为10人");

        var votes = Sheet(bytes, 2);
        votes.Skip(1).Select(r => string.Join("|", r.Skip(4))).ShouldBe(["接收张三为预备党员|12|10|7|2|1|通过", "接收李四为预备党员|12|10|5|4|1|未通过"]);

        var summary = Sheet(bytes, 0).Where(r => r.Length > 0 && !string.IsNullOrEmpty(r[0])).ToDictionary(r => r[0]!, r => r.Skip(1).ToArray());
        // As of 22 November 2026: Q1 held (March), Q2 and Q3 missed, Q4 still open.
        summary["支部党员大会"].Take(5).ShouldBe(["每季度1次", "4", "1", "2", "未落实"]);
        summary["主题党日"].Take(5).ShouldBe(["每月1次", "12", "1", "9", "未落实"]);
        summary["支委会"].Take(5).ShouldBe(["每月1次", "0", "0", "0", "无需召开"]);  // no committee elected
        summary["党组织"][0].ShouldBe(w.Branch.Name);
        summary["会议次数"][0].ShouldBe("2");

        var everything = string.Join("|", Enumerable.Range(0, 3).SelectMany(i => Sheet(bytes, i)).SelectMany(r => r));
        everything.ShouldNotContain(w.IdNumber);
        everything.ShouldNotContain("****");  // not even masked

        // Without a year: this year in China time.
        using var thisYear = await secretary.GetAsync($"/api/v1/org-units/{w.Branch.Id}/meeting-book.xlsx");
        thisYear.Content.Headers.ContentDisposition!.FileNameStar.ShouldBe($"{w.Branch.Name}-2026-三会一课记录簿.xlsx");
    }

    [Fact]
    public async Task Pdf_CoverSummaryAndEachMeeting_ReadableText()
    {
        var w = await WorldAsync();
        using var secretary = await app.ClientForAsync(w.Secretary);
        using var response = await secretary.GetAsync($"/api/v1/org-units/{w.Branch.Id}/meeting-book.pdf?year=2026");
        var pdf = await response.ReadPdfAsync();
        response.Content.Headers.ContentDisposition!.DispositionType.ShouldBe("inline");
        var text = await PdfText.CompactTextAsync(pdf);

        text.ShouldContain("三会一课记录簿");
        text.ShouldContain(w.Branch.Name);
        text.ShouldContain("2026年度");
        text.ShouldContain("一、落实情况汇总");
        text.ShouldContain("支部党员大会每季度1次412未落实");
        text.ShouldContain("元旦主题党日");
        text.ShouldContain("讨论接收预备党员");
        text.ShouldContain("应到5人，实到3人（其中迟到1人、线上参会1人），请假1人，缺席1人");
        text.ShouldContain($"缺席人员：{w.People[3].Name}");
        text.ShouldContain("赞成7，反对2，弃权1");
        text.ShouldContain("未通过");
        text.ShouldContain("会场照片.jpg（5KB，SHA-256ab12cd34ef56…）");
        text.ShouldNotContain("上年最后一次会议");
        text.ShouldNotContain("十二月主题党日");
        text.ShouldNotContain(w.IdNumber);
        text.ShouldNotContain("****");
        (await PdfText.TextAsync(pdf)).Count(c => c == '\f').ShouldBeGreaterThanOrEqualTo(4);  // cover, summary, a page per meeting
    }

    [Fact]
    public async Task Export_WrittenToTheAccessLogOfEachPersonNamed_SiblingRefused()
    {
        var w = await WorldAsync();
        using var secretary = await app.ClientForAsync(w.Secretary);
        (await secretary.GetAsync($"/api/v1/org-units/{w.Branch.Id}/meeting-book.xlsx?year=2026")).StatusCode.ShouldBe(HttpStatusCode.OK);
        (await secretary.GetAsync($"/api/v1/org-units/{w.Branch.Id}/meeting-book.pdf?year=2026")).StatusCode.ShouldBe(HttpStatusCode.OK);
        var named = w.People.Select(p => p.Id).Append(w.WithIdNumber.Id).ToList();
        var logs = await app.InTenantAsync(w.Tenant.TenantId, db => db.MemberAccessLogs.Where(l => named.Contains(l.MemberId)).ToListAsync());
        logs.Count.ShouldBe(2 * named.Count);
        logs.ShouldAllBe(l => l.Action == "export" && l.Detail!.Contains("三会一课记录簿"));
        logs.Select(l => l.Detail).Distinct().Order().ShouldBe([$"导出三会一课记录簿（{w.Branch.Name}，2026年，Excel）", $"导出三会一课记录簿（{w.Branch.Name}，2026年，PDF）"]);

        using var sibling = await app.ClientForAsync(w.Sibling);
        (await sibling.GetAsync($"/api/v1/org-units/{w.Branch.Id}/meeting-book.xlsx?year=2026")).StatusCode.ShouldBe(HttpStatusCode.NotFound);
        (await sibling.GetAsync($"/api/v1/org-units/{w.Branch.Id}/meeting-book.pdf?year=2026")).StatusCode.ShouldBe(HttpStatusCode.NotFound);
        using var badYear = await secretary.GetAsync($"/api/v1/org-units/{w.Branch.Id}/meeting-book.xlsx?year=1999");
        (await badYear.ShouldHaveStatusAsync(HttpStatusCode.BadRequest))!.Str("detail").ShouldContain("year");
        (await app.InTenantAsync(w.Tenant.TenantId, db => db.MemberAccessLogs.CountAsync(l => named.Contains(l.MemberId)))).ShouldBe(2 * named.Count);
    }

    [Fact]
    public async Task CompliancePage_ButtonsForTheShownUnitAndYear()
    {
        var w = await WorldAsync();
        using var secretary = await app.ClientForAsync(w.Secretary);
        var page = await secretary.GetStringAsync($"/meetings/compliance?unit={w.Branch.Id}&year=2025");
        page.ShouldContain("导出记录簿 (Excel)");
        page.ShouldContain("打印记录簿 (PDF)");
        page.ShouldContain($"href=\"/api/v1/org-units/{w.Branch.Id}/meeting-book.xlsx?year=2025\"");
        page.ShouldContain($"href=\"/api/v1/org-units/{w.Branch.Id}/meeting-book.pdf?year=2025\"");
    }

    private static List<string?[]> Sheet(byte[] xlsx, int index) => XlsxReader.ReadRows(new MemoryStream(xlsx), index).Select(r => r.Cells).ToList();

    private Meeting Meeting(OrgUnit unit, MeetingType type, string topic, DateTimeOffset start, MeetingStatus status = MeetingStatus.Planned) => new()
    {
        Id = Guid.NewGuid(), OrgUnitId = unit.Id, OrgPath = unit.Path, Type = type, Topic = topic, StartsAt = start.ToUniversalTime(),
        EndsAt = start.AddHours(2).ToUniversalTime(), Status = status, SignInSecret = SignInCode.NewSecret(), CreatedAt = app.Clock.GetUtcNow(),
    };

    private static MeetingSignIn SignIn(Meeting m, Member p, DateTimeOffset at, bool late, bool remote) => new()
    {
        Id = Guid.NewGuid(), MeetingId = m.Id, MemberId = p.Id, UserId = Guid.NewGuid(), SignedAt = at, Late = late, Remote = remote, Method = SignInMethod.Code,
    };
}
