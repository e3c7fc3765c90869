using Dangjian.Web.Data;
using Dangjian.Web.Modules.Organizations;
using Dangjian.Web.Platform;
using Dangjian.Web.Platform.Clock;
using Dangjian.Web.Platform.Errors;
using Dangjian.Web.Platform.Input;
using Dangjian.Web.Platform.Ledger;
using Dangjian.Web.Platform.Paging;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;

namespace Dangjian.Web.Modules.Assessment.CheckUps;

/// <summary>Which warnings a list shows: a status, a kind, and the period they were raised in (a year, or one of its quarters).</summary>
public sealed record WarningFilter(WarningStatus? Status, WarningKind? Kind, int? Year, int? Quarter);

/// <summary>
/// The early warnings of a unit: the list (filtered, paged), and the secretary's decision on one — handled with a
/// measure and a note, or dismissed with a reason — once (the status is a concurrency token), on the ledger
/// (docs/rules/points-and-assessment.md#pa-12).
/// </summary>
public sealed class Warnings(AppDbContext db, CheckUpsAccess access, InputCheck input, TimeProvider clock, Ledger ledger,
    IStringLocalizer<SharedResource> L, IStringLocalizer<CheckUpsText> T)
{
    public async Task<Result<Page<WarningDto>>> ListAsync(Guid unitId, WarningFilter filter, PageRequest page, CancellationToken ct)
    {
        var loaded = await access.UnitAsync(unitId, ct);
        if (loaded.Error is { } e) return e;
        var rows = Filter(access.Within(db.EarlyWarnings.AsNoTracking(), loaded.Value!), filter);
        var total = await rows.CountAsync(ct);
        var items = await rows.OrderByDescending(w => w.Status == WarningStatus.Open).ThenByDescending(w => w.RaisedAt).ThenBy(w => w.Id).Skip(page.Skip).Take(page.PageSize).ToListAsync(ct);
        return new Page<WarningDto>(items.Select(WarningDto.Of).ToList(), page.Page, page.PageSize, total);
    }

    /// <summary>Every warning of the filter, for the export (the caller's unit checked).</summary>
    public async Task<Result<(OrgUnit Unit, List<WarningDto> Items)>> AllAsync(Guid unitId, WarningFilter filter, CancellationToken ct)
    {
        var loaded = await access.UnitAsync(unitId, ct);
        if (loaded.Error is { } e) return e;
        var items = await Filter(access.Within(db.EarlyWarnings.AsNoTracking(), loaded.Value!), filter)
            .OrderByDescending(w => w.RaisedAt).ThenBy(w => w.Id).ToListAsync(ct);
        return (loaded.Value!, items.Select(WarningDto.Of).ToList());
    }

    public async Task<Result<WarningDto>> GetAsync(Guid warningId, CancellationToken ct)
    {
        var w = await db.EarlyWarnings.AsNoTracking().FirstOrDefaultAsync(w => w.Id == warningId, ct);
        if (w is null) return Error.NotFound(T["Warning.NotFound"]);
        if (access.Manages(w.OrgPath) is { } denied) return denied;
        return WarningDto.Of(w);
    }

    public async Task<Result<WarningDto>> HandleAsync(Guid warningId, HandleWarningRequest request, CancellationToken ct)
    {
        if (input.Check(request) is { } invalid) return invalid;
        var (w, error) = await LoadOpenAsync(warningId, ct);
        if (error is not null) return error;
        if (string.IsNullOrWhiteSpace(request.Measure) || !Enum.TryParse<HandlingMeasure>(request.Measure, true, out var measure) || !Enum.IsDefined(measure)
            || int.TryParse(request.Measure, out _))
            return Error.Validation("measure", L["Validation.OneOf", "measure", string.Join(", ", Enum.GetNames<HandlingMeasure>())]);
        var note = request.Note?.Trim();
        if (string.IsNullOrEmpty(note)) return Error.Validation("note", T["Warning.NoteRequired"]);
        if (w!.Status != WarningStatus.Open) return Already(w);
        Decide(w, WarningStatus.Handled, measure, note);
        ledger.Append("warning.handled", w.Id.ToString(), new { w.MemberId, Kind = w.Kind.ToString(), Measure = measure.ToString(), By = w.HandledBy });
        await db.SaveChangesAsync(ct);
        return WarningDto.Of(w);
    }

    public async Task<Result<WarningDto>> DismissAsync(Guid warningId, DismissWarningRequest request, CancellationToken ct)
    {
        if (input.Check(request) is { } invalid) return invalid;
        var (w, error) = await LoadOpenAsync(warningId, ct);
        if (error is not null) return error;
        var reason = request.Reason?.Trim();
        if (string.IsNullOrEmpty(reason)) return Error.Validation("reason", T["Warning.ReasonRequired"]);
        if (w!.Status != WarningStatus.Open) return Already(w);
        Decide(w, WarningStatus.Dismissed, null, reason);
        ledger.Append("warning.dismissed", w.Id.ToString(), new { w.MemberId, Kind = w.Kind.ToString(), By = w.HandledBy });
        await db.SaveChangesAsync(ct);
        return WarningDto.Of(w);
    }

    private async Task<(EarlyWarning?, Error?)> LoadOpenAsync(Guid warningId, CancellationToken ct)
    {
        var w = await db.EarlyWarnings.FirstOrDefaultAsync(w => w.Id == warningId, ct);
        if (w is null) return (null, Error.NotFound(T["Warning.NotFound"]));
        return access.Manages(w.OrgPath) is { } denied ? (null, denied) : (w, null);
    }

    private Error Already(EarlyWarning w) =>
        Error.Conflict("WARNING_DECIDED", T["Warning.Already", T["Warning.Status." + w.Status], w.HandledBy ?? ""], HandlingRateRule.Article);

    private void Decide(EarlyWarning w, WarningStatus status, HandlingMeasure? measure, string note)
    {
        (w.Status, w.Measure, w.Note) = (status, measure, note);
        (w.HandledByUserId, w.HandledBy, w.HandledAt) = (access.User.UserId, access.By, clock.GetUtcNow());
    }

    /// <summary>The filter over rows already scoped; the period by the day raised, China time.</summary>
    public static IQueryable<EarlyWarning> Filter(IQueryable<EarlyWarning> rows, WarningFilter f)
    {
        if (f.Status is { } s) rows = rows.Where(w => w.Status == s);
        if (f.Kind is { } k) rows = rows.Where(w => w.Kind == k);
        if (f.Year is { } y)
        {
            var (from, before) = PeriodBounds(y, f.Quarter);
            rows = rows.Where(w => w.RaisedAt >= from && w.RaisedAt < before);
        }
        return rows;
    }

    /// <summary>The instants [from, before) of a year or one of its quarters, in China time.</summary>
    public static (DateTimeOffset From, DateTimeOffset Before) PeriodBounds(int year, int? quarter)
    {
        var first = quarter is { } q ? CheckUpWindowRule.FirstDay(year, q) : new DateOnly(year, 1, 1);
        var next = quarter is not null ? first.AddMonths(3) : first.AddYears(1);
        return (Start(first), Start(next));
    }

    private static DateTimeOffset Start(DateOnly day) => new DateTimeOffset(day.ToDateTime(TimeOnly.MinValue), ChinaTime.Offset).ToUniversalTime();
}
