using System.Collections.Concurrent;
using System.Data.Common;
using System.Runtime.CompilerServices;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Metadata;
using Microsoft.EntityFrameworkCore.Storage;

namespace Dangjian.Web.Data;

/// <summary>
/// Inserts many new rows of one entity type with one INSERT statement prepared once and executed again and again
/// (PostgreSQL: many rows per statement; SQLite: one), in the context's current transaction. For bulk use cases only (the roster import): SaveChanges costs about a
/// millisecond per wide row here (SQLite: one statement per row; both: change tracking and a command per batch built
/// afresh), which made a 50,000-row import take minutes. Column names, value converters (enums as text, instants as
/// ticks on SQLite) and parameter types come from the EF model, so a row is stored exactly as SaveChanges would store
/// it. Nothing is tracked and nothing is read back: the caller sets keys, the tenant and every value a database default
/// would have given, and writes the audit entries itself (<see cref="Platform.Audit.AuditWriter.Added"/>).
/// ADR 0010.
/// </summary>
internal static class BulkInsert
{
    /// <summary>PostgreSQL: rows per statement, well under its limit of 65,535 parameters.</summary>
    private const int MaxParametersPerStatement = 8000;

    public static async Task InsertAsync<T>(AppDbContext db, IReadOnlyList<T> rows, CancellationToken ct) where T : class
    {
        if (rows.Count == 0) return;
        var tx = db.Database.CurrentTransaction?.GetDbTransaction()
                 ?? throw new InvalidOperationException("BulkInsert runs inside the caller's transaction.");
        var (columns, getters, head) = ShapeOf<T>(db);

        var sql = db.GetService<ISqlGenerationHelper>();
        var positional = db.Database.IsNpgsql();   // Npgsql: $1, $2 … with unnamed parameters (no SQL rewriting)
        // SQLite: one row per statement (no round trip to save, and Microsoft.Data.Sqlite matches each placeholder to
        // its parameter by a linear search of the collection: 8,000 parameters made every execution quadratic).
        var perStatement = positional ? Math.Max(1, MaxParametersPerStatement / columns.Length) : 1;

        DbCommand? full = null;
        try
        {
            for (var start = 0; start < rows.Count; start += perStatement)
            {
                var count = Math.Min(perStatement, rows.Count - start);
                DbCommand command;
                if (count == perStatement)
                {
                    full ??= Command(tx.Connection!, tx, head, columns, count, positional, sql);
                    command = full;
                }
                else
                {
                    command = Command(tx.Connection!, tx, head, columns, count, positional, sql);
                }
                for (var r = 0; r < count; r++)
                {
                    var entity = rows[start + r];
                    for (var c = 0; c < columns.Length; c++)
                    {
                        command.Parameters[r * columns.Length + c].Value = ProviderValue(getters[c].GetClrValue(entity), columns[c].Mapping);
                    }
                }
                try
                {
                    // Prepared once its parameters hold values (Npgsql then knows every type), and reused for each full batch.
                    if (ReferenceEquals(command, full) && start == 0) await command.PrepareAsync(ct);
                    await command.ExecuteNonQueryAsync(ct);
                }
                finally
                {
                    if (!ReferenceEquals(command, full)) await command.DisposeAsync();
                }
            }
        }
        finally
        {
            if (full is not null) await full.DisposeAsync();
        }
    }

    /// <summary>
    /// One new row unless a unique index already holds its key (<c>INSERT … ON CONFLICT DO NOTHING</c>, on both providers):
    /// true when it was written. For a race that a unique index settles (a sign-in tapped twice): SaveChanges would
    /// throw there, and log the refusal as a database error. Like <see cref="InsertAsync{T}"/>, nothing is tracked; the
    /// caller sets the tenant and every value. Runs in the context's transaction when there is one.
    /// </summary>
    public static async Task<bool> InsertUnlessPresentAsync<T>(AppDbContext db, T row, CancellationToken ct) where T : class
    {
        var (columns, getters, head) = ShapeOf<T>(db);
        var sql = db.GetService<ISqlGenerationHelper>();
        var positional = db.Database.IsNpgsql();
        await db.Database.OpenConnectionAsync(ct);
        try
        {
            await using var command = Command(db.Database.GetDbConnection(), db.Database.CurrentTransaction?.GetDbTransaction(), head,
                columns, 1, positional, sql);
            command.CommandText += " ON CONFLICT DO NOTHING";
            for (var c = 0; c < columns.Length; c++) command.Parameters[c].Value = ProviderValue(getters[c].GetClrValue(row), columns[c].Mapping);
            return await command.ExecuteNonQueryAsync(ct) == 1;
        }
        finally
        {
            await db.Database.CloseConnectionAsync();
        }
    }

