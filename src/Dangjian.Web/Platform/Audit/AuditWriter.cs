using System.Text.Json;
using Dangjian.Web.Data;
using Dangjian.Web.Modules.Organizations;
using Dangjian.Web.Platform.Auth;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.ChangeTracking;
using Microsoft.EntityFrameworkCore.Metadata;

namespace Dangjian.Web.Platform.Audit;

/// <summary>Builds audit entries (before/after of each changed property) from the change tracker.</summary>
internal static class AuditWriter
{
    // Secrets and bookkeeping that must never appear in the audit log.
    private static readonly HashSet<string> Hidden = new(StringComparer.Ordinal)
    {
        "PasswordHash", "SecurityStamp", "ConcurrencyStamp", "NormalizedUserName", "NormalizedEmail", "AccessFailedCount", "Version",
    };

    public static async Task<List<AuditEntry>> CollectAsync(AppDbContext db, CurrentUser user, DateTimeOffset now, CancellationToken ct)
    {
        var changed = db.ChangeTracker.Entries<IAudited>()
            .Where(e => e.State is EntityState.Added or EntityState.Modified or EntityState.Deleted)
            .ToList();
        if (changed.Count == 0) return [];

        var paths = await ResolvePathsAsync(db, changed.Select(e => e.Entity.AuditOrgUnitId), ct);
        var entries = new List<AuditEntry>(changed.Count);
        foreach (var entry in changed)
        {
            var (before, after) = Snapshot(entry);
            if (entry.State == EntityState.Modified && before.Count == 0) continue;
            var tenantId = entry.Property("TenantId").CurrentValue as Guid? ?? db.CurrentTenantId;
            entries.Add(Entry(user, now, tenantId, entry.State, entry.Metadata,
                entry.Metadata.FindPrimaryKey()!.Properties.Select(p => entry.Property(p.Name).CurrentValue),
                paths.GetValueOrDefault(entry.Entity.AuditOrgUnitId, ""), before, after));
        }
        return entries;
    }

    /// <summary>
    /// The entry SaveChanges would write for a new row, for rows that <see cref="Data.BulkInsert"/> writes without the
    /// change tracker: the same values (every property, after the caller has set the tenant), in the same order.
    /// </summary>
    public static AuditEntry Added(IEntityType type, object entity, Guid tenantId, string orgPath, CurrentUser user, DateTimeOffset now)
    {
        var after = new Dictionary<string, object?>();
        foreach (var p in type.GetProperties())
        {
            if (!Hidden.Contains(p.Name)) after[p.Name] = Plain(p.GetGetter().GetClrValue(entity));
        }
        return Entry(user, now, tenantId, EntityState.Added, type,
            type.FindPrimaryKey()!.Properties.Select(p => p.GetGetter().GetClrValue(entity)), orgPath, [], after);
    }

    private static AuditEntry Entry(CurrentUser user, DateTimeOffset now, Guid tenantId, EntityState state, IEntityType type,
        IEnumerable<object?> key, string orgPath, Dictionary<string, object?> before, Dictionary<string, object?> after) => new()
    {
        Id = Guid.CreateVersion7(now),
        TenantId = tenantId,
        At = now,
        UserId = user.IsAuthenticated ? user.UserId : null,
        UserName = user.IsAuthenticated ? user.UserName : "system",
        Action = state.ToString(),
        EntityType = type.ClrType.Name,
        EntityId = string.Join(",", key),
        OrgPath = orgPath,
        Before = before.Count == 0 ? null : JsonSerializer.Serialize(before),
        After = after.Count == 0 ? null : JsonSerializer.Serialize(after),
    };

    private static (Dictionary<string, object?> Before, Dictionary<string, object?> After) Snapshot(EntityEntry<IAudited> entry)
    {
        var before = new Dictionary<string, object?>();
        var after = new Dictionary<string, object?>();
        foreach (var p in entry.Properties)
        {
            var name = p.Metadata.Name;
            if (Hidden.Contains(name)) continue;
            switch (entry.State)
            {
                case EntityState.Added:
                    after[name] = Plain(p.CurrentValue);
                    break;
                case EntityState.Deleted:
                    before[name] = Plain(p.OriginalValue);
                    break;
                case EntityState.Modified when p.IsModified && !Equals(p.OriginalValue, p.CurrentValue):
                    before[name] = Plain(p.OriginalValue);
                    after[name] = Plain(p.CurrentValue);
                    break;
            }
        }
        return (before, after);
    }

    private static object? Plain(object? value) => value is Enum e ? e.ToString() : value;

    private static async Task<Dictionary<Guid, string>> ResolvePathsAsync(AppDbContext db, IEnumerable<Guid> unitIds, CancellationToken ct)
    {
        var wanted = unitIds.Where(id => id != Guid.Empty).ToHashSet();
        var result = new Dictionary<Guid, string>();
        foreach (var tracked in db.ChangeTracker.Entries<OrgUnit>().Where(e => wanted.Contains(e.Entity.Id)))
        {
            result[tracked.Entity.Id] = tracked.Entity.Path;
        }
        var missing = wanted.Where(id => !result.ContainsKey(id)).ToList();
        if (missing.Count > 0)
        {
            var rows = await db.OrgUnits.IgnoreQueryFilters([AppDbContext.SoftDeleteFilter])
                .Where(u => missing.Contains(u.Id)).Select(u => new { u.Id, u.Path }).ToListAsync(ct);
            foreach (var row in rows) result[row.Id] = row.Path;
        }
        return result;
    }
}
