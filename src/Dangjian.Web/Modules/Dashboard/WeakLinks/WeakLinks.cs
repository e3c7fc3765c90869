using System.ComponentModel.DataAnnotations;
using Dangjian.Web.Data;
using Dangjian.Web.Modules.Organizations;
using Dangjian.Web.Platform.Auth;
using Dangjian.Web.Platform.Errors;
using Dangjian.Web.Platform.Input;
using Dangjian.Web.Platform.Paging;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;

namespace Dangjian.Web.Modules.Dashboard.WeakLinks;

public sealed record WeakLinkDto(Guid Id, Guid OrgUnitId, string OrgUnitName, Guid? MemberId, string? MemberName, string Reason, string Rule, string Article,
    int Score, WeakLinkStatus Status, string? AssignedTo, string? Note, DateTimeOffset DetectedAt, DateTimeOffset UpdatedAt, DateTimeOffset? ClosedAt,
    string? ParentName = null);

public sealed record AssignWeakLinkRequest([MaxLength(100)] string? AssignedTo, [MultiLine, MaxLength(2000)] string? Note);

public sealed record CloseWeakLinkRequest([MultiLine, MaxLength(2000)] string? Note);

/// <summary>The weak links of a unit's subtree, highest score first; assigned, followed up and closed by those who run the unit.</summary>
public sealed class WeakLinks(AppDbContext db, OrgAccess access, CurrentUser user, TimeProvider clock, IStringLocalizer<SharedResource> L, IStringLocalizer<DashboardText> T,
    InputCheck inputCheck)
{
    /// <summary>From the primary: the page shows an item just assigned or closed as it now is.</summary>
    public Task<Result<Page<WeakLinkDto>>> ListAsync(Guid unitId, string? status, PageRequest page, CancellationToken ct) =>
        ListFromAsync(db, unitId, status, page, ct);

    /// <summary>The same list read from <paramref name="from"/> (the dashboard's export reads <see cref="ReadDb"/>).</summary>
    internal async Task<Result<Page<WeakLinkDto>>> ListFromAsync(AppDbContext from, Guid unitId, string? status, PageRequest page, CancellationToken ct)
    {
        var loaded = await access.LoadAsync(unitId, Permission.ViewMembers, ct);
        if (!loaded.IsSuccess) return loaded.Error!;
        var q = from.WeakLinks.AsNoTracking().UnderPath(loaded.Value!.Path);
        if (string.IsNullOrEmpty(status)) q = q.Where(w => w.Status == WeakLinkStatus.Open || w.Status == WeakLinkStatus.Assigned);
        else if (Enum.TryParse<WeakLinkStatus>(status, out var s) && Enum.IsDefined(s)) q = q.Where(w => w.Status == s);
        else return Error.Validation("status", L["Validation.OneOf", "status", string.Join("|", Enum.GetNames<WeakLinkStatus>())]);
        var total = await q.CountAsync(ct);
        var rows = await q.OrderByDescending(w => w.Score).ThenBy(w => w.OrgPath).ThenBy(w => w.Key).Skip(page.Skip).Take(page.PageSize).ToListAsync(ct);
        // The unit above each item's unit: branches of the same name are told apart.
        var parents = await Organizations.UnitLabels.ParentNamesAsync(from, rows.Select(w => w.OrgUnitId), ct);
        return new Page<WeakLinkDto>(rows.Select(w => ToDto(w) with { ParentName = parents.GetValueOrDefault(w.OrgUnitId) }).ToList(), page.Page, page.PageSize, total);
    }

    public async Task<Result<WeakLinkDto>> AssignAsync(Guid id, AssignWeakLinkRequest r, CancellationToken ct)
    {
        if (inputCheck.Check(r) is { } badText) return badText;
        var (w, error) = await WritableAsync(id, ct);
        if (error is not null) return error;
        var who = r.AssignedTo?.Trim();
        if (string.IsNullOrEmpty(who)) return Error.Validation("assignedTo", L["Validation.Required", "assignedTo"]);
        if (who.Length > 100) return Error.Validation("assignedTo", L["Validation.TooLong", "assignedTo", 100]);
        if (r.Note?.Trim().Length > 2000) return Error.Validation("note", L["Validation.TooLong", "note", 2000]);
        w!.AssignedTo = who;
        w.Status = WeakLinkStatus.Assigned;
        if (!string.IsNullOrWhiteSpace(r.Note)) w.Note = Append(w.Note, r.Note.Trim());
        w.UpdatedAt = clock.GetUtcNow();
        await db.SaveChangesAsync(ct);
        return ToDto(w);
    }

    public async Task<Result<WeakLinkDto>> CloseAsync(Guid id, CloseWeakLinkRequest r, CancellationToken ct)
    {
        if (inputCheck.Check(r) is { } badText) return badText;
        var (w, error) = await WritableAsync(id, ct);
        if (error is not null) return error;
        var note = r.Note?.Trim();
        if (string.IsNullOrEmpty(note)) return Error.Validation("note", T["WeakLink.CloseNeedsNote"]);
        if (note.Length > 2000) return Error.Validation("note", L["Validation.TooLong", "note", 2000]);
        w!.Note = Append(w.Note, note);
        w.Status = WeakLinkStatus.Closed;
        w.ClosedAt = w.UpdatedAt = clock.GetUtcNow();
        await db.SaveChangesAsync(ct);
        return ToDto(w);
    }

    private async Task<(WeakLink?, Error?)> WritableAsync(Guid id, CancellationToken ct)
    {
        var w = await db.WeakLinks.FirstOrDefaultAsync(x => x.Id == id, ct);
        if (w is null || !user.Can(Permission.ViewMembers, w.OrgPath)) return (null, Error.NotFound(T["WeakLink.NotFound"]));
        if (!user.Can(Permission.ManageMeetings, w.OrgPath)) return (null, Error.Forbidden(L["Auth.Forbidden"]));
        if (w.Status == WeakLinkStatus.Closed) return (null, Error.Conflict("WEAK_LINK_CLOSED", T["WeakLink.Closed"]));
        return (w, null);
    }

    private string Append(string? notes, string note)
    {
        var by = string.IsNullOrEmpty(user.DisplayName) ? user.UserName : user.DisplayName;
        var line = $"{Platform.Clock.ChinaTime.Format(clock.GetUtcNow())} {by}：{note}";
        var all = string.IsNullOrEmpty(notes) ? line : notes + "\n" + line;
        return all.Length > 2000 ? all[^2000..] : all;
    }

    private static WeakLinkDto ToDto(WeakLink w) => new(w.Id, w.OrgUnitId, w.OrgUnitName, w.MemberId, w.MemberName, w.Reason, w.Rule, w.Article, w.Score, w.Status,
        w.AssignedTo, w.Note, w.DetectedAt, w.UpdatedAt, w.ClosedAt);
}
