using Dangjian.Web.Data;
using Dangjian.Web.Modules.Dues;
using Dangjian.Web.Modules.Organizations;
using Dangjian.Web.Platform.Auth;
using Dangjian.Web.Platform.Clock;
using Dangjian.Web.Platform.Errors;
using Dangjian.Web.Platform.Paging;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;

namespace Dangjian.Web.Modules.Members.Transfers.Incoming;

/// <summary>
/// An incoming letter as lists and the API show it: the ID number masked, never in full. <c>duesPaidUntil</c> is
/// "YYYY-MM"; <c>expired</c> marks a pending letter past its validity (it cannot be accepted; the sender must issue a
/// new one); <c>memberId</c> is the record created or reactivated on acceptance, <c>returning</c> says it was reactivated.
/// </summary>
public sealed record IncomingTransferDto(
    Guid Id, Guid OrgUnitId, string OrgUnitName, string LetterNumber, string IssuedBy, DateOnly IssuedOn, DateOnly ValidUntil,
    string? DuesPaidUntil, string Name, string IdNumberMasked, MemberCategory Category, DateOnly JoinedOn, DateOnly? FullMemberOn,
    TransferStatus Status, DateOnly? DecidedOn, string? DecisionNote, Guid? MemberId, bool Returning, bool Expired,
    [property: System.Text.Json.Serialization.JsonIgnore] string ToPath = "");

/// <summary>The incoming letters of a unit's subtree (of the unit alone for a role held only on it), newest first.</summary>
public sealed class ListIncomingTransfers(AppDbContext db, OrgAccess orgs, IncomingAccess letters, CurrentUser user, TimeProvider clock,
    IStringLocalizer<SharedResource> L, IStringLocalizer<MembersText> T)
{
    public async Task<Result<Page<IncomingTransferDto>>> HandleAsync(Guid? orgUnitId, string? status, PageRequest page, CancellationToken ct)
    {
        if (orgUnitId is not { } unitId) return Error.Validation("orgUnitId", L["Validation.Required", T["Incoming.ToUnit"].Value]);
        var loaded = await orgs.LoadAsync(unitId, Permission.ViewMembers, ct);
        if (!loaded.IsSuccess) return loaded.Error!;
        var unit = loaded.Value!;
        TransferStatus? wanted = null;
        if (!string.IsNullOrWhiteSpace(status))
        {
            var name = Enum.GetNames<TransferStatus>().FirstOrDefault(n => string.Equals(n, status.Trim(), StringComparison.OrdinalIgnoreCase));
            if (name is null)
            {
                return Error.Validation("status", L["Validation.OneOf", T["Incoming.Status"].Value, string.Join(" | ", Enum.GetNames<TransferStatus>())]);
            }
            wanted = Enum.Parse<TransferStatus>(name);
        }

        var q = user.CanInSubtree(Permission.ViewMembers, unit.Path)
            ? db.IncomingTransfers.InSubtree(unit.Path)
            : db.IncomingTransfers.Where(t => t.ToUnitId == unit.Id);
        if (wanted is { } s) q = q.Where(t => t.Status == s);
        var total = await q.CountAsync(ct);
        var rows = await q.AsNoTracking().OrderByDescending(t => t.CreatedAt).ThenByDescending(t => t.Id).Skip(page.Skip).Take(page.PageSize)
            .ToListAsync(ct);
        var names = await UnitNamesAsync(rows.Select(t => t.ToUnitId), ct);
        var today = clock.Today();
        return new Page<IncomingTransferDto>(rows.Select(t => ToDto(t, names.GetValueOrDefault(t.ToUnitId, ""), today)).ToList(),
            page.Page, page.PageSize, total);
    }

    public async Task<Result<IncomingTransferDto>> GetAsync(Guid id, CancellationToken ct)
    {
        var loaded = await letters.LoadAsync(id, Permission.ViewMembers, ct);
        if (!loaded.IsSuccess) return loaded.Error!;
        var t = loaded.Value!;
        var names = await UnitNamesAsync([t.ToUnitId], ct);
        return ToDto(t, names.GetValueOrDefault(t.ToUnitId, ""), clock.Today());
    }

    private Task<Dictionary<Guid, string>> UnitNamesAsync(IEnumerable<Guid> ids, CancellationToken ct)
    {
        var wanted = ids.Distinct().ToList();
        return db.OrgUnits.AsNoTracking().IgnoreQueryFilters([AppDbContext.SoftDeleteFilter])
            .Where(u => wanted.Contains(u.Id)).ToDictionaryAsync(u => u.Id, u => u.Name, ct);
    }

    public static IncomingTransferDto ToDto(IncomingTransfer t, string unitName, DateOnly today) =>
        new(t.Id, t.ToUnitId, unitName, t.LetterNumber, t.IssuedBy, t.IssuedOn, t.ValidUntil,
            t.DuesPaidUntil is { } d ? DuesMonth.Format(d) : null, t.Name, t.IdNumberMasked, t.Category, t.JoinedOn, t.FullMemberOn,
            t.Status, t.DecidedOn, t.DecisionNote, t.MemberId, t.Returning, Expired: t.Status == TransferStatus.Pending && IncomingLetterRules.IsExpired(t.ValidUntil, today), t.ToPath);
}
