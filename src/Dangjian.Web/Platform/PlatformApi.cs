using System.Resources;
using Dangjian.Web.Data;
using Dangjian.Web.Modules.Organizations;
using Dangjian.Web.Platform.Api;
using Dangjian.Web.Platform.Export;
using Dangjian.Web.Platform.Audit;
using Dangjian.Web.Platform.Auth;
using Dangjian.Web.Platform.Errors;
using Dangjian.Web.Platform.Ledger;
using Dangjian.Web.Platform.Notifications;
using Dangjian.Web.Platform.Paging;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;

namespace Dangjian.Web.Platform;

/// <summary>Cross-cutting endpoints: audit log, ledger verification and export, the notification inbox. A route table of named handlers.</summary>
internal static class PlatformApi
{
    private static readonly ResourceManager Texts = new(typeof(PlatformApi));

    /// <summary>How an outsider recomputes each entry's hash from the export.</summary>
    private const string LedgerAlgorithm =
        "SHA-256 over UTF-8 of: tenantId(N format) \\n sequence \\n at(UTC, yyyy-MM-ddTHH:mm:ss.ffffffZ) \\n kind \\n subjectId \\n payload \\n previousHash; the first previousHash is 64 zeros";

    public static void Map(IEndpointRouteBuilder app)
    {
        AuthApi.Map(app);

        app.MapGet("/api/v1/audit", ListAudit).WithTags("Audit").RequireAuthorization().Describe(Texts, "ListAuditEntries");
        app.MapGet("/api/v1/audit/export", ExportAudit).WithTags("Audit").RequireAuthorization().Describe(Texts, "ExportAuditEntries")
            .Produces<byte[]>(StatusCodes.Status200OK, XlsxWriter.ContentType);

        var ledger = app.MapGroup("/api/v1/ledger").WithTags("Ledger").RequireAuthorization();
        ledger.MapGet("/verify", Verify).Describe(Texts, "VerifyLedger");
        ledger.MapGet("/export", Export).Describe(Texts, "ExportLedger");

        var inbox = app.MapGroup("/api/v1/notifications").WithTags("Notifications").RequireAuthorization();
        inbox.MapGet("/", ListNotifications).Describe(Texts, "ListNotifications");
        inbox.MapPost("/{id:guid}/read", MarkRead).Describe(Texts, "MarkNotificationRead");
    }

    private static async Task<Results<Ok<Page<AuditEntryDto>>, ApiProblem>> ListAudit(Guid? orgUnitId, string? entityType, int? page, int? pageSize,
        ListAuditEntries h, CancellationToken ct) =>
        ApiReply.Ok(await h.HandleAsync(orgUnitId, entityType, PageRequest.Of(page, pageSize), ct));

    private static async Task<Results<FileContentHttpResult, ApiProblem>> ExportAudit(Guid? orgUnitId, string? entityType, DateOnly? from,
        DateOnly? to, ExportAuditEntries h, CancellationToken ct) =>
        ApiReply.File(await h.HandleAsync(orgUnitId, entityType, from, to, ct), f => f.Content, XlsxWriter.ContentType, f => f.FileName);

    private static async Task<Results<Ok<LedgerVerification>, ApiProblem>> Verify(LedgerGate gate, VerifyLedger h, CancellationToken ct)
    {
        if (await gate.CheckAsync(ct) is { } refused) return new ApiProblem(refused);
        return TypedResults.Ok(await h.HandleAsync(ct));
    }

    private static async Task<Results<Ok<LedgerExport>, ApiProblem>> Export(LedgerGate gate, AppDbContext db, CancellationToken ct)
    {
        if (await gate.CheckAsync(ct) is { } refused) return new ApiProblem(refused);
        var entries = await db.LedgerEntries.AsNoTracking().OrderBy(e => e.Sequence).ToListAsync(ct);
        return TypedResults.Ok(new LedgerExport(LedgerAlgorithm,
            [.. entries.Select(e => new LedgerExportEntry(e.TenantId, e.Sequence, e.At, e.Kind, e.SubjectId, e.Payload, e.PreviousHash, e.Hash))]));
    }

    private static async Task<Results<Ok<Page<Notification>>, ApiProblem>> ListNotifications(int? page, int? pageSize, AppDbContext db, CurrentUser user,
        CancellationToken ct)
    {
        var p = PageRequest.Of(page, pageSize);
        var mine = db.Notifications.Where(n => n.UserId == user.UserId);
        var total = await mine.CountAsync(ct);
        var items = await mine.OrderByDescending(n => n.CreatedAt).Skip(p.Skip).Take(p.PageSize).ToListAsync(ct);
        return TypedResults.Ok(new Page<Notification>(items, p.Page, p.PageSize, total));
    }

    private static async Task<Results<NoContent, ApiProblem>> MarkRead(Guid id, AppDbContext db, CurrentUser user, TimeProvider clock,
        IStringLocalizer<SharedResource> L, CancellationToken ct)
    {
        var n = await db.Notifications.FirstOrDefaultAsync(x => x.Id == id && x.UserId == user.UserId, ct);
        if (n is null) return new ApiProblem(Error.NotFound(L["Notice.NotFound"]));
        n.ReadAt ??= clock.GetUtcNow();
        await db.SaveChangesAsync(ct);
        return TypedResults.NoContent();
    }
}

/// <summary>The whole ledger of the tenant with what an outsider needs to recompute the chain.</summary>
public sealed record LedgerExport(string Algorithm, IReadOnlyList<LedgerExportEntry> Entries);

/// <summary>One entry of the chain as exported.</summary>
public sealed record LedgerExportEntry(Guid TenantId, long Sequence, DateTimeOffset At, string Kind, string SubjectId, string Payload, string PreviousHash,
    string Hash);

/// <summary>The ledger is tenant-wide: only those who may verify it at a root of the tree see it.</summary>
internal sealed class LedgerGate(AppDbContext db, CurrentUser user, IStringLocalizer<SharedResource> L)
{
    public async Task<Error?> CheckAsync(CancellationToken ct)
    {
        var roots = await db.OrgUnits.Where(u => u.ParentId == null).Select(u => u.Path).ToListAsync(ct);
        return roots.Any(p => user.Can(Permission.VerifyLedger, p)) ? null : Error.Forbidden(L["Auth.Forbidden"]);
    }
}
