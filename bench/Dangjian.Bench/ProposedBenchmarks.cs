using BenchmarkDotNet.Attributes;
using Dangjian.Web.Data;
using Dangjian.Web.Modules.Organizations;
using Microsoft.Extensions.DependencyInjection;

namespace Dangjian.Bench;

/// <summary>
/// The handler work the org-unit page adds beyond <see cref="OrgTreeBenchmarks"/> (GetOrgUnitWarnings), and the query
/// shapes of <see cref="ProposedQueries"/> next to the ones they would replace.
/// </summary>
[MemoryDiagnoser]
public class ProposedBenchmarks
{
    private ServiceProvider services = null!;
    private AsyncServiceScope scope;
    private AppDbContext db = null!;
    private GetOrgUnitWarnings warnings = null!;
    private SeededTree tree = null!;

    public static IEnumerable<string> Providers => BenchDatabase.ConfiguredProviders();

    [ParamsSource(nameof(Providers))]
    public string Provider { get; set; } = "";

    [GlobalSetup]
    public void Setup()
    {
        Console.WriteLine($"// load before: {BenchDatabase.LoadAverage()}");
        var (provider, cs) = BenchDatabase.Resolve(Provider);
        services = BenchDatabase.BuildServices(provider, cs);
        scope = services.CreateAsyncScope();
        tree = BenchDatabase.OpenTenantAsync(scope.ServiceProvider).GetAwaiter().GetResult();
        db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        warnings = scope.ServiceProvider.GetRequiredService<GetOrgUnitWarnings>();

        // The proposed queries must give the handlers' answers.
        var get = scope.ServiceProvider.GetRequiredService<GetOrgUnit>();
        var list = scope.ServiceProvider.GetRequiredService<ListOrgUnits>();
        foreach (var unit in new[] { tree.Root, tree.Secondary })
        {
            var details = get.HandleAsync(unit.Id, CancellationToken.None).GetAwaiter().GetResult().Value!;
            var counts = ProposedQueries.PartyAndFullAsync(db, unit.Path, CancellationToken.None).GetAwaiter().GetResult();
            if (counts.Party != details.PartyMemberCount || counts.Full != details.FullMemberCount)
                throw new InvalidOperationException($"PartyAndFullAsync {counts} differs from GetOrgUnit for {unit.Name}");

            var page = list.HandleAsync(unit.Id, Web.Platform.Paging.PageRequest.Of(1, 20), CancellationToken.None).GetAwaiter().GetResult().Value!;
            var rows = ProposedQueries.ChildrenPageAsync(db, unit.Id, 0, 20, CancellationToken.None).GetAwaiter().GetResult();
            var expected = string.Join(";", page.Items.Select(i => $"{i.Id}:{i.ChildCount}:{i.PartyMemberCount}"));
            var actual = string.Join(";", rows.Select(r => $"{r.Unit.Id}:{r.ChildCount}:{r.PartyMembers}"));
            if (expected != actual) throw new InvalidOperationException($"ChildrenPageAsync differs from ListOrgUnits for {unit.Name}");
            if (warnings.HandleAsync(unit.Id, CancellationToken.None).GetAwaiter().GetResult() is { IsSuccess: false } w)
                throw new InvalidOperationException($"GetOrgUnitWarnings failed: {w.Error}");
        }
    }

    [GlobalCleanup]
    public void Cleanup()
    {
        Console.WriteLine($"// load after: {BenchDatabase.LoadAverage()}");
        scope.DisposeAsync().AsTask().GetAwaiter().GetResult();
        services.Dispose();
    }

    [Benchmark(Description = "GetOrgUnitWarnings: root")]
    public async Task<int> WarningsRoot() => (await warnings.HandleAsync(tree.Root.Id, CancellationToken.None)).Value!.Count;

    [Benchmark(Description = "GetOrgUnitWarnings: secondary")]
    public async Task<int> WarningsSecondary() => (await warnings.HandleAsync(tree.Secondary.Id, CancellationToken.None)).Value!.Count;

    [Benchmark(Description = "proposed party+full in one scan: root")]
    public async Task<int> PartyAndFullRoot() => (await ProposedQueries.PartyAndFullAsync(db, tree.Root.Path, CancellationToken.None)).Party;

    [Benchmark(Description = "proposed children page, one query: root")]
    public async Task<int> ChildrenPageRoot() => (await ProposedQueries.ChildrenPageAsync(db, tree.Root.Id, 0, 20, CancellationToken.None)).Count;

    [Benchmark(Description = "proposed children page, one query: secondary")]
    public async Task<int> ChildrenPageSecondary() => (await ProposedQueries.ChildrenPageAsync(db, tree.Secondary.Id, 0, 20, CancellationToken.None)).Count;
}
