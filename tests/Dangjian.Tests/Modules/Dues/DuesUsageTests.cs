using Dangjian.Web.Modules.Dues.Usage;
using System.Net;
using System.Net.Http.Json;
using Dangjian.Web.Modules.Dues;
using Dangjian.Web.Modules.Organizations;
using Dangjian.Web.Platform.Auth;

namespace Dangjian.Tests.Modules.Dues;

/// <summary>
/// Dues usage (党费使用) through the API: recorded up to the year's balance and refused a fen beyond it with the
/// regulation named, every bad field named, reversals instead of edits, ledger entries, paging and the yearly total.
/// </summary>
public sealed class DuesUsageTests(AppFixture app) : IClassFixture<AppFixture>
{
    private sealed record World(TestTenant Tenant, OrgUnit Branch, HttpClient Client);

    /// <summary>A branch that collected ¥200 in March 2026: the balance is ¥200 − 5% = ¥190.</summary>
    private async Task<World> WorldAsync()
    {
        var tenant = await TestTenant.CreateAsync(app);
        var branch = await tenant.AddUnitAsync(tenant.Root, OrgUnitKind.Branch);
        foreach (var m in await tenant.AddMembersAsync(branch, 2)) await DuesRaw.PayAsync(app, tenant, m, branch, 2026, 3, 10_000);
        var secretary = await tenant.AddUserAsync(branch, AppRole.BranchSecretary);
        return new World(tenant, branch, await app.ClientForAsync(secretary));
    }

    private static object Usage(long amountFen, string spentOn = "2026-06-01", string purpose = "Training") =>
        new { spentOn, amountFen, purpose, description = "七一党课教材", approvedBy = "王书记", approvedOn = "2026-05-28" };

    private static async Task<Guid> RecordAsync(World w, object body, HttpStatusCode expected = HttpStatusCode.Created)
    {
        using var r = await w.Client.PostAsJsonAsync($"/api/v1/org-units/{w.Branch.Id}/dues/usages", body);
        var json = (await r.ShouldHaveStatusAsync(expected))!;
        return expected == HttpStatusCode.Created ? json["usage"]!.Id() : Guid.Empty;
    }

    private async Task<int> LedgerCountAsync(World w, string kind) =>
        await app.InTenantAsync(w.Tenant.TenantId, db => db.LedgerEntries.CountAsync(e => e.Kind == kind && e.SubjectId == w.Branch.Id.ToString()));

    [Fact]
    public async Task Record_UpToTheBalance_AllowedAndOneFenMoreRefusedNamingTheRegulation()
    {
        var w = await WorldAsync();
        using (var first = await w.Client.PostAsJsonAsync($"/api/v1/org-units/{w.Branch.Id}/dues/usages", Usage(15_000)))
        {
            var body = (await first.ShouldHaveStatusAsync(HttpStatusCode.Created))!;
            body["balance"]!["balanceFen"]!.GetValue<long>().ShouldBe(4_000);   // 20,000 − 1,000 − 15,000
            body["usage"]!["purpose"]!.GetValue<string>().ShouldBe("Training");
        }

        using (var over = await w.Client.PostAsJsonAsync($"/api/v1/org-units/{w.Branch.Id}/dues/usages", Usage(4_001, purpose: "Hardship")))
        {
            var problem = (await over.ShouldHaveStatusAsync(HttpStatusCode.UnprocessableEntity))!;
            problem["code"]!.GetValue<string>().ShouldBe("DUES_USAGE_OVER_BALANCE");
            problem["article"]!.GetValue<string>().ShouldBe("《关于中国共产党党费收缴、使用和管理的规定》第十五条");
            problem["title"]!.GetValue<string>().ShouldContain("-¥0.01");
        }
        await RecordAsync(w, Usage(4_000, purpose: "Hardship"));   // to exactly zero

        // Another year has its own balance: nothing was collected in 2025.
        (await RecordAsync(w, Usage(1, spentOn: "2025-12-31"), HttpStatusCode.UnprocessableEntity)).ShouldBe(Guid.Empty);

        var list = await w.Client.GetJsonAsync($"/api/v1/org-units/{w.Branch.Id}/dues/usages?year=2026");
        list["total"]!.GetValue<int>().ShouldBe(2);
        list["usedFen"]!.GetValue<long>().ShouldBe(19_000);
        list["balance"]!["collectedFen"]!.GetValue<long>().ShouldBe(20_000);
        list["balance"]!["centreShareFen"]!.GetValue<long>().ShouldBe(1_000);
        list["balance"]!["balanceFen"]!.GetValue<long>().ShouldBe(0);
        var byPurpose = list["byPurpose"]!.AsArray().ToDictionary(p => p!["purpose"]!.GetValue<string>(), p => p!["amountFen"]!.GetValue<long>());
        byPurpose["Training"].ShouldBe(15_000);
        byPurpose["Hardship"].ShouldBe(4_000);
        byPurpose["Other"].ShouldBe(0);
        (await LedgerCountAsync(w, "dues.used")).ShouldBe(2);
    }

