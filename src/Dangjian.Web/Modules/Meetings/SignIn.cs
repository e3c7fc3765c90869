using Dangjian.Web.Modules.Members;
using Dangjian.Web.Data;
using Dangjian.Web.Platform.Auth;
using Dangjian.Web.Platform.Errors;
using Dangjian.Web.Platform.Input;
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
    IStringLocalizer<MeetingsText> T, InputCheck inputCheck)
{
    public async Task<Result<(SignInDto SignIn, bool Created)>> HandleAsync(Guid meetingId, SignInRequest r, CancellationToken ct)
    {
        if (inputCheck.Check(r) is { } badText) return badText;
        // One connection for the three statements, instead of taking and returning one for each.
        await db.Database.OpenConnectionAsync(ct);
        try
        {
            return await SignInAsync(meetingId, r, ct);
        }
        finally
        {
            await db.Database.CloseConnectionAsync();
        }
    }

    private async Task<Result<(SignInDto SignIn, bool Created)>> SignInAsync(Guid meetingId, SignInRequest r, CancellationToken ct)
    {
        // Hundreds sign in within a minute: an expected member is found with one (compiled) query and may see the meeting
        // for that reason alone; only someone not expected goes through the other ways of seeing it (GetMeeting.CanSeeAsync).
        var m = await meetings.FindAsync(meetingId, ct);
        if (m is null) return Error.NotFound(T["Meeting.NotFound"]);
        var memberId = await ExpectedAttendees.MemberIdOfAsync(db, m, user.UserId, ct);
        if (memberId is null)
        {
            if (!await meetings.CanSeeAsync(m, ct)) return Error.NotFound(T["Meeting.NotFound"]);
            // The host may not be on this unit's roll (a committee member hosting a branch meeting): then their own record.
            memberId = m.HostUserId == user.UserId
                ? await db.Members.Where(x => x.UserId == user.UserId).Select(x => (Guid?)x.Id).FirstOrDefaultAsync(ct)
                : null;
            if (memberId is null) return Error.Forbidden(T["Meeting.NotAttendee"]);
        }
        var member = memberId.Value;

        // The common case is a first sign-in: checked, then written. The earlier sign-in is read only when the checks
        // refuse (a second tap after the code rotated still answers the first) or the row is already there.
        var o = options.Value;
        var now = clock.GetUtcNow();
        var isHost = m.HostUserId == user.UserId;
        Error? refused = null;
        if (m.Status == MeetingStatus.Cancelled) refused = Error.Conflict("MEETING_CANCELLED", T["Meeting.Cancelled"]);
        else if (now < m.StartsAt.AddMinutes(-o.SignInOpensMinutesBefore) || now > m.EndsAt)
            refused = Error.Validation("code", T["Meeting.SignInClosed", o.SignInOpensMinutesBefore]);
        else if (!isHost && !SignInCode.Verify(m.SignInSecret, r.Code?.Trim(), now, o.CodeWindowSeconds))
            refused = Error.Validation("code", T["Meeting.WrongCode"]);
        if (refused is not null)
        {
            var earlier = await FirstAsync(m.Id, member, ct);
            return earlier is not null ? (ToDto(earlier), false) : refused;
        }

        var signIn = new MeetingSignIn
        {
            Id = Guid.CreateVersion7(now), TenantId = m.TenantId, MeetingId = m.Id, MemberId = member, UserId = user.UserId, SignedAt = now,
            Late = now > m.StartsAt.AddMinutes(o.LateAfterMinutes), Remote = r.Remote == true && m.Mode != MeetingMode.Onsite,
            Method = isHost ? SignInMethod.Host : SignInMethod.Code,
        };
        // One row per person and meeting, kept by the unique index: a second tap (or two at once) writes nothing and
        // answers the first.
        if (await BulkInsert.InsertUnlessPresentAsync(db, signIn, ct)) return (ToDto(signIn), true);
        var first = await FirstAsync(m.Id, member, ct) ?? throw new InvalidOperationException("A sign-in was refused by the database without one on record.");
        return (ToDto(first), false);
    }

    private Task<MeetingSignIn?> FirstAsync(Guid meetingId, Guid memberId, CancellationToken ct) =>
        db.MeetingSignIns.AsNoTracking().FirstOrDefaultAsync(s => s.MeetingId == meetingId && s.MemberId == memberId, ct);

    private static SignInDto ToDto(MeetingSignIn s) => new(s.MeetingId, s.MemberId, s.SignedAt, s.Late, s.Remote, s.Method);
}
