using Dangjian.Web.Data;
using Dangjian.Web.Modules.Meetings;
using Dangjian.Web.Modules.Members;
using Dangjian.Web.Modules.Organizations;
using Dangjian.Web.Modules.Education.Study;
using Dangjian.Web.Platform.Auth;
using Dangjian.Web.Platform.Clock;
using Dangjian.Web.Platform.Errors;
using Dangjian.Web.Platform.Input;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using Microsoft.Extensions.Options;

namespace Dangjian.Web.Modules.Education.Courses;

/// <summary>
/// Attendance at a live course (直播), as at a meeting: the host (a manager of its unit) shows the rotating code
/// (<see cref="SignInCode"/>), a member it was published to enters it from <c>Rules:Education:Live:SignInOpensMinutesBefore</c>
/// before the start to the end; once per person. A sign-in credits the session's length as study of the course (the
/// member's StudyProgress of that year: its seconds at least the length, completed at the sign-in) — the one place
/// besides the Study feature that writes it, so that the archive counts a live session as ordinary course study.
/// </summary>
public sealed class LiveSessions(AppDbContext db, CourseAccess access, CurrentUser user, TimeProvider clock, IOptions<LiveSessionOptions> options,
    IStringLocalizer<CoursesText> T, InputCheck inputCheck)
{
    public async Task<Result<LiveCodeDto>> CodeAsync(Guid courseId, CancellationToken ct)
    {
        var managed = await access.ManageAsync(courseId, ct);
        if (!managed.IsSuccess) return managed.Error!;
        var c = managed.Value!;
        if (Live(c) is { } notLive) return notLive;
        var now = clock.GetUtcNow();
        var o = options.Value;
        return new LiveCodeDto(c.Id, SignInCode.Of(c.LiveSignInSecret!, now, o.CodeWindowSeconds), SignInCode.SecondsLeft(now, o.CodeWindowSeconds),
            c.LiveStartsAt!.Value.AddMinutes(-o.SignInOpensMinutesBefore), c.LiveEndsAt!.Value);
    }

    /// <summary>The caller's sign-in: created (true) or the one already on record (false).</summary>
    public async Task<Result<(LiveSignInDto SignIn, bool Created)>> SignInAsync(Guid courseId, LiveSignInRequest r, CancellationToken ct)
    {
        if (inputCheck.Check(r) is { } badText) return badText;
        var seen = await access.SeeAsync(courseId, ct);
        if (!seen.IsSuccess) return seen.Error!;
        var c = seen.Value!;
        if (Live(c) is { } notLive) return notLive;
        if (c.Status != CourseStatus.Published) return Error.Conflict("COURSE_NOT_PUBLISHED", T["Course.NotPublished"]);
        var member = await access.MemberUnderAsync(c.OrgPath, ct);
        if (member is null) return Error.Forbidden(T["Live.NotExpected"]);
        var earlier = await FirstAsync(c.Id, member.Id, ct);
        if (earlier is not null) return (ToDto(earlier, c), false);

        var o = options.Value;
        var now = clock.GetUtcNow();
        if (now < c.LiveStartsAt!.Value.AddMinutes(-o.SignInOpensMinutesBefore) || now > c.LiveEndsAt!.Value)
            return Error.Validation("code", T["Live.SignInClosed", o.SignInOpensMinutesBefore]);
        if (!SignInCode.Verify(c.LiveSignInSecret!, r.Code?.Trim(), now, o.CodeWindowSeconds)) return Error.Validation("code", T["Live.WrongCode"]);

        var signIn = new LiveSignIn
        {
            Id = Guid.CreateVersion7(now), TenantId = c.TenantId, CourseId = c.Id, MemberId = member.Id, UserId = user.UserId,
            MemberName = member.Name.Length > 100 ? member.Name[..100] : member.Name, SignedAt = now,
        };
        await using var tx = await db.Database.BeginTransactionAsync(ct);
        // One row per person and course, kept by the unique index: a second tap (or two at once) writes nothing and answers the first.
        if (!await BulkInsert.InsertUnlessPresentAsync(db, signIn, ct))
        {
            await tx.RollbackAsync(ct);
            var first = await FirstAsync(c.Id, member.Id, ct) ?? throw new InvalidOperationException("A live sign-in was refused by the database without one on record.");
            return (ToDto(first, c), false);
        }
        await CreditAsync(c, member.Id, now, ct);
        await tx.CommitAsync(ct);
        return (ToDto(signIn, c), true);
    }

    /// <summary>Signed in against expected: the party members (预备 and 正式, 党籍正常) of the course's subtree.</summary>
    public async Task<Result<LiveAttendanceDto>> AttendanceAsync(Guid courseId, CancellationToken ct)
    {
        var managed = await access.ManageAsync(courseId, ct);
        if (!managed.IsSuccess) return managed.Error!;
        var c = managed.Value!;
        if (Live(c) is { } notLive) return notLive;
        var expected = await db.Members.AsNoTracking().InSubtree(c.OrgPath)
            .CountAsync(m => (m.Category == MemberCategory.Probationary || m.Category == MemberCategory.Full) && m.Status == MembershipStatus.Normal, ct);
        var rows = await db.LiveSignIns.AsNoTracking().Where(s => s.CourseId == c.Id).OrderBy(s => s.SignedAt).ThenBy(s => s.Id).ToListAsync(ct);
        return new LiveAttendanceDto(c.Id, expected, rows.Count, rows.Select(s => ToDto(s, c)).ToList());
    }

    /// <summary>The caller's sign-in to the course, if any (the course page shows it instead of the form).</summary>
    public async Task<LiveSignInDto?> MineAsync(Course c, CancellationToken ct)
    {
        var row = await db.LiveSignIns.AsNoTracking().FirstOrDefaultAsync(s => s.CourseId == c.Id && s.UserId == user.UserId, ct);
        return row is null ? null : ToDto(row, c);
    }

    public static int LengthSeconds(Course c) =>
        c.LiveStartsAt is { } start && c.LiveEndsAt is { } end && end > start ? (int)Math.Min((end - start).TotalSeconds, int.MaxValue) : 0;

    private async Task CreditAsync(Course c, Guid memberId, DateTimeOffset now, CancellationToken ct)
    {
        var year = ChinaTime.Date(now).Year;
        var length = LengthSeconds(c);
        var progress = await db.StudyProgress.FirstOrDefaultAsync(p => p.MemberId == memberId && p.CourseId == c.Id && p.Year == year, ct);
        if (progress is null)
        {
            db.StudyProgress.Add(new StudyProgress
            {
                Id = Guid.CreateVersion7(now), MemberId = memberId, CourseId = c.Id, Year = year, Seconds = length, FirstAt = now, LastAt = now, CompletedAt = now,
            });
        }
        else
        {
            progress.Seconds = Math.Max(progress.Seconds, length);
            progress.LastAt = now;
            progress.CompletedAt ??= now;
        }
        await db.SaveChangesAsync(ct);
    }

    private Error? Live(Course c) =>
        c.Kind != CourseKind.Live || c.LiveStartsAt is null || c.LiveEndsAt is null || c.LiveSignInSecret is null
            ? Error.Conflict("COURSE_NOT_LIVE", T["Live.NotLive"])
            : null;

    private Task<LiveSignIn?> FirstAsync(Guid courseId, Guid memberId, CancellationToken ct) =>
        db.LiveSignIns.AsNoTracking().FirstOrDefaultAsync(s => s.CourseId == courseId && s.MemberId == memberId, ct);

    private static LiveSignInDto ToDto(LiveSignIn s, Course c) => new(s.CourseId, s.MemberId, s.MemberName, s.SignedAt, LengthSeconds(c));
}
