using System.Text.Json;
using Dangjian.Web.Data;
using Dangjian.Web.Modules.Development.Review;
using Dangjian.Web.Modules.Members;
using Dangjian.Web.Modules.Organizations;
using Dangjian.Web.Platform.Auth;
using Dangjian.Web.Platform.Errors;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using Microsoft.Extensions.Options;

namespace Dangjian.Web.Modules.Development;

/// <summary>
/// A case with its person, steps, sign-offs and the review levels above the person's unit, loaded if the caller's
/// role holds on the person's current unit or an ancestor.
/// </summary>
/// <param name="T">The reader's language, in which the facts name the awaited review level.</param>
public sealed record LoadedCase(DevelopmentCase Case, Member Member, IReadOnlyList<DevelopmentStepRecord> Steps,
    IReadOnlyList<DevelopmentReview> Reviews, IReadOnlyList<ReviewUnit> Levels, IReadOnlySet<int> ReviewSteps, IStringLocalizer<DevelopmentText> T)
{
    /// <summary>Steps in the order done; a step returned in review no longer counts.</summary>
    public IReadOnlyList<DevelopmentStepRecord> Ordered { get; } = [.. Steps.OrderBy(s => s.Date).ThenBy(s => s.RecordedAt)];

    public bool IsReturned(Guid stepRecordId) => Reviews.Any(r => r.StepRecordId == stepRecordId && r.Decision == ReviewDecision.Returned);

    /// <summary>The latest step that needs the joint review, if any: the one whose review is shown and awaited.</summary>
    public DevelopmentStepRecord? ReviewedStep => Ordered.LastOrDefault(s => ReviewSteps.Contains(s.Step));

    public IReadOnlyList<ReviewSign> SignsOf(Guid stepRecordId) =>
        Reviews.Where(r => r.StepRecordId == stepRecordId).OrderBy(r => r.SignedAt).Select(r => new ReviewSign(r.Level, r.Decision, r.SignedByUserId)).ToList();

    /// <summary>The level awaited on the last counted step, when that step needs the review and it is not complete.</summary>
    public ReviewUnit? AwaitedLevel
    {
        get
        {
            var last = Ordered.LastOrDefault(s => !IsReturned(s.Id));
            if (last is null || !ReviewSteps.Contains(last.Step)) return null;
            return JointReviewRules.Next(Levels, SignsOf(last.Id));
        }
    }

    public CaseFacts Facts => new(Member.BirthDate, Case.ApplicationDate, Case.Status,
        Ordered.Where(s => !IsReturned(s.Id)).Select(s => new DoneStep(s.Step, s.Date, CaseAccess.Read(s.Data))).ToList(),
        Case.ResolutionOn, Case.ProbationEndsOn, Case.ExtendedMonths, AwaitedLevel is { } level ? JointReviewRules.Name(level, T) : null);
}

public sealed class CaseAccess(AppDbContext db, CurrentUser user, IOptions<DevelopmentOptions> options, IStringLocalizer<SharedResource> L, IStringLocalizer<DevelopmentText> T)
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    public static StepData Read(string json) => JsonSerializer.Deserialize<StepData>(json, Json) ?? new StepData();

    public static string Write(StepData data) =>
        JsonSerializer.Serialize(data, new JsonSerializerOptions(Json) { DefaultIgnoreCondition = System.Text.Json.Serialization.JsonIgnoreCondition.WhenWritingNull });

    public async Task<Result<LoadedCase>> LoadAsync(Guid caseId, Permission permission, CancellationToken ct, bool track = false)
    {
        var cases = track ? db.DevelopmentCases : db.DevelopmentCases.AsNoTracking();
        var c = await cases.FirstOrDefaultAsync(x => x.Id == caseId, ct);
        if (c is null) return Error.NotFound(T["Dev.NotFound"]);
        var members = track ? db.Members : db.Members.AsNoTracking();
        var m = await members.FirstAsync(x => x.Id == c.MemberId, ct);
        var isSelf = user.IsAuthenticated && m.UserId == user.UserId;
        if (!isSelf && !user.Can(Permission.ViewMembers, m.OrgPath)) return Error.NotFound(T["Dev.NotFound"]);
        if (!user.Can(permission, m.OrgPath) && !(isSelf && permission == Permission.ViewMembers)) return Error.Forbidden(L["Auth.Forbidden"]);
        var steps = await db.DevelopmentSteps.AsNoTracking().Where(s => s.CaseId == caseId).ToListAsync(ct);
        var reviews = await db.DevelopmentReviews.AsNoTracking().Where(r => r.CaseId == caseId).ToListAsync(ct);
        var ancestors = GetOrgUnit.AncestorPaths(m.OrgPath);
        ancestors.Add(m.OrgPath);
        var chain = await db.OrgUnits.AsNoTracking().Where(u => ancestors.Contains(u.Path)).OrderBy(u => u.Depth).ToListAsync(ct);
        return new LoadedCase(c, m, steps, reviews, JointReviewRules.Levels(chain), options.Value.JointReviewSteps.ToHashSet(), T);
    }
}
