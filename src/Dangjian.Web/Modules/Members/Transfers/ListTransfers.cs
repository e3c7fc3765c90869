using Dangjian.Web.Data;
using Dangjian.Web.Modules.Organizations;
using Dangjian.Web.Platform.Auth;
using Dangjian.Web.Platform.Clock;
using Dangjian.Web.Platform.Errors;
using Dangjian.Web.Platform.Paging;
using Microsoft.EntityFrameworkCore;

namespace Dangjian.Web.Modules.Members.Transfers;

public sealed record TransferDto(
    Guid Id, Guid MemberId, string MemberName, TransferKind Kind, TransferStatus Status, string LetterNumber, string FromUnitName,
    string? Destination, DateOnly IssuedOn, DateOnly ValidUntil, DateOnly? DuesPaidUntil, string? Reason, DateOnly? DecidedOn,
    string? DecisionNote, bool Incoming, bool LetterExpiredUnused);

/// <summary>
/// Transfers going out of or coming into a subtree. A pending letter past its validity is flagged: a member who
/// holds an unused letter has no branch (口袋党员).
/// </summary>
public sealed class ListTransfers(AppDbContext db, OrgAccess access, TimeProvider clock, Microsoft.Extensions.Localization.IStringLocalizer<SharedResource> L)
{
    public async Task<Result<Page<TransferDto>>> HandleAsync(Guid? orgUnitId, string? status, PageRequest page, CancellationToken ct)
    {
        if (orgUnitId is not { } unitId) return Error.Validation("orgUnitId", L["Validation.Required", "orgUnitId"]);
        var unit = await access.LoadAsync(unitId, Permission.ViewMembers, ct);
        if (!unit.IsSuccess) return unit.Error!;
        var path = unit.Value!.Path;
        var upper = OrgPaths.UpperBound(path);
        var q = db.MemberTransfers.Where(t =>
            (string.Compare(t.FromPath, path) >= 0 && string.Compare(t.FromPath, upper) < 0)
            || (t.ToPath != null && string.Compare(t.ToPath, path) >= 0 && string.Compare(t.ToPath, upper) < 0));
        if (Enum.TryParse<TransferStatus>(status, true, out var s)) q = q.Where(t => t.Status == s);
        var total = await q.CountAsync(ct);
        var rows = await q.OrderByDescending(t => t.CreatedAt).Skip(page.Skip).Take(page.PageSize)
            .Join(db.OrgUnits.IgnoreQueryFilters([AppDbContext.SoftDeleteFilter]), t => t.FromUnitId, u => u.Id, (t, u) => new { t, From = u.Name })
            .ToListAsync(ct);
        var today = clock.Today();
        var items = rows.Select(x => ToDto(x.t, x.From, path, today)).ToList();
        return new Page<TransferDto>(items, page.Page, page.PageSize, total);
    }

    public static TransferDto ToDto(MemberTransfer t, string fromName, string viewerPath, DateOnly today) =>
        new(t.Id, t.MemberId, t.MemberName, t.Kind, t.Status, t.LetterNumber, fromName, t.Destination, t.IssuedOn, t.ValidUntil,
            t.DuesPaidUntil, t.Reason, t.DecidedOn, t.DecisionNote,
            Incoming: t.ToPath is not null && OrgPaths.IsWithin(t.ToPath, viewerPath) && !OrgPaths.IsWithin(t.FromPath, viewerPath),
            LetterExpiredUnused: t.Status == TransferStatus.Pending && t.ValidUntil < today);
}
