using System.Net;
using System.Net.Http.Json;
using Dangjian.Web.Data;
using Dangjian.Web.Modules.Organizations;
using Dangjian.Web.Platform.Backup;
using Dangjian.Web.Platform.Privacy;

namespace Dangjian.Tests.Platform.Backup;

/// <summary>
/// The app with its keys in files, as an installation has them by default (the data-protection key ring in a folder, the
/// personal-data key file in it) instead of the fixed test key: the keys are then something a backup must carry.
/// As a class fixture, on a fresh database; through <see cref="On"/>, on a database and key folder a restore filled.
/// </summary>
public class KeyFilesApp : AppFixture, IAsyncLifetime
{
    private readonly TestDatabase? given;

    public KeyFilesApp() : this(null, Installation.NewFolder())
    {
    }

    private KeyFilesApp(TestDatabase? given, string folder)
    {
        this.given = given;
        Folder = folder;
    }

    public static KeyFilesApp On(TestDatabase restored, string folder) => new(restored, folder);

    public string Folder { get; }

    public Installation Installation => new(Database.ConnectionString, Folder);

    protected override Task<TestDatabase> CreateDatabaseAsync() => given is null ? TestDatabase.CreateAsync() : Task.FromResult(given);

    protected override IEnumerable<KeyValuePair<string, string>> ExtraSettings =>
    [
        new("DataProtection:KeysPath", Path.Combine(Folder, "keys")),
        new("PersonalData:Key", ""),
        new("PersonalData:KeyFile", Path.Combine(Folder, "keys", "personal-data.key")),
    ];

    public new async Task DisposeAsync()
    {
        await base.DisposeAsync();
        if (Directory.Exists(Folder)) Directory.Delete(Folder, recursive: true);
    }

    /// <summary>Tenants, members and ledger entries of the whole database (every tenant, soft-deleted rows too).</summary>
    public async Task<BackupCounts> CountsAsync()
    {
        await using var scope = Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        return new BackupCounts(await db.Tenants.LongCountAsync(), await db.Set<Dangjian.Web.Modules.Members.Member>().IgnoreQueryFilters().LongCountAsync(),
            await db.LedgerEntries.IgnoreQueryFilters().LongCountAsync());
    }

    /// <summary>Every member's ID number, decrypted with this app's personal-data key.</summary>
    public async Task<Dictionary<Guid, string?>> IdNumbersAsync()
    {
        await using var scope = Services.CreateAsyncScope();
        var protector = scope.ServiceProvider.GetRequiredService<PersonalDataProtector>();
        var rows = await scope.ServiceProvider.GetRequiredService<AppDbContext>().Set<Dangjian.Web.Modules.Members.Member>()
            .IgnoreQueryFilters().AsNoTracking().Select(m => new { m.Id, m.IdNumberEncrypted }).ToListAsync();
        return rows.ToDictionary(r => r.Id, r => protector.Decrypt(r.IdNumberEncrypted));
    }
}

/// <summary>
/// The installation a backup is taken of: a tenant from the app's own seeder (every person's ID number encrypted), a
/// branch created through the API and three people with known ID numbers in it, a dues payment — so its ledger holds
/// org and dues entries — and a token and a sign-in cookie issued before the backup.
/// </summary>
public sealed class BackupFixture : KeyFilesApp
{
    private Task<Source>? source;

    public sealed record Source(TestTenant Tenant, IReadOnlyDictionary<string, string> People, string Token, string Cookie,
        BackupCounts Counts, Dictionary<Guid, string?> IdNumbers, long TenantLedger, string Archive, AppCommand.Run Backup);

    /// <summary>Built once for the tests of the class, with the backup of it taken by the <c>backup</c> command.</summary>
    public Task<Source> SourceAsync() => source ??= BuildAsync();

    private async Task<Source> BuildAsync()
    {
        var (tenant, _) = await TestTenant.SeedAsync(this, members: 200);
        using var admin = await ClientForAsync(tenant.Admin);
        using var created = await admin.PostAsJsonAsync("/api/v1/org-units", new { parentId = tenant.Root.Id, name = "备份测试党支部", kind = "Branch" });
        var branchId = (await created.ShouldHaveStatusAsync(HttpStatusCode.Created))!["id"]!.GetValue<Guid>();
        var branch = await InTenantAsync(tenant.TenantId, db => db.OrgUnits.AsNoTracking().SingleAsync(u => u.Id == branchId));
        var people = new Dictionary<string, string>
        {
            ["备份甲"] = TestIdNumbers.Of("110101", "19800101", 11),
            ["备份乙"] = TestIdNumbers.Of("310104", "19910615", 22),
            ["备份丙"] = TestIdNumbers.Of("440305", "20000229", 33),
        };
        Guid payer = default;
        foreach (var (name, idNumber) in people) payer = (await tenant.AddPersonAsync(branch, name, idNumber)).Id;
        (await admin.PostAsJsonAsync($"/api/v1/members/{payer}/dues/bases", new { effectiveMonth = "2026-01", category = "Serving", baseFen = 300_000 }))
            .StatusCode.ShouldBe(HttpStatusCode.Created);
        (await admin.PostAsJsonAsync($"/api/v1/members/{payer}/dues/payments", new { month = "2026-11", amountFen = 1_500, paidOn = "2026-11-22" }))
            .StatusCode.ShouldBe(HttpStatusCode.Created);

        var token = await TokenAsync(tenant.Admin.UserName, tenant.Admin.Password);
        var cookie = await SignInCookieAsync(tenant.Admin);
        var tenantLedger = await InTenantAsync(tenant.TenantId, db => db.LedgerEntries.LongCountAsync());
        var archive = Path.Combine(Folder, "backups", "dangjian.tar");
        var counts = await CountsAsync();
        var ids = await IdNumbersAsync();
        var backup = await AppCommand.RunAsync(["backup", "--out", archive, .. Installation.Settings]);
        return new Source(tenant, people, token, cookie, counts, ids, tenantLedger, archive, backup);
    }
}
