using System.ComponentModel.DataAnnotations;
using Dangjian.Web.Data;
using Dangjian.Web.Modules.Organizations;
using Dangjian.Web.Platform.Auth;
using Dangjian.Web.Platform.Errors;
using Dangjian.Web.Platform.Input;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;

namespace Dangjian.Web.Modules.Meetings;

public sealed record PreApprovalDecision(string? Decision, [MultiLine, MaxLength(400)] string? Reason);

/// <summary>预审报备: the unit submits a meeting's plan; the organisation above approves it or returns it with a reason.</summary>
public sealed class DecidePreApproval(AppDbContext db, GetMeeting meetings, CurrentUser user, TimeProvider clock, IStringLocalizer<SharedResource> L, IStringLocalizer<MeetingsText> T,
    InputCheck inputCheck)
{
    public async Task<Result<Meeting>> SubmitAsync(Guid id, CancellationToken ct)
    {
        var m = await LoadAsync(id, ct);
        if (!m.IsSuccess) return m.Error!;
        var meeting = m.Value!;
        if (meeting.HostUserId != user.UserId && !user.Can(Permission.ManageMeetings, meeting.OrgPath)) return Error.Forbidden(L["Auth.Forbidden"]);
        if (PreApprovalRules.CanSubmit(meeting.PreApproval, T) is { } refusal) return refusal with { Article = PreApprovalRules.Article };
        meeting.PreApproval = PreApproval.Submitted;
        meeting.SubmittedAt = clock.GetUtcNow();
        meeting.UpdatedAt = meeting.SubmittedAt;
        await db.SaveChangesAsync(ct);
        return meeting;
    }

    public async Task<Result<Meeting>> DecideAsync(Guid id, PreApprovalDecision r, CancellationToken ct)
    {
        if (inputCheck.Check(r) is { } badText) return badText;
        var m = await LoadAsync(id, ct);
        if (!m.IsSuccess) return m.Error!;
        var meeting = m.Value!;
        // The organisation above decides: a role on the unit's parent (or higher), not on the unit itself.
        var parentPath = GetOrgUnit.AncestorPaths(meeting.OrgPath).LastOrDefault();
        if (parentPath is null || !user.Can(Permission.ManageMeetings, parentPath)) return Error.Forbidden(T["Meeting.DecidedAbove"]);
        if (r.Decision is not ("Approved" or "Returned")) return Error.Validation("decision", L["Validation.OneOf", "decision", "Approved|Returned"]);
        var returned = r.Decision == "Returned";
        if (PreApprovalRules.CanDecide(meeting.PreApproval, returned, r.Reason, T) is { } refusal) return refusal;
        var now = clock.GetUtcNow();
        meeting.PreApproval = returned ? PreApproval.Returned : PreApproval.Approved;
        meeting.ReturnReason = returned ? r.Reason!.Trim()[..Math.Min(400, r.Reason.Trim().Length)] : null;
        meeting.DecidedAt = now;
        meeting.DecidedBy = Trim(string.IsNullOrEmpty(user.DisplayName) ? user.UserName : user.DisplayName);
        meeting.UpdatedAt = now;
        await db.SaveChangesAsync(ct);
        return meeting;
    }

    private async Task<Result<Meeting>> LoadAsync(Guid id, CancellationToken ct)
    {
        var visible = await meetings.LoadAsync(id, ct);
        if (!visible.IsSuccess) return visible.Error!;
        return await db.Meetings.FirstAsync(x => x.Id == id, ct);
    }

    private static string Trim(string s) => s.Length > 100 ? s[..100] : s;
}
