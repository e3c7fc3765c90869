using Dangjian.Web.Data;
using Dangjian.Web.Modules.Education.Courses;
using Dangjian.Web.Modules.Members;
using Dangjian.Web.Platform.Auth;
using Dangjian.Web.Platform.Errors;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using Microsoft.Extensions.Options;

namespace Dangjian.Web.Modules.Education.Study.Sessions;

public sealed record StartStudyRequest(Guid? CourseId);

/// <summary>What the page observed during the interval. Its only say: it claims no time, the server measures it.</summary>
public sealed record HeartbeatRequest(bool? Visible, bool? Playing, bool? Scrolled, double? Position);

public sealed record StudySessionDto(Guid Id, Guid CourseId, CourseKind Kind, int HeartbeatSeconds, int TotalSeconds, int CapSeconds, int CompleteSeconds,
    bool Completed, DateTimeOffset StartedAt);

/// <summary>A heartbeat's answer: the seconds credited now (0 with a reason code when not), the course's total, whether the session goes on.</summary>
public sealed record HeartbeatDto(Guid SessionId, int Credited, StudyReason Reason, string Article, int TotalSeconds, bool Completed, bool SessionOpen,
    int NextInSeconds);

/// <summary>
/// The heartbeats of a member's study (docs/rules/education.md#e-4): a session per course, one open at a time; each
/// heartbeat is measured by the server's clock against the session's last accepted one (<see cref="StudyTimeRules"/>)
/// and written with a conditional UPDATE on that instant, so two heartbeats at once never both count.
/// </summary>
public sealed class StudySessions(AppDbContext db, CurrentUser user, TimeProvider clock, IOptions<EducationOptions> education, IOptions<StudyOptions> study,
    IStringLocalizer<StudyText> T, IStringLocalizer<SharedResource> L)
{
    private sealed record Learner(Guid Id, string OrgPath);

    public async Task<Result<StudySessionDto>> StartAsync(StartStudyRequest r, CancellationToken ct)
    {
        if (r.CourseId is not { } courseId) return Error.Validation("courseId", L["Validation.Required", "courseId"]);
        var me = await LearnerAsync(ct);
        var course = me is null ? null : await VisibleCourseAsync(courseId, me, ct);
        if (me is null || course is null) return Error.NotFound(T["Study.CourseNotFound"]);
        if (!StudyTimeRules.IsTracked(course.Kind)) return Error.Rule("STUDY_NOT_TRACKED", T["Study.NotTracked"], StudyTimeRules.Article);

        var now = clock.GetUtcNow();
        // One course at a time: the open session (of any course) ends here, so no minute counts twice.
        await db.StudySessions.Where(s => s.MemberId == me.Id && s.EndedAt == null)
            .ExecuteUpdateAsync(s => s.SetProperty(x => x.EndedAt, now).SetProperty(x => x.EndReason, StudyReason.Ended), ct);
        var session = new StudySession
        {
            Id = Guid.CreateVersion7(now), MemberId = me.Id, UserId = user.UserId, CourseId = course.Id, StartedAt = now, LastBeatAt = now,
        };
        db.StudySessions.Add(session);
        await db.SaveChangesAsync(ct);
        // Two starts at once: each, after its insert, ends any other open session begun no later than its own, so only the
        // newest stays open and a heartbeat needs no check of the member's other sessions.
        await db.StudySessions.Where(s => s.MemberId == me.Id && s.EndedAt == null && s.Id != session.Id && s.StartedAt <= now)
            .ExecuteUpdateAsync(s => s.SetProperty(x => x.EndedAt, now).SetProperty(x => x.EndReason, StudyReason.Ended), ct);
        var (total, completed) = await TotalsAsync(me.Id, course.Id, ct);
        return new StudySessionDto(session.Id, course.Id, course.Kind, education.Value.HeartbeatSeconds, total, Cap(course), Complete(course), completed, now);
    }

    public async Task<Result<HeartbeatDto>> HeartbeatAsync(Guid sessionId, HeartbeatRequest r, CancellationToken ct)
    {
        // Only the member's own session: another's is not found, whoever asks. One query for the session and its member.
        var found = user.IsAuthenticated
            ? await db.StudySessions.AsNoTracking().Where(s => s.Id == sessionId)
                .Join(db.Members.Where(m => m.UserId == user.UserId), s => s.MemberId, m => m.Id, (s, m) => new { Session = s, m.OrgPath })
                .FirstOrDefaultAsync(ct)
            : null;
        if (found is null) return Error.NotFound(T["Study.SessionNotFound"]);
        var (session, memberId) = (found.Session, found.Session.MemberId);
        var interval = education.Value.HeartbeatSeconds;
        // The course as far as the clock needs it, and the member's totals of it so far, in one query.
        var progress = db.StudyProgress;
        var course = await db.Courses.AsNoTracking().Where(c => c.Id == session.CourseId && c.Status == CourseStatus.Published)
            .Select(c => new CourseClock(c.Kind, c.OrgPath, c.MediaSeconds, c.Body == null ? 0 : c.Body.Length,
                progress.Where(p => p.MemberId == memberId && p.CourseId == c.Id).Sum(p => p.Seconds),
                progress.Any(p => p.MemberId == memberId && p.CourseId == c.Id && p.CompletedAt != null)))
            .FirstOrDefaultAsync(ct);
        if (course is not null && !Organizations.OrgPaths.IsWithin(found.OrgPath, course.OrgPath)) course = null;
        var (total, completed) = course is null ? await TotalsAsync(memberId, session.CourseId, ct) : (course.Seconds, course.Completed);
        HeartbeatDto Reply(int credited, StudyReason reason, bool open) =>
            new(session.Id, credited, reason, StudyTimeRules.Article, total + credited, completed, open, interval);

        if (session.EndedAt is not null) return Reply(0, session.EndReason ?? StudyReason.Ended, false);
        var now = clock.GetUtcNow();
        // The course withdrawn or moved out of the member's reach: the session ends. (A later session of the member ends
        // this one when it starts: StartAsync.)
        if (course is null)
        {
            await EndAsync(session.Id, now, StudyReason.Ended, ct);
            return Reply(0, StudyReason.Ended, false);
        }

        var cap = StudyTimeRules.CapSeconds(course.Kind, course.MediaSeconds, education.Value.MediaCapFactor, study.Value);
        var beat = new StudyBeat(course.Kind, interval, study.Value.HeartbeatToleranceSeconds, session.LastBeatAt, now, total, cap);
        var credit = StudyTimeRules.Credit(beat, new StudySignals(r.Visible == true, r.Playing == true, r.Scrolled == true));
        if (credit.EndsSession)
        {
            await EndAsync(session.Id, now, credit.Reason, ct);
            return Reply(0, credit.Reason, false);
        }
        if (!credit.Accepted) return Reply(0, credit.Reason, true);

        var position = r.Position is { } p && double.IsFinite(p) ? (int)Math.Clamp(p, 0, int.MaxValue) : (int?)null;
        var until = StudyTimeRules.CountedUntil(beat, credit);
        await using var tx = await db.Database.BeginTransactionAsync(ct);
        // Study seconds are not worth a disk flush each (ADR 0020): PostgreSQL commits this one without waiting for its WAL.
        if (study.Value.HeartbeatAsyncCommit && db.Database.IsNpgsql()) await db.Database.ExecuteSqlRawAsync("SET LOCAL synchronous_commit = off", ct);
        // The session's last accepted instant is its version: of two heartbeats at once only the first moves it.
        var moved = await db.StudySessions
            .Where(s => s.Id == session.Id && s.EndedAt == null && s.LastBeatAt == session.LastBeatAt)
            .ExecuteUpdateAsync(s => s.SetProperty(x => x.LastBeatAt, until).SetProperty(x => x.Beats, x => x.Beats + 1)
                .SetProperty(x => x.Seconds, x => x.Seconds + credit.Seconds).SetProperty(x => x.LastPosition, position), ct);
        if (moved == 0)
        {
            await tx.RollbackAsync(ct);
            return Reply(0, StudyReason.Concurrent, true);
        }
        var nowCompleted = completed;
        if (credit.Seconds > 0)
        {
            var parts = StudyTimeRules.ByYear(now, credit.Seconds);
            nowCompleted = completed || total + credit.Seconds >= StudyTimeRules.CompleteSeconds(course.Kind, course.MediaSeconds, course.BodyLength, study.Value);
            foreach (var (year, seconds) in parts)
            {
                var completes = nowCompleted && !completed && year == parts[^1].Year;
                // Added in place (the year's row exists after the first heartbeat); inserted only when it does not.
                var added = await db.StudyProgress.Where(x => x.MemberId == memberId && x.CourseId == session.CourseId && x.Year == year)
                    .ExecuteUpdateAsync(x => x.SetProperty(v => v.Seconds, v => v.Seconds + seconds).SetProperty(v => v.LastAt, now)
                        .SetProperty(v => v.CompletedAt, v => completes && v.CompletedAt == null ? now : v.CompletedAt), ct);
                if (added == 0)
                {
                    db.StudyProgress.Add(new StudyProgress
                    {
                        Id = Guid.CreateVersion7(now), MemberId = memberId, CourseId = session.CourseId, Year = year, FirstAt = now, LastAt = now, Seconds = seconds,
                        CompletedAt = completes ? now : null,
                    });
                    await db.SaveChangesAsync(ct);
                }
            }
        }
        await tx.CommitAsync(ct);
        return new HeartbeatDto(session.Id, credit.Seconds, credit.Reason, StudyTimeRules.Article, total + credit.Seconds, nowCompleted, true, interval);
    }

    /// <summary>What the study clock reads of a course, and the member's seconds of it so far.</summary>
    private sealed record CourseClock(CourseKind Kind, string OrgPath, int? MediaSeconds, int BodyLength, int Seconds, bool Completed);

    /// <summary>The page left (pagehide): the session ends; the time since its last heartbeat is not credited.</summary>
    public async Task<Result<Guid>> EndAsync(Guid sessionId, CancellationToken ct)
    {
        var me = await LearnerAsync(ct);
        var session = me is null ? null : await db.StudySessions.AsNoTracking().FirstOrDefaultAsync(s => s.Id == sessionId && s.MemberId == me.Id, ct);
        if (me is null || session is null) return Error.NotFound(T["Study.SessionNotFound"]);
        await EndAsync(sessionId, clock.GetUtcNow(), StudyReason.Ended, ct);
        return sessionId;
    }

    private Task<int> EndAsync(Guid sessionId, DateTimeOffset now, StudyReason reason, CancellationToken ct) =>
        db.StudySessions.Where(s => s.Id == sessionId && s.EndedAt == null)
            .ExecuteUpdateAsync(s => s.SetProperty(x => x.EndedAt, now).SetProperty(x => x.EndReason, reason), ct);

    private int Cap(Course c) => StudyTimeRules.CapSeconds(c.Kind, c.MediaSeconds, education.Value.MediaCapFactor, study.Value);

    private int Complete(Course c) => StudyTimeRules.CompleteSeconds(c.Kind, c.MediaSeconds, c.Body?.Length ?? 0, study.Value);

    private async Task<(int Total, bool Completed)> TotalsAsync(Guid memberId, Guid courseId, CancellationToken ct)
    {
        var rows = await db.StudyProgress.AsNoTracking().Where(p => p.MemberId == memberId && p.CourseId == courseId)
            .Select(p => new { p.Seconds, p.CompletedAt }).ToListAsync(ct);
        return (rows.Sum(x => x.Seconds), rows.Any(x => x.CompletedAt != null));
    }

    /// <summary>The caller's own record on the roll (a member acts only on their own study).</summary>
    private async Task<Learner?> LearnerAsync(CancellationToken ct) => user.IsAuthenticated
        ? await db.Members.AsNoTracking().Where(m => m.UserId == user.UserId).Select(m => new Learner(m.Id, m.OrgPath)).FirstOrDefaultAsync(ct)
        : null;

    /// <summary>A published course of the member's unit or a unit above it; any other is not found.</summary>
    private async Task<Course?> VisibleCourseAsync(Guid courseId, Learner me, CancellationToken ct)
    {
        var c = await db.Courses.AsNoTracking().FirstOrDefaultAsync(x => x.Id == courseId && x.Status == CourseStatus.Published, ct);
        return c is not null && Organizations.OrgPaths.IsWithin(me.OrgPath, c.OrgPath) ? c : null;
    }
}
