using System.Formats.Tar;
using System.Globalization;
using System.Net;
using System.Net.Http.Json;
using Dangjian.Web.Data;
using Dangjian.Web.Platform.Backup;
using Dangjian.Web.Platform.Ledger;
using Dangjian.Web.Platform.Tenancy;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Localization;

namespace Dangjian.Tests.Platform.Backup;

/// <summary>
/// <c>backup</c> and <c>restore</c>, run as the app's own executable in a process of its own, on the provider under
/// test: a backup restored into an empty instance (new database, new key folder) comes up in a fresh app with every ID
/// number readable and equal, the same counts, every ledger valid and the sign-ins issued before the backup still
/// accepted; a changed archive, or a database that holds data, is refused and nothing is written; a backup taken while
/// the app keeps writing is consistent.
/// </summary>
public sealed class BackupRestoreTests(BackupFixture app) : IClassFixture<BackupFixture>
{
    [Fact]
    public async Task BackupThenRestore_IntoEmptyInstance_EveryIdNumberReadableLedgersValidOldSignInsAccepted()
    {
        var source = await app.SourceAsync();
        source.Backup.ExitCode.ShouldBe(0, source.Backup.ToString());
        if (!OperatingSystem.IsWindows()) File.GetUnixFileMode(source.Archive).ShouldBe(UnixFileMode.UserRead | UnixFileMode.UserWrite);
        var manifest = ReadManifest(source.Archive);
        manifest.Provider.ShouldBe(TestDatabase.Provider.ToString());
        manifest.SchemaVersion.ShouldBe(SchemaMigrator.Scripts(TestDatabase.IsPostgres).Max(s => s.Version));
        manifest.Counts.ShouldBe(source.Counts);
        manifest.PersonalDataKey.ShouldBe(PersonalDataKeySource.File);
        manifest.Entries.Select(e => e.Name).ShouldContain(BackupArchive.PersonalDataKeyName);
        manifest.Entries.Count(e => e.Name.StartsWith(BackupArchive.ProtectionKeysFolder, StringComparison.Ordinal)).ShouldBeGreaterThan(0);

        var target = await TestDatabase.CreateAsync();
        var folder = Installation.NewFolder();
        var restore = await AppCommand.RunAsync(["restore", "--from", source.Archive, .. new Installation(target.ConnectionString, folder).Settings]);
        restore.ExitCode.ShouldBe(0, restore.ToString());

        var restored = KeyFilesApp.On(target, folder);
        try
        {
            await ((IAsyncLifetime)restored).InitializeAsync();
            (await restored.CountsAsync()).ShouldBe(source.Counts);
            var ids = await restored.IdNumbersAsync();
            ids.ShouldBe(source.IdNumbers, ignoreOrder: true);
            ids.Values.Count(v => v is not null).ShouldBeGreaterThanOrEqualTo(200);
            var people = await restored.InTenantAsync(source.Tenant.TenantId, db =>
                db.Set<Dangjian.Web.Modules.Members.Member>().Where(m => source.People.Keys.Contains(m.Name)).Select(m => new { m.Id, m.Name }).ToListAsync());
            people.ToDictionary(p => p.Name, p => ids[p.Id]!).ShouldBe(source.People, ignoreOrder: true);

            await using (var scope = restored.Services.CreateAsyncScope())
            {
                foreach (var tenant in await scope.ServiceProvider.GetRequiredService<AppDbContext>().Tenants.Select(t => t.Id).ToListAsync())
                {
                    await using var inTenant = restored.Scope(tenant);
                    var verified = await inTenant.ServiceProvider.GetRequiredService<VerifyLedger>().HandleAsync();
                    verified.Valid.ShouldBeTrue($"{tenant}: {verified.Reason}");
                }
            }

            // The token and the cookie were issued by the app before the backup; the restored keys still read them.
            using var withToken = restored.ClientWithToken(source.Token);
            var ledger = await withToken.GetJsonAsync("/api/v1/ledger/verify");
            ledger["valid"]!.GetValue<bool>().ShouldBeTrue(ledger.ToJsonString());
            ledger["entries"]!.GetValue<long>().ShouldBe(source.TenantLedger);
            using var client = restored.CreateClient();
            using var withCookie = new HttpRequestMessage(HttpMethod.Get, "/api/v1/org-units/" + source.Tenant.Root.Id);
            withCookie.Headers.Add("Cookie", source.Cookie);
            (await client.SendAsync(withCookie)).StatusCode.ShouldBe(HttpStatusCode.OK);
        }
        finally
        {
            await ((IAsyncLifetime)restored).DisposeAsync();
        }
    }

