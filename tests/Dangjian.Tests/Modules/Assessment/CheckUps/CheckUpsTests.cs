using System.Net;
using System.Net.Http.Json;
using Dangjian.Web.Modules.Assessment.CheckUps;
using Dangjian.Web.Modules.Assessment.Indicators;
using Dangjian.Web.Modules.Dues;
using Dangjian.Web.Modules.Meetings;
using Dangjian.Web.Modules.Meetings.Attendance;
using Dangjian.Web.Modules.Members;
using Dangjian.Web.Modules.Organizations;
using Dangjian.Web.Platform.Auth;
using Dangjian.Web.Platform.Export;
using Dangjian.Web.Platform.Jobs;

namespace Dangjian.Tests.Modules.Assessment.CheckUps;

/// <summary>
/// The check-up through the app: a member's own quarter in its window, submitted once; the secretary's review once; the
/// warnings raised by the job from the records, once; their handling and the rate; the scope of a sibling branch. The test
/// clock stands in 2026 Q4 (2026-11-22): Q4 is open, Q3 closed (15 days of grace), 2027 Q1 not yet open.
/// </summary>
public sealed class CheckUpsTests(AppFixture app) : IClassFixture<AppFixture>
{
    private sealed record World(TestTenant Tenant, OrgUnit Branch, OrgUnit Sibling, HttpClient Secretary, HttpClient SiblingSecretary,
        IReadOnlyList<Member> Members, HttpClient Member, HttpClient Other, TestUser SecretaryUser);

    private async Task<World> WorldAsync()
    {
        var tenant = await TestTenant.CreateAsync(app);
        var branch = await tenant.AddUnitAsync(tenant.Root, OrgUnitKind.Branch, TestTenant.Unique("体检支部"));
        var sibling = await tenant.AddUnitAsync(tenant.Root, OrgUnitKind.Branch, TestTenant.Unique("兄弟支部"));
        var secretary = await tenant.AddUserAsync(branch, AppRole.BranchSecretary);
        var siblingSecretary = await tenant.AddUserAsync(sibling, AppRole.BranchSecretary);
        var members = await tenant.AddMembersAsync(branch, 3);
        var me = await tenant.AddMemberAccountAsync(branch, members[0].Id);
        var other = await tenant.AddMemberAccountAsync(branch, members[1].Id);
        return new World(tenant, branch, sibling, await app.ClientForAsync(secretary), await app.ClientForAsync(siblingSecretary), members,
            await app.ClientForAsync(me), await app.ClientForAsync(other), secretary);
    }

    private static object Parts(bool submit, string? measures = "按期整改") => new
    {
        ideals = "坚定理想信念", discipline = "严守政治纪律", conduct = "改进作风", role = "带头完成任务", measures, submit,
    };

    private static async Task<Guid> SubmitAsync(HttpClient member, int year = 2026, int quarter = 4)
    {
        using var r = await member.PutAsJsonAsync($"/api/v1/checkups/mine/{year}/{quarter}", Parts(true));
        return (await r.ShouldHaveStatusAsync(HttpStatusCode.OK))!["checkUp"]!.Id();
    }

