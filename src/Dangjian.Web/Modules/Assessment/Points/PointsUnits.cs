using Dangjian.Web.Data;
using Dangjian.Web.Modules.Members;
using Dangjian.Web.Modules.Organizations;
using Dangjian.Web.Platform.Auth;
using Dangjian.Web.Platform.Errors;
using Microsoft.EntityFrameworkCore;

namespace Dangjian.Web.Modules.Assessment.Points;

/// <summary>What the points pages offer to choose from: the units the caller holds a role on, and the party members under one (names only).</summary>
public sealed class PointsUnits(AppDbContext db, OrgAccess access, CurrentUser user)
{
    public const int MembersShown = 500;

    /// <summary>The units where one of the caller's roles grants <paramref name="permission"/>, highest first.</summary>
    public async Task<List<(Guid Id, string Name)>> OfAsync(Permission permission, CancellationToken ct)
    {
        var ids = user.Roles.Where(r => r.Role.Grants(permission)).Select(r => r.OrgUnitId).Distinct().ToList();
        var units = await db.OrgUnits.AsNoTracking().Where(u => ids.Contains(u.Id) && u.DissolvedAt == null).Select(u => new { u.Id, u.Name, u.Path }).ToListAsync(ct);
        return units.OrderBy(u => u.Path.Length).ThenBy(u => u.Path, StringComparer.Ordinal).Select(u => (u.Id, u.Name)).ToList();
    }

    /// <summary>The caller's own member record's unit: the branch (or group) whose ranking a member reads.</summary>
    public async Task<Guid?> MyUnitAsync(CancellationToken ct)
    {
        if (!user.IsAuthenticated) return null;
        var unitId = await db.Members.AsNoTracking().Where(m => m.UserId == user.UserId).Select(m => (Guid?)m.OrgUnitId).FirstOrDefaultAsync(ct);
        if (unitId is null) return null;
        var unit = await db.OrgUnits.AsNoTracking().Where(u => u.Id == unitId).Select(u => new { u.Kind, u.ParentId }).FirstOrDefaultAsync(ct);
        // A member of a 党小组 reads the ranking of the branch the group belongs to.
        return unit is { Kind: OrgUnitKind.Group, ParentId: { } parent } ? parent : unitId;
    }

    /// <summary>The caller's own member record, if their account has one (a group leader is a member of their group too).</summary>
    public Task<Guid?> MyMemberIdAsync(CancellationToken ct) =>
        user.IsAuthenticated
            ? db.Members.AsNoTracking().Where(m => m.UserId == user.UserId).Select(m => (Guid?)m.Id).FirstOrDefaultAsync(ct)
            : Task.FromResult<Guid?>(null);

    /// <summary>Party members on the roll under the unit, by name, for a claim's choice (the caller awards points there).</summary>
    public async Task<Result<(string UnitName, List<(Guid Id, string Name)> Members)>> MembersAsync(Guid unitId, CancellationToken ct)
    {
        var unit = await access.LoadAsync(unitId, Permission.AwardPoints, ct);
        if (!unit.IsSuccess) return unit.Error!;
        var rows = await db.Members.AsNoTracking().InSubtree(unit.Value!.Path)
            .Where(m => (m.Category == MemberCategory.Full || m.Category == MemberCategory.Probationary) && m.Status == MembershipStatus.Normal)
            .OrderBy(m => m.Name).ThenBy(m => m.Id).Take(MembersShown).Select(m => new { m.Id, m.Name }).ToListAsync(ct);
        return (unit.Value.Name, rows.Select(r => (r.Id, r.Name)).ToList());
    }
}
