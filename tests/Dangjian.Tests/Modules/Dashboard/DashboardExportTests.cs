using System.Net;
using Dangjian.Web.Platform.Export;
using Dangjian.Web.Seeding;

namespace Dangjian.Tests.Modules.Dashboard;

/// <summary>The dashboard's tables as a real .xlsx and the page as a PDF, with the same numbers as the API.</summary>
public sealed class DashboardExportTests(AppFixture app) : IClassFixture<AppFixture>
{
    [Fact]
    public async Task Workbook_And_Pdf_CarryTheDashboardsFigures()
    {
        var (tenant, _) = await TestTenant.SeedAsync(app, 300);
        await app.InTenantAsync(tenant.TenantId, db => MeetingsDemo.SeedAsync(db, app.Clock));
        using var admin = await app.ClientForAsync(tenant.Admin);
        var shown = await admin.GetJsonAsync($"/api/v1/org-units/{tenant.Root.Id}/dashboard?from=2026-01-01&to=2026-11-22");

        using var xlsx = await admin.GetAsync($"/api/v1/org-units/{tenant.Root.Id}/dashboard.xlsx?from=2026-01-01&to=2026-11-22");
        xlsx.StatusCode.ShouldBe(HttpStatusCode.OK);
        var bytes = await xlsx.Content.ReadAsByteArrayAsync();
        var figures = XlsxReader.ReadRows(new MemoryStream(bytes), 0).Select(r => r.Cells).ToList();
        figures.Single(r => r[0] == "党员")[1].ShouldBe(shown["members"]!["party"]!.GetValue<int>().ToString());
        figures.Single(r => r[0] == "签到率")[1].ShouldBe(shown["period"]!["signInRate"]!.GetValue<decimal>().ToString(System.Globalization.CultureInfo.InvariantCulture));
        var months = XlsxReader.ReadRows(new MemoryStream(bytes), 1).Select(r => r.Cells).Skip(1).ToList(); // after the header
        months.Select(r => r[0]).ShouldBe(shown["months"]!.AsArray().Select(m => m!.Str("month")));
        var units = XlsxReader.ReadRows(new MemoryStream(bytes), 2).Select(r => r.Cells).Skip(1).ToList();
        units.Select(r => r[0]).ShouldBe(shown["children"]!.AsArray().Select(c => c!.Str("name")), ignoreOrder: true);
        XlsxReader.ReadRows(new MemoryStream(bytes), 3).Count().ShouldBeGreaterThan(0); // weak links

        using var response = await admin.GetAsync($"/api/v1/org-units/{tenant.Root.Id}/dashboard.pdf?from=2026-01-01&to=2026-11-22");
        var text = await PdfText.CompactTextAsync(await response.ReadPdfAsync());
        text.ShouldContain("党建红云");
        text.ShouldContain("各月情况");
        text.ShouldContain("薄弱环节");
        text.ShouldContain(shown["children"]!.AsArray()[0]!.Str("name").Replace(" ", ""));

        // A sibling's secretary gets neither.
        var other = await TestTenant.CreateAsync(app);
        using var stranger = await app.ClientForAsync(other.Admin);
        (await stranger.GetAsync($"/api/v1/org-units/{tenant.Root.Id}/dashboard.xlsx")).StatusCode.ShouldBe(HttpStatusCode.NotFound);
    }
}
