using System.ComponentModel.DataAnnotations;
using Dangjian.Web.Data;
using Dangjian.Web.Modules.Education.Contracts;
using Dangjian.Web.Modules.Meetings.Appraisal;
using Dangjian.Web.Modules.Meetings.Contracts;
using Dangjian.Web.Modules.Members;
using Dangjian.Web.Modules.Members.Records;
using Dangjian.Web.Modules.Organizations;
using Dangjian.Web.Platform.Auth;
using Dangjian.Web.Platform.Clock;
using Dangjian.Web.Platform.Errors;
using Dangjian.Web.Platform.Input;
using Dangjian.Web.Platform.Paging;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;

namespace Dangjian.Web.Modules.Assessment.Honours;

public sealed record NominateForHonourRequest(Guid? OrgUnitId, [MaxLength(40)] string? Kind, Guid? NomineeId, [MaxLength(1000), MultiLine] string? Reason);

public sealed record HonourNominationDto(Guid Id, string Kind, Guid NomineeId, string NomineeName, Guid OrgUnitId, string UnitName, string Reason,
    string Status, DateTimeOffset NominatedAt, string NominatedBy, int Yes, int No, bool? MyVote);

/// <summary>
/// One candidate for the nomination page: a member of the unit's subtree (or a unit, for 先进基层党组织) with what the
/// other modules tell of their year — points (when the Points feature offers them), the appraisal grade, study hours
/// against the target — and why they cannot be nominated, if so.
/// </summary>
public sealed record HonourCandidateDto(Guid Id, string Name, string UnitName, int? Points, string? AppraisalGrade, double? StudyHours, int? StudyTarget,
    string? Ineligible, bool Nominated);

public sealed record HonourCandidatesDto(Guid OrgUnitId, string UnitName, string Kind, int Quota, int Used, bool PointsShown, Page<HonourCandidateDto> Candidates);

