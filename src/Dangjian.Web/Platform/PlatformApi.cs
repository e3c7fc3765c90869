using Dangjian.Web.Modules.Organizations;
using Dangjian.Web.Data;
using Dangjian.Web.Platform.Audit;
using Dangjian.Web.Platform.Auth;
using Dangjian.Web.Platform.Errors;
using Dangjian.Web.Platform.Ledger;
using Dangjian.Web.Platform.Paging;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;

namespace Dangjian.Web.Platform;

/// <summary>Cross-cutting endpoints: audit log, ledger verification and export, the notification inbox.</summary>
internal static class PlatformApi
{
    public static void Map(IEndpointRouteBuilder app)
    {
        AuthApi.Map(app);

        app.MapGet("/api/v1/audit", async Task<IResult> (Guid? orgUnitId, string? entityType, int? page, int? pageSize, ListAuditEntries h, CancellationToken ct) =>
            {
                var r = await h.HandleAsync(orgUnitId, entityType, PageRequest.Of(page, pageSize), ct);
                return r.IsSuccess ? TypedResults.Ok(r.Value) : r.Error!.ToProblem();
            })
            .WithTags("Audit").RequireAuthorization();

        var ledger = app.MapGroup("/api/v1/ledger").WithTags("Ledger").RequireAuthorization();
        ledger.MapGet("/verify", async Task<IResult> (LedgerGate gate, VerifyLedger h, CancellationToken ct) =>
        {
            if (await gate.CheckAsync(ct) is { } refused) return refused.ToProblem();
            return TypedResults.Ok(await h.HandleAsync(ct));
        });
        ledger.MapGet("/export", async Task<IResult> (LedgerGate gate, AppDbContext db, CancellationToken ct) =>
        {
            if (await gate.CheckAsync(ct) is { } refused) return refused.ToProblem();
            var entries = await db.LedgerEntries.AsNoTracking().OrderBy(e => e.Sequence).ToListAsync(ct);
            return TypedResults.Ok(new
            {
                algorithm = "SHA-256 over UTF-8 of: tenantId(N format) \\n sequence \\n at(UTC, yyyy-MM-ddTHH:mm:ss.ffffffZ) \\n kind \\n subjectId \\n payload \\n previousHash; the first previousHash is 64 zeros",
                entries = entries.Select(e => new { e.TenantId, e.Sequence, e.At, e.Kind, e.SubjectId, e.Payload, e.PreviousHash, e.Hash }),
            });
        });

        var inbox = app.MapGroup("/api/v1/notifications").WithTags("Notifications").RequireAuthorization();
        inbox.MapGet("/", async (int? page, int? pageSize, AppDbContext db, CurrentUser user, CancellationToken ct) =>
        {
            var p = PageRequest.Of(page, pageSize);
            var mine = db.Notifications.Where(n => n.UserId == user.UserId);
            var total = await mine.CountAsync(ct);
            var items = await mine.OrderByDescending(n => n.CreatedAt).Skip(p.Skip).Take(p.PageSize).ToListAsync(ct);
            return TypedResults.Ok(new Page<Notifications.Notification>(items, p.Page, p.PageSize, total));
        });
        inbox.MapPost("/{id:guid}/read", async Task<IResult> (Guid id, AppDbContext db, CurrentUser user, TimeProvider clock,
            IStringLocalizer<SharedResource> L, CancellationToken ct) =>
        {
            var n = await db.Notifications.FirstOrDefaultAsync(x => x.Id == id && x.UserId == user.UserId, ct);
            if (n is null) return Error.NotFound(L["Notice.NotFound"]).ToProblem();
            n.ReadAt ??= clock.GetUtcNow();
            await db.SaveChangesAsync(ct);
            return TypedResults.NoContent();
        });
    }
}

/// <summary>The ledger is tenant-wide: only those who may verify it at a root of the tree see it.</summary>
internal sealed class LedgerGate(AppDbContext db, CurrentUser user, IStringLocalizer<SharedResource> L)
{
    public async Task<Error?> CheckAsync(CancellationToken ct)
    {
        var roots = await db.OrgUnits.Where(u => u.ParentId == null).Select(u => u.Path).ToListAsync(ct);
        return roots.Any(p => user.Can(Permission.VerifyLedger, p)) ? null : Error.Forbidden(L["Auth.Forbidden"]);
    }
}
