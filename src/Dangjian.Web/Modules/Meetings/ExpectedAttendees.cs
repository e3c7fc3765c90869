using System.Linq.Expressions;
using Dangjian.Web.Data;
using Dangjian.Web.Modules.Members;
using Dangjian.Web.Modules.Organizations;
using Dangjian.Web.Modules.Organizations.Committees;
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
        MeetingType.CommitteeMeeting => Sitting(db, m.OrgUnitId),
        _ => PartyMembers(db.Members.InSubtree(m.OrgPath)),
    };

    /// <summary>
    /// The member record of account <paramref name="userId"/>, if that member is expected at the meeting. Written as "the
    /// expected attendee whose id is the account's member id" so that the database finds the one member by the index on
    /// UserId and then by its key, rather than walking every member under the meeting's unit (SQLite, without
    /// statistics, prefers the path range for <c>UserId = @u</c>: 2,000 rows read per sign-in to a 2,000-member
    /// meeting, docs/benchmarks.md). An account belongs to one member (CreateUser links a new account to one member).
    /// </summary>
    public static IQueryable<Member> MemberOf(AppDbContext db, Meeting m, Guid userId) =>
        Of(db, m).Where(x => x.Id == db.Set<Member>().Where(y => y.UserId == userId).Select(y => y.Id).FirstOrDefault());

    /// <summary>
    /// The id of <see cref="MemberOf"/>, by a query compiled once (the same SQL): a sign-in runs it, and translating the
    /// LINQ tree again on each call cost more CPU than the database's work (docs/benchmarks.md).
    /// </summary>
    public static Task<Guid?> MemberIdOfAsync(AppDbContext db, Meeting m, Guid userId, CancellationToken ct) => m.Type switch
    {
        MeetingType.GroupMeeting => GroupMember(db, m.OrgUnitId, userId, ct),
        MeetingType.CommitteeMeeting => CommitteeMember(db, m.OrgUnitId, userId, ct),
        _ => SubtreeMember(db, m.OrgPath, OrgPaths.UpperBound(m.OrgPath), userId, ct),
    };

    private static readonly Expression<Func<Member, bool>> IsPartyMember =
        x => (x.Category == MemberCategory.Probationary || x.Category == MemberCategory.Full) && x.Status == MembershipStatus.Normal;

    private static readonly Func<AppDbContext, Guid, Guid, CancellationToken, Task<Guid?>> GroupMember = EF.CompileAsyncQuery(
        (AppDbContext db, Guid unitId, Guid userId, CancellationToken ct) => db.Set<Member>().Where(IsPartyMember)
            .Where(x => x.OrgUnitId == unitId && x.Id == db.Set<Member>().Where(y => y.UserId == userId).Select(y => y.Id).FirstOrDefault())
            .Select(x => (Guid?)x.Id).FirstOrDefault());

    private static readonly Func<AppDbContext, string, string, Guid, CancellationToken, Task<Guid?>> SubtreeMember = EF.CompileAsyncQuery(
        (AppDbContext db, string path, string upper, Guid userId, CancellationToken ct) => db.Set<Member>().Where(IsPartyMember)
            .Where(x => string.Compare(x.OrgPath, path) >= 0 && string.Compare(x.OrgPath, upper) < 0
                        && x.Id == db.Set<Member>().Where(y => y.UserId == userId).Select(y => y.Id).FirstOrDefault())
            .Select(x => (Guid?)x.Id).FirstOrDefault());

    // A 支委会: the account's member, then whether the committee in office has them (two compiled look-ups by key).
    private static async Task<Guid?> CommitteeMember(AppDbContext db, Guid unitId, Guid userId, CancellationToken ct) =>
        await AccountMember(db, userId, ct) is { } id && await CommitteeRoster.IsSittingAsync(db, unitId, id, ct) ? id : null;

    private static readonly Func<AppDbContext, Guid, CancellationToken, Task<Guid?>> AccountMember = EF.CompileAsyncQuery(
        (AppDbContext db, Guid userId, CancellationToken ct) => db.Set<Member>().Where(y => y.UserId == userId).Select(y => (Guid?)y.Id).FirstOrDefault());

    private static IQueryable<Member> PartyMembers(IQueryable<Member> q) => q.Where(IsPartyMember);

    /// <summary>The members of the committee in office, as the Organizations module says who sits on it.</summary>
    private static IQueryable<Member> Sitting(AppDbContext db, Guid unitId)
    {
        var sitting = CommitteeRoster.SittingMemberIds(db, unitId);
        return db.Members.Where(x => sitting.Contains(x.Id));
    }
}