    private sealed record Column(IProperty Property, string Name, RelationalTypeMapping Mapping);

    /// <summary>A type's columns as the model maps them, their getters and the statement's head up to VALUES.</summary>
    private sealed record Shape(Column[] Columns, IClrPropertyGetter[] Getters, string Head);

    // Worked out once per model (one per provider) and type: a sign-in inserts one row, and reading the model afresh
    // for it was a tenth of its CPU.
    private static readonly ConditionalWeakTable<IModel, ConcurrentDictionary<Type, Shape>> Shapes = new();

    private static Shape ShapeOf<T>(AppDbContext db) where T : class =>
        Shapes.GetOrCreateValue(db.Model).GetOrAdd(typeof(T), static (_, db) => ReadShape<T>(db), db);

    private static Shape ReadShape<T>(AppDbContext db) where T : class
    {
        var type = db.Model.FindEntityType(typeof(T)) ?? throw new InvalidOperationException($"{typeof(T).Name} is not in the model.");
        var table = StoreObjectIdentifier.Table(type.GetTableName()!, type.GetSchema());
        var columns = type.GetProperties()
            .Select(p => (Property: p, Name: p.GetColumnName(table)))
            .Where(c => c.Name is not null)
            .Select(c => new Column(c.Property, c.Name!, c.Property.GetRelationalTypeMapping()))
            .ToArray();
        if (columns.Any(c => c.Property.IsShadowProperty()))
            throw new NotSupportedException($"{typeof(T).Name} has shadow properties; BulkInsert writes CLR properties only.");
        var sql = db.GetService<ISqlGenerationHelper>();
        var head = $"INSERT INTO {sql.DelimitIdentifier(table.Name, table.Schema)} ({string.Join(", ", columns.Select(c => sql.DelimitIdentifier(c.Name)))}) VALUES ";
        return new Shape(columns, columns.Select(c => c.Property.GetGetter()).ToArray(), head);
    }

    private static DbCommand Command(DbConnection connection, DbTransaction? tx, string head, Column[] columns, int rows, bool positional,
        ISqlGenerationHelper sql)
    {
        var command = connection.CreateCommand();
        command.Transaction = tx;
        var text = new System.Text.StringBuilder(head, head.Length + rows * columns.Length * 8);
        var n = 0;
        for (var r = 0; r < rows; r++)
        {
            text.Append(r == 0 ? "(" : ", (");
            for (var c = 0; c < columns.Length; c++)
            {
                var name = positional ? "" : sql.GenerateParameterName("p" + n.ToString(System.Globalization.CultureInfo.InvariantCulture));
                text.Append(c == 0 ? "" : ", ").Append(positional ? "$" + (n + 1).ToString(System.Globalization.CultureInfo.InvariantCulture) : name);
                command.Parameters.Add(columns[c].Mapping.CreateParameter(command, name, null, columns[c].Property.IsNullable));
                n++;
            }
            text.Append(')');
        }
        command.CommandText = text.ToString();
        return command;
    }

    /// <summary>The value as SaveChanges would send it: through the property's value converter, enums without one as numbers.</summary>
    private static object ProviderValue(object? value, RelationalTypeMapping mapping)
    {
        if (value is null) return DBNull.Value;
        if (mapping.Converter is { } converter) value = converter.ConvertToProvider(value);
        else if (value is Enum e) value = Convert.ChangeType(e, Enum.GetUnderlyingType(e.GetType()), System.Globalization.CultureInfo.InvariantCulture);
        return value ?? DBNull.Value;
    }
}
