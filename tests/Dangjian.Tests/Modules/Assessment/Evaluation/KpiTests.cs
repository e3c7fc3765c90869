using System.Net;
using System.Net.Http.Json;
using Dangjian.Web.Modules.Assessment.Evaluation.Kpis;
using Dangjian.Web.Modules.Organizations;
using Dangjian.Web.Platform.Auth;
using Dangjian.Web.Platform.Export;

namespace Dangjian.Tests.Modules.Assessment.Evaluation;

/// <summary>四同步: business KPIs imported through the shared workflow, the business score, and Pearson's r beside the party score.</summary>
public sealed class KpiTests(AppFixture app) : IClassFixture<AppFixture>
{
    [Theory]
    [InlineData(new double[0], new double[0], null)]
    [InlineData(new[] { 1.0, 2.0 }, new[] { 3.0, 5.0 }, null)]                 // fewer than 3: none
    [InlineData(new[] { 1.0, 2.0, 3.0 }, new[] { 2.0, 4.0, 6.0 }, 1.0)]
    [InlineData(new[] { 1.0, 2.0, 3.0 }, new[] { 6.0, 4.0, 2.0 }, -1.0)]
    [InlineData(new[] { 1.0, 2.0, 3.0 }, new[] { 5.0, 5.0, 5.0 }, null)]       // no variation: none
    [InlineData(new[] { 1.0, 2.0, 3.0, 4.0 }, new[] { 2.0, 4.0, 5.0, 4.0 }, 0.718)] // 3.5 / √(5 × 4.75)
    public void Pearson_OverTheBranches(double[] x, double[] y, double? expected) =>
        CorrelationRule.Pearson(x.Zip(y).ToList()).ShouldBe(expected);

    [Theory]
    [InlineData(new[] { 95.0, 120.0 }, new[] { 100.0, 100.0 }, 107.5)]
    [InlineData(new[] { 200.0 }, new[] { 100.0 }, 150.0)]     // capped at 150 %
    [InlineData(new[] { -5.0 }, new[] { 100.0 }, 0.0)]        // never below 0
    [InlineData(new[] { 5.0 }, new[] { 0.0 }, null)]          // no positive target: no score
    public void BusinessScore_AverageAttainment(double[] values, double[] targets, double? expected) =>
        CorrelationRule.BusinessScore(values.Zip(targets, (v, t) => ((decimal)v, (decimal)t))).ShouldBe(expected is { } e ? (decimal)e : null);

    [Theory]
    [InlineData("2026Q1", 2026, 1)]
    [InlineData("2026q4", 2026, 4)]
    [InlineData("2026Q5", null, null)]
    [InlineData("26Q1", null, null)]
    [InlineData("2026-1", null, null)]
    public void Period_YearAndQuarter(string text, int? year, int? quarter) =>
        CorrelationRule.Period(text).ShouldBe(year is { } y ? (y, quarter!.Value) : null);