    [Fact]
    public async Task Record_EveryFieldWrong_BadRequestNamingEachInChinese()
    {
        var w = await WorldAsync();
        // A text over its limit is refused by the input check before the use case runs, on its own.
        using var tooLong = await w.Client.PostAsJsonAsync($"/api/v1/org-units/{w.Branch.Id}/dues/usages", new
        {
            spentOn = "2026-13-01", amountFen = 0, purpose = "Party", description = "  ", approvedBy = new string('王', 51), approvedOn = "2026-11-23",
        });
        var textErrors = (await tooLong.ShouldHaveStatusAsync(HttpStatusCode.BadRequest))!["errors"]!.AsObject();
        textErrors.Select(e => e.Key).ShouldBe(["approvedBy"]);
        textErrors["approvedBy"]![0]!.GetValue<string>().ShouldContain("50");

        using var r = await w.Client.PostAsJsonAsync($"/api/v1/org-units/{w.Branch.Id}/dues/usages", new
        {
            spentOn = "2026-13-01", amountFen = 0, purpose = "Party", description = "  ", approvedBy = "", approvedOn = "2026-11-23",
        });
        var problem = (await r.ShouldHaveStatusAsync(HttpStatusCode.BadRequest))!;
        var errors = problem["errors"]!.AsObject();
        errors.Select(e => e.Key).Order().ShouldBe(["amountFen", "approvedBy", "approvedOn", "description", "purpose", "spentOn"]);
        errors["spentOn"]![0]!.GetValue<string>().ShouldContain("使用日期");
        errors["approvedOn"]![0]!.GetValue<string>().ShouldContain("不能晚于今天");
        errors["purpose"]![0]!.GetValue<string>().ShouldContain("Training | Publications | Commendation | Hardship | Other");
        (await app.InTenantAsync(w.Tenant.TenantId, db => db.DuesUsages.CountAsync(u => u.OrgUnitId == w.Branch.Id))).ShouldBe(0);
    }

