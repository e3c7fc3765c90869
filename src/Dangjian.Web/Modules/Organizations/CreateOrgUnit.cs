using System.ComponentModel.DataAnnotations;
using Dangjian.Web.Data;
using Dangjian.Web.Platform.Auth;
using Dangjian.Web.Platform.Errors;
using Dangjian.Web.Platform.Input;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;

namespace Dangjian.Web.Modules.Organizations;

public sealed record CreateOrgUnitRequest(Guid? ParentId, [MaxLength(OrgInput.MaxNameLength)] string? Name, string? Kind, string? Setup,
    [MaxLength(OrgInput.MaxHostUnitTypeLength)] string? HostUnitType);

/// <summary>Creates a unit under a parent the caller manages, if the parent may contain that kind.</summary>
public sealed class CreateOrgUnit(AppDbContext db, OrgAccess access, Platform.Ledger.Ledger ledger, Platform.CodeTables.CodeTableService codes, TimeProvider clock,
    IStringLocalizer<SharedResource> L, IStringLocalizer<OrganizationsText> T, InputCheck inputCheck)
{
    public async Task<Result<OrgUnit>> HandleAsync(CreateOrgUnitRequest r, CancellationToken ct)
    {
        if (inputCheck.Check(r) is { } badText) return badText;
        var invalid = new FieldErrors();
        if (r.ParentId is null) invalid.Add(Error.Validation("parentId", L["Validation.Required", "parentId"]));
        invalid.Add(OrgInput.Name(r.Name, T));
        var kind = invalid.Take(OrgInput.Enum<OrgUnitKind>(r.Kind, "kind", null, L));
        var setup = invalid.Take(OrgInput.Enum<OrgSetup>(r.Setup, "setup", OrgSetup.Standalone, L));
        invalid.Add(OrgInput.HostUnitType(r.HostUnitType, "hostUnitType", L, await codes.LoadActiveAsync(ct)));
        if (invalid.ToError() is { } validation) return validation;
        var parentId = r.ParentId!.Value;

        var parentResult = await access.LoadAsync(parentId, Permission.ManageOrg, ct);
        if (!parentResult.IsSuccess) return parentResult.Error!;
        var parent = parentResult.Value!;
        if (!OrgHierarchyRules.CanContain(parent.Kind, kind!.Value))
        {
            return Error.Rule("ORG_HIERARCHY", T["Org.HierarchyRefused", T["Kind." + parent.Kind], T["Kind." + kind.Value]], OrgArticles.Hierarchy);
        }

        var name = r.Name!.Trim();
        if (await db.OrgUnits.AnyAsync(u => u.ParentId == parentId && u.Name == name, ct))
        {
            return Error.Conflict("ORG_DUPLICATE_NAME", T["Org.DuplicateName", name]);
        }

        var key = OrgPaths.NewKey();
        var maxOrder = await db.OrgUnits.Where(u => u.ParentId == parentId).MaxAsync(u => (int?)u.SortOrder, ct) ?? 0;
        var unit = new OrgUnit
        {
            Id = Guid.CreateVersion7(clock.GetUtcNow()),
            ParentId = parentId,
            Key = key,
            Path = OrgPaths.Child(parent.Path, key),
            Depth = parent.Depth + 1,
            Name = name,
            Kind = kind.Value,
            Setup = setup!.Value,
            HostUnitType = string.IsNullOrWhiteSpace(r.HostUnitType) ? parent.HostUnitType : r.HostUnitType.Trim(),
            SortOrder = maxOrder + 1,
            CreatedAt = clock.GetUtcNow(),
        };
        db.OrgUnits.Add(unit);
        ledger.Append("org.created", unit.Id.ToString(), new { unit.Name, Kind = unit.Kind.ToString(), Setup = unit.Setup.ToString(), unit.ParentId });
        await db.SaveChangesAsync(ct);
        return unit;
    }
}
