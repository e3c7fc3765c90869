using Dangjian.Web.Data;
using Dangjian.Web.Modules.Members;
using Dangjian.Web.Modules.Organizations;
using Microsoft.EntityFrameworkCore;

namespace Dangjian.Web.Modules.Meetings;

/// <summary>
/// Who should attend: the party members (预备 and 正式, 党籍正常) of the unit and the units below it; of a 党小组会, the
/// group's own; of a 支委会, the members of the committee in office.
/// </summary>
public static class ExpectedAttendees
{
    public static IQueryable<Member> Of(AppDbContext db, Meeting m) => m.Type switch
    {
        MeetingType.GroupMeeting => PartyMembers(db.Members.Where(x => x.OrgUnitId == m.OrgUnitId)),
        MeetingType.CommitteeMeeting => db.Members.Where(x => db.CommitteeMembers.Any(c =>
            c.MemberId == x.Id && c.LeftOn == null
            && c.TermId == db.CommitteeTerms.Where(t => t.OrgUnitId == m.OrgUnitId).OrderByDescending(t => t.Number).Select(t => t.Id).FirstOrDefault())),
        _ => PartyMembers(db.Members.InSubtree(m.OrgPath)),
    };

    private static IQueryable<Member> PartyMembers(IQueryable<Member> q) =>
        q.Where(x => (x.Category == MemberCategory.Probationary || x.Category == MemberCategory.Full) && x.Status == MembershipStatus.Normal);
}
