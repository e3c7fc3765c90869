using Dangjian.Web.Data;

namespace Dangjian.Web.Platform.Hosting;

/// <summary>
/// A module's hot statements, run at start by <see cref="WarmUp"/> on each of the pool's first connections, so that the
/// first burst after a start (members signing in as a meeting opens) does not pay for compiling the code, translating
/// the queries and opening and preparing connections. Must change nothing: reads with keys that match no row, writes
/// inside a transaction that is rolled back.
/// </summary>
public interface IWarmUp
{
    Task WarmAsync(AppDbContext db, CancellationToken ct);
}
