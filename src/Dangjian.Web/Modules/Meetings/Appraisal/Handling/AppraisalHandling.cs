using System.ComponentModel.DataAnnotations;
using Dangjian.Web.Data;
using Dangjian.Web.Modules.Organizations;
using Dangjian.Web.Platform.Auth;
using Dangjian.Web.Platform.Errors;
using Dangjian.Web.Platform.Input;
using Dangjian.Web.Platform.Paging;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;

namespace Dangjian.Web.Modules.Meetings.Appraisal.Handling;

public sealed record HandlingStepRequest(string? Step, DateOnly? On, DateOnly? Deadline, [MaxLength(100)] string? DecidedBy, [MultiLine, MaxLength(1000)] string? Note);

public sealed record AppraisalCaseStepDto(HandlingStep Step, DateOnly On, DateOnly? Deadline, string DecidedBy, string? Note, string RecordedBy);

/// <summary>A handling case with its steps and the steps that may come next (docs/rules/organisation.md#o-22).</summary>
public sealed record AppraisalCaseDto(Guid Id, Guid MeetingId, Guid MemberId, string MemberName, int Year, HandlingStep? Stage, DateOnly? Deadline,
    bool Closed, IReadOnlyList<HandlingStep> Next, IReadOnlyList<AppraisalCaseStepDto> Steps);

