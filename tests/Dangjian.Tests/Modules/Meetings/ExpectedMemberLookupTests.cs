using Dangjian.Web.Modules.Meetings;
using Dangjian.Web.Modules.Members;
using Dangjian.Web.Modules.Organizations;
using Dangjian.Web.Platform.Auth;

namespace Dangjian.Tests.Modules.Meetings;

/// <summary>
/// The compiled look-up of the expected member (what a sign-in runs) finds exactly whom <see cref="ExpectedAttendees.MemberOf"/>
/// finds, for every kind of meeting and every kind of person: in the unit, in a group below it, on the committee, an
/// activist (never expected), in a sibling branch, and an account without a member record.
/// </summary>
public sealed class ExpectedMemberLookupTests(AppFixture app) : IClassFixture<AppFixture>
{
    [Fact]
    public async Task CompiledLookup_AgreesWithMemberOf_ForEveryKindOfMeetingAndPerson()
    {
        var tenant = await TestTenant.CreateAsync(app);
        var branch = await tenant.AddUnitAsync(tenant.Root, OrgUnitKind.Branch);
        var group = await tenant.AddUnitAsync(branch, OrgUnitKind.Group);
        var sibling = await tenant.AddUnitAsync(tenant.Root, OrgUnitKind.Branch);
        var inGroup = await tenant.AddMembersAsync(group, 2);
        var inBranch = await tenant.AddMembersAsync(branch, 2);
        var probationary = await tenant.AddMembersAsync(branch, 1, MemberCategory.Probationary);
        var activist = await tenant.AddMembersAsync(branch, 1, MemberCategory.Activist);
        var outside = await tenant.AddMembersAsync(sibling, 1);
        var term = await tenant.AddTermAsync(branch, tenant.Today.AddYears(-1), tenant.Today.AddYears(2), "书记", "委员");
        var secretaryLine = term.Members.First().Id;
        await app.InTenantAsync(tenant.TenantId, db => db.CommitteeMembers.Where(c => c.Id == secretaryLine)
            .ExecuteUpdateAsync(s => s.SetProperty(c => c.MemberId, inBranch[0].Id)));

        var users = new List<Guid>();
        foreach (var (unit, members) in new[] { (group, inGroup), (branch, inBranch), (branch, probationary), (branch, activist), (sibling, outside) })
        {
            foreach (var m in members) users.Add((await tenant.AddMemberAccountAsync(unit, m.Id)).Id);
        }
        users.Add((await tenant.AddUserAsync(branch, AppRole.Member, DataScope.Self)).Id); // no member record

        var meetings = new[]
        {
            Meeting(MeetingType.ThemeDay, branch), Meeting(MeetingType.BranchGeneralMeeting, tenant.Root),
            Meeting(MeetingType.GroupMeeting, group), Meeting(MeetingType.CommitteeMeeting, branch),
        };
        await app.InTenantAsync(tenant.TenantId, async db =>
        {
            foreach (var m in meetings)
            {
                var found = 0;
                foreach (var userId in users)
                {
                    var expected = await ExpectedAttendees.MemberOf(db, m, userId).Select(x => (Guid?)x.Id).FirstOrDefaultAsync();
                    var compiled = await ExpectedAttendees.MemberIdOfAsync(db, m, userId, CancellationToken.None);
                    compiled.ShouldBe(expected, $"{m.Type} at {m.OrgPath}, account {userId}");
                    if (compiled is not null) found++;
                }
                found.ShouldBeInRange(1, users.Count - 1, $"{m.Type}: some expected, some not");
            }
        });
    }

    private Meeting Meeting(MeetingType type, OrgUnit unit) => new()
    {
        Id = Guid.NewGuid(), OrgUnitId = unit.Id, OrgPath = unit.Path, Type = type, Topic = "核对", SignInSecret = SignInCode.NewSecret(),
        StartsAt = app.Clock.GetUtcNow(), EndsAt = app.Clock.GetUtcNow().AddHours(1),
    };
}
