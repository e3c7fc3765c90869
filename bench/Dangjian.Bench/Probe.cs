using Dangjian.Web.Modules.Members;
using System.Diagnostics;
using Dangjian.Web.Data;
using Dangjian.Web.Modules.Organizations;
using Dangjian.Web.Platform.Paging;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Dangjian.Bench;

/// <summary>
/// `Dangjian.Bench probe`: runs each measured operation a few times per configured provider, printing the SQL EF sends
/// (with the database's plan for it) and single-shot timings. A diagnostic aid, not a benchmark.
/// </summary>
public static class Probe
{
    /// <summary>The subtree count as hand-written SQL on the context's connection: the floor EF adds its overhead to.</summary>
    private static async Task<int> RawCountAsync(AppDbContext db, Guid tenantId, string path)
    {
        var conn = db.Database.GetDbConnection();
        await db.Database.OpenConnectionAsync();
        try
        {
            await using var cmd = conn.CreateCommand();
            cmd.CommandText = """
                SELECT count(*) FROM "Members" WHERE "TenantId" = @t AND "OrgPath" >= @p AND "OrgPath" < @u AND "Category" IN ('Full', 'Probationary')
                """;
            var t = cmd.CreateParameter();
            t.ParameterName = "@t";
            t.Value = db.Database.IsNpgsql() ? tenantId : tenantId.ToString().ToUpperInvariant();
            cmd.Parameters.Add(t);
            var p = cmd.CreateParameter();
            p.ParameterName = "@p";
            p.Value = path;
            cmd.Parameters.Add(p);
            var u = cmd.CreateParameter();
            u.ParameterName = "@u";
            u.Value = OrgPaths.UpperBound(path);
            cmd.Parameters.Add(u);
            return Convert.ToInt32(await cmd.ExecuteScalarAsync(), System.Globalization.CultureInfo.InvariantCulture);
        }
        finally
        {
            await db.Database.CloseConnectionAsync();
        }
    }

    private sealed record SubtreeCounts(int Party, int Full);

    /// <summary>Party and full members as hand-written SQL, a plain aggregate with no GROUP BY: the floor for the one-scan count.</summary>
    private static async Task<SubtreeCounts> PartyAndFullRawAsync(AppDbContext db, string path, CancellationToken ct)
    {
        var upper = OrgPaths.UpperBound(path);
        var rows = await db.Database.SqlQuery<SubtreeCounts>($"""
            SELECT count(*) AS "Party", count(CASE WHEN "Category" = 'Full' THEN 1 END) AS "Full" FROM "Members"
            WHERE "TenantId" = {db.CurrentTenantId} AND "OrgPath" >= {path} AND "OrgPath" < {upper} AND "Category" IN ('Full', 'Probationary')
            """).ToListAsync(ct);
        return rows[0];
    }

    public static async Task RunAsync()
    {
        foreach (var name in BenchDatabase.ConfiguredProviders())
        {
            var (provider, cs) = BenchDatabase.Resolve(name);
            await using var services = BenchDatabase.BuildServices(provider, cs);
            await using var scope = services.CreateAsyncScope();
            var tree = await BenchDatabase.OpenTenantAsync(scope.ServiceProvider);
            var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
            var list = scope.ServiceProvider.GetRequiredService<ListOrgUnits>();
            var get = scope.ServiceProvider.GetRequiredService<GetOrgUnit>();
            var warnings = scope.ServiceProvider.GetRequiredService<GetOrgUnitWarnings>();
            Console.WriteLine($"== {name}: {tree}");

            var count = db.Members.InSubtree(tree.Root.Path)
                .Where(m => m.Category == Web.Modules.Members.MemberCategory.Full || m.Category == Web.Modules.Members.MemberCategory.Probationary);
            Console.WriteLine("-- subtree count SQL:");
            Console.WriteLine(count.ToQueryString());

            var ops = new (string Name, Func<Task<int>> Run)[]
            {
                ("raw count root", () => RawCountAsync(db, tree.TenantId, tree.Root.Path)),
                ("count root", () => OrgCounts.PartyMembersInSubtreeAsync(db, tree.Root.Path, CancellationToken.None)),
                ("count secondary", () => OrgCounts.PartyMembersInSubtreeAsync(db, tree.Secondary.Path, CancellationToken.None)),
                ("list root", async () => (await list.HandleAsync(tree.Root.Id, PageRequest.Of(1, 20), CancellationToken.None)).Value!.Total),
                ("list secondary", async () => (await list.HandleAsync(tree.Secondary.Id, PageRequest.Of(1, 20), CancellationToken.None)).Value!.Total),
                ("get root", async () => (await get.HandleAsync(tree.Root.Id, CancellationToken.None)).Value!.PartyMemberCount),
                ("get secondary", async () => (await get.HandleAsync(tree.Secondary.Id, CancellationToken.None)).Value!.PartyMemberCount),
                ("warnings root", async () => (await warnings.HandleAsync(tree.Root.Id, CancellationToken.None)).Value!.Count),
                ("warnings second", async () => (await warnings.HandleAsync(tree.Secondary.Id, CancellationToken.None)).Value!.Count),
                ("party+full root", async () => (await OrgCounts.PartyAndFullInSubtreeAsync(db, tree.Root.Path, CancellationToken.None)).Party),
                ("raw p+full root", async () => (await PartyAndFullRawAsync(db, tree.Root.Path, CancellationToken.None)).Party),
            };
            foreach (var (opName, run) in ops)
            {
                await run();
                var times = new List<double>();
                int result = 0;
                for (var i = 0; i < 5; i++)
                {
                    var sw = Stopwatch.StartNew();
                    result = await run();
                    times.Add(sw.Elapsed.TotalMilliseconds);
                }
                times.Sort();
                Console.WriteLine($"{opName,-16} result {result,7}  min {times[0],8:F2} ms  median {times[2],8:F2} ms");
            }

            if (Environment.GetEnvironmentVariable("DJ_BENCH_SQL") == "1")
            {
                // The SQL of every operation, once, from a context that logs its commands.
                await using var logged = BenchDatabase.BuildServices(provider, cs, logSql: true);
                await using var s2 = logged.CreateAsyncScope();
                var t2 = await BenchDatabase.OpenTenantAsync(s2.ServiceProvider);
                Console.WriteLine("---- GetOrgUnit(root)");
                await s2.ServiceProvider.GetRequiredService<GetOrgUnit>().HandleAsync(t2.Root.Id, CancellationToken.None);
                Console.WriteLine("---- ListOrgUnits(root)");
                await s2.ServiceProvider.GetRequiredService<ListOrgUnits>().HandleAsync(t2.Root.Id, PageRequest.Of(1, 20), CancellationToken.None);
                Console.WriteLine("---- GetOrgUnitWarnings(root)");
                await s2.ServiceProvider.GetRequiredService<GetOrgUnitWarnings>().HandleAsync(t2.Root.Id, CancellationToken.None);
                await Task.Delay(200); // let the console logger flush
            }
        }
    }
}