    [Fact]
    public async Task Import_ThenSideBySide_WithCorrelation()
    {
        var tenant = await TestTenant.CreateAsync(app);
        var names = Enumerable.Range(1, 3).Select(i => TestTenant.Unique($"业务{i}支部")).ToList();
        var branches = new List<OrgUnit>();
        foreach (var n in names) branches.Add(await tenant.AddUnitAsync(tenant.Root, OrgUnitKind.Branch, n));
        var committee = await app.ClientForAsync(await tenant.AddUserAsync(tenant.Root, AppRole.OrganizationCommissioner));
        var sibling = await app.ClientForAsync(await tenant.AddUserAsync(branches[1], AppRole.BranchSecretary));
        var year = tenant.Today.Year;

        using var sheet = new MemoryStream();
        XlsxWriter.Write(sheet, "业务考核", ["支部", "季度", "指标名称", "完成值", "目标值"],
        [
            [names[0], $"{year}Q1", "营业收入", "90", "100"],
            [names[0], $"{year}Q2", "营业收入", "110", "100"],
            [names[1], $"{year}Q1", "营业收入", "60", "100"],
            [names[2], $"{year}Q1", "营业收入", "130", "100"],
            ["不存在的支部", $"{year}Q1", "营业收入", "1", "100"],
            [names[2], $"{year}Q9", "营业收入", "1", "100"],
            [names[2], $"{year}Q2", "营业收入", "1", "0"],
        ]);
        using (var refused = await sibling.PostAsync($"/api/v1/evaluation/kpi-imports?orgUnitId={tenant.Root.Id}&fileName=kpi.xlsx", new ByteArrayContent(sheet.ToArray())))
            ((int)refused.StatusCode).ShouldBeOneOf(403, 404);
        using var up = await committee.PostAsync($"/api/v1/evaluation/kpi-imports?orgUnitId={tenant.Root.Id}&fileName=kpi.xlsx", new ByteArrayContent(sheet.ToArray()));
        var preview = (await up.ShouldHaveStatusAsync(HttpStatusCode.Created))!;
        preview["import"]!["validRows"]!.GetValue<int>().ShouldBe(4);
        preview["import"]!["errors"]!.AsArray().Select(e => (e!["row"]!.GetValue<int>(), e.Str("column"))).ShouldBe([(6, "支部"), (7, "季度"), (8, "目标值")]);
        using (var applied = await committee.PostAsync($"/api/v1/evaluation/kpi-imports/{preview["import"]!.Id()}/apply", null))
            (await applied.ShouldHaveStatusAsync(HttpStatusCode.OK))!["import"]!["created"]!.GetValue<int>().ShouldBe(4);

        using var created = await committee.PostAsJsonAsync($"/api/v1/org-units/{tenant.Root.Id}/evaluation/schemes", new { year, name = "同步考核", template = "PA4" });
        var id = (await created.ShouldHaveStatusAsync(HttpStatusCode.Created))!.Id();
        var scheme = await committee.GetJsonAsync($"/api/v1/evaluation/schemes/{id}");
        var leader = scheme["indicators"]!.AsArray().First(i => i!.Str("kind") == "Qualitative")!.Id();
        using (var open = await committee.PostAsync($"/api/v1/evaluation/schemes/{id}/open", null)) await open.ShouldHaveStatusAsync(HttpStatusCode.OK);
        decimal[] given = [14, 6, 10];
        for (var i = 0; i < 3; i++)
        {
            using var mark = await committee.PostAsJsonAsync($"/api/v1/evaluation/schemes/{id}/marks",
                new { orgUnitId = branches[i].Id, kind = "Superior", items = new[] { new { indicatorId = leader, score = given[i] } } });
            await mark.ShouldHaveStatusAsync(HttpStatusCode.OK);
        }
        using (var c = await committee.PostAsync($"/api/v1/evaluation/schemes/{id}/compute", null)) await c.ShouldHaveStatusAsync(HttpStatusCode.OK);

        var beside = await committee.GetJsonAsync($"/api/v1/evaluation/schemes/{id}/kpis");
        var rows = beside["rows"]!.AsArray().ToDictionary(r => r!.Id("orgUnitId"), r => r!);
        rows[branches[0].Id]["businessScore"]!.GetValue<decimal>().ShouldBe(100m);   // (90 % + 110 %) / 2
        rows[branches[1].Id]["businessScore"]!.GetValue<decimal>().ShouldBe(60m);
        rows[branches[2].Id]["businessScore"]!.GetValue<decimal>().ShouldBe(130m);
        var pairs = branches.Select(b => ((double)rows[b.Id]["partyScore"]!.GetValue<decimal>(), (double)rows[b.Id]["businessScore"]!.GetValue<decimal>())).ToList();
        beside["correlation"]!.GetValue<double>().ShouldBe(CorrelationRule.Pearson(pairs)!.Value);
        beside["pairs"]!.GetValue<int>().ShouldBe(3);
        await sibling.GetJsonAsync($"/api/v1/evaluation/schemes/{id}/kpis", HttpStatusCode.NotFound);
        using var book = await committee.GetAsync($"/api/v1/evaluation/schemes/{id}/kpis.xlsx");
        XlsxReader.ReadRows(new MemoryStream(await book.Content.ReadAsByteArrayAsync())).Count().ShouldBe(5);   // header, 3 branches, r
    }
}
