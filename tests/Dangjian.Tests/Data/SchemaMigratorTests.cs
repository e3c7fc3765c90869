using System.Data.Common;
using Dangjian.Web.Data;

namespace Dangjian.Tests.Data;

/// <summary>
/// The hand-written, versioned SQL scripts must produce exactly the schema the EF model describes, on the provider
/// under test: an empty database migrated by <see cref="SchemaMigrator"/> is compared, catalog entry by catalog entry,
/// with an empty database created from the model.
/// </summary>
public sealed class SchemaMigratorTests
{
    [Fact]
    public async Task MigrateAsync_EmptyDatabase_SchemaEqualsModel()
    {
        await using var migratedDb = await TestDatabase.CreateAsync();
        await using var modelDb = await TestDatabase.CreateAsync();

        await using (var ctx = migratedDb.NewContext())
        {
            (await SchemaMigrator.MigrateAsync(ctx)).ShouldNotBeEmpty();
        }
        await using (var ctx = modelDb.NewContext())
        {
            (await ctx.Database.EnsureCreatedAsync()).ShouldBeTrue();
        }

        var migrated = await SchemaCatalog.ReadAsync(migratedDb);
        var model = await SchemaCatalog.ReadAsync(modelDb);

        // The catalog must have found the model's tables at all, or an empty comparison would pass.
        model.Tables.ShouldContain("OrgUnits");
        model.Tables.ShouldContain("LedgerEntries");
        model.Columns.Count.ShouldBeGreaterThan(50);
        model.Indexes.Count.ShouldBeGreaterThan(10);

        Diff("tables", model.Tables, migrated.Tables);
        Diff("columns", model.Columns, migrated.Columns);
        Diff("indexes", model.Indexes, migrated.Indexes);
        Diff("constraints", model.Constraints, migrated.Constraints);
    }

    [Fact]
    public async Task MigrateAsync_RunTwice_SecondRunAppliesNothing()
    {
        await using var db = await TestDatabase.CreateAsync();
        await using var ctx = db.NewContext();
        var scripts = SchemaMigrator.Scripts(TestDatabase.IsPostgres);
        scripts.ShouldNotBeEmpty();

        var first = await SchemaMigrator.MigrateAsync(ctx);
        first.ShouldBe(scripts.Select(s => s.Version).ToList());
        var before = await SchemaCatalog.ReadAsync(db);

        var second = await SchemaMigrator.MigrateAsync(ctx);
        second.ShouldBeEmpty();
        var after = await SchemaCatalog.ReadAsync(db);
        after.Columns.ShouldBe(before.Columns);
        after.Indexes.ShouldBe(before.Indexes);
    }

    [Fact]
    public async Task MigrateAsync_UpToFirstVersionThenRest_SameSchemaAsInOneGo()
    {
        // An upgrade from an older database ends where a fresh install ends.
        await using var stepwise = await TestDatabase.CreateAsync();
        await using var direct = await TestDatabase.CreateAsync();
        var first = SchemaMigrator.Scripts(TestDatabase.IsPostgres)[0].Version;
        await using (var ctx = stepwise.NewContext())
        {
            (await SchemaMigrator.MigrateAsync(ctx, upTo: first)).ShouldBe([first]);
            (await SchemaMigrator.MigrateAsync(ctx)).ShouldNotContain(first);
        }
        await using (var ctx = direct.NewContext())
        {
            await SchemaMigrator.MigrateAsync(ctx);
        }
        var a = await SchemaCatalog.ReadAsync(stepwise);
        var b = await SchemaCatalog.ReadAsync(direct);
        Diff("columns", b.Columns, a.Columns);
        Diff("indexes", b.Indexes, a.Indexes);
    }

    [Fact]
    public async Task SchemaCatalog_IndexDroppedAndColumnAdded_DifferenceDetected()
    {
        // The comparison itself must be able to fail: drift a migrated database on purpose.
        await using var db = await TestDatabase.CreateAsync();
        await using (var ctx = db.NewContext())
        {
            await SchemaMigrator.MigrateAsync(ctx);
        }
        var clean = await SchemaCatalog.ReadAsync(db);
        await using (var ctx = db.NewContext())
        {
            await ctx.Database.ExecuteSqlRawAsync("DROP INDEX \"IX_OrgUnits_TenantId_Path\"");
            await ctx.Database.ExecuteSqlRawAsync("ALTER TABLE \"Members\" ADD COLUMN \"Stray\" integer NULL");
        }
        var drifted = await SchemaCatalog.ReadAsync(db);
        Should.Throw<ShouldAssertException>(() => Diff("indexes", clean.Indexes, drifted.Indexes)).Message.ShouldContain("IX_OrgUnits_TenantId_Path");
        Should.Throw<ShouldAssertException>(() => Diff("columns", clean.Columns, drifted.Columns)).Message.ShouldContain("Members.Stray");
    }

    [Fact]
    public void Scripts_BothProviders_SameVersionsInOrder()
    {
        var sqlite = SchemaMigrator.Scripts(postgres: false).Select(s => s.Version).ToList();
        var postgres = SchemaMigrator.Scripts(postgres: true).Select(s => s.Version).ToList();
        sqlite.ShouldNotBeEmpty();
        sqlite.ShouldBe(postgres);
        sqlite.ShouldBe(sqlite.Order().Distinct().ToList());
    }

