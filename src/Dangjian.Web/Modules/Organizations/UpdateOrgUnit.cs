using System.ComponentModel.DataAnnotations;
using Dangjian.Web.Data;
using Dangjian.Web.Platform.Auth;
using Dangjian.Web.Platform.Errors;
using Dangjian.Web.Platform.Input;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;

namespace Dangjian.Web.Modules.Organizations;

public sealed record UpdateOrgUnitRequest([MaxLength(OrgInput.MaxNameLength)] string? Name, string? Setup,
    [MaxLength(OrgInput.MaxHostUnitTypeLength)] string? HostUnitType, int? SortOrder);

/// <summary>Renames a unit or changes its set-up kind, host unit type or order among its siblings.</summary>
public sealed class UpdateOrgUnit(AppDbContext db, OrgAccess access, Platform.CodeTables.CodeTableService codes, IStringLocalizer<SharedResource> L, IStringLocalizer<OrganizationsText> T,
    InputCheck inputCheck)
{
    public async Task<Result<OrgUnit>> HandleAsync(Guid id, UpdateOrgUnitRequest r, CancellationToken ct)
    {
        if (inputCheck.Check(r) is { } badText) return badText;
        if (r.Name is not null && OrgInput.Name(r.Name, T) is { } nameError) return nameError;
        if (r.HostUnitType is not null && OrgInput.HostUnitType(r.HostUnitType, "hostUnitType", L, await codes.LoadActiveAsync(ct)) is { } hostError) return hostError;
        OrgSetup? setup = null;
        if (r.Setup is not null)
        {
            var parsed = OrgInput.Enum<OrgSetup>(r.Setup, "setup", null, L);
            if (!parsed.IsSuccess) return parsed.Error!;
            setup = parsed.Value;
        }

        var loaded = await access.LoadAsync(id, Permission.ManageOrg, ct, track: true);
        if (!loaded.IsSuccess) return loaded.Error!;
        var unit = loaded.Value!;

        if (r.Name is not null)
        {
            var name = r.Name.Trim();
            if (name != unit.Name && await db.OrgUnits.AnyAsync(u => u.ParentId == unit.ParentId && u.Name == name && u.Id != id, ct))
            {
                return Error.Conflict("ORG_DUPLICATE_NAME", T["Org.DuplicateName", name]);
            }
            unit.Name = name;
        }
        if (setup is { } s) unit.Setup = s;
        if (r.HostUnitType is not null) unit.HostUnitType = r.HostUnitType.Trim().Length == 0 ? null : r.HostUnitType.Trim();
        if (r.SortOrder is { } order) unit.SortOrder = order;
        await db.SaveChangesAsync(ct);
        return unit;
    }
}
