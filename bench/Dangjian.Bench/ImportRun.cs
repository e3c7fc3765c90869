using Dangjian.Web.Modules.Members;
using System.Diagnostics;
using System.Globalization;
using Dangjian.Web.Data;
using Dangjian.Web.Modules.Members.Import;
using Dangjian.Web.Platform.Import;
using Dangjian.Web.Modules.Organizations;
using Dangjian.Web.Platform.Auth;
using Dangjian.Web.Platform.Clock;
using Dangjian.Web.Platform.Tenancy;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Dangjian.Bench;

/// <summary>
/// `Dangjian.Bench import-roster FILE [ROWS]` writes a roster workbook (<see cref="RosterFile"/>);
/// `Dangjian.Bench import Sqlite|Postgres CONNECTION FILE` imports it once into an empty branch of the database, which
/// must be empty (bench/run.sh creates a fresh one per run), through <see cref="ImportMembers"/> as the web app does:
/// upload (parse, check every row, store the upload: what the preview page waits on), preview again (what each later
/// view of the preview page costs), apply (re-check, then write every row in one transaction, with the audit log).
/// Each step runs in its own service scope, as separate requests would. A one-shot timing of a long operation: run it
/// several times in fresh processes (bench/run.sh import does 3 per provider) rather than trusting one run.
/// </summary>
public static class ImportRun
{
    public static async Task<int> WriteRosterAsync(string path, int rows)
    {
        var sw = Stopwatch.StartNew();
        var bytes = RosterFile.Build(rows, TimeProvider.System.Today());
        await File.WriteAllBytesAsync(path, bytes);
        Console.WriteLine($"roster: {rows:N0} rows, {bytes.Length / 1024.0 / 1024.0:F1} MiB, written in {sw.Elapsed.TotalSeconds:F1} s: {path}");
        return 0;
    }

    public static async Task<int> RunAsync(string providerName, string connectionString, string file)
    {
        var provider = Enum.Parse<DatabaseProvider>(providerName);
        var content = await File.ReadAllBytesAsync(file);
        await using var services = BenchDatabase.BuildServices(provider, connectionString);

        var (tenantId, roles, target, warmUp) = await ArrangeAsync(services);
        Console.WriteLine($"== import {provider}: {Path.GetFileName(file)} ({content.Length / 1024.0 / 1024.0:F1} MiB) into an empty branch; " +
                          $"GC {(System.Runtime.GCSettings.IsServerGC ? "server" : "workstation")}; load {BenchDatabase.LoadAverage()}");

        // Warm-up: a 20-row roster into another branch, so JIT and EF's model building are not in the timings.
        await ImportAsync(services, tenantId, roles, warmUp, RosterFile.Build(20, TimeProvider.System.Today(), seed: 1), "warm-up", report: false);
        await ImportAsync(services, tenantId, roles, target, content, Path.GetFileName(file), report: true);

        await using var check = Scope(services, tenantId, roles);
        var db = check.ServiceProvider.GetRequiredService<AppDbContext>();
        var written = await db.Members.CountAsync(m => m.OrgUnitId == target.Id);
        Console.WriteLine($"members now in the branch: {written:N0}; peak RSS of the process: {PeakRssKiB() / 1024.0:F0} MiB; load {BenchDatabase.LoadAverage()}");
        return 0;
    }

    private static async Task ImportAsync(ServiceProvider services, Guid tenantId, IReadOnlyList<ScopedRole> roles, OrgUnit unit,
        byte[] content, string fileName, bool report)
    {
        ImportSummary summary = null!;
        await Step(services, tenantId, roles, "upload+preview", report, async h =>
        {
            summary = (await h.UploadAsync(unit.Id, fileName, content, CancellationToken.None)).Value
                      ?? throw new InvalidOperationException("upload failed");
            if (summary.InvalidRows != 0 || summary.ToCreate != summary.TotalRows)
                throw new InvalidOperationException($"the roster should be all new and valid: {summary.InvalidRows} invalid, first: " +
                                                    string.Join("; ", summary.Errors.Take(3)));
            return summary.TotalRows;
        });
        await Step(services, tenantId, roles, "preview again", report, async h =>
            (await h.PreviewAsync(summary.Id, CancellationToken.None)).Value!.TotalRows);
        await Step(services, tenantId, roles, "apply", report, async h =>
        {
            var applied = (await h.ApplyAsync(summary.Id, allOrNothing: false, CancellationToken.None)).Value
                          ?? throw new InvalidOperationException("apply failed");
            if (applied.Created != summary.TotalRows) throw new InvalidOperationException($"created {applied.Created} of {summary.TotalRows}");
            return applied.Created;
        });
    }

