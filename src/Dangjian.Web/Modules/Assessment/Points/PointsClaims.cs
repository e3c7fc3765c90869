using System.ComponentModel.DataAnnotations;
using Dangjian.Web.Data;
using Dangjian.Web.Modules.Members;
using Dangjian.Web.Modules.Organizations;
using Dangjian.Web.Platform.Auth;
using Dangjian.Web.Platform.Clock;
using Dangjian.Web.Platform.Errors;
using Dangjian.Web.Platform.Input;
using Dangjian.Web.Platform.Paging;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;

namespace Dangjian.Web.Modules.Assessment.Points;

public sealed record RecordClaimRequest(Guid? MemberId, Guid? RuleId, DateOnly? Day, [MaxLength(200)] string? Reason);

public sealed record RejectClaimRequest([MaxLength(200)] string? Reason);

public sealed record ClaimDto(Guid Id, Guid MemberId, string MemberName, DateOnly Day, Guid RuleId, string RuleCode, string RuleName, string Kind, int Points,
    string? Reason, string Status, string? ClaimedBy, DateTimeOffset CreatedAt, string? DecidedBy, DateTimeOffset? DecidedAt, string? RejectReason, bool CanDecide);

/// <summary>
/// Claimed and deducted lines (docs/rules/points-and-assessment.md#pa-8): a group leader (or anyone who may award points
/// on the member's unit) records one within the item's caps (#pa-7); someone who manages assessment there, not the
/// recorder, approves or rejects it once. An approval writes the balance and the ledger in the same SaveChanges.
/// </summary>
public sealed class PointsClaims(AppDbContext db, OrgAccess access, CurrentUser user, TimeProvider clock, Platform.Ledger.Ledger ledger, InputCheck inputCheck,
    IStringLocalizer<SharedResource> L, IStringLocalizer<PointsText> T)
{
    public async Task<Result<ClaimDto>> RecordAsync(RecordClaimRequest r, CancellationToken ct)
    {
        if (inputCheck.Check(r) is { } badText) return badText;
        if (r.MemberId is not { } memberId) return Error.Validation("memberId", L["Validation.Required", "memberId"]);
        var member = await db.Members.AsNoTracking().FirstOrDefaultAsync(m => m.Id == memberId, ct);
        // A member outside the caller's reach (another branch's, another group's) is not found, whether they exist or not.
        if (member is null || !(user.Can(Permission.AwardPoints, member.OrgPath) || user.Can(Permission.ViewMembers, member.OrgPath)))
            return Error.NotFound(T["Member.NotFound"]);
        if (!user.Can(Permission.AwardPoints, member.OrgPath)) return Error.Forbidden(L["Auth.Forbidden"]);
        if (!Member.IsPartyMember(member.Category) || member.Status != MembershipStatus.Normal) return Error.Validation("memberId", T["Claim.NotPartyMember"]);
        if (r.RuleId is not { } ruleId) return Error.Validation("ruleId", L["Validation.Required", "ruleId"]);
        var rule = await db.PointsRules.AsNoTracking().FirstOrDefaultAsync(x => x.Id == ruleId, ct);
        if (rule is null || !rule.Active || rule.Kind == PointsKind.Auto) return Error.Validation("ruleId", T["Claim.BadRule"]);
        var today = clock.Today();
        var day = r.Day ?? today;
        if (day > today || day.Year < today.Year - 1) return Error.Validation("day", T["Claim.BadDay"]);
        var reason = r.Reason?.Trim();
        if (string.IsNullOrEmpty(reason)) return Error.Validation("reason", L["Validation.Required", "reason"]);

        var used = await db.PointsEntries.AsNoTracking()
            .Where(e => e.MemberId == memberId && e.RuleId == ruleId && e.Year == day.Year && e.Status != PointsStatus.Rejected)
            .Select(e => new { e.Day, e.Month, e.Points }).ToListAsync(ct);
        var (allowed, binding) = PointsCapRules.Allowed(rule.Points, used.Where(u => u.Day == day).Sum(u => Math.Abs(u.Points)),
            used.Where(u => u.Month == day.Month).Sum(u => Math.Abs(u.Points)), used.Sum(u => Math.Abs(u.Points)), rule.DailyCap, rule.MonthlyCap, rule.YearlyCap);
        if (binding is { } cap)
        {
            var limit = cap switch { PointsCapRules.Cap.Day => rule.DailyCap, PointsCapRules.Cap.Month => rule.MonthlyCap, _ => rule.YearlyCap };
            return Error.Rule("POINTS_CAP", T["Claim.OverCap", rule.Name, T["Cap." + cap], limit ?? 0, allowed, PointsCapRules.Article], PointsCapRules.Article);
        }

        var now = clock.GetUtcNow();
        var id = Guid.CreateVersion7(now);
        var entry = new PointsEntry
        {
            Id = id, MemberId = member.Id, MemberName = member.Name, OrgUnitId = member.OrgUnitId, OrgPath = member.OrgPath, Day = day, Year = day.Year,
            Month = day.Month, RuleId = rule.Id, RuleCode = rule.Code, RuleName = rule.Name, Kind = rule.Kind, Points = rule.Points, Reason = reason,
            SourceKey = "claim:" + id.ToString("N"), Status = PointsStatus.Pending, ClaimedById = user.UserId, ClaimedBy = By(), CreatedAt = now,
        };
        db.PointsEntries.Add(entry);
        await db.SaveChangesAsync(ct);
        return ToDto(entry);
    }

    public Task<Result<ClaimDto>> ApproveAsync(Guid entryId, CancellationToken ct) => DecideAsync(entryId, true, null, ct);

    public async Task<Result<ClaimDto>> RejectAsync(Guid entryId, RejectClaimRequest r, CancellationToken ct)
    {
        if (inputCheck.Check(r) is { } badText) return badText;
        var reason = r.Reason?.Trim();
        if (string.IsNullOrEmpty(reason)) return Error.Validation("reason", L["Validation.Required", "reason"]);
        return await DecideAsync(entryId, false, reason, ct);
    }

    private async Task<Result<ClaimDto>> DecideAsync(Guid entryId, bool approve, string? reason, CancellationToken ct)
    {
        var entry = await db.PointsEntries.FirstOrDefaultAsync(e => e.Id == entryId && e.Kind != PointsKind.Auto, ct);
        if (entry is null || !(user.Can(Permission.ViewMembers, entry.OrgPath) || user.Can(Permission.AwardPoints, entry.OrgPath)))
            return Error.NotFound(T["Claim.NotFound"]);
        if (!user.Can(Permission.ManageAssessment, entry.OrgPath)) return Error.Forbidden(L["Auth.Forbidden"]);
        if (entry.ClaimedById == user.UserId) return Error.Rule("POINTS_SEPARATION", T["Claim.OwnClaim", PointsArticles.Separation], PointsArticles.Separation);
        if (entry.Status != PointsStatus.Pending) return Error.Conflict("points_decided", T["Claim.Decided"]);
        var now = clock.GetUtcNow();
        entry.Status = approve ? PointsStatus.Approved : PointsStatus.Rejected;
        entry.DecidedById = user.UserId;
        entry.DecidedBy = By();
        entry.DecidedAt = now;
        entry.RejectReason = reason;
        if (approve) await PointsLedger.ApplyAsync(db, ledger, [entry], now, ct);
        await db.SaveChangesAsync(ct);
        return ToDto(entry);
    }

    /// <summary>Claimed and deducted lines of members under the unit (pending by default), newest first.</summary>
    public async Task<Result<Page<ClaimDto>>> ListAsync(Guid unitId, string? status, PageRequest page, CancellationToken ct)
    {
        var unit = await access.LoadAsync(unitId, Permission.AwardPoints, ct);
        if (!unit.IsSuccess) return unit.Error!;
        var wanted = PointsStatus.Pending;
        if (status is not null && (!Enum.TryParse(status, ignoreCase: false, out wanted) || !Enum.IsDefined(wanted)))
            return Error.Validation("status", L["Validation.OneOf", "status", string.Join(", ", Enum.GetNames<PointsStatus>())]);
        var q = db.PointsEntries.AsNoTracking().UnderPath(unit.Value!.Path).Where(e => e.Kind != PointsKind.Auto && e.Status == wanted);
        var total = await q.CountAsync(ct);
        var rows = await q.OrderByDescending(e => e.CreatedAt).ThenByDescending(e => e.Id).Skip(page.Skip).Take(page.PageSize).ToListAsync(ct);
        return new Page<ClaimDto>(rows.Select(ToDto).ToList(), page.Page, page.PageSize, total);
    }

    private string By()
    {
        var by = string.IsNullOrEmpty(user.DisplayName) ? user.UserName : user.DisplayName;
        return by.Length > 100 ? by[..100] : by;
    }

    private ClaimDto ToDto(PointsEntry e) => new(e.Id, e.MemberId, e.MemberName, e.Day, e.RuleId, e.RuleCode, e.RuleName, e.Kind.ToString(), e.Points, e.Reason,
        e.Status.ToString(), e.ClaimedBy, e.CreatedAt, e.DecidedBy, e.DecidedAt, e.RejectReason,
        e.Status == PointsStatus.Pending && e.ClaimedById != user.UserId && user.Can(Permission.ManageAssessment, e.OrgPath));
}
