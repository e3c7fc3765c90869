namespace Dangjian.Web.Platform.Hosting;

/// <summary>Settings <c>Startup:WarmUp:*</c> (README).</summary>
public sealed class WarmUpOptions
{
    public const string Section = "Startup:WarmUp";

    /// <summary>Whether the hot paths are run at start before the app takes requests.</summary>
    public bool Enabled { get; set; } = true;

    /// <summary>
    /// Connections opened at once and warmed on PostgreSQL (each gets its own backend and prepared statements); a burst of
    /// this many requests at once then finds them ready. Npgsql closes idle connections after its
    /// <c>Connection Idle Lifetime</c> (300 s) down to <c>Minimum Pool Size</c>. SQLite takes at most four.
    /// </summary>
    public int Connections { get; set; } = 32;

    /// <summary>Each statement runs this often per connection: Npgsql prepares a statement after its fifth use.</summary>
    public int Rounds { get; set; } = 5;
}
