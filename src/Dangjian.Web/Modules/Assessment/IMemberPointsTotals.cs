namespace Dangjian.Web.Modules.Assessment;

/// <summary>
/// Members' points of a year, for the parts of the module that show them beside a person (an honours nomination, a
/// secretary's review): offered by Points, read by the others without touching its tables.
/// </summary>
public interface IMemberPointsTotals
{
    /// <summary>The year's balance of each member asked for (members without points are missing).</summary>
    Task<IReadOnlyDictionary<Guid, int>> TotalsAsync(IReadOnlyCollection<Guid> memberIds, int year, CancellationToken ct);
}
