using System.ComponentModel.DataAnnotations;
using Dangjian.Web.Data;
using Dangjian.Web.Platform.Auth;
using Dangjian.Web.Platform.Errors;
using Dangjian.Web.Platform.Input;
using Microsoft.Extensions.Localization;

namespace Dangjian.Web.Modules.Development.Review;

public sealed record SignReviewRequest(string? Decision, [MultiLine, MaxLength(400)] string? Reason);

/// <summary>
/// The next level of 四级联审 signs the step awaiting review, or returns it with a reason; a returned step no longer
/// counts and is recorded again after it is put right. Each sign-off is appended to the ledger.
/// </summary>
public sealed class SignReview(AppDbContext db, CaseAccess access, CurrentUser user, Platform.Ledger.Ledger ledger, TimeProvider clock,
    Microsoft.Extensions.Options.IOptions<DevelopmentOptions> options, IStringLocalizer<SharedResource> L, IStringLocalizer<DevelopmentText> T,
    InputCheck inputCheck)
{
    public async Task<Result<LoadedCase>> HandleAsync(Guid caseId, SignReviewRequest r, CancellationToken ct)
    {
        if (inputCheck.Check(r) is { } badText) return badText;
        var loaded = await access.LoadAsync(caseId, Permission.ViewMembers, ct, track: true);
        if (!loaded.IsSuccess) return loaded.Error!;
        var l = loaded.Value!;
        if (!Enum.TryParse<ReviewDecision>(r.Decision, out var decision) || !Enum.IsDefined(decision))
            return Error.Validation("decision", T["Dev.Review.Decision"]);
        var reason = string.IsNullOrWhiteSpace(r.Reason) ? null : r.Reason.Trim();
        if (decision == ReviewDecision.Returned && reason is null) return Error.Validation("reason", T["Dev.Review.ReasonRequired"]);
        if (reason is { Length: > 400 }) return Error.Validation("reason", L["Validation.TooLong", "reason", 400]);

        if (l.AwaitedLevel is not { } level) return Error.Conflict("DEV_NO_REVIEW", T["Dev.Review.NothingAwaiting"]);
        var step = l.Ordered.Last(s => !l.IsReturned(s.Id));
        if (JointReviewRules.CanSign(level, user.Roles, user.UserId, l.SignsOf(step.Id), T) is { } refusal) return refusal;

        var now = clock.GetUtcNow();
        var review = new DevelopmentReview
        {
            Id = Guid.CreateVersion7(now), CaseId = caseId, StepRecordId = step.Id, Step = step.Step, Level = level.Level, UnitId = level.UnitId,
            Decision = decision, Reason = reason, SignedByUserId = user.UserId, SignedAt = now,
            SignedBy = Trim(string.IsNullOrEmpty(user.DisplayName) ? user.UserName : user.DisplayName),
        };
        db.DevelopmentReviews.Add(review);
        // The last level's sign-off puts the step into effect on the case and the person's record.
        if (decision == ReviewDecision.Approved
            && JointReviewRules.Next(l.Levels, [.. l.SignsOf(step.Id), new ReviewSign(level.Level, decision, user.UserId)]) is null)
        {
            StepEffects.Apply(l.Case, l.Member, step.Step, step.Date, CaseAccess.Read(step.Data), options.Value, now);
            l.Case.UpdatedAt = now;
        }
        // One sign-off per level even when the same signature is sent twice at once (the version is the case's concurrency token).
        l.Case.Version++;
        ledger.Append(ReviewProof.Kind, caseId.ToString(), ReviewProof.Of(review));
        await db.SaveChangesAsync(ct);
        return (await access.LoadAsync(caseId, Permission.ViewMembers, ct)).Value!;
    }

    private static string Trim(string s) => s.Length > 100 ? s[..100] : s;
}
