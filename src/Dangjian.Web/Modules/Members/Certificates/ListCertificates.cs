using Dangjian.Web.Data;
using Dangjian.Web.Modules.Organizations;
using Dangjian.Web.Platform.Auth;
using Dangjian.Web.Platform.Clock;
using Dangjian.Web.Platform.Errors;
using Dangjian.Web.Platform.Paging;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;

namespace Dangjian.Web.Modules.Members.Certificates;

public sealed record CertificateDto(
    Guid Id, Guid MemberId, string MemberName, string Number, Guid OrgUnitId, string OrgUnitName, string Destination, string? Reason,
    DateOnly FromDate, DateOnly ToDate, DateOnly IssuedOn, CertificateStatus Status, DateOnly? CancelledOn, bool Expired, bool CanCancel);

/// <summary>
/// Certificates issued under a unit (its subtree, or the unit alone for a role held on that unit only), or those of
/// one person that the caller may see; newest first, paged.
/// </summary>
public sealed class ListCertificates(AppDbContext db, OrgAccess orgs, MemberAccess members, CertificateAccess access, CurrentUser user,
    TimeProvider clock, IStringLocalizer<SharedResource> L)
{
    public async Task<Result<Page<CertificateDto>>> ForUnitAsync(Guid? orgUnitId, string? status, PageRequest page, CancellationToken ct)
    {
        if (orgUnitId is not { } unitId) return Error.Validation("orgUnitId", L["Validation.Required", "orgUnitId"]);
        var loaded = await orgs.LoadAsync(unitId, Permission.ViewMembers, ct);
        if (!loaded.IsSuccess) return loaded.Error!;
        var path = loaded.Value!.Path;
        var upper = OrgPaths.UpperBound(path);
        var q = user.CanInSubtree(Permission.ViewMembers, path)
            ? db.MemberCertificates.Where(c => string.Compare(c.OrgPath, path) >= 0 && string.Compare(c.OrgPath, upper) < 0)
            : db.MemberCertificates.Where(c => c.OrgPath == path);
        if (Enum.TryParse<CertificateStatus>(status, true, out var s)) q = q.Where(c => c.Status == s);
        var total = await q.CountAsync(ct);
        var rows = await q.AsNoTracking().OrderByDescending(c => c.CreatedAt).Skip(page.Skip).Take(page.PageSize).ToListAsync(ct);
        return new Page<CertificateDto>(await ToDtosAsync(rows, ct), page.Page, page.PageSize, total);
    }

    public async Task<Result<Page<CertificateDto>>> ForMemberAsync(Guid memberId, PageRequest page, CancellationToken ct)
    {
        var loaded = await members.LoadAsync(memberId, Permission.ViewMembers, ct);
        if (!loaded.IsSuccess) return loaded.Error!;
        // A person has a handful; those issued by a unit the caller cannot see (before a transfer) are left out.
        var all = (await db.MemberCertificates.AsNoTracking().Where(c => c.MemberId == memberId).ToListAsync(ct))
            .Where(access.CanSee).OrderByDescending(c => c.CreatedAt).ToList();
        return new Page<CertificateDto>(await ToDtosAsync(all.Skip(page.Skip).Take(page.PageSize).ToList(), ct), page.Page, page.PageSize, all.Count);
    }

    public async Task<Result<CertificateDto>> GetAsync(Guid id, CancellationToken ct)
    {
        var loaded = await access.LoadAsync(id, Permission.ViewMembers, ct);
        if (!loaded.IsSuccess) return loaded.Error!;
        return (await ToDtosAsync([loaded.Value!], ct))[0];
    }

    private async Task<List<CertificateDto>> ToDtosAsync(List<MemberCertificate> rows, CancellationToken ct)
    {
        var unitIds = rows.Select(c => c.OrgUnitId).Distinct().ToList();
        var names = await db.OrgUnits.AsNoTracking().IgnoreQueryFilters([AppDbContext.SoftDeleteFilter])
            .Where(u => unitIds.Contains(u.Id)).ToDictionaryAsync(u => u.Id, u => u.Name, ct);
        var today = clock.Today();
        return rows.Select(c => new CertificateDto(c.Id, c.MemberId, c.MemberName, c.Number, c.OrgUnitId, names.GetValueOrDefault(c.OrgUnitId, ""),
            c.Destination, c.Reason, c.FromDate, c.ToDate, c.IssuedOn, c.Status, c.CancelledOn,
            Expired: c.Status == CertificateStatus.Issued && c.ToDate < today,
            CanCancel: c.Status == CertificateStatus.Issued && user.Can(Permission.ManageMembers, c.OrgPath))).ToList();
    }
}
