using Dangjian.Web.Data;
using Dangjian.Web.Platform;
using Dangjian.Web.Platform.Tenancy;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata;

namespace Dangjian.Web.Modules.Organizations;

/// <summary>
/// Every column in the EF model that holds a copy of a unit's path: <see cref="IHasOrgPath.OrgPath"/> of every entity
/// that has one and every property marked <see cref="OrgPathCopyAttribute"/>, whichever module owns the table. Moving a
/// unit rewrites them all from this list, so a new table with a path is moved without anyone remembering to add it.
/// </summary>
[ModuleContract]
public static class OrgPathCopies
{
    public sealed record Column(IEntityType Entity, IProperty Property)
    {
        public override string ToString() => $"{Entity.ClrType.Name}.{Property.Name}";
    }

    public static IReadOnlyList<Column> All(IModel model) =>
        model.GetEntityTypes()
            .Where(e => !e.IsOwned() && e.GetTableName() is not null)
            .SelectMany(e => e.GetDeclaredProperties().Where(p => IsCopy(e, p)).Select(p => new Column(e, p)))
            .ToList();

    private static bool IsCopy(IEntityType entity, IProperty property) =>
        property.ClrType == typeof(string) &&
        ((typeof(IHasOrgPath).IsAssignableFrom(entity.ClrType) && property.Name == nameof(IHasOrgPath.OrgPath)) ||
         property.PropertyInfo?.IsDefined(typeof(OrgPathCopyAttribute), inherit: true) == true);

    /// <summary>
    /// Rewrites every copy of a path under <paramref name="oldPath"/> to sit under <paramref name="newPath"/>: one
    /// UPDATE per column, the same range condition the subtree reads use, inside the caller's transaction.
    /// </summary>
    public static async Task<int> RepathAllAsync(AppDbContext db, string oldPath, string newPath, CancellationToken ct)
    {
        var upper = OrgPaths.UpperBound(oldPath);
        var changed = 0;
        foreach (var column in All(db.Model))
        {
            var table = StoreObjectIdentifier.Table(column.Entity.GetTableName()!, column.Entity.GetSchema());
            var name = Quote(column.Property.GetColumnName(table)!);
            var tenant = typeof(ITenantOwned).IsAssignableFrom(column.Entity.ClrType)
                ? $" AND {Quote(column.Entity.FindProperty(nameof(ITenantOwned.TenantId))!.GetColumnName(table)!)} = {{3}}"
                : "";
            var sql = $"UPDATE {Quote(table.Name)} SET {name} = {{0}} || substr({name}, {{4}}) WHERE {name} >= {{1}} AND {name} < {{2}}{tenant}";
#pragma warning disable EF1002 // identifiers come from the EF model, values are parameters
            changed += await db.Database.ExecuteSqlRawAsync(sql, [newPath, oldPath, upper, db.CurrentTenantId, oldPath.Length + 1], ct);
#pragma warning restore EF1002
        }
        return changed;
    }

    private static string Quote(string identifier) => "\"" + identifier.Replace("\"", "\"\"", StringComparison.Ordinal) + "\"";
}
