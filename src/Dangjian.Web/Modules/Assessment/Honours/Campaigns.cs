using System.ComponentModel.DataAnnotations;
using Dangjian.Web.Data;
using Dangjian.Web.Modules.Members;
using Dangjian.Web.Modules.Organizations;
using Dangjian.Web.Platform.Auth;
using Dangjian.Web.Platform.Clock;
using Dangjian.Web.Platform.Errors;
using Dangjian.Web.Platform.Input;
using Dangjian.Web.Platform.Ledger;
using Dangjian.Web.Platform.Paging;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using Microsoft.Extensions.Options;

namespace Dangjian.Web.Modules.Assessment.Honours;

public sealed record CreateHonourCampaignRequest(Guid? OrgUnitId, int? Year, [MaxLength(200)] string? Title, int? ExcellentMembers, int? ExcellentWorkers,
    int? AdvancedOrganisations, DateOnly? NominationOpensOn, DateOnly? NominationClosesOn, DateOnly? VoteClosesOn, DateOnly? NoticeStartsOn,
    DateOnly? NoticeEndsOn, DateOnly? AwardOn);

public sealed record SetHonourQuotaRequest(Guid? OrgUnitId, [MaxLength(40)] string? Kind, int? Number);

public sealed record AdvanceHonourCampaignRequest([MaxLength(40)] string? To);

public sealed record HonourCampaignDto(Guid Id, Guid OrgUnitId, string UnitName, int Year, string Title, int ExcellentMembers, int ExcellentWorkers,
    int AdvancedOrganisations, DateOnly NominationOpensOn, DateOnly NominationClosesOn, DateOnly VoteClosesOn, DateOnly NoticeStartsOn, DateOnly NoticeEndsOn,
    DateOnly AwardOn, string Status);

public sealed record HonourUnitChoice(Guid Id, string Name);

public sealed record HonourQuotaDto(Guid Id, Guid OrgUnitId, string UnitName, string Kind, int Number, int Nominated, int Approved);

