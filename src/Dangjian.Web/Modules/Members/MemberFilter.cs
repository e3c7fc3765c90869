using Dangjian.Web.Data;
using Dangjian.Web.Modules.Organizations;
using Dangjian.Web.Platform.Auth;
using Dangjian.Web.Platform.Errors;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Localization;

namespace Dangjian.Web.Modules.Members;

/// <summary>The filters of the member list, its export and its statistics (all bound from the query string).</summary>
public sealed record MemberFilter
{
    [FromQuery(Name = "orgUnitId")] public Guid? OrgUnitId { get; init; }
    [FromQuery(Name = "includeSubtree")] public bool? IncludeSubtree { get; init; }
    [FromQuery(Name = "category")] public string? Category { get; init; }
    [FromQuery(Name = "status")] public string? Status { get; init; }
    [FromQuery(Name = "gender")] public string? Gender { get; init; }
    [FromQuery(Name = "ageFrom")] public int? AgeFrom { get; init; }
    [FromQuery(Name = "ageTo")] public int? AgeTo { get; init; }
    [FromQuery(Name = "education")] public string? Education { get; init; }
    [FromQuery(Name = "jobPost")] public string? JobPost { get; init; }
    [FromQuery(Name = "joinedFrom")] public DateOnly? JoinedFrom { get; init; }
    [FromQuery(Name = "joinedTo")] public DateOnly? JoinedTo { get; init; }
    [FromQuery(Name = "search")] public string? Search { get; init; }
    [FromQuery(Name = "mobile")] public bool? Mobile { get; init; }
    [FromQuery(Name = "outOfContact")] public bool? OutOfContact { get; init; }
}

/// <summary>
/// Applies a <see cref="MemberFilter"/> inside the subtree (or unit) the caller may see. The query reads
/// <see cref="ReadDb"/> (a replica when there is one): the list, its export and its statistics may be a moment behind
/// the last save; the access check reads the primary.
/// </summary>
public sealed class MemberQuery(ReadDb read, OrgAccess access, CurrentUser user, IStringLocalizer<SharedResource> L, IStringLocalizer<MembersText> T)
{
    public async Task<Result<(IQueryable<Member> Query, OrgUnit Unit)>> BuildAsync(MemberFilter f, Permission permission, DateOnly today, CancellationToken ct)
    {
        if (f.OrgUnitId is not { } unitId) return Error.Validation("orgUnitId", L["Validation.Required", "orgUnitId"]);
        var invalid = new FieldErrors();
        var category = f.Category is null ? null : invalid.Take(OrgInput.Enum<MemberCategory>(f.Category, "category", null, L));
        var status = f.Status is null ? null : invalid.Take(OrgInput.Enum<MembershipStatus>(f.Status, "status", null, L));
        var gender = f.Gender is null ? null : invalid.Take(OrgInput.Enum<Gender>(f.Gender, "gender", null, L));
        if (f.AgeFrom is < 0 or > 150) invalid.Add(Error.Validation("ageFrom", T["Member.AgeRange"]));
        if (f.AgeTo is < 0 or > 150) invalid.Add(Error.Validation("ageTo", T["Member.AgeRange"]));
        if (invalid.ToError() is { } validation) return validation;

        var unit = await access.LoadAsync(unitId, permission, ct);
        if (!unit.IsSuccess) return unit.Error!;
        var u = unit.Value!;
        // A role held on this unit alone (not its subtree) sees only this unit's own roll.
        var subtree = f.IncludeSubtree != false && user.CanInSubtree(permission, u.Path);
        var q = subtree ? read.Db.Members.InSubtree(u.Path) : read.Db.Members.Where(m => m.OrgUnitId == u.Id);
        if (category is { } c) q = q.Where(m => m.Category == c);
        if (status is { } s) q = q.Where(m => m.Status == s);
        if (gender is { } g) q = q.Where(m => m.Gender == g);
        // Age a ⇔ born in (today − (a+1) years, today − a years].
        if (f.AgeFrom is { } from) { var latest = today.AddYears(-from); q = q.Where(m => m.BirthDate <= latest); }
        if (f.AgeTo is { } to) { var earliest = today.AddYears(-(to + 1)).AddDays(1); q = q.Where(m => m.BirthDate >= earliest); }
        if (!string.IsNullOrWhiteSpace(f.Education)) q = q.Where(m => m.Education == f.Education);
        if (!string.IsNullOrWhiteSpace(f.JobPost)) q = q.Where(m => m.JobPost == f.JobPost);
        if (f.JoinedFrom is { } jf) q = q.Where(m => m.JoinedOn >= jf);
        if (f.JoinedTo is { } jt) q = q.Where(m => m.JoinedOn <= jt);
        if (!string.IsNullOrWhiteSpace(f.Search)) q = q.Where(m => m.Name.Contains(f.Search.Trim()));
        if (f.Mobile is { } mobile) q = q.Where(m => m.IsMobile == mobile);
        if (f.OutOfContact is { } ooc) q = ooc ? q.Where(m => m.OutOfContactSince != null) : q.Where(m => m.OutOfContactSince == null);
        return (q, u);
    }
}
