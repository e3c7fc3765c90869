using Microsoft.EntityFrameworkCore;

namespace Dangjian.Web.Modules.Organizations;

/// <summary>
/// A row filed under a unit by that unit's path (a copy of <see cref="OrgUnit.Path"/>, so subtree reads are one index
/// range). Moving a unit rewrites the copies below it (<see cref="MoveOrgUnit"/>).
/// </summary>
public interface IHasOrgPath
{
    string OrgPath { get; set; }
}

public static class OrgPathRows
{
    /// <summary>The rows filed under the unit at <paramref name="path"/> or below it.</summary>
    public static IQueryable<T> UnderPath<T>(this IQueryable<T> rows, string path) where T : class, IHasOrgPath
    {
        var upper = OrgPaths.UpperBound(path);
        return rows.Where(r => string.Compare(r.OrgPath, path) >= 0 && string.Compare(r.OrgPath, upper) < 0);
    }

    /// <summary>Re-files the rows under <paramref name="oldPath"/> to <paramref name="newPath"/>, in one statement.</summary>
    public static Task<int> RepathAsync<T>(this IQueryable<T> rows, string oldPath, string newPath, CancellationToken ct) where T : class, IHasOrgPath
    {
        var cut = oldPath.Length;
        return rows.UnderPath(oldPath).ExecuteUpdateAsync(s => s.SetProperty(r => r.OrgPath, r => newPath + r.OrgPath.Substring(cut)), ct);
    }
}