/// <summary>
/// Campaigns: created by a unit for a year with its totals and dates, quotas for the units below it, and the move from
/// phase to phase (docs/rules/points-and-assessment.md#pa-17), the award writing each honour and its ledger entry.
/// </summary>
public sealed class Campaigns(AppDbContext db, OrgAccess orgs, HonoursAccess access, TimeProvider clock, Ledger ledger, IOptions<HonoursOptions> options,
    IStringLocalizer<SharedResource> L, IStringLocalizer<HonoursText> T, InputCheck inputCheck)
{
    public async Task<Result<HonourCampaignDto>> CreateAsync(CreateHonourCampaignRequest r, CancellationToken ct)
    {
        if (inputCheck.Check(r) is { } badText) return badText;
        if (r.OrgUnitId is not { } unitId) return Error.Validation("orgUnitId", L["Validation.Required", "orgUnitId"]);
        var unit = await orgs.LoadAsync(unitId, Permission.ManageAssessment, ct);
        if (!unit.IsSuccess) return unit.Error!;
        var title = r.Title?.Trim();
        if (string.IsNullOrEmpty(title)) return Error.Validation("title", L["Validation.Required", "title"]);
        if (r.Year is not (>= 2000 and <= 2100)) return Error.Validation("year", T["Campaign.YearRange"]);
        var totals = new[] { r.ExcellentMembers ?? 0, r.ExcellentWorkers ?? 0, r.AdvancedOrganisations ?? 0 };
        if (totals.Any(t => t is < 0 or > 10000)) return Error.Validation("excellentMembers", T["Campaign.TotalRange"]);
        if (totals.Sum() == 0) return Error.Validation("excellentMembers", T["Campaign.NoKind"]);
        if (r.NominationOpensOn is not { } opens || r.NominationClosesOn is not { } closes || r.VoteClosesOn is not { } vote
            || r.NoticeStartsOn is not { } noticeStarts || r.NoticeEndsOn is not { } noticeEnds || r.AwardOn is not { } award)
            return Error.Validation("nominationOpensOn", T["Campaign.DatesRequired"]);
        if (!HonourPhaseRules.InOrder(opens, closes, vote, noticeStarts, noticeEnds, award))
            return Error.Rule("HONOUR_DATES", T["Rule.DatesOrder"], HonourPhaseRules.Article);
        var days = HonourPhaseRules.WorkingDays(noticeStarts, noticeEnds);
        var least = options.Value.NoticeWorkingDays;
        if (days < least) return Error.Rule("HONOUR_NOTICE_SHORT", T["Rule.NoticeShort", least, days], HonourPhaseRules.NoticeArticle);
        var now = clock.GetUtcNow();
        var c = new HonourCampaign
        {
            Id = Guid.CreateVersion7(now), OrgUnitId = unitId, OrgPath = unit.Value!.Path, Year = r.Year.Value, Title = title,
            ExcellentMembers = totals[0], ExcellentWorkers = totals[1], AdvancedOrganisations = totals[2], NominationOpensOn = opens,
            NominationClosesOn = closes, VoteClosesOn = vote, NoticeStartsOn = noticeStarts, NoticeEndsOn = noticeEnds, AwardOn = award,
            Status = HonourCampaignStatus.Nomination, CreatedAt = now, CreatedBy = access.By,
        };
        db.HonourCampaigns.Add(c);
        await db.SaveChangesAsync(ct);
        return ToDto(c, unit.Value.Name);
    }

    /// <summary>
    /// The campaigns a unit (ManageAssessment on it) runs or nominates for: its own and those below it, and those of the
    /// units above it (where it holds a quota); newest year first.
    /// </summary>
    public async Task<Result<Page<HonourCampaignDto>>> ListAsync(Guid? orgUnitId, PageRequest page, CancellationToken ct)
    {
        if (orgUnitId is not { } unitId) return Error.Validation("orgUnitId", L["Validation.Required", "orgUnitId"]);
        var unit = await orgs.LoadAsync(unitId, Permission.ManageAssessment, ct);
        if (!unit.IsSuccess) return unit.Error!;
        var path = unit.Value!.Path;
        var above = GetOrgUnit.AncestorPaths(path);
        var upper = OrgPaths.UpperBound(path);
        var q = db.HonourCampaigns.AsNoTracking()
            .Where(c => above.Contains(c.OrgPath) || (string.Compare(c.OrgPath, path) >= 0 && string.Compare(c.OrgPath, upper) < 0));
        var total = await q.CountAsync(ct);
        var rows = await q.OrderByDescending(c => c.Year).ThenByDescending(c => c.CreatedAt).Skip(page.Skip).Take(page.PageSize).ToListAsync(ct);
        var names = await UnitNamesAsync(rows.Select(c => c.OrgUnitId), ct);
        return new Page<HonourCampaignDto>(rows.Select(c => ToDto(c, names.GetValueOrDefault(c.OrgUnitId, ""))).ToList(), page.Page, page.PageSize, total);
    }

    /// <summary>Sets (or changes) a unit's quota of a kind, within the campaign's total (docs/rules/points-and-assessment.md#pa-18).</summary>
    public async Task<Result<HonourQuotaDto>> SetQuotaAsync(Guid campaignId, SetHonourQuotaRequest r, CancellationToken ct)
    {
        if (inputCheck.Check(r) is { } badText) return badText;
        var loaded = await access.LoadToRunAsync(campaignId, ct);
        if (!loaded.IsSuccess) return loaded.Error!;
        var c = loaded.Value!;
        if (access.InPhase(c, HonourAction.SetQuota) is { } phase) return phase;
        if (r.OrgUnitId is not { } unitId) return Error.Validation("orgUnitId", L["Validation.Required", "orgUnitId"]);
        if (ParseKind(r.Kind) is not { } kind) return Error.Validation("kind", L["Validation.OneOf", "kind", string.Join(", ", Enum.GetNames<HonourKind>())]);
        if (r.Number is not { } number || number < 0) return Error.Validation("number", T["Quota.NumberRange"]);
        var unit = await db.OrgUnits.AsNoTracking().FirstOrDefaultAsync(u => u.Id == unitId && u.DissolvedAt == null, ct);
        if (unit is null || !access.User.Can(Permission.ViewOrg, unit.Path)) return Error.NotFound(T["Unit.NotFound"]);
        if (unit.Path == c.OrgPath || !unit.Path.StartsWith(c.OrgPath, StringComparison.Ordinal))
            return Error.Validation("orgUnitId", T["Quota.NotBelow"]);
        var total = c.TotalOf(kind);
        if (total == 0) return Error.Validation("kind", T["Kind.NotInCampaign", T["Kind." + kind]]);
        var others = await db.HonourQuotas.Where(q => q.CampaignId == c.Id && q.Kind == kind && q.OrgUnitId != unitId).SumAsync(q => q.Number, ct);
        if (!HonourQuotaRules.QuotaFits(total, others, number))
            return Error.Rule("HONOUR_QUOTA_TOTAL", T["Rule.QuotaTotal", T["Kind." + kind], total, others, number], HonourQuotaRules.Article);
        var quota = await db.HonourQuotas.FirstOrDefaultAsync(q => q.CampaignId == c.Id && q.OrgUnitId == unitId && q.Kind == kind, ct);
        var used = await db.HonourNominations.CountAsync(n => n.CampaignId == c.Id && n.OrgUnitId == unitId && n.Kind == kind
                                                              && n.Status != HonourNominationStatus.Withdrawn, ct);
        if (number < used) return Error.Rule("HONOUR_QUOTA_USED", T["Rule.QuotaBelowUsed", unit.Name, used], HonourQuotaRules.Article);
        if (quota is null)
        {
            quota = new HonourQuota { Id = Guid.CreateVersion7(clock.GetUtcNow()), CampaignId = c.Id, OrgUnitId = unitId, OrgPath = unit.Path, Kind = kind, Number = number };
            db.HonourQuotas.Add(quota);
        }
        else quota.Number = number;
        Touch(c);
        await db.SaveChangesAsync(ct);
        return new HonourQuotaDto(quota.Id, unitId, unit.Name, kind.ToString(), number, used, 0);
    }

    /// <summary>
    /// Moves the campaign to its next phase when the rule allows (docs/rules/points-and-assessment.md#pa-17). The notice
    /// starts the day it is published and runs at least its working days (docs/rules/points-and-assessment.md#pa-18); the award writes every approved nominee's
    /// honour and appends each to the ledger, in one save.
    /// </summary>
    public async Task<Result<HonourCampaignDto>> AdvanceAsync(Guid campaignId, AdvanceHonourCampaignRequest r, CancellationToken ct)
    {
        if (inputCheck.Check(r) is { } badText) return badText;
        var loaded = await access.LoadToRunAsync(campaignId, ct);
        if (!loaded.IsSuccess) return loaded.Error!;
        var c = loaded.Value!;
        if (!Enum.TryParse<HonourCampaignStatus>(r.To, out var to) || !Enum.IsDefined(to) || r.To!.Any(char.IsDigit))
            return Error.Validation("to", L["Validation.OneOf", "to", string.Join(", ", Enum.GetNames<HonourCampaignStatus>())]);
        var counts = await db.HonourNominations.AsNoTracking().Where(n => n.CampaignId == c.Id).GroupBy(n => n.Status)
            .Select(g => new { g.Key, N = g.Count() }).ToListAsync(ct);
        var pending = await db.HonourObjections.CountAsync(o => o.CampaignId == c.Id && o.Outcome == HonourObjectionOutcome.Pending, ct);
        var today = clock.Today();
        var facts = new HonourPhaseRules.Facts(counts.Where(x => x.Key != HonourNominationStatus.Withdrawn).Sum(x => x.N),
            counts.Where(x => x.Key == HonourNominationStatus.Approved).Sum(x => x.N), pending, today, c.NoticeEndsOn);
        var refusal = HonourPhaseRules.Check(c.Status, to, facts);
        if (refusal != HonourPhaseRules.Refusal.None)
        {
            var message = refusal switch
            {
                HonourPhaseRules.Refusal.NotNext => T["Rule.NotNext", T["Status." + c.Status], T["Status." + to]],
                HonourPhaseRules.Refusal.NoticeRunning => T["Rule.NoticeRunning", ChinaTime.Format(c.NoticeEndsOn)],
                HonourPhaseRules.Refusal.ObjectionsPending => T["Rule.ObjectionsPending", pending],
                _ => T["Rule." + refusal],
            };
            return Error.Rule("HONOUR_" + refusal.ToString().ToUpperInvariant(), message, HonourPhaseRules.ArticleOf(refusal));
        }
        var now = clock.GetUtcNow();
        if (to == HonourCampaignStatus.Notice)
        {
            // Posted today, whatever was planned: it runs to the planned end, or longer when that leaves too few working days.
            c.NoticeEndsOn = HonourPhaseRules.NoticeEnd(today, c.NoticeEndsOn, options.Value.NoticeWorkingDays);
            c.NoticeStartsOn = today;
            if (c.AwardOn <= c.NoticeEndsOn) c.AwardOn = c.NoticeEndsOn.AddDays(1);
        }
        if (to == HonourCampaignStatus.Awarded)
        {
            var approved = await db.HonourNominations.Where(n => n.CampaignId == c.Id && n.Status == HonourNominationStatus.Approved).ToListAsync(ct);
            var memberIds = approved.Where(n => n.Kind != HonourKind.AdvancedOrganisation).Select(n => n.NomineeId).ToList();
            var memberUnits = await db.Members.AsNoTracking().Where(m => memberIds.Contains(m.Id)).ToDictionaryAsync(m => m.Id, m => m.OrgUnitId, ct);
            foreach (var n in approved)
            {
                n.Status = HonourNominationStatus.Awarded;
                var award = new HonourAward
                {
                    Id = Guid.CreateVersion7(now), CampaignId = c.Id, NominationId = n.Id, Kind = n.Kind, NomineeId = n.NomineeId, NomineeName = n.NomineeName,
                    OrgPath = n.NomineePath, OrgUnitId = n.Kind == HonourKind.AdvancedOrganisation ? n.NomineeId : memberUnits.GetValueOrDefault(n.NomineeId, n.OrgUnitId),
                    Year = c.Year, CampaignTitle = c.Title, AwardedOn = today, AwardedAt = now,
                };
                db.HonourAwards.Add(award);
                ledger.Append("honour.awarded", award.Id.ToString(), new
                {
                    campaign = c.Id, nomination = n.Id, kind = n.Kind.ToString(), nominee = n.NomineeId, name = n.NomineeName, year = c.Year,
                    awardedOn = today.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture),
                });
            }
        }
        c.Status = to;
        Touch(c);
        await db.SaveChangesAsync(ct);
        var name = await db.OrgUnits.Where(u => u.Id == c.OrgUnitId).Select(u => u.Name).FirstOrDefaultAsync(ct) ?? "";
        return ToDto(c, name);
    }

    /// <summary>The units below the campaign's unit that may receive a quota (for the quota form of those who run it).</summary>
    public async Task<Result<IReadOnlyList<HonourUnitChoice>>> UnitsBelowAsync(Guid campaignId, CancellationToken ct)
    {
        var loaded = await access.LoadAsync(campaignId, ct);
        if (!loaded.IsSuccess) return loaded.Error!;
        var c = loaded.Value!;
        if (!access.Runs(c)) return Error.Forbidden(T["Campaign.NotYours"]);
        var rows = await db.OrgUnits.AsNoTracking().InSubtree(c.OrgPath).Where(u => u.Id != c.OrgUnitId && u.DissolvedAt == null).OrderBy(u => u.Path).Take(500)
            .Select(u => new HonourUnitChoice(u.Id, u.Name)).ToListAsync(ct);
        return rows;
    }

    /// <summary>The units the caller may start a campaign for (ManageAssessment), highest first.</summary>
    public async Task<IReadOnlyList<HonourUnitChoice>> UnitsToRunAsync(CancellationToken ct)
    {
        var ids = access.User.Roles.Where(r => r.Role.Grants(Permission.ManageAssessment)).OrderBy(r => r.OrgPath.Length).Select(r => r.OrgUnitId).Distinct().ToList();
        var names = await UnitNamesAsync(ids, ct);
        return ids.Where(names.ContainsKey).Select(id => new HonourUnitChoice(id, names[id])).ToList();
    }

    /// <summary>Every write that counts against a quota or changes the phase goes through the campaign's token.</summary>
    public void Touch(HonourCampaign c)
    {
        c.Version++;
        c.UpdatedAt = clock.GetUtcNow();
    }

    public static HonourKind? ParseKind(string? text) =>
        text is not null && !text.Any(char.IsDigit) && Enum.TryParse<HonourKind>(text, out var k) && Enum.IsDefined(k) ? k : null;

    public async Task<Dictionary<Guid, string>> UnitNamesAsync(IEnumerable<Guid> ids, CancellationToken ct)
    {
        var list = ids.Distinct().ToList();
        return list.Count == 0 ? [] : await db.OrgUnits.AsNoTracking().Where(u => list.Contains(u.Id)).ToDictionaryAsync(u => u.Id, u => u.Name, ct);
    }

    public static HonourCampaignDto ToDto(HonourCampaign c, string unitName) => new(c.Id, c.OrgUnitId, unitName, c.Year, c.Title, c.ExcellentMembers,
        c.ExcellentWorkers, c.AdvancedOrganisations, c.NominationOpensOn, c.NominationClosesOn, c.VoteClosesOn, c.NoticeStartsOn, c.NoticeEndsOn, c.AwardOn,
        c.Status.ToString());
}
