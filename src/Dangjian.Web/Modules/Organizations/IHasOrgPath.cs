using Microsoft.EntityFrameworkCore;

namespace Dangjian.Web.Modules.Organizations;

/// <summary>
/// A row filed under a unit by that unit's path (a copy of <see cref="OrgUnit.Path"/>, so subtree reads are one index
/// range). Moving a unit rewrites the copies below it (<see cref="OrgPathCopies"/>).
/// </summary>
[Platform.ModuleContract]
public interface IHasOrgPath
{
    string OrgPath { get; set; }
}

[Platform.ModuleContract]
public static class OrgPathRows
{
    /// <summary>The rows filed under the unit at <paramref name="path"/> or below it.</summary>
    public static IQueryable<T> UnderPath<T>(this IQueryable<T> rows, string path) where T : class, IHasOrgPath
    {
        var upper = OrgPaths.UpperBound(path);
        return rows.Where(r => string.Compare(r.OrgPath, path) >= 0 && string.Compare(r.OrgPath, upper) < 0);
    }
}
