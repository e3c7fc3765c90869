using Dangjian.Web.Data;
using Dangjian.Web.Platform.Auth;
using Dangjian.Web.Platform.Errors;
using Dangjian.Web.Platform.Input;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;

namespace Dangjian.Web.Modules.Meetings.Appraisal;

/// <summary>One member's masses' score (the result of the survey of non-members) and organisation's score, each 0–100; empty leaves it unset.</summary>
public sealed record AppraisalScoreItem(Guid? MemberId, int? MassesScore, int? OrganisationScore);

public sealed record AppraisalScoresRequest(IReadOnlyList<AppraisalScoreItem>? Scores);

/// <summary>
/// 群众评议 and 组织评价 (docs/rules/organisation.md#o-20): the branch's organisers (or the host) enter them per member on a
/// simple form before the appraisal is closed; entering again replaces a member's scores.
/// </summary>
public sealed class EnterAppraisalScores(AppDbContext db, GetMeeting meetings, DemocraticAppraisal appraisal, CurrentUser user, TimeProvider clock,
    IStringLocalizer<SharedResource> L, IStringLocalizer<MeetingsText> T, InputCheck inputCheck)
{
    public const int MaxScore = 100;

    public async Task<Result<AppraisalDto>> HandleAsync(Guid meetingId, AppraisalScoresRequest r, CancellationToken ct)
    {
        if (inputCheck.Check(r) is { } badText) return badText;
        var loaded = await meetings.LoadAsync(meetingId, ct);
        if (!loaded.IsSuccess) return loaded.Error!;
        var m = loaded.Value!;
        if (m.Type != MeetingType.DemocraticAppraisal) return Error.Conflict("APPRAISAL_WRONG_TYPE", T["Appraisal.WrongType"]);
        if (m.HostUserId != user.UserId && !user.Can(Permission.ManageMeetings, m.OrgPath)) return Error.Forbidden(T["Meeting.HostDecides"]);
        if (await db.AppraisalResults.AnyAsync(x => x.MeetingId == meetingId, ct)) return Error.Conflict("APPRAISAL_CLOSED", T["Appraisal.Closed"]);
        var expected = (await ExpectedAttendees.Of(db, m).Select(x => x.Id).ToListAsync(ct)).ToHashSet();
        var items = r.Scores ?? [];
        var invalid = new FieldErrors();
        if (items.Count == 0) invalid.Add(Error.Validation("scores", L["Validation.Required", "scores"]));
        for (var i = 0; i < items.Count; i++)
        {
            if (items[i].MemberId is not { } id || !expected.Contains(id)) invalid.Add(Error.Validation($"scores[{i}].memberId", T["Appraisal.NotAMember"]));
            if (items[i].MassesScore is { } ms && ms is < 0 or > MaxScore)
                invalid.Add(Error.Validation($"scores[{i}].massesScore", T["Appraisal.ScoreRange", $"scores[{i}].massesScore", 0, MaxScore]));
            if (items[i].OrganisationScore is { } os && os is < 0 or > MaxScore)
                invalid.Add(Error.Validation($"scores[{i}].organisationScore", T["Appraisal.ScoreRange", $"scores[{i}].organisationScore", 0, MaxScore]));
        }
        if (items.Where(v => v.MemberId is not null).GroupBy(v => v.MemberId).Any(g => g.Count() > 1)) invalid.Add(Error.Validation("scores", T["Appraisal.Twice"]));
        if (invalid.ToError() is { } bad) return bad;
        var now = clock.GetUtcNow();
        var by = string.IsNullOrEmpty(user.DisplayName) ? user.UserName : user.DisplayName;
        var ids = items.Select(i => i.MemberId!.Value).ToList();
        var existing = await db.AppraisalScores.Where(s => s.MeetingId == meetingId && ids.Contains(s.MemberId)).ToDictionaryAsync(s => s.MemberId, ct);
        foreach (var item in items)
        {
            if (!existing.TryGetValue(item.MemberId!.Value, out var row))
            {
                row = new Handling.AppraisalScore { Id = Guid.CreateVersion7(now), MeetingId = meetingId, MemberId = item.MemberId.Value, OrgUnitId = m.OrgUnitId };
                db.AppraisalScores.Add(row);
            }
            row.Masses = item.MassesScore;
            row.Organisation = item.OrganisationScore;
            row.EnteredBy = by.Length > 100 ? by[..100] : by;
            row.EnteredAt = now;
        }
        await db.SaveChangesAsync(ct);
        return await appraisal.TallyAsync(m, ct);
    }
}
