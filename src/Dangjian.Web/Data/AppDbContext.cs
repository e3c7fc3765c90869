using System.Linq.Expressions;
using System.Reflection;
using Dangjian.Web.Modules.Members;
using Dangjian.Web.Modules.Organizations;
using Dangjian.Web.Modules.Organizations.Committees;
using Dangjian.Web.Platform.Audit;
using Dangjian.Web.Platform.Auth;
using Dangjian.Web.Platform.Jobs;
using Dangjian.Web.Platform.Ledger;
using Dangjian.Web.Platform.Notifications;
using Dangjian.Web.Platform.Tenancy;
using Microsoft.AspNetCore.Identity.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Storage.ValueConversion;

namespace Dangjian.Web.Data;

/// <summary>
/// The one context. Tenant-owned rows are filtered to the current tenant and stamped with it; changes to audited
/// rows are written to the audit log in the same transaction as the change itself.
/// </summary>
/// <remarks>
/// Contexts are pooled (<see cref="DatabaseSetup.AddAppDbContext"/>): setting one up costs more than most requests'
/// queries. A context leased for a request is bound to that request's tenant, user and clock by <see cref="Bind"/>, which
/// also resets the state of its own that the pool does not know about.
/// </remarks>
public sealed partial class AppDbContext : IdentityUserContext<AppUser, Guid>
{
    private TenantContext tenant = new();
    private CurrentUser user = new();
    private TimeProvider clock = TimeProvider.System;

    /// <summary>The only constructor, as the pool requires; <see cref="Bind"/> follows before use (a context outside the
    /// pool, as schema tools and tests make, is bound by its maker).</summary>
    public AppDbContext(DbContextOptions<AppDbContext> options) : base(options)
    {
    }

    /// <summary>Binds a (pooled) context to the scope that leased it: its tenant filter, audit author and clock.</summary>
    public AppDbContext Bind(TenantContext tenant, CurrentUser user, TimeProvider clock)
    {
        this.tenant = tenant;
        this.user = user;
        this.clock = clock;
        PendingLedger.Clear();
        AuditEnabled = true;
        return this;
    }

    public const string TenantFilter = "Tenant";
    public const string SoftDeleteFilter = "SoftDelete";

    public Guid CurrentTenantId => tenant.TenantId;

    public DbSet<Tenant> Tenants => Set<Tenant>();
    public DbSet<Platform.Import.ImportUpload> ImportUploads => Set<Platform.Import.ImportUpload>();
    public DbSet<RoleAssignment> RoleAssignments => Set<RoleAssignment>();
    public DbSet<AuditEntry> AuditEntries => Set<AuditEntry>();
    public DbSet<LedgerEntry> LedgerEntries => Set<LedgerEntry>();
    public DbSet<Notification> Notifications => Set<Notification>();
    public DbSet<JobLease> JobLeases => Set<JobLease>();
    public DbSet<JobRun> JobRuns => Set<JobRun>();
    public DbSet<Platform.CodeTables.CodeItem> CodeItems => Set<Platform.CodeTables.CodeItem>();

    internal TenantContext Tenant => tenant;

    /// <summary>Ledger entries staged by <see cref="Platform.Ledger.Ledger"/>, sealed in the next SaveChanges.</summary>
    internal List<PendingLedgerEntry> PendingLedger { get; } = [];

    /// <summary>Bulk seeding of synthetic data switches the audit log off; nothing else may.</summary>
    internal bool AuditEnabled { get; set; } = true;

    protected override void ConfigureConventions(ModelConfigurationBuilder configurationBuilder)
    {
        configurationBuilder.Properties<Enum>().HaveConversion<string>().HaveMaxLength(40);
        if (Database.IsSqlite())
        {
            // SQLite has no date-time-with-offset type; UTC ticks keep ordering and range queries in SQL.
            configurationBuilder.Properties<DateTimeOffset>().HaveConversion<DateTimeOffsetToBinaryConverter>();
        }
    }

