using Dangjian.Web.Modules.Meetings;
using Dangjian.Web.Modules.Members;
using System.Net;
using System.Net.Http.Json;
using Dangjian.Web.Modules.Organizations;
using Dangjian.Web.Platform.Auth;

namespace Dangjian.Tests.Modules.Organizations;

/// <summary>Moving a unit carries every copy of its path below it: the new parent's committee sees what the branch holds, the old one no longer.</summary>
public sealed class MoveCarriesPathsTests(AppFixture app) : IClassFixture<AppFixture>
{
    [Fact]
    public async Task MoveBranch_MeetingsTopicsAndMembersFollowIt()
    {
        var tenant = await TestTenant.CreateAsync(app);
        var oldParent = await tenant.AddUnitAsync(tenant.Root, OrgUnitKind.GeneralBranch);
        var newParent = await tenant.AddUnitAsync(tenant.Root, OrgUnitKind.GeneralBranch);
        var branch = await tenant.AddUnitAsync(oldParent, OrgUnitKind.Branch);
        await tenant.AddMembersAsync(branch, 2);
        using var admin = await app.ClientForAsync(tenant.Admin);
        using var secretary = await app.ClientForAsync(await tenant.AddUserAsync(branch, AppRole.BranchSecretary));
        using var oldCommittee = await app.ClientForAsync(await tenant.AddUserAsync(oldParent, AppRole.PartyAffairsWorker));
        using var newCommittee = await app.ClientForAsync(await tenant.AddUserAsync(newParent, AppRole.PartyAffairsWorker));

        var start = app.Clock.GetUtcNow().AddDays(3);
        using var created = await secretary.PostAsJsonAsync("/api/v1/meetings", new
        {
            orgUnitId = branch.Id, type = "PartyLecture", topic = "专题党课", startsAt = start, endsAt = start.AddHours(1),
        });
        var meetingId = (await created.ShouldHaveStatusAsync(HttpStatusCode.Created))!.Id();
        using var published = await secretary.PostAsJsonAsync("/api/v1/first-topics", new { orgUnitId = branch.Id, title = "重要讲话精神", source = "人民日报" });
        await published.ShouldHaveStatusAsync(HttpStatusCode.Created);
        (await oldCommittee.GetAsync($"/api/v1/meetings/{meetingId}")).StatusCode.ShouldBe(HttpStatusCode.OK);
        (await newCommittee.GetAsync($"/api/v1/meetings/{meetingId}")).StatusCode.ShouldBe(HttpStatusCode.NotFound);
        (await secretary.GetAsync($"/api/v1/org-units/{branch.Id}/attendance")).StatusCode.ShouldBe(HttpStatusCode.OK);

        // A closed roll's line, filed under the person's unit.
        var someone = await app.InTenantAsync(tenant.TenantId, db => db.Members.FirstAsync(m => m.OrgUnitId == branch.Id));
        await app.InTenantAsync(tenant.TenantId, async db =>
        {
            db.MeetingAttendances.Add(new Dangjian.Web.Modules.Meetings.Attendance.MeetingAttendance
            {
                Id = Guid.CreateVersion7(), MeetingId = meetingId, MemberId = someone.Id, OrgPath = someone.OrgPath, StartsAt = start,
                Month = Dangjian.Web.Modules.Meetings.Attendance.AttendanceRules.MonthOf(start),
                MeetingType = Dangjian.Web.Modules.Meetings.MeetingType.PartyLecture,
            });
            await db.SaveChangesAsync();
        });

        using var moved = await admin.PostAsJsonAsync($"/api/v1/org-units/{branch.Id}/move", new { newParentId = newParent.Id });
        await moved.ShouldHaveStatusAsync(HttpStatusCode.OK);

        (await newCommittee.GetAsync($"/api/v1/meetings/{meetingId}")).StatusCode.ShouldBe(HttpStatusCode.OK);
        (await oldCommittee.GetAsync($"/api/v1/meetings/{meetingId}")).StatusCode.ShouldBe(HttpStatusCode.NotFound);
        // The secretary's role is on the moved unit itself: its cached path (RoleCache) must not outlive the move.
        (await secretary.GetAsync($"/api/v1/org-units/{branch.Id}/attendance")).StatusCode.ShouldBe(HttpStatusCode.OK);
        var listed = await newCommittee.GetJsonAsync($"/api/v1/meetings?orgUnitId={newParent.Id}");
        listed["items"]!.AsArray().Select(i => i!.Id()).ShouldContain(meetingId);
        var oldList = await oldCommittee.GetJsonAsync($"/api/v1/meetings?orgUnitId={oldParent.Id}");
        oldList["items"]!.AsArray().ShouldBeEmpty();

        var (path, meetingPaths, topicPaths, memberPaths) = await app.InTenantAsync(tenant.TenantId, async db => (
            await db.OrgUnits.Where(u => u.Id == branch.Id).Select(u => u.Path).SingleAsync(),
            await db.Meetings.Select(m => m.OrgPath).ToListAsync(),
            await db.FirstTopics.Select(t => t.OrgPath).ToListAsync(),
            await db.Members.Where(m => m.OrgUnitId == branch.Id).Select(m => m.OrgPath).ToListAsync()));
        path.ShouldStartWith(newParent.Path);
        meetingPaths.ShouldBe([path]);
        topicPaths.ShouldBe([path]);
        memberPaths.ShouldAllBe(p => p == path);
        (await app.InTenantAsync(tenant.TenantId, db => db.MeetingAttendances.Select(a => a.OrgPath).ToListAsync())).ShouldBe([path]);
    }

    [Fact]
    public async Task MoveBranch_AuditEntriesFollowIt_SoTheNewParentReadsItsHistory()
    {
        var tenant = await TestTenant.CreateAsync(app);
        var oldParent = await tenant.AddUnitAsync(tenant.Root, OrgUnitKind.GeneralBranch);
        var newParent = await tenant.AddUnitAsync(tenant.Root, OrgUnitKind.GeneralBranch);
        var branch = await tenant.AddUnitAsync(oldParent, OrgUnitKind.Branch);
        using var admin = await app.ClientForAsync(tenant.Admin);
        using (var renamed = await admin.PatchAsJsonAsync($"/api/v1/org-units/{branch.Id}", new { name = TestTenant.Unique("改名党支部") }))
        {
            await renamed.ShouldHaveStatusAsync(HttpStatusCode.OK);
        }
        var before = await app.InTenantAsync(tenant.TenantId, db => db.AuditEntries.Where(a => a.EntityId == branch.Id.ToString()).Select(a => a.OrgPath).ToListAsync());
        before.ShouldNotBeEmpty();
        before.ShouldAllBe(p => p.StartsWith(oldParent.Path, StringComparison.Ordinal));

        using var moved = await admin.PostAsJsonAsync($"/api/v1/org-units/{branch.Id}/move", new { newParentId = newParent.Id });
        await moved.ShouldHaveStatusAsync(HttpStatusCode.OK);

        var after = await app.InTenantAsync(tenant.TenantId, db => db.AuditEntries.Where(a => a.EntityId == branch.Id.ToString()).Select(a => a.OrgPath).ToListAsync());
        after.Count.ShouldBeGreaterThanOrEqualTo(before.Count);
        after.Where(p => p.Length > 0).ShouldAllBe(p => p.StartsWith(newParent.Path, StringComparison.Ordinal));
    }
}
