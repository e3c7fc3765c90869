using System.Net;
using Dangjian.Web.Data;
using Dangjian.Web.Modules.Organizations;
using Dangjian.Web.Platform.Audit;
using Dangjian.Web.Platform.Auth;
using Dangjian.Web.Platform.Export;
using Microsoft.Extensions.Configuration;

namespace Dangjian.Tests.Platform.Audit;

/// <summary>等保 安全审计: the audit log kept at least six months (Audit:RetainDays) and exportable within one's reach.</summary>
public sealed class AuditRetentionAndExportTests(AppFixture app) : IClassFixture<AppFixture>
{
    [Theory]
    [InlineData(null, 365)]
    [InlineData("365", 365)]
    [InlineData("181", 181)]
    [InlineData("180", 180)]
    [InlineData("179", 180)]
    [InlineData("0", 180)]
    [InlineData("-1", 180)]
    [InlineData("3650", 3650)]
    public void RetainDays_NeverBelowSixMonths(string? setting, int expected)
    {
        var config = new ConfigurationBuilder().AddInMemoryCollection(
            setting is null ? [] : [new KeyValuePair<string, string?>("Audit:RetainDays", setting)]).Build();
        AuditRetentionJob.RetainDaysOf(config).ShouldBe(expected);
    }

    [Fact]
    public async Task RetentionJob_DeletesOnlyEntriesOlderThanTheRetention()
    {
        var tenant = await TestTenant.CreateAsync(app);
        var now = app.Clock.GetUtcNow();
        var old = Entry(tenant, now.AddDays(-366), "old");
        var edge = Entry(tenant, now.AddDays(-364), "edge");
        var recent = Entry(tenant, now.AddDays(-1), "recent");
        await app.InTenantAsync(tenant.TenantId, async db =>
        {
            db.AuditEntries.AddRange(old, edge, recent);
            await db.SaveChangesAsync();
        });

        await using (var scope = app.Scope(tenant.TenantId))
        {
            var job = new AuditRetentionJob(app.Clock, new ConfigurationBuilder().Build());
            (await job.RunAsync(scope.ServiceProvider, CancellationToken.None)).ShouldNotBeNullOrWhiteSpace();
        }

        var left = await app.InTenantAsync(tenant.TenantId, db => db.AuditEntries.Where(a => a.EntityType == "Test")
            .Select(a => a.EntityId).ToListAsync());
        left.ShouldBe(["edge", "recent"], ignoreOrder: true);
    }

    [Fact]
    public async Task Export_RootAdministrator_GetsTheEntriesAsAWorkbook_AndTheExportIsAudited()
    {
        var tenant = await TestTenant.CreateAsync(app);
        var name = TestTenant.Unique("审计导出支部");
        var branch = await tenant.AddUnitAsync(tenant.Root, OrgUnitKind.Branch, name);
        using var admin = await app.ClientForAsync(tenant.Admin);

        using var r = await admin.GetAsync($"/api/v1/audit/export?orgUnitId={tenant.Root.Id}");
        r.StatusCode.ShouldBe(HttpStatusCode.OK);
        r.Content.Headers.ContentType!.MediaType.ShouldBe(XlsxWriter.ContentType);
        var rows = XlsxReader.ReadRows(new MemoryStream(await r.Content.ReadAsByteArrayAsync())).Select(x => x.Cells).ToList();
        rows.Count.ShouldBeGreaterThan(1);
        rows[0].Length.ShouldBe(7);
        // Kinds and actions in the reader's words, as the audit page shows them (zh-CN by default).
        var created = rows.Skip(1).Where(c => c[3] == "党组织" && c[4] == branch.Id.ToString()).ToList();
        created.Count.ShouldBe(1, string.Join("\n", rows.Take(5).Select(c => string.Join(" | ", c))));
        created[0][2].ShouldBe("新增");
        System.Text.Json.Nodes.JsonNode.Parse(created[0][6]!)!.Str("Name").ShouldBe(name);

        var exports = await app.InTenantAsync(tenant.TenantId, db => db.AuditEntries
            .Where(a => a.EntityType == "AuditLog" && a.Action == "Export" && a.UserId == tenant.Admin.Id).CountAsync());
        exports.ShouldBe(1);
    }

    [Fact]
    public async Task Export_ADayRangeBeforeAnyEntry_HasOnlyTheHeader_AndAnInvertedRangeIsRefused()
    {
        var tenant = await TestTenant.CreateAsync(app);
        using var admin = await app.ClientForAsync(tenant.Admin);
        using var empty = await admin.GetAsync($"/api/v1/audit/export?orgUnitId={tenant.Root.Id}&from=2001-01-01&to=2001-01-31");
        empty.StatusCode.ShouldBe(HttpStatusCode.OK);
        XlsxReader.ReadRows(new MemoryStream(await empty.Content.ReadAsByteArrayAsync())).Count().ShouldBe(1);

        using var inverted = await admin.GetAsync($"/api/v1/audit/export?orgUnitId={tenant.Root.Id}&from=2026-02-01&to=2026-01-01");
        await inverted.ShouldHaveStatusAsync(HttpStatusCode.BadRequest);
    }

    [Fact]
    public async Task Export_SecretaryOfABranch_IsRefusedTheRoot()
    {
        var tenant = await TestTenant.CreateAsync(app);
        var branch = await tenant.AddUnitAsync(tenant.Root, OrgUnitKind.Branch);
        var secretary = await tenant.AddUserAsync(branch, AppRole.BranchSecretary);
        using var client = await app.ClientForAsync(secretary);
        using var r = await client.GetAsync($"/api/v1/audit/export?orgUnitId={tenant.Root.Id}");
        ((int)r.StatusCode).ShouldBeOneOf(403, 404);
    }

    private static AuditEntry Entry(TestTenant tenant, DateTimeOffset at, string id) => new()
    {
        Id = Guid.NewGuid(), TenantId = tenant.TenantId, At = at, UserName = "test", Action = "Test", EntityType = "Test", EntityId = id,
        OrgPath = tenant.Root.Path,
    };
}
