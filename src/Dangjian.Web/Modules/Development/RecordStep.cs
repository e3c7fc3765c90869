using Dangjian.Web.Data;
using Dangjian.Web.Modules.Members;
using Dangjian.Web.Modules.Members.Records;
using Dangjian.Web.Modules.Organizations;
using Dangjian.Web.Platform.Auth;
using Dangjian.Web.Platform.Clock;
using Dangjian.Web.Platform.Errors;
using Dangjian.Web.Platform.Input;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using Microsoft.Extensions.Options;

namespace Dangjian.Web.Modules.Development;

public sealed record RecordStepRequest : StepData
{
    public int? Step { get; init; }
    public DateOnly? Date { get; init; }
}

/// <summary>
/// Records one step of a case after <see cref="DevelopmentRules"/> agrees, updates the person's record where the step
/// changes it (积极分子, 发展对象, 预备党员 with 入党日期 = the resolution, 正式党员 with 转正日期 = the end of probation)
/// and appends the step to the ledger in the same transaction.
/// </summary>
public sealed class RecordStep(AppDbContext db, CaseAccess access, CurrentUser user, Platform.Ledger.Ledger ledger, TimeProvider clock,
    IOptions<DevelopmentOptions> options, Materials.CaseMaterials materials, Plans.DevelopmentPlans plans, IStringLocalizer<SharedResource> L, IStringLocalizer<DevelopmentText> T,
    InputCheck inputCheck)
{
    public async Task<Result<LoadedCase>> HandleAsync(Guid caseId, RecordStepRequest r, CancellationToken ct)
    {
        if (inputCheck.Check(r) is { } badText) return badText;
        var loaded = await access.LoadAsync(caseId, Permission.ManageMembers, ct, track: true);
        if (!loaded.IsSuccess) return loaded.Error!;
        var invalid = new FieldErrors();
        if (r.Step is null) invalid.Add(Error.Validation("step", L["Validation.Required", "step"]));
        if (r.Date is null) invalid.Add(Error.Validation("date", L["Validation.Required", "date"]));
        if (invalid.ToError() is { } validation) return validation;

        var (c, member) = (loaded.Value!.Case, loaded.Value.Member);
        var step = r.Step!.Value;
        var date = r.Date!.Value;
        var data = Data(r);
        if (step == 1) return Error.Conflict("DEV_ALREADY_OPEN", T["Dev.StepOneIsTheCase"]);
        // The step just recorded, on the same date, is the same request again (a double click, a retry), not a second
        // step, even where a step may follow itself (考察): 409. Sent together with the first, the case's version refuses it.
        if (loaded.Value.Facts.Last is { } last && last.Step == step && last.Date == date)
        {
            return Error.Conflict("DEV_STEP_RECORDED",
                T["Dev.StepAlreadyRecorded", T["Dev.Rule.StepLabel", step, T["DevStep." + step]], T["Dev.Rule.Date", date]]);
        }

        // Steps 17 and 24 are decided by a 党委: by default the nearest one above the person's unit.
        OrgUnit? approver = null;
        if (step is 17 or 24)
        {
            approver = data.ApproverUnitId is { } approverId
                ? await db.OrgUnits.AsNoTracking().FirstOrDefaultAsync(u => u.Id == approverId, ct)
                : await NearestCommitteeAsync(member.OrgPath, ct);
            if (approver is null || !user.Can(Permission.ManageMembers, approver.Path)) return Error.Validation("approverUnitId", T["Dev.ApproverUnknown"]);
            data = data with { ApproverUnitId = approver.Id };
        }

        var people = await PeopleAsync([.. data.MentorIds ?? [], .. data.SponsorIds ?? []], date, ct);
        var verdict = DevelopmentRules.Check(new StepContext(step, date, clock.Today(), data, loaded.Value!.Facts, people, approver?.Kind), options.Value, T);
        if (verdict.Refusal is { } refusal) return refusal;
        var warnings = verdict.Warnings.ToList();
        if (step == 17)
        {
            // Admission against the year's plan of the person's unit and every unit above it.
            var (overQuota, quotaWarning) = Plans.QuotaRules.CheckAdmission(await plans.QuotasAboveAsync(member, date, ct), data.QuotaReason, T);
            if (overQuota is not null) return overQuota;
            if (quotaWarning is not null) warnings.Add(quotaWarning);
        }
        if (options.Value.EnforceMaterials
            && Materials.MaterialChecklist.Missing(step, await materials.PresentAsync(caseId, step, ct)) is { Count: > 0 } missing)
        {
            return Error.Rule("DEV_MATERIAL_MISSING",
                T["Dev.MaterialsMissing", T.StepLabel(step), string.Join(T["Dev.ListSeparator"], missing.Select(m => Materials.MaterialChecklist.MaterialName(T, m.Code)))], Materials.MaterialChecklist.Article);
        }

        // A step under 四级联审 takes effect on the person's record when the last level signs.
        if (!loaded.Value.ReviewSteps.Contains(step)) StepEffects.Apply(c, member, step, date, data, options.Value, clock.GetUtcNow());
        Append(c, member, step, date, data, warnings);
        await db.SaveChangesAsync(ct);
        return (await access.LoadAsync(caseId, Permission.ViewMembers, ct)).Value!;
    }

    /// <summary>Stages the step row and its ledger entry; the caller saves.</summary>
    internal void Append(DevelopmentCase c, Member member, int step, DateOnly date, StepData data, IReadOnlyList<string> warnings)
    {
        var now = clock.GetUtcNow();
        var record = new DevelopmentStepRecord
        {
            Id = Guid.CreateVersion7(now), CaseId = c.Id, Step = step, Date = date, Data = CaseAccess.Write(data),
            Warnings = warnings.Count == 0 ? null : string.Join("\n", warnings), RecordedAt = now,
            RecordedBy = Trim(string.IsNullOrEmpty(user.DisplayName) ? user.UserName : user.DisplayName),
        };
        db.DevelopmentSteps.Add(record);
        ledger.Append(StepProof.Kind, c.Id.ToString(), StepProof.Of(record));
        c.LastStep = step;
        c.LastStepOn = date;
        c.UpdatedAt = now;
        c.Version++;
        if (step == 1)
        {
            member.Category = MemberCategory.Applicant;
            member.AppliedOn = date;
        }
    }

    private async Task<OrgUnit?> NearestCommitteeAsync(string path, CancellationToken ct)
    {
        var ancestors = GetOrgUnit.AncestorPaths(path);
        return await db.OrgUnits.AsNoTracking().Where(u => ancestors.Contains(u.Path) && u.Kind == OrgUnitKind.PartyCommittee)
            .OrderByDescending(u => u.Depth).FirstOrDefaultAsync(ct);
    }

    /// <summary>Mentors and sponsors as the registry knows them on the step's date, with any 留党察看 then in force.</summary>
    private async Task<List<PersonFacts>> PeopleAsync(List<Guid> ids, DateOnly date, CancellationToken ct)
    {
        if (ids.Count == 0) return [];
        var people = await db.Members.AsNoTracking().Where(m => ids.Contains(m.Id))
            .Select(m => new { m.Id, m.Name, m.Category, m.Status, m.OrgPath }).ToListAsync(ct);
        var punished = await MemberSanctions.UnderPartyProbationAsync(db, ids, date, ct);
        // Only people the caller may see are named; anyone else counts as unknown.
        return people.Where(p => user.Can(Permission.ViewMembers, p.OrgPath))
            .Select(p => new PersonFacts(p.Id, p.Name, p.Category == MemberCategory.Full, p.Status == MembershipStatus.Normal, punished.Contains(p.Id)))
            .ToList();
    }

    private static StepData Data(RecordStepRequest r) => new()
    {
        Talker = Clean(r.Talker), Method = Clean(r.Method), Note = Clean(r.Note), MentorIds = r.MentorIds, SponsorIds = r.SponsorIds,
        VettingPassed = r.VettingPassed, TrainingDays = r.TrainingDays, TrainingHours = r.TrainingHours, NoticeFrom = r.NoticeFrom, NoticeTo = r.NoticeTo,
        LeavingWithinThreeMonths = r.LeavingWithinThreeMonths, VotersEntitled = r.VotersEntitled, VotersPresent = r.VotersPresent, VotesYes = r.VotesYes,
        CandidatesInVote = r.CandidatesInVote, ApproverUnitId = r.ApproverUnitId, DelayReason = Clean(r.DelayReason), QuotaReason = Clean(r.QuotaReason),
        Outcome = Clean(r.Outcome),
        ExtendMonths = r.ExtendMonths,
    };

    private static string? Clean(string? s) => string.IsNullOrWhiteSpace(s) ? null : s.Trim().Length > 400 ? s.Trim()[..400] : s.Trim();

    private static string Trim(string s) => s.Length > 100 ? s[..100] : s;
}
