using Dangjian.Web.Data;
using Dangjian.Web.Platform;
using Dangjian.Web.Platform.Clock;
using Dangjian.Web.Platform.Errors;
using Dangjian.Web.Platform.Input;
using Dangjian.Web.Platform.Ledger;
using Dangjian.Web.Platform.Paging;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;

namespace Dangjian.Web.Modules.Assessment.CheckUps;

/// <summary>Which submitted check-ups a list shows: those waiting for a review, those reviewed, or both.</summary>
public enum ReviewState
{
    All,
    Pending,
    Reviewed,
}

/// <summary>
/// The secretary's side of the check-ups: the submitted check-ups of a unit and a quarter, and the review of one — a
/// result and a comment, once (the result is a concurrency token). A review of 需谈心谈话 raises its warning at once
/// (docs/rules/points-and-assessment.md#pa-11). Drafts stay the member's own.
/// </summary>
public sealed class ReviewCheckUps(AppDbContext db, CheckUpsAccess access, InputCheck input, TimeProvider clock, Ledger ledger,
    IStringLocalizer<SharedResource> L, IStringLocalizer<CheckUpsText> T)
{
    public async Task<Result<Page<CheckUpDto>>> ListAsync(Guid unitId, int? year, int? quarter, ReviewState state, PageRequest page, CancellationToken ct)
    {
        var loaded = await access.UnitAsync(unitId, ct);
        if (loaded.Error is { } e) return e;
        var (y, q) = Period(year, quarter);
        if (!CheckUpWindowRule.IsQuarter(y, q)) return Error.Validation("quarter", T["CheckUps.BadQuarter"]);
        var rows = access.Within(db.CheckUps.AsNoTracking(), loaded.Value!).Where(c => c.Year == y && c.Quarter == q && c.SubmittedAt != null);
        rows = state switch
        {
            ReviewState.Pending => rows.Where(c => c.Result == null),
            ReviewState.Reviewed => rows.Where(c => c.Result != null),
            _ => rows,
        };
        var total = await rows.CountAsync(ct);
        var items = await rows.OrderBy(c => c.Result != null).ThenBy(c => c.MemberName).ThenBy(c => c.Id).Skip(page.Skip).Take(page.PageSize).ToListAsync(ct);
        return new Page<CheckUpDto>(items.Select(CheckUpDto.Of).ToList(), page.Page, page.PageSize, total);
    }

    public async Task<Result<CheckUpDto>> GetAsync(Guid checkUpId, CancellationToken ct)
    {
        var c = await db.CheckUps.AsNoTracking().FirstOrDefaultAsync(c => c.Id == checkUpId, ct);
        if (c is null || c.SubmittedAt is null) return Error.NotFound(T["CheckUps.NotFound"]);
        if (access.Manages(c.OrgPath) is { } denied) return denied;
        return CheckUpDto.Of(c);
    }

    public async Task<Result<CheckUpDto>> ReviewAsync(Guid checkUpId, ReviewCheckUpRequest request, CancellationToken ct)
    {
        if (input.Check(request) is { } invalid) return invalid;
        var c = await db.CheckUps.FirstOrDefaultAsync(c => c.Id == checkUpId, ct);
        if (c is null || c.SubmittedAt is null) return Error.NotFound(T["CheckUps.NotFound"]);
        if (access.Manages(c.OrgPath) is { } denied) return denied;
        if (!Enum.TryParse<CheckUpResult>(request.Result, true, out var result) || !Enum.IsDefined(result) || int.TryParse(request.Result, out _))
            return Error.Validation("result", L["Validation.OneOf", "result", string.Join(", ", Enum.GetNames<CheckUpResult>())]);
        var comment = request.Comment?.Trim();
        if (string.IsNullOrEmpty(comment)) return Error.Validation("comment", T["Review.CommentRequired"]);
        if (c.Result is not null) return Error.Conflict("CHECKUP_REVIEWED", T["Review.Already", c.ReviewedBy ?? ""], CheckUpWindowRule.Article);

        var now = clock.GetUtcNow();
        (c.Result, c.ReviewComment, c.ReviewedBy, c.ReviewedAt) = (result, comment, access.By, now);
        if (WarningRules.Review(result))
        {
            var basis = WarningRules.QuarterBasis(c.Year, c.Quarter);
            var open = await db.EarlyWarnings.AnyAsync(w => w.MemberId == c.MemberId && w.Kind == WarningKind.ReviewTalk
                                                            && (w.Status == WarningStatus.Open || w.Basis == basis), ct);
            if (!open)
            {
                db.EarlyWarnings.Add(new EarlyWarning
                {
                    Id = Guid.CreateVersion7(now), MemberId = c.MemberId, MemberName = c.MemberName, OrgUnitId = c.OrgUnitId, OrgPath = c.OrgPath,
                    Kind = WarningKind.ReviewTalk, Basis = basis, Evidence = basis, RaisedAt = now, Status = WarningStatus.Open,
                });
            }
        }
        ledger.Append("checkup.reviewed", c.Id.ToString(), new { c.MemberId, c.Year, c.Quarter, Result = result.ToString(), By = access.By });
        await db.SaveChangesAsync(ct);
        return CheckUpDto.Of(c);
    }

    /// <summary>The quarter asked for, or the current one (China time).</summary>
    public (int Year, int Quarter) Period(int? year, int? quarter)
    {
        var now = CheckUpWindowRule.QuarterOf(clock.Today());
        return (year ?? now.Year, quarter ?? (year is null || year == now.Year ? now.Quarter : 4));
    }
}
