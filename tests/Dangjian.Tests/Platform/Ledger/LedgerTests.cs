using System.Globalization;
using System.Net;
using System.Net.Http.Json;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json.Nodes;
using Dangjian.Web.Data;
using Dangjian.Web.Platform.Auth;

namespace Dangjian.Tests.Platform.Ledger;

/// <summary>
/// The tamper-evident ledger: every org unit created through the API appends an entry; changing, deleting or
/// reordering any stored entry is caught by the verifier at that entry. Each test works in a tenant of its own,
/// so each has its own chain.
/// </summary>
public sealed class LedgerTests(AppFixture app) : IClassFixture<AppFixture>
{
    private const int Created = 5;

    /// <summary>A tenant whose chain holds exactly <see cref="Created"/> entries, appended through the API.</summary>
    private async Task<(TestTenant Tenant, HttpClient Admin)> ChainAsync(int count = Created)
    {
        var tenant = await TestTenant.CreateAsync(app);
        var admin = await app.ClientForAsync(tenant.Admin);
        for (var i = 0; i < count; i++)
        {
            using var r = await admin.PostAsJsonAsync("/api/v1/org-units", new { parentId = tenant.Root.Id, name = $"第{i + 1}党支部", kind = "Branch" });
            await r.ShouldHaveStatusAsync(HttpStatusCode.Created);
        }
        return (tenant, admin);
    }

    private static async Task<JsonNode> VerifyAsync(HttpClient admin) => await admin.GetJsonAsync("/api/v1/ledger/verify");

    [Fact]
    public async Task Verify_UntouchedChain_ValidWithEveryEntry()
    {
        var (_, admin) = await ChainAsync();
        var result = await VerifyAsync(admin);
        result["valid"]!.GetValue<bool>().ShouldBeTrue(result.ToJsonString());
        result["entries"]!.GetValue<long>().ShouldBe(Created);
        result["firstBrokenEntry"]?.GetValue<long?>().ShouldBeNull();
    }

    [Fact]
    public async Task Verify_PayloadAlteredInDatabase_InvalidAtThatEntry()
    {
        var (tenant, admin) = await ChainAsync();
        const long target = 3;
        var original = await app.InTenantAsync(tenant.TenantId, db => db.LedgerEntries.AsNoTracking().SingleAsync(e => e.Sequence == target));
        original.Payload.ShouldContain("\"Branch\"");
        var changed = await app.InTenantAsync(tenant.TenantId, db => db.LedgerEntries.Where(e => e.Sequence == target)
            .ExecuteUpdateAsync(s => s.SetProperty(e => e.Payload, e => e.Payload.Replace("\"Branch\"", "\"Group\""))));
        changed.ShouldBe(1);
        (await app.InTenantAsync(tenant.TenantId, db => db.LedgerEntries.AsNoTracking().SingleAsync(e => e.Sequence == target)))
            .Payload.ShouldNotBe(original.Payload);

        var result = await VerifyAsync(admin);
        result["valid"]!.GetValue<bool>().ShouldBeFalse();
        result["firstBrokenEntry"]!.GetValue<long>().ShouldBe(target);
    }

    [Fact]
    public async Task Verify_MiddleEntryDeleted_InvalidAtTheGap()
    {
        var (tenant, admin) = await ChainAsync();
        const long target = 2;
        (await app.InTenantAsync(tenant.TenantId, db => db.LedgerEntries.Where(e => e.Sequence == target).ExecuteDeleteAsync())).ShouldBe(1);

        var result = await VerifyAsync(admin);
        result["valid"]!.GetValue<bool>().ShouldBeFalse();
        result["firstBrokenEntry"]!.GetValue<long>().ShouldBe(target);
    }

    [Fact]
    public async Task Verify_LastEntryDeletedAndOthersIntact_ReportsOneFewerEntry()
    {
        // Truncating the tail cannot be seen from the chain alone; the verifier's count and last hash are what an
        // outsider compares with a copy kept elsewhere.
        var (tenant, admin) = await ChainAsync();
        var before = await VerifyAsync(admin);
        await app.InTenantAsync(tenant.TenantId, db => db.LedgerEntries.Where(e => e.Sequence == Created).ExecuteDeleteAsync());
        var after = await VerifyAsync(admin);
        after["entries"]!.GetValue<long>().ShouldBe(Created - 1);
        after["lastHash"]!.GetValue<string>().ShouldNotBe(before["lastHash"]!.GetValue<string>());
    }

    [Fact]
    public async Task Verify_TwoEntriesSwapped_InvalidAtTheFirstOfThem()
    {
        var (tenant, admin) = await ChainAsync();
        await app.InTenantAsync(tenant.TenantId, async db =>
        {
            var two = await db.LedgerEntries.AsNoTracking().Where(e => e.Sequence == 2 || e.Sequence == 3).OrderBy(e => e.Sequence).ToListAsync();
            two.Count.ShouldBe(2);
            await db.LedgerEntries.Where(e => e.Sequence == 2)
                .ExecuteUpdateAsync(s => s.SetProperty(e => e.Payload, two[1].Payload).SetProperty(e => e.Hash, two[1].Hash)
                    .SetProperty(e => e.SubjectId, two[1].SubjectId));
            await db.LedgerEntries.Where(e => e.Sequence == 3)
                .ExecuteUpdateAsync(s => s.SetProperty(e => e.Payload, two[0].Payload).SetProperty(e => e.Hash, two[0].Hash)
                    .SetProperty(e => e.SubjectId, two[0].SubjectId));
        });

        var result = await VerifyAsync(admin);
        result["valid"]!.GetValue<bool>().ShouldBeFalse();
        result["firstBrokenEntry"]!.GetValue<long>().ShouldBe(2);
    }