    protected override void OnModelCreating(ModelBuilder builder)
    {
        base.OnModelCreating(builder);
        builder.Entity<AppUser>(e =>
        {
            e.ToTable("Users");
            e.Property(u => u.DisplayName).HasMaxLength(100);
            e.HasIndex(u => u.TenantId);
            e.HasMany(u => u.Roles).WithOne().HasForeignKey(r => r.UserId).OnDelete(DeleteBehavior.Cascade);
        });
        builder.Entity<Microsoft.AspNetCore.Identity.IdentityUserClaim<Guid>>().ToTable("UserClaims");
        builder.Entity<Microsoft.AspNetCore.Identity.IdentityUserLogin<Guid>>().ToTable("UserLogins");
        builder.Entity<Microsoft.AspNetCore.Identity.IdentityUserToken<Guid>>().ToTable("UserTokens");

        builder.ApplyConfigurationsFromAssembly(typeof(AppDbContext).Assembly);

        var apply = typeof(AppDbContext).GetMethod(nameof(ApplyTenantFilter), BindingFlags.NonPublic | BindingFlags.Instance)!;
        foreach (var type in builder.Model.GetEntityTypes().Where(t => typeof(ITenantOwned).IsAssignableFrom(t.ClrType)).ToList())
        {
            apply.MakeGenericMethod(type.ClrType).Invoke(this, [builder]);
        }

        if (Database.IsNpgsql())
        {
            // Materialised paths compare byte-wise so that a subtree is one index range.
            foreach (var property in builder.Model.GetEntityTypes().SelectMany(t => t.GetProperties())
                         .Where(p => p.ClrType == typeof(string) && p.Name.EndsWith("Path", StringComparison.Ordinal)))
            {
                property.SetCollation("C");
            }
        }
    }

    /// <summary>
    /// Serialises the current tenant's writers that must see each other's work: a no-op UPDATE of the tenant's row, held
    /// until the caller's transaction ends — a row lock on PostgreSQL, the database's write lock on SQLite. What the
    /// caller reads after it includes everything committed by the tenant's writers before it. Call inside a transaction.
    /// </summary>
    public Task LockTenantAsync(CancellationToken ct)
    {
        var tenantId = CurrentTenantId;
        return Tenants.Where(t => t.Id == tenantId).ExecuteUpdateAsync(s => s.SetProperty(t => t.Name, t => t.Name), ct);
    }

    private void ApplyTenantFilter<T>(ModelBuilder builder) where T : class, ITenantOwned
    {
        Expression<Func<T, bool>> filter = e => e.TenantId == CurrentTenantId;
        builder.Entity<T>().HasQueryFilter(TenantFilter, filter);
    }

    /// <summary>
    /// Not offered: audit and ledger sealing read the database asynchronously, and blocking a thread on them would tie
    /// up the pool under load. Every caller uses <see cref="SaveChangesAsync(bool, CancellationToken)"/>.
    /// </summary>
    public override int SaveChanges(bool acceptAllChangesOnSuccess) =>
        throw new NotSupportedException("AppDbContext saves asynchronously only: call SaveChangesAsync.");

    public override async Task<int> SaveChangesAsync(bool acceptAllChangesOnSuccess, CancellationToken cancellationToken = default)
    {
        foreach (var entry in ChangeTracker.Entries<ITenantOwned>().Where(e => e.State == EntityState.Added))
        {
            if (entry.Entity.TenantId == Guid.Empty) entry.Entity.TenantId = tenant.TenantId;
        }

        if (AuditEnabled)
        {
            var audit = await AuditWriter.CollectAsync(this, user, clock.GetUtcNow(), cancellationToken);
            if (audit.Count > 0) AuditEntries.AddRange(audit);
        }

        if (PendingLedger.Count == 0) return await base.SaveChangesAsync(acceptAllChangesOnSuccess, cancellationToken);

        // The ledger entries and the change they record commit together, or neither does.
        var own = Database.CurrentTransaction is null ? await Database.BeginTransactionAsync(cancellationToken) : null;
        try
        {
            await LedgerSealer.SealAsync(this, clock.GetUtcNow(), cancellationToken);
            var saved = await base.SaveChangesAsync(acceptAllChangesOnSuccess, cancellationToken);
            if (own is not null) await own.CommitAsync(cancellationToken);
            return saved;
        }
        finally
        {
            if (own is not null) await own.DisposeAsync();
        }
    }
}
