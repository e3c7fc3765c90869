using System.ComponentModel.DataAnnotations;
using Dangjian.Web.Data;
using Dangjian.Web.Modules.Organizations;
using Dangjian.Web.Platform.Auth;
using Dangjian.Web.Platform.Errors;
using Dangjian.Web.Platform.Input;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;

namespace Dangjian.Web.Modules.Meetings;

public sealed record AssignObserverRequest(Guid? UserId);

public sealed record RateMeetingRequest(int? Criticism, int? Preparation, int? Participation, [MultiLine, MaxLength(1000)] string? Comment);

public sealed record ObserverDto(Guid Id, Guid UserId, string Name, string AssignedBy, int? Criticism, int? Preparation, int? Participation, string? Comment,
    DateTimeOffset? RatedAt);

/// <summary>Someone who may be sent as an observer: a user holding a role on a unit above the meeting's.</summary>
public sealed record ObserverCandidateDto(Guid UserId, string Name, string OrgUnitName);

/// <summary>观察员: the organisation above assigns an observer to a meeting; the observer rates it once it has started.</summary>
public sealed class MeetingObservers(AppDbContext db, GetMeeting meetings, CurrentUser user, TimeProvider clock, IStringLocalizer<SharedResource> L, IStringLocalizer<MeetingsText> T,
    InputCheck inputCheck)
{
    public async Task<Result<ObserverDto>> AssignAsync(Guid meetingId, AssignObserverRequest r, CancellationToken ct)
    {
        var loaded = await meetings.LoadAsync(meetingId, ct);
        if (!loaded.IsSuccess) return loaded.Error!;
        var m = loaded.Value!;
        var parent = GetOrgUnit.AncestorPaths(m.OrgPath).LastOrDefault();
        if (parent is null || !user.Can(Permission.ManageMeetings, parent)) return Error.Forbidden(T["Meeting.ObserverFromAbove"]);
        if (r.UserId is not { } userId) return Error.Validation("userId", L["Validation.Required", "userId"]);
        var observer = await db.Users.AsNoTracking().Where(u => u.Id == userId && u.TenantId == user.TenantId)
            .Select(u => new { u.Id, u.DisplayName, u.UserName }).FirstOrDefaultAsync(ct);
        if (observer is null) return Error.Validation("userId", T["Meeting.ObserverUnknown"]);
        if (await db.MeetingObservers.AnyAsync(o => o.MeetingId == meetingId && o.UserId == userId, ct))
            return Error.Conflict("MEETING_OBSERVER_EXISTS", T["Meeting.ObserverExists"]);
        var now = clock.GetUtcNow();
        var by = string.IsNullOrEmpty(user.DisplayName) ? user.UserName : user.DisplayName;
        var row = new MeetingObserver
        {
            Id = Guid.CreateVersion7(now), MeetingId = meetingId, UserId = userId, Name = Trim(string.IsNullOrEmpty(observer.DisplayName) ? observer.UserName! : observer.DisplayName),
            AssignedBy = Trim(by), AssignedAt = now,
        };
        db.MeetingObservers.Add(row);
        await db.SaveChangesAsync(ct);
        return ToDto(row);
    }

    public async Task<Result<ObserverDto>> RateAsync(Guid meetingId, RateMeetingRequest r, CancellationToken ct)
    {
        if (inputCheck.Check(r) is { } badText) return badText;
        var loaded = await meetings.LoadAsync(meetingId, ct);
        if (!loaded.IsSuccess) return loaded.Error!;
        var row = await db.MeetingObservers.FirstOrDefaultAsync(o => o.MeetingId == meetingId && o.UserId == user.UserId, ct);
        if (row is null) return Error.Forbidden(T["Meeting.NotObserver"]);
        if (clock.GetUtcNow() < loaded.Value!.StartsAt) return Error.Conflict("MEETING_NOT_STARTED", T["Meeting.NotStarted"]);
        var invalid = new FieldErrors();
        foreach (var (name, value) in new[] { ("criticism", r.Criticism), ("preparation", r.Preparation), ("participation", r.Participation) })
        {
            if (value is not (>= 1 and <= 5)) invalid.Add(Error.Validation(name, T["Meeting.RatingRange", name]));
        }
        if (r.Comment?.Trim().Length > 1000) invalid.Add(Error.Validation("comment", L["Validation.TooLong", "comment", 1000]));
        if (invalid.ToError() is { } error) return error;
        row.Criticism = r.Criticism;
        row.Preparation = r.Preparation;
        row.Participation = r.Participation;
        row.Comment = string.IsNullOrWhiteSpace(r.Comment) ? null : r.Comment.Trim();
        row.RatedAt = clock.GetUtcNow();
        await db.SaveChangesAsync(ct);
        return ToDto(row);
    }

    public async Task<IReadOnlyList<ObserverDto>> ListAsync(Guid meetingId, CancellationToken ct) =>
        (await db.MeetingObservers.AsNoTracking().Where(o => o.MeetingId == meetingId).OrderBy(o => o.AssignedAt).ToListAsync(ct)).Select(ToDto).ToList();

    /// <summary>
    /// Whom the caller may assign (the rule of <see cref="AssignAsync"/>): users holding a role on a unit above the
    /// meeting's that the caller sees, those already assigned left out; empty for a caller who may not assign.
    /// </summary>
    public async Task<IReadOnlyList<ObserverCandidateDto>> CandidatesAsync(Guid meetingId, CancellationToken ct)
    {
        var loaded = await meetings.LoadAsync(meetingId, ct);
        if (!loaded.IsSuccess) return [];
        var ancestors = GetOrgUnit.AncestorPaths(loaded.Value!.OrgPath);
        if (ancestors.Count == 0 || !user.Can(Permission.ManageMeetings, ancestors[^1])) return [];
        var visible = ancestors.Where(p => user.Can(Permission.ViewMembers, p)).ToList();
        var assigned = db.MeetingObservers.Where(o => o.MeetingId == meetingId).Select(o => o.UserId);
        var rows = await db.RoleAssignments.AsNoTracking()
            .Join(db.OrgUnits.Where(u => visible.Contains(u.Path)), r => r.OrgUnitId, u => u.Id, (r, u) => new { r.UserId, u.Name, u.Path })
            .Join(db.Users.Where(u => u.TenantId == user.TenantId), x => x.UserId, u => u.Id, (x, u) => new { x.UserId, x.Name, x.Path, u.DisplayName, u.UserName })
            .Where(x => !assigned.Contains(x.UserId))
            .ToListAsync(ct);
        // A user with roles on several units above is listed once, under the nearest.
        return rows.GroupBy(x => x.UserId).Select(g => g.OrderByDescending(x => x.Path.Length).First())
            .Select(x => new ObserverCandidateDto(x.UserId, string.IsNullOrEmpty(x.DisplayName) ? x.UserName ?? "" : x.DisplayName, x.Name))
            .OrderBy(x => x.OrgUnitName, StringComparer.Ordinal).ThenBy(x => x.Name, StringComparer.Ordinal).ToList();
    }

    private static ObserverDto ToDto(MeetingObserver o) =>
        new(o.Id, o.UserId, o.Name, o.AssignedBy, o.Criticism, o.Preparation, o.Participation, o.Comment, o.RatedAt);

    private static string Trim(string s) => s.Length > 100 ? s[..100] : s;
}
