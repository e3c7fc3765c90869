using System.Net;
using Dangjian.Tests.Modules.Education.Study;
using Dangjian.Web.Modules.Dashboard;
using Dangjian.Web.Modules.Dashboard.Contracts;
using Dangjian.Web.Modules.Dashboard.WeakLinks;
using Dangjian.Web.Modules.Education.Contracts;
using Dangjian.Web.Modules.Education.Courses;
using Dangjian.Web.Modules.Education.Exams;
using Dangjian.Web.Modules.Members;
using Dangjian.Web.Modules.Organizations;
using Dangjian.Web.Platform.Auth;
using static Dangjian.Tests.Modules.Education.Standing.StudyData;

namespace Dangjian.Tests.Modules.Education.Standing;

/// <summary>
/// Education in the dashboard: the study roll-ups equal the same figures counted from the raw rows (after writes, a move
/// and a rebuild), the dashboard and the archive show them, the weak link of members far below target (#e-6), and the
/// member's archive as PDF read back with poppler.
/// </summary>
public sealed class StudyRollupTests(AppFixture app) : IClassFixture<AppFixture>
{
    [Fact]
    public async Task RollupTotals_EqualTheRawTotals_AfterWritesAMoveAndARebuild_AndTheDashboardShowsThem()
    {
        var w = await StudyWorld.CreateAsync(app);
        var t = w.Tenant.TenantId;
        var more = await w.Tenant.AddMembersAsync(w.Branch, 2, namePrefix: "学员");
        var away = await w.Tenant.AddMembersAsync(w.Sibling, 2, namePrefix: "兄弟");
        var course = await w.AddCourseAsync(CourseKind.Video, 36000);
        var required = await RequiredCourseAsync(app, t, w.Tenant.Root, new DateOnly(2026, 12, 31));
        await ProgressAsync(app, t, w.Member.Id, course.Id, 20 * Hour);
        await ProgressAsync(app, t, w.Member.Id, required.Id, Hour, completed: true);   // 21 h: below 32, not far below (13.3 due at half)
        await ProgressAsync(app, t, more[0].Id, course.Id, 40 * Hour);                  // met
        await ProgressAsync(app, t, more[0].Id, course.Id, 90 * Hour, year: 2025);      // another year
        await ExternalAsync(app, t, more[1].Id, 25);                                    // 2.5 h: far below
        await AttemptAsync(app, t, w.Member, passed: true);
        await AttemptAsync(app, t, more[0], passed: false);
        await AttemptAsync(app, t, away[0], passed: false, AttemptStatus.InProgress);   // not taken until it closes
        await RebuildAsync(app, t, weakLinks: true);

        var branch = await SameAsRawAsync(w.Tenant, [w.Tenant.Root, w.Branch, w.Sibling], w.Branch);
        (branch.Members, branch.AtTarget, branch.BelowTarget, branch.FarBelow).ShouldBe((3, 1, 2, 1));
        (branch.RequiredAssigned, branch.RequiredCompleted, branch.ExamTakers, branch.ExamPassers).ShouldBe((3, 1, 2, 1));
        branch.StudySeconds.ShouldBe(61L * Hour + 25 * 270);

        using var admin = await app.ClientForAsync(w.Tenant.Admin);
        var shown = (await admin.GetJsonAsync($"/api/v1/org-units/{w.Branch.Id}/dashboard"))["education"]!;
        shown["year"]!.GetValue<int>().ShouldBe(2026);
        shown["hoursPerMember"]!.GetValue<double>().ShouldBe(21.2);      // 63.5 h ÷ 3
        shown["requiredCompletionRate"]!.GetValue<decimal>().ShouldBe(33.3m);
        shown["examPassRate"]!.GetValue<decimal>().ShouldBe(50.0m);
        (shown["belowTarget"]!.GetValue<int>(), shown["farBelow"]!.GetValue<int>()).ShouldBe((2, 1));

        // The weak link names the member far below, with the hours and what was due; not the others.
        var far = await w.InTenantAsync(db => db.WeakLinks.Where(l => l.Rule == WeakLinkRules.StudyFarBelow).ToListAsync());
        far.Select(l => l.MemberId).ShouldContain(more[1].Id);
        far.Select(l => l.MemberId).ShouldNotContain(w.Member.Id);
        far.Select(l => l.MemberId).ShouldNotContain(more[0].Id);
        var link = far.Single(l => l.MemberId == more[1].Id);
        (link.OrgUnitId, link.Article).ShouldBe((w.Branch.Id, "《2019—2023年全国党员教育培训工作规划》"));
        link.Reason.ShouldContain("2.5");
        link.Reason.ShouldContain("26.7");
        using var page = await admin.GetAsync($"/dashboard/weak-links?unit={w.Branch.Id}");
        (await page.Content.ReadAsStringAsync()).ShouldContain(link.Reason);

        // Writes not rolled up yet: the roll-ups lag (asOf says when); after a rebuild they agree again, the move included.
        await ProgressAsync(app, t, away[1].Id, required.Id, 35 * Hour, completed: true);
        await ExternalAsync(app, t, more[1].Id, 300, month: 6);
        await w.InTenantAsync(db => db.Members.Where(m => m.Id == away[0].Id)
            .ExecuteUpdateAsync(s => s.SetProperty(m => m.OrgUnitId, w.Branch.Id).SetProperty(m => m.OrgPath, w.Branch.Path)));
        (await RollupAsync(t, w.Branch.Id))!.Members.ShouldBe(3);
        await RebuildAsync(app, t, weakLinks: true);
        branch = await SameAsRawAsync(w.Tenant, [w.Tenant.Root, w.Branch, w.Sibling], w.Branch);
        (branch.Members, branch.AtTarget, branch.FarBelow, branch.ExamTakers).ShouldBe((4, 2, 1, 2));   // away[0]: 0 h, far below
        (await RollupAsync(t, w.Sibling.Id))!.RequiredCompleted.ShouldBe(1);
        (await w.InTenantAsync(db => db.WeakLinks.SingleAsync(l => l.Key.StartsWith(WeakLinkRules.StudyFarBelow) && l.MemberId == more[1].Id)))
            .Status.ShouldBe(WeakLinkStatus.Resolved);
    }

