using Dangjian.Web.Data;
using Dangjian.Web.Platform.Auth;
using Dangjian.Web.Platform.Errors;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using Microsoft.Extensions.Options;

namespace Dangjian.Web.Modules.Meetings;

public sealed record SignInRequest(string? Code, bool? Remote);

public sealed record SignInDto(Guid MeetingId, Guid MemberId, DateTimeOffset SignedAt, bool Late, bool Remote, SignInMethod Method);

/// <summary>
/// The caller signs in to a meeting: the host without a code, anyone else expected at it with the current code (or the
/// one before). Once per person: a second sign-in answers the first, never a second row.
/// </summary>
public sealed class SignIn(AppDbContext db, GetMeeting meetings, CurrentUser user, TimeProvider clock, IOptions<MeetingOptions> options,
    IStringLocalizer<SharedResource> L)
{
    public async Task<Result<(SignInDto SignIn, bool Created)>> HandleAsync(Guid meetingId, SignInRequest r, CancellationToken ct)
    {
        // Hundreds sign in within a minute: an expected member is found with one query and may see the meeting for that
        // reason alone; only someone not expected goes through the other ways of seeing it (GetMeeting.CanSeeAsync).
        var m = await meetings.FindAsync(meetingId, ct);
        if (m is null) return Error.NotFound(L["Meeting.NotFound"]);
        var member = await ExpectedAttendees.MemberOf(db, m, user.UserId).Select(x => new { x.Id }).FirstOrDefaultAsync(ct);
        if (member is null)
        {
            if (!await meetings.CanSeeAsync(m, ct)) return Error.NotFound(L["Meeting.NotFound"]);
            // The host may not be on this unit's roll (a committee member hosting a branch meeting): then their own record.
            member = m.HostUserId == user.UserId
                ? await db.Members.Where(x => x.UserId == user.UserId).Select(x => new { x.Id }).FirstOrDefaultAsync(ct)
                : null;
            if (member is null) return Error.Forbidden(L["Meeting.NotAttendee"]);
        }

        var first = await db.MeetingSignIns.AsNoTracking().FirstOrDefaultAsync(s => s.MeetingId == m.Id && s.MemberId == member.Id, ct);
        if (first is not null) return (ToDto(first), false);

        var o = options.Value;
        var now = clock.GetUtcNow();
        if (m.Status == MeetingStatus.Cancelled) return Error.Conflict("MEETING_CANCELLED", L["Meeting.Cancelled"]);
        if (now < m.StartsAt.AddMinutes(-o.SignInOpensMinutesBefore) || now > m.EndsAt)
            return Error.Validation("code", L["Meeting.SignInClosed", o.SignInOpensMinutesBefore]);
        var isHost = m.HostUserId == user.UserId;
        if (!isHost && !SignInCode.Verify(m.SignInSecret, r.Code?.Trim(), now, o.CodeWindowSeconds))
            return Error.Validation("code", L["Meeting.WrongCode"]);

        var signIn = new MeetingSignIn
        {
            Id = Guid.CreateVersion7(now), MeetingId = m.Id, MemberId = member.Id, UserId = user.UserId, SignedAt = now,
            Late = now > m.StartsAt.AddMinutes(o.LateAfterMinutes), Remote = r.Remote == true && m.Mode != MeetingMode.Onsite,
            Method = isHost ? SignInMethod.Host : SignInMethod.Code,
        };
        db.MeetingSignIns.Add(signIn);
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateException)
        {
            // The same person signing in twice at once: the unique index keeps one row; answer it.
            db.ChangeTracker.Clear();
            var existing = await db.MeetingSignIns.AsNoTracking().FirstOrDefaultAsync(s => s.MeetingId == m.Id && s.MemberId == member.Id, ct);
            if (existing is null) throw;
            return (ToDto(existing), false);
        }
        return (ToDto(signIn), true);
    }

    private static SignInDto ToDto(MeetingSignIn s) => new(s.MeetingId, s.MemberId, s.SignedAt, s.Late, s.Remote, s.Method);
}