    [Fact]
    public async Task Member_DraftThenSubmit_OnceInsideTheWindow()
    {
        var w = await WorldAsync();
        var mine = await w.Member.GetJsonAsync("/api/v1/checkups/mine");
        mine.AsArray().Count.ShouldBe(MyCheckUps.QuartersShown);
        mine[0]!.Str("window").ShouldBe("Open");
        mine[0]!["year"]!.GetValue<int>().ShouldBe(2026);
        mine[1]!.Str("window").ShouldBe("Closed");

        using var draft = await w.Member.PutAsJsonAsync("/api/v1/checkups/mine/2026/4", Parts(false, measures: null));
        var d = (await draft.ShouldHaveStatusAsync(HttpStatusCode.OK))!;
        d["checkUp"]!["submittedAt"].ShouldBeNull();
        // Submitting needs all five parts: the missing one is named.
        using var incomplete = await w.Member.PutAsJsonAsync("/api/v1/checkups/mine/2026/4", Parts(true, measures: " "));
        (await incomplete.ShouldHaveStatusAsync(HttpStatusCode.BadRequest))!["errors"]!.AsObject().Select(e => e.Key).ShouldBe(["measures"]);
        var id = await SubmitAsync(w.Member);
        id.ShouldBe(d["checkUp"]!.Id());
        using var again = await w.Member.PutAsJsonAsync("/api/v1/checkups/mine/2026/4", Parts(true));
        (await again.ShouldHaveStatusAsync(HttpStatusCode.Conflict))!.ToJsonString().ShouldContain("CHECKUP_SUBMITTED");

        using var closed = await w.Member.PutAsJsonAsync("/api/v1/checkups/mine/2026/3", Parts(true));
        var c = (await closed.ShouldHaveStatusAsync(HttpStatusCode.UnprocessableEntity))!.ToJsonString();
        c.ShouldContain("CHECKUP_CLOSED");
        c.ShouldContain("points-and-assessment.md#pa-10");
        using var early = await w.Member.PutAsJsonAsync("/api/v1/checkups/mine/2027/1", Parts(true));
        (await early.ShouldHaveStatusAsync(HttpStatusCode.UnprocessableEntity))!.ToJsonString().ShouldContain("CHECKUP_NOT_OPEN");

        // The other member sees only their own quarter: nothing filled.
        (await w.Other.GetJsonAsync("/api/v1/checkups/mine/2026/4"))["checkUp"].ShouldBeNull();
        // A secretary without a member record has no check-up to fill.
        (await w.Secretary.GetAsync("/api/v1/checkups/mine")).StatusCode.ShouldBe(HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task Secretary_ReviewsOnce_TalkRaisesAWarning_SiblingSeesNothing()
    {
        var w = await WorldAsync();
        var id = await SubmitAsync(w.Member);
        var list = await w.Secretary.GetJsonAsync($"/api/v1/org-units/{w.Branch.Id}/checkups?year=2026&quarter=4&state=Pending");
        list["total"]!.GetValue<int>().ShouldBe(1);
        list["items"]![0]!.Id().ShouldBe(id);
        (await w.SiblingSecretary.GetAsync($"/api/v1/org-units/{w.Branch.Id}/checkups")).StatusCode.ShouldBe(HttpStatusCode.NotFound);
        (await w.SiblingSecretary.GetAsync($"/api/v1/checkups/{id}")).StatusCode.ShouldBe(HttpStatusCode.NotFound);
        using (var bySibling = await w.SiblingSecretary.PostAsJsonAsync($"/api/v1/checkups/{id}/review", new { result = "Good", comment = "好" }))
        {
            bySibling.StatusCode.ShouldBe(HttpStatusCode.NotFound);
        }
        using (var byMember = await w.Other.PostAsJsonAsync($"/api/v1/checkups/{id}/review", new { result = "Good", comment = "好" }))
        {
            ((int)byMember.StatusCode).ShouldBeOneOf(403, 404);
        }
        using (var noComment = await w.Secretary.PostAsJsonAsync($"/api/v1/checkups/{id}/review", new { result = "Talk", comment = "" }))
        {
            (await noComment.ShouldHaveStatusAsync(HttpStatusCode.BadRequest))!["errors"]!.AsObject().Select(e => e.Key).ShouldBe(["comment"]);
        }
        using (var badResult = await w.Secretary.PostAsJsonAsync($"/api/v1/checkups/{id}/review", new { result = "1", comment = "x" }))
        {
            (await badResult.ShouldHaveStatusAsync(HttpStatusCode.BadRequest))!["errors"]!.AsObject().Select(e => e.Key).ShouldBe(["result"]);
        }
        using var review = await w.Secretary.PostAsJsonAsync($"/api/v1/checkups/{id}/review", new { result = "Talk", comment = "需要谈心谈话" });
        (await review.ShouldHaveStatusAsync(HttpStatusCode.OK))!.Str("result").ShouldBe("Talk");
        using var twice = await w.Secretary.PostAsJsonAsync($"/api/v1/checkups/{id}/review", new { result = "Good", comment = "改判" });
        (await twice.ShouldHaveStatusAsync(HttpStatusCode.Conflict))!.ToJsonString().ShouldContain("CHECKUP_REVIEWED");
        (await w.Member.GetJsonAsync("/api/v1/checkups/mine/2026/4"))["checkUp"]!.Str("result").ShouldBe("Talk");

        var warnings = await w.Secretary.GetJsonAsync($"/api/v1/org-units/{w.Branch.Id}/checkups/warnings?kind=ReviewTalk");
        warnings["total"]!.GetValue<int>().ShouldBe(1);
        warnings["items"]![0]!.Str("memberId").ShouldBe(w.Members[0].Id.ToString());
        (await w.SiblingSecretary.GetAsync($"/api/v1/checkups/warnings/{warnings["items"]![0]!.Id()}")).StatusCode.ShouldBe(HttpStatusCode.NotFound);
        // The job finds the same review and raises nothing more.
        await RunJobAsync();
        (await w.Secretary.GetJsonAsync($"/api/v1/org-units/{w.Branch.Id}/checkups/warnings?kind=ReviewTalk"))["total"]!.GetValue<int>().ShouldBe(1);
    }

    [Fact]
    public async Task Review_TwoAtOnce_OneStands()
    {
        var w = await WorldAsync();
        var id = await SubmitAsync(w.Member);
        var replies = await Task.WhenAll(Enumerable.Range(0, 2).Select(async i =>
        {
            using var r = await w.Secretary.PostAsJsonAsync($"/api/v1/checkups/{id}/review", new { result = "Good", comment = $"评语{i}" });
            return r.StatusCode;
        }));
        replies.Count(s => s == HttpStatusCode.OK).ShouldBe(1);
        replies.Count(s => s == HttpStatusCode.Conflict).ShouldBe(1);
    }

    [Fact]
    public async Task Handle_TwoAtOnce_OneStands_AndDoubleSubmitCreatesOneCheckUp()
    {
        var w = await WorldAsync();
        await RecordsAsync(w);
        await RunJobAsync();
        var warning = await app.InTenantAsync(w.Tenant.TenantId, db => db.EarlyWarnings.AsNoTracking().FirstAsync(x => x.Kind == WarningKind.Absences));
        var replies = await Task.WhenAll(Enumerable.Range(0, 2).Select(async i =>
        {
            using var r = await w.Secretary.PostAsJsonAsync($"/api/v1/checkups/warnings/{warning.Id}/handle", new { measure = "HeartToHeartTalk", note = $"谈话{i}" });
            return r.StatusCode;
        }));
        replies.Count(s => s == HttpStatusCode.OK).ShouldBe(1);
        replies.Count(s => s == HttpStatusCode.Conflict).ShouldBe(1);

        var saves = await Task.WhenAll(Enumerable.Range(0, 2).Select(async _ =>
        {
            using var r = await w.Other.PutAsJsonAsync("/api/v1/checkups/mine/2026/4", Parts(false));
            return r.StatusCode;
        }));
        saves.ShouldContain(HttpStatusCode.OK);
        saves.ShouldAllBe(s => s == HttpStatusCode.OK || s == HttpStatusCode.Conflict);
        (await app.InTenantAsync(w.Tenant.TenantId, db => db.CheckUps.CountAsync(c => c.MemberId == w.Members[1].Id))).ShouldBe(1);
    }

    private static List<string?[]> Rows(byte[] workbook, int sheet) => XlsxReader.ReadRows(new MemoryStream(workbook), sheet).Select(r => r.Cells).ToList();

    private Task<string> RunJobAsync() =>
        app.Services.GetServices<IJob>().Single(j => j.Name == "checkup-warnings").RunAsync(app.Services, CancellationToken.None);

    /// <summary>Member 0: three absences in a row and dues paid up to July; member 1: a streak broken by a meeting attended and dues paid up to September.</summary>
    private async Task RecordsAsync(World w)
    {
        var t = w.Tenant.TenantId;
        var starts = new[] { new DateTimeOffset(2026, 9, 10, 1, 0, 0, TimeSpan.Zero), new DateTimeOffset(2026, 10, 10, 1, 0, 0, TimeSpan.Zero),
            new DateTimeOffset(2026, 11, 10, 1, 0, 0, TimeSpan.Zero), new DateTimeOffset(2026, 11, 15, 1, 0, 0, TimeSpan.Zero) };
        AttendanceOutcome[] first = [AttendanceOutcome.Present, AttendanceOutcome.Absent, AttendanceOutcome.Absent, AttendanceOutcome.Absent];
        AttendanceOutcome[] second = [AttendanceOutcome.Absent, AttendanceOutcome.Absent, AttendanceOutcome.OnLeave, AttendanceOutcome.Absent];
        await app.InTenantAsync(t, async db =>
        {
            for (var i = 0; i < starts.Length; i++)
            {
                var meeting = Guid.NewGuid();
                foreach (var (member, outcome) in new[] { (w.Members[0], first[i]), (w.Members[1], second[i]) })
                {
                    db.MeetingAttendances.Add(new MeetingAttendance
                    {
                        Id = Guid.NewGuid(), TenantId = t, MeetingId = meeting, MemberId = member.Id, OrgPath = w.Branch.Path, MeetingType = MeetingType.BranchGeneralMeeting,
                        StartsAt = starts[i], Month = starts[i].Year * 100 + starts[i].Month, Outcome = outcome,
                    });
                }
            }
            foreach (var (member, last) in new[] { (w.Members[0], 7), (w.Members[1], 9) })
            {
                for (var month = 1; month <= last; month++)
                {
                    db.DuesPayments.Add(new DuesPayment
                    {
                        Id = Guid.NewGuid(), TenantId = t, MemberId = member.Id, OrgUnitId = w.Branch.Id, OrgPath = w.Branch.Path, Month = new DateOnly(2026, month, 1),
                        AmountFen = 1000, PaidOn = new DateOnly(2026, month, 5),
                    });
                }
            }
            await db.SaveChangesAsync();
        });
    }

    [Fact]
    public async Task Job_RaisesFromTheRecords_Once_AndTellsTheSecretary()
    {
        var w = await WorldAsync();
        await RecordsAsync(w);
        // Member 2 submitted last quarter's check-up in time; the others did not.
        await app.InTenantAsync(w.Tenant.TenantId, async db =>
        {
            db.CheckUps.Add(new CheckUp
            {
                Id = Guid.NewGuid(), TenantId = w.Tenant.TenantId, MemberId = w.Members[2].Id, MemberName = w.Members[2].Name, OrgUnitId = w.Branch.Id,
                OrgPath = w.Branch.Path, Year = 2026, Quarter = 3, Ideals = "x", Discipline = "x", Conduct = "x", Role = "x", Measures = "x",
                CreatedAt = app.Clock.GetUtcNow().AddDays(-60), SubmittedAt = app.Clock.GetUtcNow().AddDays(-55),
            });
            await db.SaveChangesAsync();
        });
        await RunJobAsync();
        var rows = await app.InTenantAsync(w.Tenant.TenantId, db => db.EarlyWarnings.AsNoTracking().ToListAsync());
        Guid m0 = w.Members[0].Id, m1 = w.Members[1].Id, m2 = w.Members[2].Id;
        rows.Where(r => r.Kind == WarningKind.Absences).Select(r => (r.MemberId, r.EvidenceNumber)).ShouldBe([(m0, (int?)3)]);
        rows.Single(r => r.Kind == WarningKind.Absences).Basis.ShouldBe("2026-10-10");
        rows.Where(r => r.Kind == WarningKind.DuesArrears).Select(r => (r.MemberId, r.EvidenceNumber, r.Evidence)).ShouldBe([(m0, (int?)3, "2026-07")]);
        rows.Where(r => r.Kind == WarningKind.CheckUpMissing).Select(r => r.MemberId).OrderBy(x => x).ShouldBe(new[] { m0, m1 }.OrderBy(x => x));
        rows.Where(r => r.Kind == WarningKind.CheckUpMissing).ShouldAllBe(r => r.Basis == "2026Q3");
        rows.ShouldAllBe(r => r.Status == WarningStatus.Open && r.OrgPath == w.Branch.Path);
        rows.ShouldNotContain(r => r.MemberId == m2 && r.Kind == WarningKind.CheckUpMissing);

        // The secretary is told of each, in the inbox.
        var notices = await app.InTenantAsync(w.Tenant.TenantId, db => db.Notifications.AsNoTracking().Where(n => n.UserId == w.SecretaryUser.Id).ToListAsync());
        notices.Count.ShouldBe(rows.Count);
        notices.ShouldContain(n => n.Title.Contains(w.Members[0].Name) && n.Body.Contains("pa-11"));

        // Run again: nothing new. Handled, the same evidence does not come back.
        await RunJobAsync();
        (await app.InTenantAsync(w.Tenant.TenantId, db => db.EarlyWarnings.CountAsync())).ShouldBe(rows.Count);
        var arrears = rows.Single(r => r.Kind == WarningKind.DuesArrears);
        using (var handled = await w.Secretary.PostAsJsonAsync($"/api/v1/checkups/warnings/{arrears.Id}/handle", new { measure = "HeartToHeartTalk", note = "已谈话，承诺补交" }))
        {
            (await handled.ShouldHaveStatusAsync(HttpStatusCode.OK))!.Str("status").ShouldBe("Handled");
        }
        await RunJobAsync();
        (await app.InTenantAsync(w.Tenant.TenantId, db => db.EarlyWarnings.CountAsync(x => x.Kind == WarningKind.DuesArrears))).ShouldBe(1);
    }

    [Fact]
    public async Task Handle_Dismiss_Rate_AndExport()
    {
        var w = await WorldAsync();
        await RecordsAsync(w);
        await RunJobAsync();
        var open = await w.Secretary.GetJsonAsync($"/api/v1/org-units/{w.Branch.Id}/checkups/warnings?status=Open&kind=CheckUpMissing");
        open["total"]!.GetValue<int>().ShouldBe(3);
        var ids = open["items"]!.AsArray().Select(i => i!.Id()).ToList();

        using (var noNote = await w.Secretary.PostAsJsonAsync($"/api/v1/checkups/warnings/{ids[0]}/handle", new { measure = "CriticismEducation", note = " " }))
        {
            (await noNote.ShouldHaveStatusAsync(HttpStatusCode.BadRequest))!["errors"]!.AsObject().Select(e => e.Key).ShouldBe(["note"]);
        }
        using (var badMeasure = await w.Secretary.PostAsJsonAsync($"/api/v1/checkups/warnings/{ids[0]}/handle", new { measure = "Scold", note = "x" }))
        {
            (await badMeasure.ShouldHaveStatusAsync(HttpStatusCode.BadRequest))!["errors"]!.AsObject().Select(e => e.Key).ShouldBe(["measure"]);
        }
        using (var handled = await w.Secretary.PostAsJsonAsync($"/api/v1/checkups/warnings/{ids[0]}/handle", new { measure = "RectifyByDeadline", note = "限期一周补交" }))
        {
            var h = (await handled.ShouldHaveStatusAsync(HttpStatusCode.OK))!;
            h.Str("measure").ShouldBe("RectifyByDeadline");
            h["handledAt"].ShouldNotBeNull();
        }
        using (var bySibling = await w.SiblingSecretary.PostAsJsonAsync($"/api/v1/checkups/warnings/{ids[1]}/dismiss", new { reason = "越权" }))
        {
            bySibling.StatusCode.ShouldBe(HttpStatusCode.NotFound);
        }
        using (var noReason = await w.Secretary.PostAsJsonAsync($"/api/v1/checkups/warnings/{ids[1]}/dismiss", new { reason = "" }))
        {
            (await noReason.ShouldHaveStatusAsync(HttpStatusCode.BadRequest))!["errors"]!.AsObject().Select(e => e.Key).ShouldBe(["reason"]);
        }
        using (var dismissed = await w.Secretary.PostAsJsonAsync($"/api/v1/checkups/warnings/{ids[1]}/dismiss", new { reason = "病假，已补请假手续" }))
        {
            (await dismissed.ShouldHaveStatusAsync(HttpStatusCode.OK))!.Str("status").ShouldBe("Dismissed");
        }
        using (var again = await w.Secretary.PostAsJsonAsync($"/api/v1/checkups/warnings/{ids[1]}/handle", new { measure = "Other", note = "再处置" }))
        {
            (await again.ShouldHaveStatusAsync(HttpStatusCode.Conflict))!.ToJsonString().ShouldContain("WARNING_DECIDED");
        }

        // All kinds of the quarter: raised = every warning the job raised (study far below for the three as well, November).
        var all = await app.InTenantAsync(w.Tenant.TenantId, db => db.EarlyWarnings.AsNoTracking().CountAsync());
        var summary = await w.Secretary.GetJsonAsync($"/api/v1/org-units/{w.Branch.Id}/checkups/summary?year=2026&quarter=4");
        summary["due"]!.GetValue<int>().ShouldBe(3);
        summary["submitted"]!.GetValue<int>().ShouldBe(0);
        summary["raised"]!.GetValue<int>().ShouldBe(all);
        summary["handled"]!.GetValue<int>().ShouldBe(1);
        summary["dismissed"]!.GetValue<int>().ShouldBe(1);
        summary["open"]!.GetValue<int>().ShouldBe(all - 2);
        summary["rate"]!.GetValue<decimal>().ShouldBe(HandlingRateRule.Rate(all, 1, 1)!.Value);
        var missing = summary["byKind"]!.AsArray().Single(k => k!.Str("kind") == "CheckUpMissing")!;
        (missing["raised"]!.GetValue<int>(), missing["handled"]!.GetValue<int>(), missing["dismissed"]!.GetValue<int>()).ShouldBe((3, 1, 1));
        // The root's summary reaches the branch below; a quarter with no warnings has no rate.
        using var admin = await app.ClientForAsync(w.Tenant.Admin);
        (await admin.GetJsonAsync($"/api/v1/org-units/{w.Tenant.Root.Id}/checkups/summary?year=2026&quarter=4"))["raised"]!.GetValue<int>().ShouldBe(all);
        (await w.Secretary.GetJsonAsync($"/api/v1/org-units/{w.Branch.Id}/checkups/summary?year=2026&quarter=2"))["rate"].ShouldBeNull();
        (await w.SiblingSecretary.GetAsync($"/api/v1/org-units/{w.Branch.Id}/checkups/summary")).StatusCode.ShouldBe(HttpStatusCode.NotFound);

        using var export = await w.Secretary.GetAsync($"/api/v1/org-units/{w.Branch.Id}/checkups/summary/export?year=2026&quarter=4");
        export.StatusCode.ShouldBe(HttpStatusCode.OK);
        export.Content.Headers.ContentType!.MediaType.ShouldBe(XlsxWriter.ContentType);
        var workbook = await export.Content.ReadAsByteArrayAsync();
        Rows(workbook, 0).ShouldContain(r => r.Contains(w.Branch.Name));
        var listed = Rows(workbook, 1);
        listed.Count.ShouldBe(all + 1);
        listed.Skip(1).ShouldContain(r => r.Contains(w.Members[0].Name));
        using var warningsExport = await w.Secretary.GetAsync($"/api/v1/org-units/{w.Branch.Id}/checkups/warnings/export?status=Handled");
        Rows(await warningsExport.Content.ReadAsByteArrayAsync(), 1).Count.ShouldBe(2);
    }

    [Fact]
    public async Task Indicators_SubmittedShare_AndHandlingRate_PerSubtree()
    {
        var w = await WorldAsync();
        await SubmitAsync(w.Member);
        await RecordsAsync(w);
        await RunJobAsync();
        var warning = await app.InTenantAsync(w.Tenant.TenantId, db => db.EarlyWarnings.AsNoTracking().FirstAsync(x => x.Kind == WarningKind.DuesArrears));
        using (var handled = await w.Secretary.PostAsJsonAsync($"/api/v1/checkups/warnings/{warning.Id}/handle", new { measure = "Other", note = "已处理" }))
        {
            handled.StatusCode.ShouldBe(HttpStatusCode.OK);
        }
        await using var scope = app.Scope(w.Tenant.TenantId);
        var sources = scope.ServiceProvider.GetServices<IIndicatorSource>().ToDictionary(s => s.Key);
        IReadOnlyList<IndicatorUnit> units = [new(w.Branch.Id, w.Branch.Path), new(w.Sibling.Id, w.Sibling.Path), new(w.Tenant.Root.Id, w.Tenant.Root.Path)];
        var submitted = await sources["checkups.submitted"].ValuesAsync(units, 2026, default);
        // One check-up of 3 members × 4 quarters opened in 2026; the sibling branch has no members, so no value.
        submitted[w.Branch.Id].ShouldBe(Math.Round(1m / 12, 4));
        submitted[w.Tenant.Root.Id].ShouldBe(Math.Round(1m / 12, 4));
        submitted.ContainsKey(w.Sibling.Id).ShouldBeFalse();
        var raised = await app.InTenantAsync(w.Tenant.TenantId, db => db.EarlyWarnings.CountAsync());
        var handledRate = await sources["checkups.warningsHandled"].ValuesAsync(units, 2026, default);
        handledRate[w.Branch.Id].ShouldBe(HandlingRateRule.Rate(raised, 1, 0)!.Value);
        handledRate[w.Sibling.Id].ShouldBe(1m);   // nothing to handle
        (await sources["checkups.warningsHandled"].ValuesAsync(units, 2025, default))[w.Branch.Id].ShouldBe(1m);
    }

    [Fact]
    public async Task Pages_MemberFillsAndSubmits_SecretaryReviewsAndHandles()
    {
        var w = await WorldAsync();
        var html = await w.Member.GetStringAsync("/assessment/checkups/mine");
        html.ShouldContain("data-testid=\"checkup-form\"");
        html.ShouldContain("理想信念");
        var fields = new Dictionary<string, string>
        {
            ["Form.Ideals"] = "坚定", ["Form.Discipline"] = "严守", ["Form.Conduct"] = "务实", ["Form.Role"] = "带头", ["Form.Measures"] = "整改", ["Form.Submit"] = "true",
        };
        using (var posted = await w.Member.PostFormAsync("/assessment/checkups/mine?year=2026&quarter=4", "checkup-save", fields))
        {
            ((int)posted.StatusCode).ShouldBeLessThan(400);
        }
        var after = await w.Member.GetStringAsync("/assessment/checkups/mine?year=2026&quarter=4");
        after.ShouldContain("data-testid=\"checkup-parts\"");
        after.ShouldNotContain("data-testid=\"checkup-form\"");
        var id = await app.InTenantAsync(w.Tenant.TenantId, db => db.CheckUps.Where(c => c.MemberId == w.Members[0].Id).Select(c => c.Id).SingleAsync());

        var manage = await w.Secretary.GetStringAsync($"/assessment/checkups?unit={w.Branch.Id}");
        manage.ShouldContain("data-testid=\"checkups-summary\"");
        manage.ShouldContain(w.Members[0].Name);
        var url = $"/assessment/checkups?unit={w.Branch.Id}&review={id}";
        using (var reviewed = await w.Secretary.PostFormAsync(url, "checkup-review",
                   new() { ["Review.CheckUpId"] = id.ToString(), ["Review.Result"] = "Attention", ["Review.Comment"] = "注意学习" }))
        {
            ((int)reviewed.StatusCode).ShouldBeLessThan(400);
        }
        (await app.InTenantAsync(w.Tenant.TenantId, db => db.CheckUps.AsNoTracking().SingleAsync(c => c.Id == id))).Result.ShouldBe(CheckUpResult.Attention);

        await RecordsAsync(w);
        await RunJobAsync();
        var warning = await app.InTenantAsync(w.Tenant.TenantId, db => db.EarlyWarnings.AsNoTracking().FirstAsync(x => x.Kind == WarningKind.Absences));
        var page = await w.Secretary.GetStringAsync($"/assessment/checkups?unit={w.Branch.Id}&warning={warning.Id}");
        page.ShouldContain("data-testid=\"handle-form\"");
        page.ShouldContain("data-confirm");
        using (var handled = await w.Secretary.PostFormAsync($"/assessment/checkups?unit={w.Branch.Id}&warning={warning.Id}", "warning-handle",
                   new() { ["Handle.WarningId"] = warning.Id.ToString(), ["Handle.Measure"] = "HeartToHeartTalk", ["Handle.Note"] = "已谈心" }))
        {
            ((int)handled.StatusCode).ShouldBeLessThan(400);
        }
        (await app.InTenantAsync(w.Tenant.TenantId, db => db.EarlyWarnings.AsNoTracking().SingleAsync(x => x.Id == warning.Id))).Status.ShouldBe(WarningStatus.Handled);
        // A sibling's secretary sees neither the member's name nor the warning on the page.
        var sibling = await w.SiblingSecretary.GetStringAsync($"/assessment/checkups?unit={w.Branch.Id}&warning={warning.Id}");
        sibling.ShouldNotContain(w.Members[0].Name);
    }
}
