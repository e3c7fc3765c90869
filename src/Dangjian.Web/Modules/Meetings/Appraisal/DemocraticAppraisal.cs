using System.ComponentModel.DataAnnotations;
using Dangjian.Web.Data;
using Dangjian.Web.Platform.Auth;
using Dangjian.Web.Platform.Clock;
using Dangjian.Web.Platform.Errors;
using Dangjian.Web.Platform.Input;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using Microsoft.Extensions.Options;

namespace Dangjian.Web.Modules.Meetings.Appraisal;

public sealed record SelfAppraisalRequest([MultiLine, MaxLength(2000)] string? Text, string? Grade);

public sealed record VoteItem(Guid? MemberId, string? Grade);

public sealed record VotesRequest(IReadOnlyList<VoteItem>? Votes);

public sealed record CloseAppraisalRequest(IReadOnlyList<VoteItem>? Overrides);

/// <summary>
/// One member's line: the votes, the masses' and the organisation's scores (0–100, when entered), the weighted score
/// (one decimal, when the weighted proposal applies: docs/rules/organisation.md#o-20), the proposal and the grade confirmed.
/// </summary>
public sealed record TallyDto(Guid MemberId, string Name, bool SelfAppraised, int Voters, int Excellent, int Qualified, int BasicallyQualified,
    int Unqualified, AppraisalGrade Proposed, AppraisalGrade? Decided, int? Masses = null, int? Organisation = null, decimal? Score = null);

/// <summary>The tenant's scheme as it applies to this appraisal: the weights, the bands, and the cap on 优秀 for the members appraised.</summary>
public sealed record AppraisalSchemeDto(int SelfWeight, int PeerWeight, int MassesWeight, int OrganisationWeight, int ExcellentFrom, int QualifiedFrom,
    int BasicallyQualifiedFrom, int ExcellentCapPercent, int? ExcellentAllowed, int ExcellentProposed, string WeightsArticle, string CapArticle);

public sealed record AppraisalDto(Guid MeetingId, int Voted, int Expected, bool Closed, IReadOnlyList<TallyDto> Members,
    AppraisalSchemeDto? Scheme = null, IReadOnlyList<Handling.AppraisalCaseDto>? Cases = null);

/// <summary>The caller's part in an appraisal: their member id among those expected, and what they have done.</summary>
public sealed record MyAppraisalDto(Guid MemberId, bool SelfAppraised, bool Voted);