    [Fact]
    public async Task Reverse_Entry_RestoresTheBalanceOnceAndOnlyForItsUnit()
    {
        var w = await WorldAsync();
        var id = await RecordAsync(w, Usage(19_000));
        await RecordAsync(w, Usage(1), HttpStatusCode.UnprocessableEntity);

        using (var reversed = await w.Client.PostAsJsonAsync($"/api/v1/org-units/{w.Branch.Id}/dues/usages/{id}/reversal", new { reason = "重复登记" }))
        {
            var body = (await reversed.ShouldHaveStatusAsync(HttpStatusCode.Created))!;
            body["usage"]!["amountFen"]!.GetValue<long>().ShouldBe(-19_000);
            body["usage"]!["reversesId"]!.GetValue<Guid>().ShouldBe(id);
            body["balance"]!["balanceFen"]!.GetValue<long>().ShouldBe(19_000);
        }
        var reversalId = (await w.Client.GetJsonAsync($"/api/v1/org-units/{w.Branch.Id}/dues/usages?year=2026"))["items"]!.AsArray()
            .Single(i => i!["reversesId"] is not null)!.Id();

        using (var twice = await w.Client.PostAsJsonAsync($"/api/v1/org-units/{w.Branch.Id}/dues/usages/{id}/reversal", new { reason = "再次" }))
        {
            (await twice.ShouldHaveStatusAsync(HttpStatusCode.Conflict))!["code"]!.GetValue<string>().ShouldBe("DUES_USAGE_REVERSED");
        }
        using (var ofReversal = await w.Client.PostAsJsonAsync($"/api/v1/org-units/{w.Branch.Id}/dues/usages/{reversalId}/reversal", new { reason = "x" }))
        {
            (await ofReversal.ShouldHaveStatusAsync(HttpStatusCode.Conflict))!["code"]!.GetValue<string>().ShouldBe("DUES_USAGE_IS_REVERSAL");
        }
        using (var noReason = await w.Client.PostAsJsonAsync($"/api/v1/org-units/{w.Branch.Id}/dues/usages/{id}/reversal", new { reason = "" }))
        {
            (await noReason.ShouldHaveStatusAsync(HttpStatusCode.BadRequest))!["errors"]!["reason"].ShouldNotBeNull();
        }
        // The entry of another unit is not found through this unit's route, even for someone who may see both.
        var group = await w.Tenant.AddUnitAsync(w.Branch, OrgUnitKind.Group);
        using (var elsewhere = await w.Client.PostAsJsonAsync($"/api/v1/org-units/{group.Id}/dues/usages/{id}/reversal", new { reason = "x" }))
        {
            elsewhere.StatusCode.ShouldBe(HttpStatusCode.NotFound);
        }

        (await LedgerCountAsync(w, "dues.usage.reversed")).ShouldBe(1);
        var list = await w.Client.GetJsonAsync($"/api/v1/org-units/{w.Branch.Id}/dues/usages?year=2026");
        list["usedFen"]!.GetValue<long>().ShouldBe(0);
        list["items"]!.AsArray().Single(i => i!.Id() == id)!["reversedById"]!.GetValue<Guid>().ShouldBe(reversalId);
    }

    [Fact]
    public async Task List_TwentyFiveEntries_PagedNewestFirstWithTheYearsTotal()
    {
        var w = await WorldAsync();
        for (var day = 1; day <= 25; day++) await DuesRaw.UsageAsync(app, w.Tenant, w.Branch, new DateOnly(2026, 1, day), 100 + day, DuesUsagePurpose.Publications);
        await DuesRaw.UsageAsync(app, w.Tenant, w.Branch, new DateOnly(2025, 12, 31), 7_777, DuesUsagePurpose.Other);

        var second = await w.Client.GetJsonAsync($"/api/v1/org-units/{w.Branch.Id}/dues/usages?year=2026&page=2&pageSize=20");
        second["total"]!.GetValue<int>().ShouldBe(25);
        second["pageCount"]!.GetValue<int>().ShouldBe(2);
        second["items"]!.AsArray().Select(i => i!["spentOn"]!.GetValue<string>()).ShouldBe(["2026-01-05", "2026-01-04", "2026-01-03", "2026-01-02", "2026-01-01"]);
        second["usedFen"]!.GetValue<long>().ShouldBe(Enumerable.Range(1, 25).Sum(d => 100L + d));   // 2,825; 2025 not counted
    }

    [Fact]
    public async Task UsagePage_RecordForm_PostedAndListed()
    {
        var w = await WorldAsync();
        var admin = await app.ClientForAsync(w.Tenant.Admin);
        var html = await admin.GetStringAsync($"/dues/usage?unit={w.Branch.Id}&year=2026");
        html.ShouldContain("¥190.00");   // the balance
        html.ShouldContain("record-usage");
        await RecordAsync(w, Usage(2_500, purpose: "Commendation"));
        html = await admin.GetStringAsync($"/dues/usage?unit={w.Branch.Id}&year=2026");
        html.ShouldContain("表彰");
        html.ShouldContain("¥165.00");
    }
}