    [Theory]
    [InlineData("database/")]
    [InlineData(BackupArchive.PersonalDataKeyName)]
    public async Task Restore_ArchiveWithOneEntryChanged_RefusedAndNothingWritten(string changed)
    {
        var source = await app.SourceAsync();
        var tampered = Path.Combine(app.Folder, "tampered-" + Guid.NewGuid().ToString("N")[..6] + ".tar");
        var name = CopyChangingOneByte(source.Archive, tampered, changed);
        await using var database = await TestDatabase.CreateAsync();
        var target = new Installation(database.ConnectionString, Installation.NewFolder());

        var restore = await AppCommand.RunAsync(["restore", "--from", tampered, .. target.Settings]);

        restore.ExitCode.ShouldBe(1, restore.ToString());
        restore.Error.ShouldContain(name);
        (await target.TablesAsync()).ShouldBe(0);
        Directory.Exists(target.Folder).ShouldBeFalse("no key folder or key file may be written");
        if (!TestDatabase.IsPostgres) File.Exists(new SqliteConnectionStringBuilder(database.ConnectionString).DataSource).ShouldBeFalse();
    }

    [Fact]
    public async Task Restore_IntoDatabaseHoldingData_RefusedWithoutForce_ReplacedWithForce()
    {
        var source = await app.SourceAsync();
        await using var database = await TestDatabase.CreateAsync();
        await using (var db = database.NewContext())
        {
            await SchemaMigrator.MigrateAsync(db);
            db.Tenants.Add(new Tenant { Id = Guid.CreateVersion7(), Name = "已有租户", CreatedAt = FakeTimeProvider.DefaultStart });
            await db.SaveChangesAsync();
        }
        var target = new Installation(database.ConnectionString, Installation.NewFolder());
        target.ReleaseConnections();
        try
        {
            var refused = await AppCommand.RunAsync(["restore", "--from", source.Archive, .. target.Settings]);

            refused.ExitCode.ShouldBe(1, refused.ToString());
            refused.Error.ShouldContain("--force");
            await using (var db = database.NewContext())
            {
                (await db.Tenants.Select(t => t.Name).ToListAsync()).ShouldBe(["已有租户"]);
            }
            Directory.Exists(target.Folder).ShouldBeFalse();
            // An installation being restored is stopped: no connection of this process holds the old database open.
            target.ReleaseConnections();

            var forced = await AppCommand.RunAsync(["restore", "--from", source.Archive, "--force", .. target.Settings]);

            forced.ExitCode.ShouldBe(0, forced.ToString());
            target.ReleaseConnections();
            await using (var db = database.NewContext())
            {
                (await db.Tenants.LongCountAsync()).ShouldBe(source.Counts.Tenants);
                (await db.Tenants.AnyAsync(t => t.Name == "已有租户")).ShouldBeFalse();
            }
            File.ReadAllBytes(target.KeyFile).ShouldBe(File.ReadAllBytes(app.Installation.KeyFile));
        }
        finally
        {
            target.Delete();
        }
    }

