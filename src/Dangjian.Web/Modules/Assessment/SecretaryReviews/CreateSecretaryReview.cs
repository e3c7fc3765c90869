using Dangjian.Web.Data;
using Dangjian.Web.Modules.Organizations;
using Dangjian.Web.Modules.Organizations.Contracts;
using Dangjian.Web.Platform.Auth;
using Dangjian.Web.Platform.Errors;
using Dangjian.Web.Platform.Input;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;

namespace Dangjian.Web.Modules.Assessment.SecretaryReviews;

/// <summary>
/// Opens a campaign (docs/rules/points-and-assessment.md#pa-20): a 党委 or 党总支, one per year, with every branch below
/// whose committee in office has a secretary, that secretary taken as sitting now.
/// </summary>
public sealed class CreateSecretaryReview(AppDbContext db, OrgAccess access, CurrentUser user, TimeProvider clock, GetSecretaryReviews reads,
    IStringLocalizer<SharedResource> L, IStringLocalizer<SecretaryReviewsText> T, InputCheck inputCheck)
{
    public async Task<Result<SecretaryReviewDetailDto>> HandleAsync(CreateSecretaryReviewRequest r, CancellationToken ct)
    {
        if (inputCheck.Check(r) is { } badText) return badText;
        if (r.OrgUnitId is not { } unitId) return Error.Validation("orgUnitId", L["Validation.Required", "orgUnitId"]);
        var unit = await access.LoadAsync(unitId, Permission.ManageAssessment, ct);
        if (!unit.IsSuccess) return unit.Error!;
        if (!SecretaryReviewRules.CanReview(unit.Value!.Kind))
            return Error.Rule("SECRETARY_REVIEW_UNIT", T["Review.UnitKind"], SecretaryReviewRules.CampaignArticle);
        var invalid = new FieldErrors();
        var title = r.Title?.Trim();
        if (string.IsNullOrEmpty(title)) invalid.Add(Error.Validation("title", L["Validation.Required", "title"]));
        if (r.Year is not { } year || year is < 2000 or > 2100) invalid.Add(Error.Validation("year", T["Review.YearRange", 2000, 2100]));
        if (r.OpensAt is null) invalid.Add(Error.Validation("opensAt", L["Validation.Required", "opensAt"]));
        if (r.ClosesAt is null) invalid.Add(Error.Validation("closesAt", L["Validation.Required", "closesAt"]));
        else if (r.OpensAt is { } o && r.ClosesAt <= o) invalid.Add(Error.Validation("closesAt", T["Review.ClosesAfterOpens"]));
        if (invalid.ToError() is { } bad) return bad;
        if (await db.SecretaryReviews.AnyAsync(x => x.OrgUnitId == unitId && x.Year == r.Year, ct))
            return Error.Conflict("SECRETARY_REVIEW_EXISTS", T["Review.Exists", r.Year!.Value]);
        var branches = await db.OrgUnits.AsNoTracking().InSubtree(unit.Value.Path)
            .Where(u => u.Kind == OrgUnitKind.Branch && u.DissolvedAt == null).OrderBy(u => u.Path).Select(u => new { u.Id, u.Name, u.Path }).ToListAsync(ct);
        var secretaries = await SittingSecretaries.OfAsync(db, branches.Select(b => b.Id).ToList(), ct);
        if (secretaries.Count == 0) return Error.Rule("SECRETARY_REVIEW_NONE", T["Review.NoSecretaries"], SecretaryReviewRules.CampaignArticle);
        var now = clock.GetUtcNow();
        var by = string.IsNullOrEmpty(user.DisplayName) ? user.UserName : user.DisplayName;
        var review = new SecretaryReview
        {
            Id = Guid.CreateVersion7(now), OrgUnitId = unitId, OrgPath = unit.Value.Path, Year = r.Year!.Value, Title = title!, OpensAt = r.OpensAt!.Value.ToUniversalTime(),
            ClosesAt = r.ClosesAt!.Value.ToUniversalTime(), CreatedAt = now, CreatedBy = by.Length > 100 ? by[..100] : by,
        };
        foreach (var b in branches)
        {
            if (!secretaries.TryGetValue(b.Id, out var s)) continue;
            review.Reports.Add(new SecretaryReport
            {
                Id = Guid.CreateVersion7(now), ReviewId = review.Id, BranchId = b.Id, OrgPath = b.Path, BranchName = b.Name.Length > 200 ? b.Name[..200] : b.Name,
                SecretaryMemberId = s.MemberId, SecretaryName = s.Name.Length > 100 ? s.Name[..100] : s.Name,
            });
        }
        db.SecretaryReviews.Add(review);
        await db.SaveChangesAsync(ct);
        return await reads.GetAsync(review.Id, ct);
    }
}
