using System.Text.Json;
using Dangjian.Web.Data;
using Dangjian.Web.Platform.Auth;

namespace Dangjian.Web.Platform.Audit;

/// <summary>
/// Security events of an account (sign-in, failure, hold, password changed or reset, unlock) in the audit log with the
/// address and browser they came from (等保: 安全审计). Entity type <c>Security</c>, tenant level (read by whoever
/// administers the root), never editable: the audit log has no update or delete. A failure for a name no account has
/// belongs to no tenant and goes to the application log only.
/// </summary>
public sealed class SecurityEvents(AppDbContext db, TimeProvider clock, IHttpContextAccessor http, ILogger<SecurityEvents> log)
{
    public const string EntityType = "Security";

    public async Task WriteAsync(AppUser? account, string userName, string action, CancellationToken ct, AppUser? by = null)
    {
        var ctx = http.HttpContext;
        var address = ClientAddress.Of(ctx);
        var agent = ctx?.Request.Headers.UserAgent.ToString() ?? "";
        if (agent.Length > 300) agent = agent[..300];
        if (account is null)
        {
            log.LogWarning("Security event {Action} for an unknown name from {Address}", action, address);
            return;
        }
        db.AuditEntries.Add(new AuditEntry
        {
            Id = Guid.NewGuid(),
            TenantId = account.TenantId,
            At = clock.GetUtcNow(),
            UserId = (by ?? account).Id,
            UserName = (by ?? account).UserName ?? userName,
            Action = action,
            EntityType = EntityType,
            EntityId = account.UserName ?? userName,
            OrgPath = "",
            After = JsonSerializer.Serialize(new { address, userAgent = agent }),
        });
        await db.SaveChangesAsync(ct);
    }

    /// <summary>
    /// A file with full personal data left the system (an import's rejected rows, …): who, what, from where, in the
    /// audit log of the unit it belongs to.
    /// </summary>
    public async Task PersonalDataExportedAsync(string what, string subjectId, Modules.Organizations.OrgUnit unit, CancellationToken ct)
    {
        var ctx = http.HttpContext;
        var user = ctx?.RequestServices.GetService<CurrentUser>();
        db.AuditEntries.Add(new AuditEntry
        {
            Id = Guid.NewGuid(),
            TenantId = unit.TenantId,
            At = clock.GetUtcNow(),
            UserId = user?.UserId,
            UserName = user?.UserName ?? "",
            Action = "Export",
            EntityType = what,
            EntityId = subjectId,
            OrgPath = unit.Path,
            After = JsonSerializer.Serialize(new { address = ClientAddress.Of(ctx), userAgent = ctx?.Request.Headers.UserAgent.ToString() ?? "" }),
        });
        await db.SaveChangesAsync(ct);
    }
}

/// <summary>The client's address as the app sees it (after a configured proxy's X-Forwarded-For, docs/security.md).</summary>
public static class ClientAddress
{
    public static string Of(HttpContext? ctx) => ctx?.Connection.RemoteIpAddress?.ToString() ?? "-";
}