    [Fact]
    public async Task Verify_OtherTenantsChainTampered_OwnChainStillValid()
    {
        var (_, mine) = await ChainAsync(2);
        var (other, _) = await ChainAsync(2);
        await app.InTenantAsync(other.TenantId, db => db.LedgerEntries.Where(e => e.Sequence == 1)
            .ExecuteUpdateAsync(s => s.SetProperty(e => e.Payload, "{}")));
        var result = await VerifyAsync(mine);
        result["valid"]!.GetValue<bool>().ShouldBeTrue();
        result["entries"]!.GetValue<long>().ShouldBe(2);
    }

    [Fact]
    public async Task Export_Chain_OutsiderRecomputesEveryHashFromTheDocumentedAlgorithm()
    {
        var (_, admin) = await ChainAsync(3);
        var export = await admin.GetJsonAsync("/api/v1/ledger/export");
        export["algorithm"]!.GetValue<string>().ShouldContain("SHA-256");
        var entries = export["entries"]!.AsArray();
        entries.Count.ShouldBe(3);

        // An independent implementation of the algorithm the export states, not the app's LedgerHash.
        var previous = new string('0', 64);
        foreach (var e in entries)
        {
            var at = DateTimeOffset.Parse(e!["at"]!.GetValue<string>(), CultureInfo.InvariantCulture).UtcDateTime;
            var canonical = string.Join('\n',
                e["tenantId"]!.GetValue<Guid>().ToString("N"),
                e["sequence"]!.GetValue<long>().ToString(CultureInfo.InvariantCulture),
                at.ToString("yyyy-MM-dd'T'HH:mm:ss.ffffff'Z'", CultureInfo.InvariantCulture),
                e["kind"]!.GetValue<string>(),
                e["subjectId"]!.GetValue<string>(),
                e["payload"]!.GetValue<string>(),
                previous);
            e["previousHash"]!.GetValue<string>().ShouldBe(previous);
            var hash = Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(canonical)));
            e["hash"]!.GetValue<string>().ShouldBe(hash);
            e["kind"]!.GetValue<string>().ShouldBe("org.created");
            previous = hash;
        }
    }

    [Fact]
    // Regression: SQLite keeps DateTimeOffset at 100 µs (DateTimeOffsetToBinaryConverter); entries stamped at 1 µs
    // precision no longer hashed to their stored Hash once read back.
    public async Task Verify_ClockWithSubMillisecondTicks_ChainStillValid()
    {
        // The system clock has 100 ns ticks; the stored instant must hash the same as the instant that was hashed.
        var start = app.Clock.GetUtcNow();
        try
        {
            app.Clock.Set(new DateTimeOffset(2026, 11, 22, 2, 0, 0, TimeSpan.Zero).AddTicks(1_234_567));
            var (_, admin) = await ChainAsync(2);
            var result = await VerifyAsync(admin);
            result["valid"]!.GetValue<bool>().ShouldBeTrue(result.ToJsonString());
        }
        finally
        {
            app.Clock.Set(start);
        }
    }

    [Fact]
    public async Task Verify_BranchSecretary_Forbidden()
    {
        var tenant = await TestTenant.CreateAsync(app);
        var branch = await tenant.AddUnitAsync(tenant.Root, Dangjian.Web.Modules.Organizations.OrgUnitKind.Branch);
        var secretary = await app.ClientForAsync(await tenant.AddUserAsync(branch, AppRole.BranchSecretary));
        using var verify = await secretary.GetAsync("/api/v1/ledger/verify");
        verify.StatusCode.ShouldBe(HttpStatusCode.Forbidden);
        using var export = await secretary.GetAsync("/api/v1/ledger/export");
        export.StatusCode.ShouldBe(HttpStatusCode.Forbidden);
    }

    [Fact]
    public async Task Create_ConcurrentRequestsInOneTenant_AllCreatedAndChainValid()
    {
        var tenant = await TestTenant.CreateAsync(app);
        using var admin = await app.ClientForAsync(tenant.Admin);
        var responses = await Task.WhenAll(Enumerable.Range(0, 8).Select(i =>
            admin.PostAsJsonAsync("/api/v1/org-units", new { parentId = tenant.Root.Id, name = $"并发{i}党支部", kind = "Branch" })));
        responses.Select(r => r.StatusCode).ShouldAllBe(s => s == HttpStatusCode.Created);
        var result = await VerifyAsync(admin);
        result["valid"]!.GetValue<bool>().ShouldBeTrue();
        result["entries"]!.GetValue<long>().ShouldBe(8);
    }
}