/// <summary>
/// Nominations within the quotas (docs/rules/points-and-assessment.md#pa-18): who a unit may put forward, the nomination
/// itself, and the committee's approval.
/// </summary>
public sealed class Nominations(AppDbContext db, OrgAccess orgs, HonoursAccess access, Campaigns campaigns, TimeProvider clock, IServiceProvider services,
    StudyStanding study, IStringLocalizer<SharedResource> L, IStringLocalizer<HonoursText> T, InputCheck inputCheck)
{
    public async Task<Result<HonourCandidatesDto>> CandidatesAsync(Guid campaignId, Guid? orgUnitId, string? kindText, PageRequest page, CancellationToken ct)
    {
        var loaded = await access.LoadAsync(campaignId, ct);
        if (!loaded.IsSuccess) return loaded.Error!;
        var c = loaded.Value!;
        var unit = await NominatingUnitAsync(c, orgUnitId, ct);
        if (!unit.IsSuccess) return unit.Error!;
        var u = unit.Value!;
        if (Campaigns.ParseKind(kindText) is not { } kind) return Error.Validation("kind", L["Validation.OneOf", "kind", string.Join(", ", Enum.GetNames<HonourKind>())]);
        var quota = await db.HonourQuotas.AsNoTracking().Where(q => q.CampaignId == c.Id && q.OrgUnitId == u.Id && q.Kind == kind).Select(q => q.Number).FirstOrDefaultAsync(ct);
        var nominated = await db.HonourNominations.AsNoTracking().Where(n => n.CampaignId == c.Id && n.Kind == kind && n.Status != HonourNominationStatus.Withdrawn)
            .Select(n => new { n.NomineeId, n.OrgUnitId }).ToListAsync(ct);
        var used = nominated.Count(n => n.OrgUnitId == u.Id);
        var taken = nominated.Select(n => n.NomineeId).ToHashSet();
        var points = services.GetService<IMemberPointsTotals>();
        if (kind == HonourKind.AdvancedOrganisation)
        {
            var uq = db.OrgUnits.AsNoTracking().InSubtree(u.Path).Where(x => x.DissolvedAt == null);
            var total = await uq.CountAsync(ct);
            var units = await uq.OrderBy(x => x.Path).Skip(page.Skip).Take(page.PageSize).Select(x => new { x.Id, x.Name }).ToListAsync(ct);
            var rows = units.Select(x => new HonourCandidateDto(x.Id, x.Name, x.Name, null, null, null, null, null, taken.Contains(x.Id))).ToList();
            return new HonourCandidatesDto(u.Id, u.Name, kind.ToString(), quota, used, false, new Page<HonourCandidateDto>(rows, page.Page, page.PageSize, total));
        }
        var mq = db.Members.AsNoTracking().InSubtree(u.Path).Where(m => m.Category == MemberCategory.Full || m.Category == MemberCategory.Probationary)
            .Where(m => m.Status == MembershipStatus.Normal || m.Status == MembershipStatus.Suspended);
        var count = await mq.CountAsync(ct);
        var members = await mq.OrderBy(m => m.OrgPath).ThenBy(m => m.Name).Skip(page.Skip).Take(page.PageSize)
            .Select(m => new { m.Id, m.Name, m.OrgUnitId, m.Category, m.Status }).ToListAsync(ct);
        var ids = members.Select(m => m.Id).ToList();
        var grades = await AppraisalGradesOfYear.ForAsync(db, ids, c.Year, ct);
        var probation = (await MemberSanctions.UnderPartyProbationAsync(db, ids, clock.Today(), ct)).ToHashSet();
        var totals = points is null ? null : await points.TotalsAsync(ids, c.Year, ct);
        var standing = ids.Count == 0 ? [] : (await study.MembersAsync(u.Path, c.Year, ct)).Where(s => ids.Contains(s.MemberId)).ToDictionary(s => s.MemberId);
        var names = await campaigns.UnitNamesAsync(members.Select(m => m.OrgUnitId), ct);
        var list = members.Select(m =>
        {
            var grade = grades.TryGetValue(m.Id, out var g) ? g : (AppraisalGrade?)null;
            var why = HonourQuotaRules.Eligibility(m.Category, m.Status, grade == AppraisalGrade.Unqualified, probation.Contains(m.Id));
            var s = standing.GetValueOrDefault(m.Id);
            return new HonourCandidateDto(m.Id, m.Name, names.GetValueOrDefault(m.OrgUnitId, ""), totals is null ? null : totals.TryGetValue(m.Id, out var p) ? p : 0,
                grade?.ToString(), s?.Hours, s?.TargetHours, why == HonourQuotaRules.Ineligible.None ? null : why.ToString(), taken.Contains(m.Id));
        }).ToList();
        return new HonourCandidatesDto(u.Id, u.Name, kind.ToString(), quota, used, points is not null, new Page<HonourCandidateDto>(list, page.Page, page.PageSize, count));
    }

    public async Task<Result<HonourNominationDto>> NominateAsync(Guid campaignId, NominateForHonourRequest r, CancellationToken ct)
    {
        if (inputCheck.Check(r) is { } badText) return badText;
        var loaded = await access.LoadAsync(campaignId, ct, track: true);
        if (!loaded.IsSuccess) return loaded.Error!;
        var c = loaded.Value!;
        var unit = await NominatingUnitAsync(c, r.OrgUnitId, ct);
        if (!unit.IsSuccess) return unit.Error!;
        var u = unit.Value!;
        if (access.InPhase(c, HonourAction.Nominate) is { } phase) return phase;
        if (Campaigns.ParseKind(r.Kind) is not { } kind) return Error.Validation("kind", L["Validation.OneOf", "kind", string.Join(", ", Enum.GetNames<HonourKind>())]);
        if (c.TotalOf(kind) == 0) return Error.Validation("kind", T["Kind.NotInCampaign", T["Kind." + kind]]);
        if (r.NomineeId is not { } nomineeId) return Error.Validation("nomineeId", L["Validation.Required", "nomineeId"]);
        var reason = r.Reason?.Trim();
        if (string.IsNullOrEmpty(reason)) return Error.Validation("reason", L["Validation.Required", "reason"]);
        string name, path;
        if (kind == HonourKind.AdvancedOrganisation)
        {
            var nominee = await db.OrgUnits.AsNoTracking().InSubtree(u.Path).FirstOrDefaultAsync(x => x.Id == nomineeId && x.DissolvedAt == null, ct);
            if (nominee is null) return Error.NotFound(T["Nominee.NotFound"]);
            (name, path) = (nominee.Name, nominee.Path);
        }
        else
        {
            var m = await db.Members.AsNoTracking().InSubtree(u.Path).FirstOrDefaultAsync(x => x.Id == nomineeId, ct);
            if (m is null) return Error.NotFound(T["Nominee.NotFound"]);
            var grades = await AppraisalGradesOfYear.ForAsync(db, [m.Id], c.Year, ct);
            var probation = await MemberSanctions.UnderPartyProbationAsync(db, [m.Id], clock.Today(), ct);
            var why = HonourQuotaRules.Eligibility(m.Category, m.Status, grades.GetValueOrDefault(m.Id, AppraisalGrade.Qualified) == AppraisalGrade.Unqualified,
                probation.Count > 0);
            if (why != HonourQuotaRules.Ineligible.None)
                return Error.Rule("HONOUR_INELIGIBLE", T["Rule.Ineligible", m.Name, T["Ineligible." + why], c.Year], HonourQuotaRules.Article);
            (name, path) = (m.Name, m.OrgPath);
        }
        var quota = await db.HonourQuotas.AsNoTracking().Where(q => q.CampaignId == c.Id && q.OrgUnitId == u.Id && q.Kind == kind).Select(q => q.Number).FirstOrDefaultAsync(ct);
        var used = await db.HonourNominations.CountAsync(n => n.CampaignId == c.Id && n.OrgUnitId == u.Id && n.Kind == kind && n.Status != HonourNominationStatus.Withdrawn, ct);
        if (!HonourQuotaRules.HasRoom(quota, used))
            return Error.Rule("HONOUR_QUOTA_FULL", T["Rule.QuotaFull", u.Name, T["Kind." + kind], quota, used], HonourQuotaRules.Article);
        if (await db.HonourNominations.AnyAsync(n => n.CampaignId == c.Id && n.Kind == kind && n.NomineeId == nomineeId, ct))
            return Error.Conflict("HONOUR_NOMINATED", T["Nomination.Duplicate", name]);
        var now = clock.GetUtcNow();
        var nomination = new HonourNomination
        {
            Id = Guid.CreateVersion7(now), CampaignId = c.Id, Kind = kind, NomineeId = nomineeId, NomineeName = name.Length > 100 ? name[..100] : name, NomineePath = path,
            OrgUnitId = u.Id, OrgPath = u.Path, Reason = reason, Status = HonourNominationStatus.Nominated, NominatedAt = now, NominatedBy = access.By,
        };
        db.HonourNominations.Add(nomination);
        campaigns.Touch(c);
        if (await access.SaveAsync(ct) is { } conflict) return conflict;
        return ToDto(nomination, u.Name, 0, 0, null);
    }

    /// <summary>The committee approves a nominee, within the nominating unit's quota and the campaign's total.</summary>
    public async Task<Result<HonourNominationDto>> ApproveAsync(Guid campaignId, Guid nominationId, CancellationToken ct)
    {
        var loaded = await access.LoadToRunAsync(campaignId, ct);
        if (!loaded.IsSuccess) return loaded.Error!;
        var c = loaded.Value!;
        var n = await db.HonourNominations.FirstOrDefaultAsync(x => x.Id == nominationId && x.CampaignId == c.Id, ct);
        if (n is null) return Error.NotFound(T["Nomination.NotFound"]);
        if (access.InPhase(c, HonourAction.Approve) is { } phase) return phase;
        if (n.Status != HonourNominationStatus.Nominated) return Error.Conflict("HONOUR_NOT_NOMINATED", T["Nomination.NotOpen", n.NomineeName]);
        var unitName = await db.OrgUnits.Where(x => x.Id == n.OrgUnitId).Select(x => x.Name).FirstOrDefaultAsync(ct) ?? "";
        var quota = await db.HonourQuotas.AsNoTracking().Where(q => q.CampaignId == c.Id && q.OrgUnitId == n.OrgUnitId && q.Kind == n.Kind).Select(q => q.Number).FirstOrDefaultAsync(ct);
        var approved = await db.HonourNominations.AsNoTracking().Where(x => x.CampaignId == c.Id && x.Kind == n.Kind && x.Status == HonourNominationStatus.Approved)
            .Select(x => x.OrgUnitId).ToListAsync(ct);
        var ofUnit = approved.Count(x => x == n.OrgUnitId);
        if (!HonourQuotaRules.HasRoom(quota, ofUnit))
            return Error.Rule("HONOUR_APPROVAL_QUOTA", T["Rule.ApproveFull", unitName, T["Kind." + n.Kind], quota, ofUnit], HonourQuotaRules.Article);
        if (!HonourQuotaRules.HasRoom(c.TotalOf(n.Kind), approved.Count))
            return Error.Rule("HONOUR_APPROVAL_TOTAL", T["Rule.ApproveTotal", T["Kind." + n.Kind], c.TotalOf(n.Kind)], HonourQuotaRules.Article);
        n.Status = HonourNominationStatus.Approved;
        n.ApprovedAt = clock.GetUtcNow();
        n.ApprovedBy = access.By;
        campaigns.Touch(c);
        if (await access.SaveAsync(ct) is { } conflict) return conflict;
        return ToDto(n, unitName, 0, 0, null);
    }

    /// <summary>A unit inside the campaign the caller manages assessment on.</summary>
    private async Task<Result<OrgUnit>> NominatingUnitAsync(HonourCampaign c, Guid? orgUnitId, CancellationToken ct)
    {
        if (orgUnitId is not { } id) return Error.Validation("orgUnitId", L["Validation.Required", "orgUnitId"]);
        var unit = await orgs.LoadAsync(id, Permission.ManageAssessment, ct);
        if (!unit.IsSuccess) return unit.Error!;
        if (!unit.Value!.Path.StartsWith(c.OrgPath, StringComparison.Ordinal)) return Error.Validation("orgUnitId", T["Nomination.UnitOutside"]);
        return unit.Value;
    }

    public static HonourNominationDto ToDto(HonourNomination n, string unitName, int yes, int no, bool? myVote) => new(n.Id, n.Kind.ToString(), n.NomineeId,
        n.NomineeName, n.OrgUnitId, unitName, n.Reason, n.Status.ToString(), n.NominatedAt, n.NominatedBy, yes, no, myVote);
}
