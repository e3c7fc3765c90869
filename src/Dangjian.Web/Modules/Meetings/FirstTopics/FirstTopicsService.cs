using System.ComponentModel.DataAnnotations;
using Dangjian.Web.Data;
using Dangjian.Web.Modules.Organizations;
using Dangjian.Web.Platform.Auth;
using Dangjian.Web.Platform.Errors;
using Dangjian.Web.Platform.Input;
using Dangjian.Web.Platform.Paging;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using Microsoft.Extensions.Options;

namespace Dangjian.Web.Modules.Meetings.FirstTopics;

public sealed record PublishFirstTopicRequest(Guid? OrgUnitId, [MaxLength(200)] string? Title, [MaxLength(200)] string? Source);

public sealed record FirstTopicDto(Guid Id, Guid OrgUnitId, string Title, string? Source, DateTimeOffset PublishedAt, string PublishedBy);

public sealed record UnitResponseDto(Guid OrgUnitId, string Name, string Status, double? Hours, Guid? MeetingId, DateTimeOffset? StudiedAt);

public sealed record FirstTopicResponsesDto(FirstTopicDto Topic, int TargetHours, string Article, IReadOnlyList<UnitResponseDto> Branches,
    int InTime, int Late, int Pending, int Overdue);

/// <summary>第一议题: publish to a subtree, list, and each branch's response time (its first meeting that studied it).</summary>
public sealed class FirstTopicsService(AppDbContext db, OrgAccess access, CurrentUser user, TimeProvider clock, IOptions<MeetingOptions> options,
    IStringLocalizer<SharedResource> L, IStringLocalizer<MeetingsText> T, InputCheck inputCheck)
{
    public async Task<Result<FirstTopicDto>> PublishAsync(PublishFirstTopicRequest r, CancellationToken ct)
    {
        if (inputCheck.Check(r) is { } badText) return badText;
        if (r.OrgUnitId is not { } unitId) return Error.Validation("orgUnitId", L["Validation.Required", "orgUnitId"]);
        var unit = await access.LoadAsync(unitId, Permission.ManageMeetings, ct);
        if (!unit.IsSuccess) return unit.Error!;
        var title = r.Title?.Trim();
        if (string.IsNullOrEmpty(title)) return Error.Validation("title", L["Validation.Required", "title"]);
        if (title.Length > 200) return Error.Validation("title", L["Validation.TooLong", "title", 200]);
        if (r.Source?.Trim().Length > 200) return Error.Validation("source", L["Validation.TooLong", "source", 200]);
        var now = clock.GetUtcNow();
        var by = string.IsNullOrEmpty(user.DisplayName) ? user.UserName : user.DisplayName;
        var topic = new FirstTopic
        {
            Id = Guid.CreateVersion7(now), OrgUnitId = unitId, OrgPath = unit.Value!.Path, Title = title,
            Source = string.IsNullOrWhiteSpace(r.Source) ? null : r.Source.Trim(), PublishedAt = now, PublishedBy = by.Length > 100 ? by[..100] : by,
        };
        db.FirstTopics.Add(topic);
        await db.SaveChangesAsync(ct);
        return ToDto(topic);
    }

    /// <summary>Topics published to the unit (by it or any unit above it), newest first.</summary>
    public async Task<Result<Page<FirstTopicDto>>> ListAsync(Guid? orgUnitId, PageRequest page, CancellationToken ct)
    {
        if (orgUnitId is not { } unitId) return Error.Validation("orgUnitId", L["Validation.Required", "orgUnitId"]);
        var unit = await access.LoadAsync(unitId, Permission.ViewMembers, ct);
        if (!unit.IsSuccess) return unit.Error!;
        var paths = GetOrgUnit.AncestorPaths(unit.Value!.Path);
        paths.Add(unit.Value.Path);
        var q = db.FirstTopics.AsNoTracking().Where(t => paths.Contains(t.OrgPath));
        var total = await q.CountAsync(ct);
        var rows = await q.OrderByDescending(t => t.PublishedAt).Skip(page.Skip).Take(page.PageSize).ToListAsync(ct);
        return new Page<FirstTopicDto>(rows.Select(ToDto).ToList(), page.Page, page.PageSize, total);
    }

    /// <summary>
    /// The topics a meeting of the unit could study first (the new-meeting page's choice): published to the unit or above,
    /// not yet named by a meeting of the unit itself that was not cancelled; newest first.
    /// </summary>
    public async Task<Result<IReadOnlyList<FirstTopicDto>>> OpenAsync(Guid unitId, int take, CancellationToken ct)
    {
        var unit = await access.LoadAsync(unitId, Permission.ViewMembers, ct);
        if (!unit.IsSuccess) return unit.Error!;
        var path = unit.Value!.Path;
        var paths = GetOrgUnit.AncestorPaths(path);
        paths.Add(path);
        var rows = await db.FirstTopics.AsNoTracking()
            .Where(t => paths.Contains(t.OrgPath)
                        && !db.Set<Dangjian.Web.Modules.Meetings.Meeting>().Any(m => m.FirstTopicId == t.Id && m.OrgPath == path && m.Status != MeetingStatus.Cancelled))
            .OrderByDescending(t => t.PublishedAt).Take(take).ToListAsync(ct);
        return rows.Select(ToDto).ToList();
    }

    /// <summary>A topic the caller may see for a meeting of <paramref name="meetingPath"/>: published to it or above.</summary>
    public async Task<FirstTopic?> ForMeetingAsync(Guid topicId, string meetingPath, CancellationToken ct)
    {
        var t = await db.FirstTopics.AsNoTracking().FirstOrDefaultAsync(x => x.Id == topicId, ct);
        return t is not null && meetingPath.StartsWith(t.OrgPath, StringComparison.Ordinal) ? t : null;
    }

    public async Task<Result<FirstTopicResponsesDto>> ResponsesAsync(Guid topicId, Guid? orgUnitId, CancellationToken ct)
    {
        var topic = await db.FirstTopics.AsNoTracking().FirstOrDefaultAsync(t => t.Id == topicId, ct);
        if (topic is null) return Error.NotFound(T["FirstTopic.NotFound"]);
        var unit = await access.LoadAsync(orgUnitId ?? topic.OrgUnitId, Permission.ViewMembers, ct);
        if (!unit.IsSuccess) return unit.Error!;
        // The view is the part of the topic's subtree the caller asked for (and may see).
        var path = unit.Value!.Path.StartsWith(topic.OrgPath, StringComparison.Ordinal) ? unit.Value.Path : topic.OrgPath;
        if (!user.Can(Permission.ViewMembers, path)) return Error.NotFound(T["FirstTopic.NotFound"]);
        var branches = await db.OrgUnits.AsNoTracking().InSubtree(path).Where(u => u.Kind == OrgUnitKind.Branch && u.DissolvedAt == null)
            .OrderBy(u => u.Path).Select(u => new { u.Id, u.Name, u.Path }).ToListAsync(ct);
        var now = clock.GetUtcNow();
        // Meetings that have started count; a planned one does not yet.
        var studied = await db.Meetings.AsNoTracking()
            .Where(m => m.FirstTopicId == topicId && m.Status != MeetingStatus.Cancelled && m.StartsAt <= now && m.OrgPath.StartsWith(path))
            .Select(m => new { m.Id, m.OrgPath, m.StartsAt }).ToListAsync(ct);
        var target = options.Value.FirstTopicTargetHours;
        var lines = branches.Select(b =>
        {
            // The branch's own meeting, or one of a unit above it that its members attend (a meeting of the whole 党委).
            var first = studied.Where(m => b.Path.StartsWith(m.OrgPath, StringComparison.Ordinal) || m.OrgPath.StartsWith(b.Path, StringComparison.Ordinal))
                .OrderBy(m => m.StartsAt).FirstOrDefault();
            var (status, hours) = FirstTopicRules.Of(topic.PublishedAt, first?.StartsAt, now, target);
            return new UnitResponseDto(b.Id, b.Name, status.ToString(), hours, first?.Id, first?.StartsAt);
        }).OrderBy(l => l.Status == "Overdue" ? 0 : l.Status == "Late" ? 1 : l.Status == "Pending" ? 2 : 3).ThenByDescending(l => l.Hours).ToList();
        return new FirstTopicResponsesDto(ToDto(topic), target, FirstTopicRules.Article, lines,
            lines.Count(l => l.Status == "InTime"), lines.Count(l => l.Status == "Late"), lines.Count(l => l.Status == "Pending"),
            lines.Count(l => l.Status == "Overdue"));
    }

    private static FirstTopicDto ToDto(FirstTopic t) => new(t.Id, t.OrgUnitId, t.Title, t.Source, t.PublishedAt, t.PublishedBy);
}