    [Fact]
    public async Task MemberArchivePdf_ReadBack_HoursAndTarget_OwnOrViewMembers_SiblingRefused()
    {
        var w = await StudyWorld.CreateAsync(app);
        var course = await w.AddCourseAsync(CourseKind.Video, 36000, CourseCategory.PartyHistory);
        await ProgressAsync(app, w.Tenant.TenantId, w.Member.Id, course.Id, 12 * Hour + Hour / 2);   // 12.5 h
        await ExternalAsync(app, w.Tenant.TenantId, w.Member.Id, 15);                                 // 1.5 h

        using var member = await app.ClientForAsync(w.MemberUser);
        var mine = await (await member.GetAsync("/api/v1/education/archive/mine.pdf?year=2026")).ReadPdfAsync();
        var text = await PdfText.CompactTextAsync(mine);
        text.ShouldContain(w.Member.Name);
        text.ShouldContain("14.0");   // total
        text.ShouldContain("12.5");   // courses
        text.ShouldContain("1.5");    // outside
        text.ShouldContain("32");     // the target
        text.ShouldContain("docs/rules/education.md#e-1");

        using var secretary = await app.ClientForAsync(w.Secretary);
        var theirs = await (await secretary.GetAsync($"/api/v1/members/{w.Member.Id}/education-archive.pdf?year=2026")).ReadPdfAsync();
        (await PdfText.CompactTextAsync(theirs)).ShouldContain("14.0");

        var outsider = await w.Tenant.AddUserAsync(w.Sibling, AppRole.BranchSecretary);
        using var sibling = await app.ClientForAsync(outsider);
        (await sibling.GetAsync($"/api/v1/members/{w.Member.Id}/education-archive.pdf?year=2026")).StatusCode.ShouldBe(HttpStatusCode.NotFound);
        (await member.GetAsync("/api/v1/education/archive/mine.pdf?year=abc")).StatusCode.ShouldBe(HttpStatusCode.BadRequest);
    }

    private async Task<StudyRollupFigures?> RollupAsync(Guid tenantId, Guid unitId)
    {
        await using var scope = app.Scope(tenantId);
        return await scope.ServiceProvider.GetRequiredService<StudyRollups>().UnitAsync(unitId, 2026, CancellationToken.None);
    }

    /// <summary>Each unit's roll-up equals its subtree counted from the raw rows, and the archive's own count; returns <paramref name="pick"/>'s.</summary>
    private async Task<StudyRollupFigures> SameAsRawAsync(TestTenant tenant, IReadOnlyList<OrgUnit> units, OrgUnit pick)
    {
        using var admin = await app.ClientForAsync(tenant.Admin);
        StudyRollupFigures? picked = null;
        foreach (var unit in units)
        {
            var row = (await RollupAsync(tenant.TenantId, unit.Id)).ShouldNotBeNull(unit.Name);
            StudyFigures raw;
            await using (var scope = app.Scope(tenant.TenantId))
            {
                raw = await scope.ServiceProvider.GetRequiredService<StudyStanding>().SubtreeAsync(unit.Path, 2026, CancellationToken.None);
            }
            (row.Members, row.StudySeconds, row.AtTarget, row.BelowTarget, row.FarBelow).ShouldBe((raw.Members, raw.StudySeconds, raw.AtTarget, raw.BelowTarget, raw.FarBelow), unit.Name);
            (row.RequiredAssigned, row.RequiredCompleted, row.ExamTakers, row.ExamPassers).ShouldBe((raw.RequiredAssigned, raw.RequiredCompleted, raw.ExamTakers, raw.ExamPassers), unit.Name);
            var archive = await admin.GetJsonAsync($"/api/v1/org-units/{unit.Id}/education-archive?year=2026");
            (archive["members"]!.GetValue<int>(), archive["belowTarget"]!.GetValue<int>()).ShouldBe((row.Members, row.BelowTarget), unit.Name);
            if (unit.Id == pick.Id) picked = row;
        }
        return picked!;
    }
}
