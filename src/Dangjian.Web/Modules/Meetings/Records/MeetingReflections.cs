using System.ComponentModel.DataAnnotations;
using Dangjian.Web.Modules.Members;
using Dangjian.Web.Data;
using Dangjian.Web.Platform.Auth;
using Dangjian.Web.Platform.Errors;
using Dangjian.Web.Platform.Input;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;

namespace Dangjian.Web.Modules.Meetings.Records;

public sealed record ReflectionRequest([MultiLine, MaxLength(MeetingReflections.MaxLength)] string? Text);

public sealed record ReflectionDto(Guid Id, Guid MemberId, string MemberName, string Text, DateTimeOffset CreatedAt, DateTimeOffset? UpdatedAt);

/// <summary>
/// 心得: a person expected at a meeting writes (and may rewrite) what they took from it once it has started; the host
/// and the unit's organisers read them all, everyone else only their own.
/// </summary>
public sealed class MeetingReflections(AppDbContext db, GetMeeting meetings, CurrentUser user, TimeProvider clock, IStringLocalizer<SharedResource> L, IStringLocalizer<MeetingsText> T,
    InputCheck inputCheck)
{
    public const int MaxLength = 4000;

    public async Task<Result<IReadOnlyList<ReflectionDto>>> ListAsync(Guid meetingId, CancellationToken ct)
    {
        var loaded = await meetings.LoadAsync(meetingId, ct);
        if (!loaded.IsSuccess) return loaded.Error!;
        var m = loaded.Value!;
        var q = db.MeetingReflections.AsNoTracking().Where(r => r.MeetingId == meetingId);
        if (m.HostUserId != user.UserId && !user.Can(Permission.ManageMeetings, m.OrgPath))
            q = q.Where(r => db.Set<Dangjian.Web.Modules.Members.Member>().Any(x => x.Id == r.MemberId && x.UserId == user.UserId));
        return (await q.OrderBy(r => r.CreatedAt).ToListAsync(ct)).Select(ToDto).ToList();
    }

    /// <summary>Writes the caller's own reflection; the bool says whether it is new.</summary>
    public async Task<Result<(ReflectionDto Reflection, bool Created)>> SaveMineAsync(Guid meetingId, ReflectionRequest r, CancellationToken ct)
    {
        if (inputCheck.Check(r) is { } badText) return badText;
        var loaded = await meetings.LoadAsync(meetingId, ct);
        if (!loaded.IsSuccess) return loaded.Error!;
        var m = loaded.Value!;
        var me = await ExpectedAttendees.MemberOf(db, m, user.UserId).Select(x => new { x.Id, x.Name }).FirstOrDefaultAsync(ct);
        if (me is null) return Error.Forbidden(T["Meeting.NotAttendee"]);
        var now = clock.GetUtcNow();
        if (now < m.StartsAt) return Error.Conflict("MEETING_NOT_STARTED", T["Reflection.NotStarted"]);
        var text = r.Text?.Trim();
        if (string.IsNullOrEmpty(text)) return Error.Validation("text", L["Validation.Required", "text"]);
        if (text.Length > MaxLength) return Error.Validation("text", L["Validation.TooLong", "text", MaxLength]);

        var existing = await db.MeetingReflections.FirstOrDefaultAsync(x => x.MeetingId == meetingId && x.MemberId == me.Id, ct);
        if (existing is not null)
        {
            existing.Text = text;
            existing.UpdatedAt = now;
            await db.SaveChangesAsync(ct);
            return (ToDto(existing), false);
        }
        var added = new MeetingReflection
        {
            Id = Guid.CreateVersion7(now), MeetingId = meetingId, OrgUnitId = m.OrgUnitId, MemberId = me.Id, MemberName = me.Name, Text = text, CreatedAt = now,
        };
        db.MeetingReflections.Add(added);
        await db.SaveChangesAsync(ct);
        return (ToDto(added), true);
    }

    private static ReflectionDto ToDto(MeetingReflection r) => new(r.Id, r.MemberId, r.MemberName, r.Text, r.CreatedAt, r.UpdatedAt);
}