/// <summary>
/// 民主评议党员 in a meeting of that kind: each member appraises themselves, then grades every member (one ballot each);
/// the tallies propose a grade; the host closes the appraisal (overriding a proposal where the meeting decided
/// otherwise) and the grades go onto the members' records.
/// </summary>
public sealed class DemocraticAppraisal(AppDbContext db, GetMeeting meetings, CurrentUser user, TimeProvider clock, IStringLocalizer<SharedResource> L, IStringLocalizer<MeetingsText> T,
    InputCheck inputCheck, IOptions<AppraisalOptions> options)
{
    public async Task<Result<AppraisalDto>> SelfAsync(Guid meetingId, SelfAppraisalRequest r, CancellationToken ct)
    {
        if (inputCheck.Check(r) is { } badText) return badText;
        var (m, me, error) = await OpenAsync(meetingId, ct);
        if (error is not null) return error;
        var text = r.Text?.Trim();
        var invalid = new FieldErrors();
        if (string.IsNullOrEmpty(text)) invalid.Add(Error.Validation("text", L["Validation.Required", "text"]));
        else if (text.Length > 2000) invalid.Add(Error.Validation("text", L["Validation.TooLong", "text", 2000]));
        if (!TryGrade(r.Grade, out var grade)) invalid.Add(Error.Validation("grade", GradeMessage("grade")));
        if (invalid.ToError() is { } bad) return bad;
        if (await db.AppraisalSelves.AnyAsync(s => s.MeetingId == meetingId && s.MemberId == me, ct))
            return Error.Conflict("APPRAISAL_SELF_EXISTS", T["Appraisal.SelfExists"]);
        db.AppraisalSelves.Add(new AppraisalSelf { Id = Guid.CreateVersion7(clock.GetUtcNow()), MeetingId = meetingId, MemberId = me, Text = text!, Grade = grade, At = clock.GetUtcNow() });
        await db.SaveChangesAsync(ct);
        return await TallyAsync(m!, ct);
    }

    public async Task<Result<AppraisalDto>> VoteAsync(Guid meetingId, VotesRequest r, CancellationToken ct)
    {
        if (inputCheck.Check(r) is { } badText) return badText;
        var (m, me, error) = await OpenAsync(meetingId, ct);
        if (error is not null) return error;
        if (await db.AppraisalVotes.AnyAsync(v => v.MeetingId == meetingId && v.VoterMemberId == me, ct))
            return Error.Conflict("APPRAISAL_VOTED", T["Appraisal.Voted"]);
        var expected = await ExpectedAttendees.Of(db, m!).Select(x => x.Id).ToListAsync(ct);
        var votes = r.Votes ?? [];
        var invalid = new FieldErrors();
        if (votes.Count == 0) invalid.Add(Error.Validation("votes", L["Validation.Required", "votes"]));
        for (var i = 0; i < votes.Count; i++)
        {
            if (votes[i].MemberId is not { } id || !expected.Contains(id)) invalid.Add(Error.Validation($"votes[{i}].memberId", T["Appraisal.NotAMember"]));
            if (!TryGrade(votes[i].Grade, out _)) invalid.Add(Error.Validation($"votes[{i}].grade", GradeMessage($"votes[{i}].grade")));
        }
        if (votes.Where(v => v.MemberId is not null).GroupBy(v => v.MemberId).Any(g => g.Count() > 1))
            invalid.Add(Error.Validation("votes", T["Appraisal.Twice"]));
        if (invalid.ToError() is { } bad) return bad;
        var now = clock.GetUtcNow();
        foreach (var v in votes)
        {
            TryGrade(v.Grade, out var grade);
            db.AppraisalVotes.Add(new AppraisalVote
            {
                Id = Guid.CreateVersion7(now), MeetingId = meetingId, VoterMemberId = me, SubjectMemberId = v.MemberId!.Value, Grade = grade, At = now,
            });
        }
        await db.SaveChangesAsync(ct);
        return await TallyAsync(m!, ct);
    }

    public async Task<Result<AppraisalDto>> GetAsync(Guid meetingId, CancellationToken ct)
    {
        var loaded = await meetings.LoadAsync(meetingId, ct);
        if (!loaded.IsSuccess) return loaded.Error!;
        if (loaded.Value!.Type != MeetingType.DemocraticAppraisal) return Error.Conflict("APPRAISAL_WRONG_TYPE", T["Appraisal.WrongType"]);
        return await TallyAsync(loaded.Value, ct);
    }

    public async Task<Result<AppraisalDto>> CloseAsync(Guid meetingId, CloseAppraisalRequest r, CancellationToken ct)
    {
        if (inputCheck.Check(r) is { } badText) return badText;
        var loaded = await meetings.LoadAsync(meetingId, ct);
        if (!loaded.IsSuccess) return loaded.Error!;
        var m = loaded.Value!;
        if (m.Type != MeetingType.DemocraticAppraisal) return Error.Conflict("APPRAISAL_WRONG_TYPE", T["Appraisal.WrongType"]);
        if (m.HostUserId != user.UserId && !user.Can(Permission.ManageMeetings, m.OrgPath)) return Error.Forbidden(T["Meeting.HostDecides"]);
        if (await db.AppraisalResults.AnyAsync(x => x.MeetingId == meetingId, ct)) return Error.Conflict("APPRAISAL_CLOSED", T["Appraisal.Closed"]);
        var tally = await TallyAsync(m, ct);
        var overrides = new Dictionary<Guid, AppraisalGrade>();
        foreach (var (o, i) in (r.Overrides ?? []).Select((o, i) => (o, i)))
        {
            if (o.MemberId is not { } id || tally.Members.All(t => t.MemberId != id)) return Error.Validation($"overrides[{i}].memberId", T["Appraisal.NotAMember"]);
            if (!TryGrade(o.Grade, out var g)) return Error.Validation($"overrides[{i}].grade", GradeMessage($"overrides[{i}].grade"));
            overrides[id] = g;
        }
        var grades = tally.Members.ToDictionary(t => t.MemberId, t => overrides.GetValueOrDefault(t.MemberId, t.Proposed));
        var cap = options.Value.ExcellentCapPercent;
        var excellent = grades.Values.Count(g => g == AppraisalGrade.Excellent);
        if (!ExcellentCapRule.Within(grades.Count, excellent, cap))
            return Error.Rule("APPRAISAL_EXCELLENT_CAP", T["Appraisal.ExcellentCap", excellent, grades.Count, cap, ExcellentCapRule.Allowed(grades.Count, cap)!],
                ExcellentCapRule.Article);
        var now = clock.GetUtcNow();
        var year = ChinaTime.Date(m.StartsAt).Year;
        foreach (var t in tally.Members)
        {
            db.AppraisalResults.Add(new AppraisalResult
            {
                Id = Guid.CreateVersion7(now), MeetingId = meetingId, MemberId = t.MemberId, Year = year,
                Grade = grades[t.MemberId], Voters = t.Voters, Excellent = t.Excellent, Qualified = t.Qualified,
                BasicallyQualified = t.BasicallyQualified, Unqualified = t.Unqualified, DecidedAt = now,
            });
            // 不合格: a handling case opens with the grades (docs/rules/organisation.md#o-22).
            if (grades[t.MemberId] == AppraisalGrade.Unqualified)
                db.AppraisalCases.Add(new Handling.AppraisalCase
                {
                    Id = Guid.CreateVersion7(now), MeetingId = meetingId, MemberId = t.MemberId, OrgUnitId = m.OrgUnitId, OrgPath = m.OrgPath, Year = year, OpenedAt = now,
                });
        }
        await db.SaveChangesAsync(ct);
        return await TallyAsync(m, ct);
    }

    /// <summary>The caller's self-appraisal and ballot state, or null when they are not expected at the meeting.</summary>
    public async Task<MyAppraisalDto?> MineAsync(Guid meetingId, CancellationToken ct)
    {
        var loaded = await meetings.LoadAsync(meetingId, ct);
        if (!loaded.IsSuccess) return null;
        var me = await ExpectedAttendees.MemberOf(db, loaded.Value!, user.UserId).Select(x => (Guid?)x.Id).FirstOrDefaultAsync(ct);
        if (me is not { } id) return null;
        return new MyAppraisalDto(id, await db.AppraisalSelves.AnyAsync(s => s.MeetingId == meetingId && s.MemberId == id, ct),
            await db.AppraisalVotes.AnyAsync(v => v.MeetingId == meetingId && v.VoterMemberId == id, ct));
    }

    private async Task<(Meeting? Meeting, Guid Member, Error? Error)> OpenAsync(Guid meetingId, CancellationToken ct)
    {
        var loaded = await meetings.LoadAsync(meetingId, ct);
        if (!loaded.IsSuccess) return (null, default, loaded.Error);
        var m = loaded.Value!;
        if (m.Type != MeetingType.DemocraticAppraisal) return (null, default, Error.Conflict("APPRAISAL_WRONG_TYPE", T["Appraisal.WrongType"]));
        if (clock.GetUtcNow() < m.StartsAt) return (null, default, Error.Conflict("MEETING_NOT_STARTED", T["Meeting.NotStarted"]));
        if (await db.AppraisalResults.AnyAsync(x => x.MeetingId == meetingId, ct)) return (null, default, Error.Conflict("APPRAISAL_CLOSED", T["Appraisal.Closed"]));
        var me = await ExpectedAttendees.MemberOf(db, m, user.UserId).Select(x => (Guid?)x.Id).FirstOrDefaultAsync(ct);
        return me is { } id ? (m, id, null) : (null, default, Error.Forbidden(T["Meeting.NotAttendee"]));
    }

    /// <summary>The appraisal as it stands: each member's line with the proposal, the scheme, and the handling cases the caller may see.</summary>
    internal async Task<AppraisalDto> TallyAsync(Meeting m, CancellationToken ct)
    {
        var o = options.Value;
        var members = await ExpectedAttendees.Of(db, m).OrderBy(x => x.Name).Select(x => new { x.Id, x.Name }).ToListAsync(ct);
        var votes = await db.AppraisalVotes.AsNoTracking().Where(v => v.MeetingId == m.Id).Select(v => new { v.VoterMemberId, v.SubjectMemberId, v.Grade })
            .ToListAsync(ct);
        var selves = (await db.AppraisalSelves.AsNoTracking().Where(s => s.MeetingId == m.Id).Select(s => s.MemberId).ToListAsync(ct)).ToHashSet();
        var selfGrades = await db.AppraisalSelves.AsNoTracking().Where(s => s.MeetingId == m.Id).ToDictionaryAsync(s => s.MemberId, s => s.Grade, ct);
        var scores = await db.AppraisalScores.AsNoTracking().Where(s => s.MeetingId == m.Id).ToDictionaryAsync(s => s.MemberId, ct);
        var results = await db.AppraisalResults.AsNoTracking().Where(x => x.MeetingId == m.Id).ToDictionaryAsync(x => x.MemberId, x => x.Grade, ct);
        var lines = members.Select(x =>
        {
            var mine = votes.Where(v => v.SubjectMemberId == x.Id).ToList();
            int Count(AppraisalGrade g) => mine.Count(v => v.Grade == g);
            var (e, q, b, u) = (Count(AppraisalGrade.Excellent), Count(AppraisalGrade.Qualified), Count(AppraisalGrade.BasicallyQualified), Count(AppraisalGrade.Unqualified));
            var scored = scores.GetValueOrDefault(x.Id);
            var score = AppraisalWeighting.Score(o.Weights, selfGrades.TryGetValue(x.Id, out var sg) ? sg : null, mine.Count, e, q, b, u, scored?.Masses,
                scored?.Organisation);
            return new TallyDto(x.Id, x.Name, selves.Contains(x.Id), mine.Count, e, q, b, u, AppraisalWeighting.Proposed(score, o.Bands, mine.Count, e, q, b, u),
                results.TryGetValue(x.Id, out var g) ? g : null, scored?.Masses, scored?.Organisation, score);
        }).ToList();
        var scheme = new AppraisalSchemeDto(o.SelfWeight, o.PeerWeight, o.MassesWeight, o.OrganisationWeight, o.ExcellentFrom, o.QualifiedFrom,
            o.BasicallyQualifiedFrom, o.ExcellentCapPercent, ExcellentCapRule.Allowed(lines.Count, o.ExcellentCapPercent),
            lines.Count(l => (l.Decided ?? l.Proposed) == AppraisalGrade.Excellent), AppraisalWeighting.Article, ExcellentCapRule.Article);
        var manager = m.HostUserId == user.UserId || user.Can(Permission.ManageMeetings, m.OrgPath);
        var cases = await Handling.AppraisalHandling.CasesOfMeetingAsync(db, m.Id, manager ? null : user.UserId, ct);
        return new AppraisalDto(m.Id, votes.Select(v => v.VoterMemberId).Distinct().Count(), members.Count, results.Count > 0, lines, scheme, cases);
    }

    private static bool TryGrade(string? value, out AppraisalGrade grade) => Enum.TryParse(value, out grade) && Enum.IsDefined(grade);

    private string GradeMessage(string field) => L["Validation.OneOf", field, string.Join("|", Enum.GetNames<AppraisalGrade>())];
}
