using System.ComponentModel.DataAnnotations;
using Dangjian.Web.Data;
using Dangjian.Web.Modules.Members;
using Dangjian.Web.Platform.Auth;
using Dangjian.Web.Platform.Clock;
using Dangjian.Web.Platform.Errors;
using Dangjian.Web.Platform.Input;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using Microsoft.Extensions.Options;

namespace Dangjian.Web.Modules.Development;

public sealed record OpenCaseRequest(Guid? MemberId, DateOnly? ApplicationDate, [MultiLine, MaxLength(400)] string? Note);

/// <summary>
/// 入党申请: opens a case for a person of the registry who is 群众 or 入党申请人, with step 1 recorded on the
/// application date; the person becomes 入党申请人. Refused under 18 on that date (第五条).
/// </summary>
public sealed class OpenCase(AppDbContext db, MemberAccess members, RecordStep steps, TimeProvider clock, IOptions<DevelopmentOptions> options,
    IStringLocalizer<SharedResource> L, IStringLocalizer<DevelopmentText> T, InputCheck inputCheck)
{
    public async Task<Result<DevelopmentCase>> HandleAsync(OpenCaseRequest r, CancellationToken ct)
    {
        if (inputCheck.Check(r) is { } badText) return badText;
        var invalid = new FieldErrors();
        if (r.MemberId is null) invalid.Add(Error.Validation("memberId", L["Validation.Required", "memberId"]));
        if (r.ApplicationDate is null) invalid.Add(Error.Validation("applicationDate", L["Validation.Required", "applicationDate"]));
        if (invalid.ToError() is { } validation) return validation;

        var loaded = await members.LoadAsync(r.MemberId!.Value, Permission.ManageMembers, ct, track: true);
        if (!loaded.IsSuccess) return loaded.Error!;
        var member = loaded.Value!;
        if (member.Category is not (MemberCategory.Masses or MemberCategory.Applicant) || member.Status != MembershipStatus.Normal)
            return Error.Conflict("DEV_NOT_APPLICANT", T["Dev.NotApplicant", L["Category." + member.Category]]);
        if (await db.DevelopmentCases.AnyAsync(c => c.MemberId == member.Id && c.Status != CaseStatus.Cancelled, ct))
            return Error.Conflict("DEV_CASE_EXISTS", T["Dev.CaseExists"]);

        var facts = new CaseFacts(member.BirthDate, r.ApplicationDate!.Value, CaseStatus.Open, [], null, null, 0);
        var verdict = DevelopmentRules.Check(new StepContext(1, r.ApplicationDate.Value, clock.Today(), new StepData { Note = r.Note }, facts, [], null), options.Value, T);
        if (verdict.Refusal is { } refusal) return refusal;

        var now = clock.GetUtcNow();
        var c = new DevelopmentCase
        {
            Id = Guid.CreateVersion7(now), MemberId = member.Id, OpenedInUnitId = member.OrgUnitId, Status = CaseStatus.Open,
            ApplicationDate = r.ApplicationDate.Value, CreatedAt = now,
        };
        db.DevelopmentCases.Add(c);
        steps.Append(c, member, 1, r.ApplicationDate.Value, new StepData { Note = r.Note }, verdict.Warnings);
        await db.SaveChangesAsync(ct);
        return c;
    }
}
