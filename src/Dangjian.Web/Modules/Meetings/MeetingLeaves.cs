using System.ComponentModel.DataAnnotations;
using Dangjian.Web.Modules.Members;
using Dangjian.Web.Data;
using Dangjian.Web.Platform.Auth;
using Dangjian.Web.Platform.Errors;
using Dangjian.Web.Platform.Input;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;

namespace Dangjian.Web.Modules.Meetings;

public sealed record LeaveRequest([MultiLine, MaxLength(400)] string? Reason);

public sealed record LeaveDecision(string? Decision);

public sealed record LeaveDto(Guid Id, Guid MemberId, string MemberName, string Reason, LeaveStatus Status, DateTimeOffset RequestedAt, string? DecidedBy,
    DateTimeOffset? DecidedAt);

/// <summary>请假: a member expected at a meeting asks to be excused before it ends; the host (or who manages the unit's meetings) decides.</summary>
public sealed class MeetingLeaves(AppDbContext db, GetMeeting meetings, CurrentUser user, TimeProvider clock, IStringLocalizer<SharedResource> L, IStringLocalizer<MeetingsText> T,
    InputCheck inputCheck)
{
    public async Task<Result<LeaveDto>> RequestAsync(Guid meetingId, LeaveRequest r, CancellationToken ct)
    {
        if (inputCheck.Check(r) is { } badText) return badText;
        var loaded = await meetings.LoadAsync(meetingId, ct);
        if (!loaded.IsSuccess) return loaded.Error!;
        var m = loaded.Value!;
        var member = await ExpectedAttendees.MemberOf(db, m, user.UserId).Select(x => new { x.Id, x.Name }).FirstOrDefaultAsync(ct);
        if (member is null) return Error.Forbidden(T["Meeting.NotAttendee"]);
        var reason = r.Reason?.Trim();
        if (string.IsNullOrEmpty(reason)) return Error.Validation("reason", L["Validation.Required", "reason"]);
        if (reason.Length > 400) return Error.Validation("reason", L["Validation.TooLong", "reason", 400]);
        var now = clock.GetUtcNow();
        if (now > m.EndsAt) return Error.Conflict("MEETING_OVER", T["Meeting.Over"]);
        if (await db.MeetingSignIns.AnyAsync(s => s.MeetingId == m.Id && s.MemberId == member.Id, ct)) return Error.Conflict("MEETING_SIGNED_IN", T["Meeting.AlreadySignedIn"]);
        if (await db.MeetingLeaves.AnyAsync(l => l.MeetingId == m.Id && l.MemberId == member.Id, ct)) return Error.Conflict("MEETING_LEAVE_EXISTS", T["Meeting.LeaveExists"]);
        var leave = new MeetingLeave
        {
            Id = Guid.CreateVersion7(now), MeetingId = m.Id, MemberId = member.Id, MemberName = member.Name, Reason = reason, Status = LeaveStatus.Pending,
            RequestedAt = now,
        };
        db.MeetingLeaves.Add(leave);
        await db.SaveChangesAsync(ct);
        return ToDto(leave);
    }

    public async Task<Result<LeaveDto>> DecideAsync(Guid meetingId, Guid leaveId, LeaveDecision r, CancellationToken ct)
    {
        if (inputCheck.Check(r) is { } badText) return badText;
        var loaded = await meetings.LoadAsync(meetingId, ct);
        if (!loaded.IsSuccess) return loaded.Error!;
        var m = loaded.Value!;
        if (m.HostUserId != user.UserId && !user.Can(Permission.ManageMeetings, m.OrgPath)) return Error.Forbidden(T["Meeting.HostDecides"]);
        if (!Enum.TryParse<LeaveStatus>(r.Decision, out var status) || status == LeaveStatus.Pending || !Enum.IsDefined(status))
            return Error.Validation("decision", L["Validation.OneOf", "decision", "Approved|Refused"]);
        var leave = await db.MeetingLeaves.FirstOrDefaultAsync(l => l.Id == leaveId && l.MeetingId == meetingId, ct);
        if (leave is null) return Error.NotFound(T["Meeting.LeaveNotFound"]);
        leave.Status = status;
        leave.DecidedAt = clock.GetUtcNow();
        var by = string.IsNullOrEmpty(user.DisplayName) ? user.UserName : user.DisplayName;
        leave.DecidedBy = by.Length > 100 ? by[..100] : by;
        await using var tx = await db.Database.BeginTransactionAsync(ct);
        await db.SaveChangesAsync(ct);
        // Decided after the roll closed: the person's line follows the decision.
        var (from, to) = status == LeaveStatus.Approved
            ? (Attendance.AttendanceOutcome.Absent, Attendance.AttendanceOutcome.OnLeave)
            : (Attendance.AttendanceOutcome.OnLeave, Attendance.AttendanceOutcome.Absent);
        await db.MeetingAttendances.Where(a => a.MeetingId == meetingId && a.MemberId == leave.MemberId && a.Outcome == from)
            .ExecuteUpdateAsync(s => s.SetProperty(a => a.Outcome, to), ct);
        await tx.CommitAsync(ct);
        return ToDto(leave);
    }

    public async Task<Result<IReadOnlyList<LeaveDto>>> ListAsync(Guid meetingId, CancellationToken ct)
    {
        var loaded = await meetings.LoadAsync(meetingId, ct);
        if (!loaded.IsSuccess) return loaded.Error!;
        var m = loaded.Value!;
        var q = db.MeetingLeaves.AsNoTracking().Where(l => l.MeetingId == meetingId);
        // Others' reasons are for the host and the unit's managers; a member sees their own.
        if (m.HostUserId != user.UserId && !user.Can(Permission.ManageMeetings, m.OrgPath))
            q = q.Where(l => db.Set<Dangjian.Web.Modules.Members.Member>().Any(x => x.Id == l.MemberId && x.UserId == user.UserId));
        return (await q.OrderBy(l => l.RequestedAt).ToListAsync(ct)).Select(ToDto).ToList();
    }

    private static LeaveDto ToDto(MeetingLeave l) => new(l.Id, l.MemberId, l.MemberName, l.Reason, l.Status, l.RequestedAt, l.DecidedBy, l.DecidedAt);
}