/// <summary>
/// The handling of members appraised 不合格: the cases of a meeting (on the appraisal page), the cases of a branch, and
/// each step recorded in the order of docs/rules/organisation.md#o-22 by the branch's organisers, appended to the ledger.
/// </summary>
public sealed class AppraisalHandling(AppDbContext db, OrgAccess access, CurrentUser user, TimeProvider clock, Platform.Ledger.Ledger ledger,
    IStringLocalizer<SharedResource> L, IStringLocalizer<MeetingsText> T, InputCheck inputCheck)
{
    public async Task<Result<AppraisalCaseDto>> RecordStepAsync(Guid caseId, HandlingStepRequest r, CancellationToken ct)
    {
        if (inputCheck.Check(r) is { } badText) return badText;
        var c = await db.AppraisalCases.Include(x => x.Steps).FirstOrDefaultAsync(x => x.Id == caseId, ct);
        if (c is null || !user.Can(Permission.ViewOrg, c.OrgPath)) return Error.NotFound(T["Appraisal.CaseNotFound"]);
        if (!user.Can(Permission.ManageMeetings, c.OrgPath)) return Error.Forbidden(L["Auth.Forbidden"]);
        var invalid = new FieldErrors();
        if (!Enum.TryParse<HandlingStep>(r.Step, out var step) || !Enum.IsDefined(step))
            invalid.Add(Error.Validation("step", L["Validation.OneOf", "step", string.Join("|", Enum.GetNames<HandlingStep>())]));
        if (r.On is null) invalid.Add(Error.Validation("on", L["Validation.Required", "on"]));
        var decidedBy = r.DecidedBy?.Trim();
        if (string.IsNullOrEmpty(decidedBy)) invalid.Add(Error.Validation("decidedBy", L["Validation.Required", "decidedBy"]));
        if (invalid.ToError() is { } bad) return bad;
        var on = r.On!.Value;
        switch (AppraisalHandlingRules.Check(c.Stage, c.LastStepOn, c.Deadline, step, on, r.Deadline))
        {
            case HandlingVerdict.OutOfOrder:
                return Error.Rule("APPRAISAL_STEP_ORDER", T["Appraisal.StepOutOfOrder", T["HandlingStep." + step],
                    c.Stage is { } s ? T["HandlingStep." + s] : T["Appraisal.CaseOpen"]], AppraisalHandlingRules.Article);
            case HandlingVerdict.BeforeDeadline:
                return Error.Rule("APPRAISAL_STEP_DEADLINE", T["Appraisal.StepBeforeDeadline", c.Deadline!.Value.ToString("yyyy-MM-dd")], AppraisalHandlingRules.Article);
            case HandlingVerdict.BeforePrevious:
                return Error.Validation("on", T["Appraisal.StepBeforePrevious", c.LastStepOn!.Value.ToString("yyyy-MM-dd")]);
            case HandlingVerdict.DeadlineRequired:
                return Error.Validation("deadline", T["Appraisal.DeadlineRequired"]);
        }
        var now = clock.GetUtcNow();
        var by = string.IsNullOrEmpty(user.DisplayName) ? user.UserName : user.DisplayName;
        var row = new AppraisalCaseStep
        {
            Id = Guid.CreateVersion7(now), CaseId = c.Id, OrgUnitId = c.OrgUnitId, Step = step, On = on,
            Deadline = step == HandlingStep.CorrectionOrdered ? r.Deadline : null, DecidedBy = decidedBy!,
            Note = string.IsNullOrWhiteSpace(r.Note) ? null : r.Note.Trim(), RecordedBy = by.Length > 100 ? by[..100] : by, RecordedAt = now,
        };
        db.AppraisalCaseSteps.Add(row);
        c.Stage = step;
        c.LastStepOn = on;
        if (step == HandlingStep.CorrectionOrdered) c.Deadline = r.Deadline;
        ledger.Append("appraisal.handling", c.Id.ToString(), new { memberId = c.MemberId, meetingId = c.MeetingId, step = step.ToString(), on, deadline = row.Deadline, decidedBy });
        await db.SaveChangesAsync(ct);
        return (await CasesAsync(db, db.AppraisalCases.Where(x => x.Id == c.Id), ct)).Single();
    }

    /// <summary>The cases of a branch (its subtree), open ones first, then the newest.</summary>
    public async Task<Result<Page<AppraisalCaseDto>>> ListAsync(Guid orgUnitId, PageRequest page, CancellationToken ct)
    {
        var unit = await access.LoadAsync(orgUnitId, Permission.ManageMeetings, ct);
        if (!unit.IsSuccess) return unit.Error!;
        var q = db.AppraisalCases.AsNoTracking().UnderPath(unit.Value!.Path);
        var total = await q.CountAsync(ct);
        var ids = await q.OrderBy(c => c.Stage == HandlingStep.Corrected || c.Stage == HandlingStep.Withdrew || c.Stage == HandlingStep.Removed)
            .ThenByDescending(c => c.Year).ThenByDescending(c => c.OpenedAt).Skip(page.Skip).Take(page.PageSize).Select(c => c.Id).ToListAsync(ct);
        var rows = await CasesAsync(db, db.AppraisalCases.Where(c => ids.Contains(c.Id)), ct);
        return new Page<AppraisalCaseDto>(ids.Select(id => rows.Single(r => r.Id == id)).ToList(), page.Page, page.PageSize, total);
    }

    /// <summary>The cases of one appraisal: all of them, or only the caller's own (<paramref name="onlyOfUser"/>) for a member who does not run it.</summary>
    public static async Task<IReadOnlyList<AppraisalCaseDto>> CasesOfMeetingAsync(AppDbContext db, Guid meetingId, Guid? onlyOfUser, CancellationToken ct)
    {
        var q = db.AppraisalCases.Where(c => c.MeetingId == meetingId);
        if (onlyOfUser is { } userId) q = q.Where(c => db.Set<Members.Member>().Any(m => m.Id == c.MemberId && m.UserId == userId));
        return await CasesAsync(db, q, ct);
    }

    private static async Task<List<AppraisalCaseDto>> CasesAsync(AppDbContext db, IQueryable<AppraisalCase> q, CancellationToken ct)
    {
        var cases = await q.AsNoTracking().Include(c => c.Steps).ToListAsync(ct);
        var memberIds = cases.Select(c => c.MemberId).ToList();
        var names = await db.Set<Members.Member>().AsNoTracking().Where(m => memberIds.Contains(m.Id)).ToDictionaryAsync(m => m.Id, m => m.Name, ct);
        return cases.OrderBy(c => names.GetValueOrDefault(c.MemberId, "")).Select(c => new AppraisalCaseDto(c.Id, c.MeetingId, c.MemberId,
            names.GetValueOrDefault(c.MemberId, ""), c.Year, c.Stage, c.Deadline, AppraisalHandlingRules.IsFinal(c.Stage), AppraisalHandlingRules.Next(c.Stage),
            c.Steps.OrderBy(s => s.On).ThenBy(s => s.Step).Select(s => new AppraisalCaseStepDto(s.Step, s.On, s.Deadline, s.DecidedBy, s.Note, s.RecordedBy)).ToList())).ToList();
    }
}
