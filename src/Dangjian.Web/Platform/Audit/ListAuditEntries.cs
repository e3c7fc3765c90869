using Dangjian.Web.Data;
using Dangjian.Web.Modules.Organizations;
using Dangjian.Web.Platform.Auth;
using Dangjian.Web.Platform.Errors;
using Dangjian.Web.Platform.Paging;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;

namespace Dangjian.Web.Platform.Audit;

public sealed record AuditEntryDto(Guid Id, DateTimeOffset At, string UserName, string Action, string EntityType, string EntityId, string? Before, string? After);

/// <summary>The audit log of a subtree, newest first, for those who may read it there.</summary>
public sealed class ListAuditEntries(AppDbContext db, OrgAccess access, IStringLocalizer<SharedResource> L)
{
    public async Task<Result<Page<AuditEntryDto>>> HandleAsync(Guid? orgUnitId, string? entityType, PageRequest page, CancellationToken ct)
    {
        var scoped = await ScopedAsync(orgUnitId, entityType, ct);
        if (!scoped.IsSuccess) return scoped.Error!;
        var query = scoped.Value!.Entries;
        var total = await query.CountAsync(ct);
        var items = await query.OrderByDescending(a => a.At).Skip(page.Skip).Take(page.PageSize)
            .Select(a => new AuditEntryDto(a.Id, a.At, a.UserName, a.Action, a.EntityType, a.EntityId, a.Before, a.After))
            .ToListAsync(ct);
        return new Page<AuditEntryDto>(items, page.Page, page.PageSize, total);
    }

    /// <summary>The entries of the unit's subtree (and the tenant-level ones for the root) that the caller may read.</summary>
    internal async Task<Result<(OrgUnit Unit, IQueryable<AuditEntry> Entries)>> ScopedAsync(Guid? orgUnitId, string? entityType, CancellationToken ct)
    {
        if (orgUnitId is not { } unitId) return Error.Validation("orgUnitId", L["Validation.Required", "orgUnitId"]);
        var unit = await access.LoadAsync(unitId, Permission.ViewAudit, ct);
        if (!unit.IsSuccess) return unit.Error!;
        var path = unit.Value!.Path;
        var upper = OrgPaths.UpperBound(path);
        // Tenant-level changes (accounts) belong to whoever administers the root.
        var includeTenantLevel = unit.Value.ParentId is null;
        var query = db.AuditEntries.AsNoTracking().Where(a => (string.Compare(a.OrgPath, path) >= 0 && string.Compare(a.OrgPath, upper) < 0)
                                               || (includeTenantLevel && a.OrgPath == ""));
        if (!string.IsNullOrWhiteSpace(entityType)) query = query.Where(a => a.EntityType == entityType);
        return (unit.Value, query);
    }
}