    [Fact]
    public async Task Backup_WhileTheAppKeepsWriting_CopyConsistentAndRestoresVerified()
    {
        await app.SourceAsync();
        var tenant = await TestTenant.CreateAsync(app);
        using var admin = await app.ClientForAsync(tenant.Admin);
        var before = (await app.CountsAsync()).LedgerEntries;
        var written = 0;
        using var stop = new CancellationTokenSource();
        var writer = Task.Run(async () =>
        {
            while (!stop.IsCancellationRequested)
            {
                using var r = await admin.PostAsJsonAsync("/api/v1/org-units", new { parentId = tenant.Root.Id, name = $"第{written + 1}党支部", kind = "Branch" });
                r.StatusCode.ShouldBe(HttpStatusCode.Created);
                Interlocked.Increment(ref written);
            }
        });
        while (Volatile.Read(ref written) < 3) await Task.Delay(10);
        var archive = Path.Combine(app.Folder, "backups", "while-writing.tar");

        var backup = await AppCommand.RunAsync(["backup", "--out", archive, .. app.Installation.Settings]);

        var atExit = Volatile.Read(ref written);
        while (Volatile.Read(ref written) < atExit + 3) await Task.Delay(10);
        await stop.CancelAsync();
        await writer;
        backup.ExitCode.ShouldBe(0, backup.ToString());
        var after = (await app.CountsAsync()).LedgerEntries;
        var manifest = ReadManifest(archive);
        manifest.Counts.LedgerEntries.ShouldBeGreaterThan(before, "the backup was taken while entries were being written");
        manifest.Counts.LedgerEntries.ShouldBeLessThan(after);

        if (!TestDatabase.IsPostgres)
        {
            var copy = Path.Combine(app.Folder, "copy-" + Guid.NewGuid().ToString("N")[..6] + ".db");
            Extract(archive, BackupArchive.SqliteName, copy);
            await using var sqlite = new SqliteConnection($"Data Source={copy};Mode=ReadOnly;Pooling=False");
            await sqlite.OpenAsync();
            await using var check = sqlite.CreateCommand();
            check.CommandText = "PRAGMA integrity_check";
            (await check.ExecuteScalarAsync()).ShouldBe("ok");
        }
        await using var database = await TestDatabase.CreateAsync();
        var target = new Installation(database.ConnectionString, Installation.NewFolder());
        try
        {
            // The restore verifies every tenant's ledger and the counts against the manifest; any failure is exit 1.
            var restore = await AppCommand.RunAsync(["restore", "--from", archive, .. target.Settings]);
            restore.ExitCode.ShouldBe(0, restore.ToString());
            restore.Output.ShouldContain(tenant.TenantId.ToString());
        }
        finally
        {
            target.Delete();
        }
    }

    [Fact]
    public void Messages_EveryKey_InChineseAndEnglish()
    {
        using var sp = new ServiceCollection().AddLogging().AddLocalization().BuildServiceProvider();
        var text = sp.GetRequiredService<IStringLocalizer<BackupText>>();
        var (ui, c) = (CultureInfo.CurrentUICulture, CultureInfo.CurrentCulture);
        try
        {
            CultureInfo.CurrentUICulture = new CultureInfo("zh-CN");
            var zh = text.GetAllStrings(includeParentCultures: true).ToDictionary(s => s.Name, s => s.Value);
            CultureInfo.CurrentUICulture = new CultureInfo("en");
            var en = text.GetAllStrings(includeParentCultures: false).ToDictionary(s => s.Name, s => s.Value);
            zh.Count.ShouldBeGreaterThan(20);
            en.Keys.ShouldBe(zh.Keys, ignoreOrder: true);
            en.Where(e => e.Value == zh[e.Key]).Select(e => e.Key).ShouldBeEmpty("English texts equal to the Chinese");
        }
        finally
        {
            (CultureInfo.CurrentUICulture, CultureInfo.CurrentCulture) = (ui, c);
        }
    }

    private static BackupManifest ReadManifest(string archive)
    {
        using var tar = new TarReader(File.OpenRead(archive));
        var first = tar.GetNextEntry()!;
        first.Name.ShouldBe(BackupArchive.ManifestName);
        using var json = new MemoryStream();
        first.DataStream!.CopyTo(json);
        return BackupManifest.FromJson(json.ToArray())!;
    }

    private static void Extract(string archive, string name, string file)
    {
        using var tar = new TarReader(File.OpenRead(archive));
        while (tar.GetNextEntry() is { } entry)
        {
            if (entry.Name == name)
            {
                entry.ExtractToFile(file, overwrite: false);
                return;
            }
        }
        throw new InvalidOperationException($"{name} not in {archive}");
    }

    /// <summary>A copy of the archive with one byte of the first entry whose name starts with <paramref name="prefix"/> changed; answers its name.</summary>
    private static string CopyChangingOneByte(string archive, string copy, string prefix)
    {
        string? changed = null;
        using (var reader = new TarReader(File.OpenRead(archive)))
        using (var writer = new TarWriter(File.Create(copy), TarEntryFormat.Pax))
        {
            while (reader.GetNextEntry(copyData: true) is { } entry)
            {
                if (changed is null && entry.Name.StartsWith(prefix, StringComparison.Ordinal))
                {
                    var data = new MemoryStream();
                    entry.DataStream!.CopyTo(data);
                    var bytes = data.ToArray();
                    bytes[bytes.Length / 2] ^= 0x01;
                    entry.DataStream = new MemoryStream(bytes);
                    changed = entry.Name;
                }
                writer.WriteEntry(entry);
            }
        }
        return changed ?? throw new InvalidOperationException($"no entry {prefix}… in {archive}");
    }
}
