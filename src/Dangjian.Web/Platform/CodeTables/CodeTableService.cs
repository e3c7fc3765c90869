using System.ComponentModel.DataAnnotations;
using Dangjian.Web.Modules.Organizations;
using Dangjian.Web.Data;
using Dangjian.Web.Platform.Auth;
using Dangjian.Web.Platform.Errors;
using Dangjian.Web.Platform.Input;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;

namespace Dangjian.Web.Platform.CodeTables;

public sealed record CodeItemDto(string Name, bool Active, int SortOrder);

public sealed record CodeTableSummary(string Key, string Label, string Field, int Active, bool Customised);

public sealed record CodeItemInput([MaxLength(60)] string? Name, bool? Active);

public sealed record SaveCodeTableRequest(IReadOnlyList<CodeItemInput>? Items);

/// <summary>The active values of every code table of the tenant, loaded once for a request or an import.</summary>
public sealed class CodeSets(IReadOnlyDictionary<string, IReadOnlyList<string>> active)
{
    public IReadOnlyList<string> Of(string table) => active.TryGetValue(table, out var v) ? v : [];

    public bool Allows(string table, string? value) =>
        string.IsNullOrWhiteSpace(value) || Of(table).Contains(value.Trim(), StringComparer.Ordinal);

    /// <summary>Adds a validation error naming <paramref name="field"/> when the value is not in the table.</summary>
    public void Check(FieldErrors errors, string table, string field, string? value, IStringLocalizer L)
    {
        if (!Allows(table, value)) errors.Add(Error.Validation(field, L["Code.NotInTable", value!.Trim(), L["CodeTable." + table]]));
    }
}

/// <summary>
/// Reads and edits the tenant's code tables. Editing needs <see cref="Permission.ManageCodeTables"/> on the
/// tenant's root unit: the tables are shared by the whole tree. A value removed from a table is kept, deactivated,
/// so records that carry it stay valid; new records can only take active values.
/// </summary>
public sealed class CodeTableService(AppDbContext db, CurrentUser user, TimeProvider clock, IStringLocalizer<SharedResource> L,
    InputCheck inputCheck)
{
    public async Task<CodeSets> LoadActiveAsync(CancellationToken ct)
    {
        var stored = await db.CodeItems.AsNoTracking().ToListAsync(ct);
        var byTable = stored.ToLookup(c => c.Table);
        return new CodeSets(CodeTableCatalog.All.ToDictionary(t => t.Key, t => byTable[t.Key].Any()
            ? (IReadOnlyList<string>)byTable[t.Key].Where(c => c.IsActive).OrderBy(c => c.SortOrder).Select(c => c.Name).ToList()
            : t.Defaults));
    }

    public async Task<IReadOnlyList<CodeTableSummary>> ListTablesAsync(CancellationToken ct)
    {
        var counts = await db.CodeItems.AsNoTracking().GroupBy(c => c.Table)
            .Select(g => new { g.Key, Total = g.Count(), Active = g.Count(c => c.IsActive) }).ToListAsync(ct);
        return CodeTableCatalog.All.Select(t =>
        {
            var c = counts.FirstOrDefault(x => x.Key == t.Key);
            return new CodeTableSummary(t.Key, L["CodeTable." + t.Key], t.Field, c?.Active ?? t.Defaults.Count, c is not null);
        }).ToList();
    }

    public async Task<Result<IReadOnlyList<CodeItemDto>>> GetAsync(string table, bool includeInactive, CancellationToken ct)
    {
        if (CodeTableCatalog.Find(table) is not { } def) return Error.NotFound(L["Code.UnknownTable", table]);
        var stored = await db.CodeItems.AsNoTracking().Where(c => c.Table == def.Key).OrderBy(c => c.SortOrder).ToListAsync(ct);
        if (stored.Count == 0) return def.Defaults.Select((n, i) => new CodeItemDto(n, true, i + 1)).ToList();
        return stored.Where(c => includeInactive || c.IsActive).Select(c => new CodeItemDto(c.Name, c.IsActive, c.SortOrder)).ToList();
    }

    /// <summary>
    /// Replaces the table's list: the order given is the order shown; values left out are deactivated. Saves of a tenant's
    /// tables are applied one after another (the tenant lock, then the rows read): the same list sent twice at once is
    /// written once, and the second request finds it written and answers 200 with the same list, as a PUT should.
    /// </summary>
    public async Task<Result<IReadOnlyList<CodeItemDto>>> SaveAsync(string table, SaveCodeTableRequest r, CancellationToken ct)
    {
        if (inputCheck.Check(r) is { } badText) return badText;
        if (CodeTableCatalog.Find(table) is not { } def) return Error.NotFound(L["Code.UnknownTable", table]);
        var rootPath = await db.OrgUnits.Where(u => u.ParentId == null).OrderBy(u => u.Path).Select(u => u.Path).FirstOrDefaultAsync(ct);
        if (rootPath is null || !user.Can(Permission.ManageCodeTables, rootPath)) return Error.Forbidden(L["Code.Forbidden"]);

        var invalid = new FieldErrors();
        var items = r.Items ?? [];
        if (items.Count == 0) invalid.Add(Error.Validation("items", L["Code.Empty"]));
        var names = new HashSet<string>(StringComparer.Ordinal);
        for (var i = 0; i < items.Count; i++)
        {
            var name = items[i].Name?.Trim();
            var field = $"items[{i}].name";
            if (string.IsNullOrEmpty(name)) invalid.Add(Error.Validation(field, L["Code.NameRequired"]));
            else if (name.Length > def.MaxLength) invalid.Add(Error.Validation(field, L["Validation.TooLong", field, def.MaxLength]));
            else if (!names.Add(name)) invalid.Add(Error.Validation(field, L["Code.Duplicate", name]));
        }
        if (items.Count > 0 && items.All(i => i.Active == false)) invalid.Add(Error.Validation("items", L["Code.NoneActive"]));
        if (invalid.ToError() is { } validation) return validation;

        await using var tx = await db.Database.BeginTransactionAsync(ct);
        await db.LockTenantAsync(ct);
        var stored = await db.CodeItems.Where(c => c.Table == def.Key).ToListAsync(ct);
        var now = clock.GetUtcNow();
        var order = 0;
        foreach (var item in items)
        {
            var name = item.Name!.Trim();
            order++;
            var row = stored.FirstOrDefault(c => c.Name == name);
            if (row is null)
            {
                row = new CodeItem { Id = Guid.CreateVersion7(now), Table = def.Key, Name = name };
                db.CodeItems.Add(row);
                stored.Add(row);
            }
            row.SortOrder = order;
            row.IsActive = item.Active ?? true;
        }
        // Values no longer listed are deactivated, never deleted, built-in ones included, so records keep a known value.
        foreach (var missing in def.Defaults.Where(d => !names.Contains(d) && stored.All(c => c.Name != d)))
        {
            var row = new CodeItem { Id = Guid.CreateVersion7(now), Table = def.Key, Name = missing };
            db.CodeItems.Add(row);
            stored.Add(row);
        }
        foreach (var row in stored.Where(c => !names.Contains(c.Name)).OrderBy(c => c.SortOrder).ToList())
        {
            row.IsActive = false;
            row.SortOrder = ++order;
        }
        await db.SaveChangesAsync(ct);
        await tx.CommitAsync(ct);
        return stored.OrderBy(c => c.SortOrder).Select(c => new CodeItemDto(c.Name, c.IsActive, c.SortOrder)).ToList();
    }
}
