using Dangjian.Web.Data;
using Dangjian.Web.Modules.Members;
using Dangjian.Web.Modules.Organizations;
using Dangjian.Web.Platform;
using Dangjian.Web.Platform.Auth;
using Dangjian.Web.Platform.Errors;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;

namespace Dangjian.Web.Modules.Assessment.CheckUps;

/// <summary>
/// Who the caller is to the check-ups: the member record they write as (a member acts only on their own), and the rows of
/// a unit a manager may read (the subtree when their role reaches it, else the unit's own).
/// </summary>
public sealed class CheckUpsAccess(AppDbContext db, CurrentUser user, OrgAccess orgs, IStringLocalizer<SharedResource> L, IStringLocalizer<CheckUpsText> T)
{
    public CurrentUser User => user;

    /// <summary>The caller's own member record, or null when the account is not a member's.</summary>
    public Task<Member?> MeAsync(CancellationToken ct) =>
        user.IsAuthenticated ? db.Members.AsNoTracking().FirstOrDefaultAsync(m => m.UserId == user.UserId, ct) : Task.FromResult<Member?>(null);

    /// <summary>A unit the caller manages the assessment of (404 when out of sight, 403 when seen but not managed).</summary>
    public Task<Result<OrgUnit>> UnitAsync(Guid unitId, CancellationToken ct) => orgs.LoadAsync(unitId, Permission.ManageAssessment, ct);

    /// <summary>A row filed at <paramref name="path"/>: 404 when the caller cannot see it, 403 when they see but do not manage it.</summary>
    public Error? Manages(string path) =>
        !user.Can(Permission.ViewOrg, path) ? Error.NotFound(T["CheckUps.NotFound"])
        : !user.Can(Permission.ManageAssessment, path) ? Error.Forbidden(L["Auth.Forbidden"])
        : null;

    /// <summary>The rows of <paramref name="unit"/>'s subtree, or of the unit alone when the caller's role holds only there.</summary>
    public IQueryable<TRow> Within<TRow>(IQueryable<TRow> rows, OrgUnit unit) where TRow : class, IHasOrgPath =>
        user.CanInSubtree(Permission.ManageAssessment, unit.Path) ? rows.UnderPath(unit.Path) : rows.Where(r => r.OrgPath == unit.Path);

    /// <summary>The party members (full and probationary, in normal standing) the check-up is due from, within the unit.</summary>
    public IQueryable<Member> PartyMembers(OrgUnit unit) => Within(PartyMembers(db), unit);

    public static IQueryable<Member> PartyMembers(AppDbContext db) =>
        db.Members.AsNoTracking().Where(m => (m.Category == MemberCategory.Full || m.Category == MemberCategory.Probationary) && m.Status == MembershipStatus.Normal);

    public string By => Trim(string.IsNullOrEmpty(user.DisplayName) ? user.UserName : user.DisplayName, 100);

    public static string Trim(string s, int max) => s.Length > max ? s[..max] : s;
}
