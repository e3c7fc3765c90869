using System.Diagnostics;
using Dangjian.Web.Data;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace Dangjian.Web.Platform.Hosting;

/// <summary>
/// The first burst after a start ran at a quarter of the warm rate (docs/benchmarks.md): the JIT compiling the request
/// path, EF Core translating and compiling queries, and on PostgreSQL fifty connections opened at once, each a new
/// backend whose statements were not yet prepared. At start, before the app listens, <see cref="DatabaseAsync"/> runs
/// every module's <see cref="IWarmUp"/> on <see cref="WarmUpOptions.Connections"/> pooled connections at once, each
/// statement <see cref="WarmUpOptions.Rounds"/> times; once it listens, <see cref="HttpAsync"/> sends a few requests
/// through the pipeline (routing, authentication, problem answers). Nothing is written.
/// </summary>
public static class WarmUp
{
    /// <summary>Runs the warm-up (with <paramref name="options"/> instead of the settings when given); returns the connections warmed.</summary>
    public static async Task<int> DatabaseAsync(IServiceProvider services, WarmUpOptions? options = null, CancellationToken ct = default)
    {
        var o = options ?? services.GetRequiredService<IOptions<WarmUpOptions>>().Value;
        var warmers = services.GetServices<IWarmUp>().ToList();
        if (!o.Enabled || warmers.Count == 0) return 0;
        var log = services.GetRequiredService<ILoggerFactory>().CreateLogger(typeof(WarmUp));
        var sw = Stopwatch.StartNew();
        int connections;
        await using (var probe = services.CreateAsyncScope())
        {
            connections = probe.ServiceProvider.GetRequiredService<AppDbContext>().Database.IsNpgsql()
                ? Math.Clamp(o.Connections, 1, 200)
                : Math.Clamp(o.Connections, 1, 4);
        }
        // All at once, each holding its connection open throughout, so that the pool opens that many.
        var opened = await Task.WhenAll(Enumerable.Range(0, connections).Select(async _ =>
        {
            await using var scope = services.CreateAsyncScope();
            var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
            await db.Database.OpenConnectionAsync(ct);
            try
            {
                for (var round = 0; round < Math.Max(1, o.Rounds); round++)
                {
                    foreach (var w in warmers) await w.WarmAsync(db, ct);
                }
                return 1;
            }
            finally
            {
                await db.Database.CloseConnectionAsync();
            }
        }));
        log.LogInformation("Warm-up: {Count} hot paths on {Connections} connections in {Ms} ms", warmers.Count, opened.Sum(), sw.ElapsedMilliseconds);
        return opened.Sum();
    }

    /// <summary>A few requests to the app's own address through the whole pipeline; none of them signs in or writes.</summary>
    public static async Task HttpAsync(WebApplication app, CancellationToken ct = default)
    {
        if (!app.Services.GetRequiredService<IOptions<WarmUpOptions>>().Value.Enabled) return;
        var address = app.Services.GetService<IServer>()?.Features.Get<IServerAddressesFeature>()?.Addresses
            .FirstOrDefault(a => a.StartsWith("http://", StringComparison.OrdinalIgnoreCase));
        if (address is null) return;
        var someone = Guid.CreateVersion7();
        try
        {
            var baseUri = new Uri(address.Replace("://+", "://127.0.0.1", StringComparison.Ordinal).Replace("://*", "://127.0.0.1", StringComparison.Ordinal)
                .Replace("://0.0.0.0", "://127.0.0.1", StringComparison.Ordinal).Replace("://[::]", "://127.0.0.1", StringComparison.Ordinal));
            using var http = new HttpClient { BaseAddress = baseUri, Timeout = TimeSpan.FromSeconds(10) };
            for (var i = 0; i < 3; i++)
            {
                using var health = await http.GetAsync("/health", ct);
                // An unknown token: authentication, the current-user middleware and the problem answer of a refused call.
                using var signIn = new HttpRequestMessage(HttpMethod.Post, $"/api/v1/meetings/{someone}/sign-ins")
                {
                    Content = new StringContent("{\"code\":\"000000\"}", System.Text.Encoding.UTF8, "application/json"),
                };
                signIn.Headers.Authorization = new System.Net.Http.Headers.AuthenticationHeaderValue("Bearer", "warm-up");
                using var refused = await http.SendAsync(signIn, ct);
            }
        }
        catch (Exception ex) when (ex is HttpRequestException or TaskCanceledException or UriFormatException)
        {
            // The warm-up only speeds up the first burst; the app serves without it.
            app.Logger.LogInformation(ex, "Warm-up requests to {Address} did not complete", address);
        }
    }
}
