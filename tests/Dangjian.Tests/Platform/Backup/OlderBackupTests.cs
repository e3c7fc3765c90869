using Dangjian.Web.Data;
using Dangjian.Web.Platform.Backup;

namespace Dangjian.Tests.Platform.Backup;

/// <summary>
/// A backup taken by an installation whose schema is one version behind comes up to the current schema when restored
/// (the restore migrates it), and a database of either provider is refused by the other with nothing written.
/// </summary>
public sealed class OlderBackupTests
{
    [Fact]
    public async Task Restore_BackupOfThePreviousSchema_MigratedToTheCurrentOne()
    {
        var scripts = SchemaMigrator.Scripts(TestDatabase.IsPostgres);
        var previous = scripts[^2].Version;
        await using var old = await TestDatabase.CreateAsync();
        await using (var db = old.NewContext())
        {
            await SchemaMigrator.MigrateAsync(db, upTo: previous);
        }
        var from = new Installation(old.ConnectionString, Installation.NewFolder());
        await using var empty = await TestDatabase.CreateAsync();
        var target = new Installation(empty.ConnectionString, Installation.NewFolder());
        try
        {
            var archive = Path.Combine(from.Folder, "old.tar");
            var backup = await AppCommand.RunAsync(["backup", "--out", archive, .. from.Settings]);
            backup.ExitCode.ShouldBe(0, backup.ToString());
            from.ReleaseConnections();

            var restore = await AppCommand.RunAsync(["restore", "--from", archive, .. target.Settings]);

            restore.ExitCode.ShouldBe(0, restore.ToString());
            await using var restored = empty.NewContext();
            (await restored.Database.SqlQueryRaw<int>("SELECT max(\"Version\") AS \"Value\" FROM \"SchemaVersions\"").SingleAsync())
                .ShouldBe(scripts[^1].Version);

            // The same archive offered to the other provider: refused, and its database is not even looked for.
            var other = TestDatabase.IsPostgres
                ? ["--Database:Provider=Sqlite", $"--ConnectionStrings:Sqlite=Data Source={Path.Combine(target.Folder, "other.db")}"]
                : new[] { "--Database:Provider=Postgres", "--ConnectionStrings:Postgres=Host=127.0.0.1;Database=dj_never_created;Username=postgres" };
            var refused = await AppCommand.RunAsync(["restore", "--from", archive, .. other, $"--DataProtection:KeysPath={Path.Combine(target.Folder, "other-keys")}"]);
            refused.ExitCode.ShouldBe(1, refused.ToString());
            refused.Error.ShouldContain(TestDatabase.Provider.ToString());
            File.Exists(Path.Combine(target.Folder, "other.db")).ShouldBeFalse();
            Directory.Exists(Path.Combine(target.Folder, "other-keys")).ShouldBeFalse();
        }
        finally
        {
            target.ReleaseConnections();
            from.Delete();
            target.Delete();
        }
    }
}
