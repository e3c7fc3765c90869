using Dangjian.Web.Data;
using Dangjian.Web.Modules.Members;
using Dangjian.Web.Platform.Auth;
using Microsoft.EntityFrameworkCore;

namespace Dangjian.Web.Modules.Assessment.SecretaryReviews;

/// <summary>The caller's member records (their own data: <c>Member.UserId</c>): which branches they belong to and whether they are a party member.</summary>
public sealed record MyMembership(Guid MemberId, string OrgPath, bool PartyMember);

/// <summary>
/// Who the caller is in a campaign: a manager of the reviewing unit (ManageAssessment on it or above), a member of a
/// reviewed branch, or a reviewed secretary. Anyone else does not see the campaign (404).
/// </summary>
public sealed class SecretaryReviewAccess(AppDbContext db, CurrentUser user)
{
    public bool IsManager(SecretaryReview review) => user.Can(Permission.ManageAssessment, review.OrgPath);

    public async Task<IReadOnlyList<MyMembership>> MineAsync(CancellationToken ct) =>
        user.UserId == Guid.Empty ? [] : await db.Members.AsNoTracking().Where(m => m.UserId == user.UserId && m.Status == MembershipStatus.Normal)
            .Select(m => new MyMembership(m.Id, m.OrgPath, m.Category == MemberCategory.Full || m.Category == MemberCategory.Probationary)).ToListAsync(ct);

    public static bool InBranch(MyMembership me, SecretaryReport r) => me.OrgPath.StartsWith(r.OrgPath, StringComparison.Ordinal);

    /// <summary>Whether the caller may see this secretary's line: the managers, the secretary, the members of the branch.</summary>
    public static bool Sees(bool manager, IReadOnlyList<MyMembership> mine, SecretaryReport r) =>
        manager || mine.Any(m => m.MemberId == r.SecretaryMemberId || InBranch(m, r));
}
