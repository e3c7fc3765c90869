namespace Dangjian.Tests.Infrastructure;

/// <summary>
/// One app instance on Kestrel (a loopback port) against a database of a <see cref="PgCluster"/>, with the settings
/// given (on top of the usual test settings): several of them make the instances of one installation.
/// </summary>
public sealed class ClusterApp(TestDatabase database, FakeTimeProvider clock, IReadOnlyDictionary<string, string> settings) : AppFixture(clock)
{
    /// <summary>The test owns the database (and drops it once every instance is gone).</summary>
    protected override Task<TestDatabase> CreateDatabaseAsync() => Task.FromResult(database.Shared());

    protected override bool OnKestrel => true;

    protected override IEnumerable<KeyValuePair<string, string>> ExtraSettings => settings;

    /// <summary>Started: the schema migrated and the server listening.</summary>
    public static async Task<ClusterApp> StartAsync(TestDatabase database, FakeTimeProvider clock, IReadOnlyDictionary<string, string> settings)
    {
        var app = new ClusterApp(database, clock, settings);
        await app.InitializeAsync();
        return app;
    }
}