    /// <summary>One step in a fresh scope: wall time, rows/s, bytes the GC allocated, and the process's peak RSS during it.</summary>
    private static async Task Step(ServiceProvider services, Guid tenantId, IReadOnlyList<ScopedRole> roles, string name, bool report,
        Func<ImportMembers, Task<int>> run)
    {
        GC.Collect();
        GC.WaitForPendingFinalizers();
        GC.Collect();
        var peakReset = ResetPeakRss();
        var rssBefore = RssKiB();
        var allocated = GC.GetTotalAllocatedBytes(precise: true);
        var gen2 = GC.CollectionCount(2);
        var sw = Stopwatch.StartNew();
        int rows;
        await using (var scope = Scope(services, tenantId, roles))
        {
            rows = await run(scope.ServiceProvider.GetRequiredService<ImportMembers>());
        }
        sw.Stop();
        if (!report) return;
        var allocatedMiB = (GC.GetTotalAllocatedBytes(precise: true) - allocated) / 1024.0 / 1024.0;
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"{name,-15} {rows,7:N0} rows  {sw.Elapsed.TotalSeconds,7:F2} s  {rows / sw.Elapsed.TotalSeconds,8:N0} rows/s  " +
            $"allocated {allocatedMiB,7:N0} MiB  gen2 GCs {GC.CollectionCount(2) - gen2,3}  " +
            $"RSS {rssBefore / 1024.0:F0} MiB before, peak {(peakReset ? "during" : "so far")} {PeakRssKiB() / 1024.0:F0} MiB"));
    }

    private static async Task<(Guid TenantId, IReadOnlyList<ScopedRole> Roles, OrgUnit Target, OrgUnit WarmUp)> ArrangeAsync(ServiceProvider services)
    {
        await using var scope = services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        await SchemaMigrator.MigrateAsync(db);
        if (await db.Tenants.AnyAsync()) throw new InvalidOperationException("The import benchmark needs an empty database (bench/run.sh import makes one).");

        var now = TimeProvider.System.GetUtcNow();
        var tenant = new Tenant { Id = Guid.CreateVersion7(now), Name = "导入压测集团", CreatedAt = now };
        var root = Unit(null, "导入压测集团党委", OrgUnitKind.PartyCommittee, 1, now);
        var target = Unit(root, "导入测试党支部", OrgUnitKind.Branch, 1, now);
        var warmUp = Unit(root, "预热党支部", OrgUnitKind.Branch, 2, now);
        // The person importing: a branch secretary of both branches (an import needs ManageMembers on the unit).
        IReadOnlyList<ScopedRole> roles =
        [
            new(AppRole.BranchSecretary, DataScope.OwnUnitAndBelow, target.Id, target.Path),
            new(AppRole.BranchSecretary, DataScope.OwnUnitAndBelow, warmUp.Id, warmUp.Path),
        ];
        scope.ServiceProvider.GetRequiredService<TenantContext>().Set(tenant.Id);
        scope.ServiceProvider.GetRequiredService<CurrentUser>().Set(Guid.CreateVersion7(now), tenant.Id, "bench", "压测", roles);
        db.Tenants.Add(tenant);
        db.OrgUnits.AddRange(root, target, warmUp);
        await db.SaveChangesAsync();
        return (tenant.Id, roles, target, warmUp);
    }

    private static OrgUnit Unit(OrgUnit? parent, string name, OrgUnitKind kind, int sortOrder, DateTimeOffset now)
    {
        var key = OrgPaths.NewKey();
        return new OrgUnit
        {
            Id = Guid.CreateVersion7(now), ParentId = parent?.Id, Key = key,
            Path = parent is null ? OrgPaths.Root(key) : OrgPaths.Child(parent.Path, key), Depth = parent is null ? 0 : parent.Depth + 1,
            Name = name, Kind = kind, Setup = OrgSetup.Standalone, HostUnitType = "公有经济控制企业", SortOrder = sortOrder, CreatedAt = now,
        };
    }

    private static readonly Guid UserId = Guid.CreateVersion7();

    /// <summary>A scope as one request of the importing user: the same user id throughout (uploads belong to their user).</summary>
    private static AsyncServiceScope Scope(ServiceProvider services, Guid tenantId, IReadOnlyList<ScopedRole> roles)
    {
        var scope = services.CreateAsyncScope();
        scope.ServiceProvider.GetRequiredService<TenantContext>().Set(tenantId);
        scope.ServiceProvider.GetRequiredService<CurrentUser>().Set(UserId, tenantId, "bench", "压测", roles);
        return scope;
    }

    /// <summary>Resets the kernel's peak-RSS mark (VmHWM) to the current RSS (Linux: "5" to /proc/self/clear_refs).</summary>
    private static bool ResetPeakRss()
    {
        try
        {
            File.WriteAllText("/proc/self/clear_refs", "5");
            return true;
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            return false;
        }
    }

    private static long RssKiB() => Status("VmRSS:");

    private static long PeakRssKiB() => Status("VmHWM:");

    private static long Status(string field)
    {
        if (!File.Exists("/proc/self/status")) return 0;
        var line = File.ReadLines("/proc/self/status").FirstOrDefault(l => l.StartsWith(field, StringComparison.Ordinal));
        return line is null ? 0 : long.Parse(line[field.Length..].Trim().Split(' ')[0], CultureInfo.InvariantCulture);
    }
}
