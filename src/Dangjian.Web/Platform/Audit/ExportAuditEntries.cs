using Dangjian.Web.Data;
using Dangjian.Web.Platform.Auth;
using Dangjian.Web.Platform.Clock;
using Dangjian.Web.Platform.Errors;
using Dangjian.Web.Platform.Export;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;

namespace Dangjian.Web.Platform.Audit;

/// <summary>
/// The audit log of a subtree as .xlsx for an auditor (等保: 安全审计, the records exportable): the entries the caller may
/// read, newest first, optionally from and to a day (China time) and of one entity type, at most <see cref="MaxRows"/>.
/// The export itself is an audit entry.
/// </summary>
public sealed class ExportAuditEntries(ListAuditEntries list, AppDbContext db, CurrentUser user, TimeProvider clock, IStringLocalizer<SharedResource> L)
{
    public const int MaxRows = 100_000;

    public async Task<Result<(string FileName, byte[] Content)>> HandleAsync(Guid? orgUnitId, string? entityType, DateOnly? from, DateOnly? to,
        CancellationToken ct)
    {
        if (from is { } f && to is { } t && t < f) return Error.Validation("to", L["Audit.Export.ToBeforeFrom"]);
        var scoped = await list.ScopedAsync(orgUnitId, entityType, ct);
        if (!scoped.IsSuccess) return scoped.Error!;
        var (unit, query) = scoped.Value;
        if (from is { } start) query = query.Where(a => a.At >= StartOf(start));
        if (to is { } end) query = query.Where(a => a.At < StartOf(end.AddDays(1)));
        var rows = await query.OrderByDescending(a => a.At).Take(MaxRows)
            .Select(a => new { a.At, a.UserName, a.Action, a.EntityType, a.EntityId, a.Before, a.After }).ToListAsync(ct);

        db.AuditEntries.Add(new AuditEntry
        {
            Id = Guid.NewGuid(),
            TenantId = unit.TenantId,
            At = clock.GetUtcNow(),
            UserId = user.UserId,
            UserName = user.UserName,
            Action = "Export",
            EntityType = "AuditLog",
            EntityId = unit.Id.ToString(),
            OrgPath = unit.Path,
            After = System.Text.Json.JsonSerializer.Serialize(new { rows = rows.Count, entityType, from, to }),
        });
        await db.SaveChangesAsync(ct);

        using var stream = new MemoryStream();
        XlsxWriter.Write(stream, L["Audit.Export.Sheet"],
            [L["Audit.Export.At"], L["Audit.Export.User"], L["Audit.Export.Action"], L["Audit.Export.EntityType"], L["Audit.Export.Entity"],
             L["Audit.Export.Before"], L["Audit.Export.After"]],
            rows.Select(a => (IReadOnlyList<object?>)[ChinaTime.Format(a.At), a.UserName, Label("Audit.", a.Action), Label("Entity.", a.EntityType),
                a.EntityId, a.Before, a.After]));
        return (L["Audit.Export.File", unit.Name, ChinaTime.Format(clock.Today())], stream.ToArray());
    }

    // As the audit page shows them; a code without a label (a future kind of entry) as it is stored.
    private string Label(string prefix, string code) => L[prefix + code] is { ResourceNotFound: false } label ? label.Value : code;

    private static DateTimeOffset StartOf(DateOnly day) => new DateTimeOffset(day.ToDateTime(TimeOnly.MinValue), ChinaTime.Offset).ToUniversalTime();
}
