namespace Dangjian.Web.Modules.Assessment.Indicators;

/// <summary>
/// A figure the branch assessment can compute from the platform's data (attendance, dues on time, study, points
/// participation, warnings handled …): each feature that owns the data registers one, so an indicator of a tenant's
/// tree names a source by its <see cref="Key"/> and the assessment never reads another feature's tables itself.
/// </summary>
public interface IIndicatorSource
{
    /// <summary>Stable key stored in an indicator (e.g. <c>points.participation</c>); its name is the resource <c>Source.{Key}</c>.</summary>
    string Key { get; }

    /// <summary>
    /// The value of each unit (by id; units missing have no value) for the year, as a rate from 0 to 1 unless the key says
    /// otherwise; computed for many units at once (all branches of a tenant), in a few grouped queries.
    /// </summary>
    Task<IReadOnlyDictionary<Guid, decimal>> ValuesAsync(IReadOnlyList<IndicatorUnit> units, int year, CancellationToken ct);
}

/// <summary>A unit assessed: its id and materialised path (its subtree is what it is measured on).</summary>
public sealed record IndicatorUnit(Guid Id, string Path);