    private static void Diff(string what, IReadOnlyCollection<string> model, IReadOnlyCollection<string> migrated)
    {
        var missing = model.Except(migrated).ToList();
        var extra = migrated.Except(model).ToList();
        if (missing.Count == 0 && extra.Count == 0) return;
        throw new ShouldAssertException(
            $"Migrated {what} differ from the model.\n  In the model but not migrated:\n    {string.Join("\n    ", missing)}\n" +
            $"  Migrated but not in the model:\n    {string.Join("\n    ", extra)}");
    }
}

/// <summary>A provider's catalog flattened to comparable lines.</summary>
internal sealed record SchemaCatalog(List<string> Tables, List<string> Columns, List<string> Indexes, List<string> Constraints)
{
    private const string Excluded = "SchemaVersions";

    public static async Task<SchemaCatalog> ReadAsync(TestDatabase db)
    {
        await using var ctx = db.NewContext();
        var conn = ctx.Database.GetDbConnection();
        await conn.OpenAsync();
        try
        {
            return TestDatabase.IsPostgres ? await ReadPostgresAsync(conn) : await ReadSqliteAsync(conn);
        }
        finally
        {
            await conn.CloseAsync();
        }
    }

    private static async Task<SchemaCatalog> ReadSqliteAsync(DbConnection conn)
    {
        var tables = await RowsAsync(conn, $"""
            SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' AND name <> '{Excluded}' ORDER BY name
            """);
        var columns = await RowsAsync(conn, $"""
            SELECT m.name || '.' || p.name || ' ' || p.type || (CASE WHEN p."notnull" = 1 THEN ' NOT NULL' ELSE ' NULL' END)
                   || ' pk=' || p.pk || ' default=' || coalesce(p.dflt_value, '')
            FROM sqlite_master m JOIN pragma_table_info(m.name) p
            WHERE m.type = 'table' AND m.name NOT LIKE 'sqlite_%' AND m.name <> '{Excluded}'
            ORDER BY 1
            """);
        var indexes = await RowsAsync(conn, $"""
            SELECT m.name || ': ' || il.name || (CASE WHEN il."unique" = 1 THEN ' UNIQUE' ELSE '' END) || ' origin=' || il.origin
                   || ' partial=' || il.partial || ' (' ||
                   (SELECT group_concat(coalesce(ii.name, '<expr>'), ',') FROM (SELECT * FROM pragma_index_info(il.name) ORDER BY seqno) ii) || ')'
            FROM sqlite_master m JOIN pragma_index_list(m.name) il
            WHERE m.type = 'table' AND m.name NOT LIKE 'sqlite_%' AND m.name <> '{Excluded}'
            ORDER BY 1
            """);
        var constraints = await RowsAsync(conn, $"""
            SELECT m.name || ': FK ' || f."from" || ' -> ' || f."table" || '.' || coalesce(f."to", '') || ' ON DELETE ' || f.on_delete
                   || ' ON UPDATE ' || f.on_update
            FROM sqlite_master m JOIN pragma_foreign_key_list(m.name) f
            WHERE m.type = 'table' AND m.name NOT LIKE 'sqlite_%' AND m.name <> '{Excluded}'
            ORDER BY 1
            """);
        return new SchemaCatalog(tables, columns, indexes, constraints);
    }

    private static async Task<SchemaCatalog> ReadPostgresAsync(DbConnection conn)
    {
        var tables = await RowsAsync(conn, $"""
            SELECT table_name FROM information_schema.tables
            WHERE table_schema = 'public' AND table_type = 'BASE TABLE' AND table_name <> '{Excluded}' ORDER BY 1
            """);
        var columns = await RowsAsync(conn, $"""
            SELECT table_name || '.' || column_name || ' ' || data_type || coalesce('(' || character_maximum_length || ')', '')
                   || ' ' || is_nullable || ' collation=' || coalesce(collation_name, '') || ' identity=' || is_identity
                   || coalesce(' ' || identity_generation, '') || ' default=' || coalesce(column_default, '')
            FROM information_schema.columns
            WHERE table_schema = 'public' AND table_name <> '{Excluded}'
            ORDER BY 1
            """);
        var indexes = await RowsAsync(conn, $"""
            SELECT tablename || ': ' || indexname || ' ' || indexdef FROM pg_indexes
            WHERE schemaname = 'public' AND tablename <> '{Excluded}' ORDER BY 1
            """);
        var constraints = await RowsAsync(conn, $"""
            SELECT c.conrelid::regclass::text || ': ' || c.conname || ' ' || pg_get_constraintdef(c.oid)
            FROM pg_constraint c JOIN pg_namespace n ON n.oid = c.connamespace
            WHERE n.nspname = 'public' AND c.conrelid::regclass::text NOT IN ('"{Excluded}"', '{Excluded}')
            ORDER BY 1
            """);
        return new SchemaCatalog(tables, columns, indexes, constraints);
    }

    private static async Task<List<string>> RowsAsync(DbConnection conn, string sql)
    {
        await using var cmd = conn.CreateCommand();
        cmd.CommandText = sql;
        var rows = new List<string>();
        await using var reader = await cmd.ExecuteReaderAsync();
        while (await reader.ReadAsync()) rows.Add(reader.GetString(0));
        return rows;
    }
}
