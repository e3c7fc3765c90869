using BenchmarkDotNet.Attributes;
using Dangjian.Web.Data;
using Dangjian.Web.Modules.Organizations;
using Dangjian.Web.Platform.Paging;
using Microsoft.Extensions.DependencyInjection;

namespace Dangjian.Bench;

/// <summary>
/// The org-tree reads a 党委 secretary hits on every page view, at 200k members (~8,000 branches under ~200 secondary
/// 党委), on each configured provider: the unit page (OrgUnitPage.razor) calls GetOrgUnit, GetOrgUnitWarnings and
/// ListOrgUnits. One scope (one AppDbContext, as in one request) serves every invocation;
/// all queries are no-tracking, so nothing accumulates between invocations.
/// </summary>
[MemoryDiagnoser]
public class OrgTreeBenchmarks
{
    private ServiceProvider services = null!;
    private AsyncServiceScope scope;
    private AppDbContext db = null!;
    private ListOrgUnits list = null!;
    private GetOrgUnit get = null!;
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
        list = scope.ServiceProvider.GetRequiredService<ListOrgUnits>();
        get = scope.ServiceProvider.GetRequiredService<GetOrgUnit>();
        warnings = scope.ServiceProvider.GetRequiredService<GetOrgUnitWarnings>();
        Console.WriteLine($"// {Provider}: {tree}");

        // Every handler must succeed, or we would be timing an error path.
        foreach (var id in new[] { tree.Root.Id, tree.Secondary.Id })
        {
            var l = list.HandleAsync(id, PageRequest.Of(1, 20), CancellationToken.None).GetAwaiter().GetResult();
            var g = get.HandleAsync(id, CancellationToken.None).GetAwaiter().GetResult();
            var w = warnings.HandleAsync(id, CancellationToken.None).GetAwaiter().GetResult();
            if (!l.IsSuccess || !g.IsSuccess || !w.IsSuccess) throw new InvalidOperationException($"handler failed for {id}: {l.Error ?? g.Error ?? w.Error}");
            Console.WriteLine($"// {g.Value!.Name}: {g.Value.PartyMemberCount} party members ({g.Value.FullMemberCount} full), " +
                              $"{g.Value.ChildCount} children, page 1 has {l.Value!.Items.Count} of {l.Value.Total} " +
                              $"(party members on it: {l.Value.Items.Sum(i => i.PartyMemberCount)}), warnings: {string.Join(",", w.Value!.Select(x => x.Code))}");
        }
    }

    [GlobalCleanup]
    public void Cleanup()
    {
        Console.WriteLine($"// load after: {BenchDatabase.LoadAverage()}");
        scope.DisposeAsync().AsTask().GetAwaiter().GetResult();
        services.Dispose();
    }

    [Benchmark(Description = "count party members: root")]
    public Task<int> CountRoot() => OrgCounts.PartyMembersInSubtreeAsync(db, tree.Root.Path, CancellationToken.None);

    [Benchmark(Description = "count party members: secondary")]
    public Task<int> CountSecondary() => OrgCounts.PartyMembersInSubtreeAsync(db, tree.Secondary.Path, CancellationToken.None);

    [Benchmark(Description = "ListOrgUnits page 1: root")]
    public async Task<int> ListRoot() => (await list.HandleAsync(tree.Root.Id, PageRequest.Of(1, 20), CancellationToken.None)).Value!.Total;

    [Benchmark(Description = "ListOrgUnits page 1: secondary")]
    public async Task<int> ListSecondary() => (await list.HandleAsync(tree.Secondary.Id, PageRequest.Of(1, 20), CancellationToken.None)).Value!.Total;

    [Benchmark(Description = "GetOrgUnit: root")]
    public async Task<int> GetRoot() => (await get.HandleAsync(tree.Root.Id, CancellationToken.None)).Value!.PartyMemberCount;

    [Benchmark(Description = "GetOrgUnit: secondary")]
    public async Task<int> GetSecondary() => (await get.HandleAsync(tree.Secondary.Id, CancellationToken.None)).Value!.PartyMemberCount;

    [Benchmark(Description = "GetOrgUnitWarnings: root")]
    public async Task<int> WarningsRoot() => (await warnings.HandleAsync(tree.Root.Id, CancellationToken.None)).Value!.Count;

    [Benchmark(Description = "GetOrgUnitWarnings: secondary")]
    public async Task<int> WarningsSecondary() => (await warnings.HandleAsync(tree.Secondary.Id, CancellationToken.None)).Value!.Count;
}
