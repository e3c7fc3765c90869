using Dangjian.Web.Modules.Organizations;
using Dangjian.Web.Data;
using Dangjian.Web.Platform.Auth;
using Dangjian.Web.Platform.Errors;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using Microsoft.Extensions.Options;

namespace Dangjian.Web.Modules.Meetings;

/// <summary>The current sign-in code, for the host and those who manage the unit's meetings only.</summary>
public sealed record SignInCodeDto(string Code, int SecondsLeft);

public sealed record MeetingDto(Guid Id, Guid OrgUnitId, string OrgUnitName, MeetingType Type, string Topic, DateTimeOffset StartsAt, DateTimeOffset EndsAt,
    MeetingMode Mode, string? Place, string? OnlineLink, string HostName, MeetingStatus Status, int Expected, int SignedIn, int Late,
    SignInCodeDto? SignInCode, PreApprovalDto PreApproval, int OnLeave);

/// <summary>预审报备 of the meeting: its state, whether it was submitted late, whether it started without approval.</summary>
public sealed record PreApprovalDto(PreApproval State, DateTimeOffset? SubmittedAt, bool SubmittedLate, DateTimeOffset? DecidedAt, string? DecidedBy,
    string? ReturnReason, bool HeldWithoutApproval, DateTimeOffset SubmitBy);

/// <summary>A meeting the caller may see (its unit or an ancestor, or an expected attendee), with the live count.</summary>
public sealed class GetMeeting(AppDbContext db, CurrentUser user, TimeProvider clock, IOptions<MeetingOptions> options, IStringLocalizer<MeetingsText> T)
{
    public async Task<Result<Meeting>> LoadAsync(Guid id, CancellationToken ct)
    {
        var m = await FindAsync(id, ct);
        return m is not null && await CanSeeAsync(m, ct) ? m : Error.NotFound(T["Meeting.NotFound"]);
    }

    /// <summary>The meeting, whoever may see it (check with <see cref="CanSeeAsync"/>).</summary>
    public Task<Meeting?> FindAsync(Guid id, CancellationToken ct) => ById(db, id, ct);

    internal static Task<Meeting?> FindByIdAsync(AppDbContext db, Guid id, CancellationToken ct) => ById(db, id, ct);

    // Compiled once: every sign-in loads its meeting (ExpectedAttendees.MemberIdOfAsync says why).
    private static readonly Func<AppDbContext, Guid, CancellationToken, Task<Meeting?>> ById =
        EF.CompileAsyncQuery((AppDbContext db, Guid id, CancellationToken ct) => db.Set<Dangjian.Web.Modules.Meetings.Meeting>().AsNoTracking().FirstOrDefault(x => x.Id == id));

    /// <summary>Who sees a meeting: its unit and those above, the host, its observers, the members expected at it.</summary>
    public async Task<bool> CanSeeAsync(Meeting m, CancellationToken ct)
    {
        if (user.Can(Permission.ViewMembers, m.OrgPath) || m.HostUserId == user.UserId) return true;
        if (await db.MeetingObservers.AnyAsync(o => o.MeetingId == m.Id && o.UserId == user.UserId, ct)) return true;
        // A member expected at the meeting sees it on their phone.
        return await ExpectedAttendees.MemberIdOfAsync(db, m, user.UserId, ct) is not null;
    }

    public async Task<Result<MeetingDto>> HandleAsync(Guid id, CancellationToken ct)
    {
        var loaded = await LoadAsync(id, ct);
        return loaded.IsSuccess ? await ToDtoAsync(loaded.Value!, ct) : loaded.Error!;
    }

    public async Task<MeetingDto> ToDtoAsync(Meeting m, CancellationToken ct)
    {
        var unitName = await db.OrgUnits.Where(u => u.Id == m.OrgUnitId).Select(u => u.Name).FirstAsync(ct);
        var expected = await ExpectedAttendees.Of(db, m).CountAsync(ct);
        var signIns = await db.MeetingSignIns.Where(s => s.MeetingId == m.Id).GroupBy(s => 1)
            .Select(g => new { Count = g.Count(), Late = g.Count(s => s.Late) }).FirstOrDefaultAsync(ct);
        var now = clock.GetUtcNow();
        var o = options.Value;
        var showCode = m.HostUserId == user.UserId || user.Can(Permission.ManageMeetings, m.OrgPath);
        return new MeetingDto(m.Id, m.OrgUnitId, unitName, m.Type, m.Topic, m.StartsAt, m.EndsAt, m.Mode, m.Place, m.OnlineLink, m.HostName, m.Status,
            expected, signIns?.Count ?? 0, signIns?.Late ?? 0,
            showCode ? new SignInCodeDto(SignInCode.Of(m.SignInSecret, now, o.CodeWindowSeconds), SignInCode.SecondsLeft(now, o.CodeWindowSeconds)) : null,
            new PreApprovalDto(m.PreApproval, m.SubmittedAt, PreApprovalRules.SubmittedLate(m.SubmittedAt, m.StartsAt, o.PreApprovalDaysBefore), m.DecidedAt,
                m.DecidedBy, m.ReturnReason, PreApprovalRules.HeldWithoutApproval(m.PreApproval, m.StartsAt, now), m.StartsAt.AddDays(-o.PreApprovalDaysBefore)),
            await db.MeetingLeaves.CountAsync(l => l.MeetingId == m.Id && l.Status == LeaveStatus.Approved, ct));
    }

    /// <summary>The caller's own sign-in to the meeting, if any.</summary>
    public async Task<SignInDto?> MySignInAsync(Guid meetingId, CancellationToken ct) =>
        await db.MeetingSignIns.AsNoTracking().Where(s => s.MeetingId == meetingId && s.UserId == user.UserId)
            .Select(s => new SignInDto(s.MeetingId, s.MemberId, s.SignedAt, s.Late, s.Remote, s.Method)).FirstOrDefaultAsync(ct);
}
