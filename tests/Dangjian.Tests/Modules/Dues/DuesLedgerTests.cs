using Dangjian.Web.Modules.Dues;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Dangjian.Web.Modules.Members;
using Dangjian.Web.Modules.Organizations;

namespace Dangjian.Tests.Modules.Dues;

/// <summary>
/// A member's dues through the whole app: bases and the twelve bills of a year, payments under the rules of
/// docs/rules/dues.md (each refusal naming its article), and the ledger that records every payment. Today is 2026-11-22,
/// so the current month is November 2026. Amounts are worked out by hand in the comments.
/// </summary>
public sealed class DuesLedgerTests(AppFixture app) : IClassFixture<AppFixture>
{
    private const string Regulation = "《关于中国共产党党费收缴、使用和管理的规定》";

    private sealed record World(TestTenant Tenant, OrgUnit Branch, HttpClient Admin);

    private async Task<World> WorldAsync()
    {
        var tenant = await TestTenant.CreateAsync(app);
        var branch = await tenant.AddUnitAsync(tenant.Root, OrgUnitKind.Branch);
        return new World(tenant, branch, await app.ClientForAsync(tenant.Admin));
    }

    private async Task<Member> MemberAsync(World w, MemberCategory category = MemberCategory.Full, DateOnly? joinedOn = null)
    {
        var member = (await w.Tenant.AddMembersAsync(w.Branch, 1, category))[0];
        if (joinedOn is { } j)
        {
            await app.InTenantAsync(w.Tenant.TenantId, db => db.Members.Where(m => m.Id == member.Id)
                .ExecuteUpdateAsync(s => s.SetProperty(m => m.JoinedOn, j)));
        }
        return member;
    }

    private static string Url(Guid memberId) => $"/api/v1/members/{memberId}/dues";

    private static async Task<JsonNode> SetBaseAsync(HttpClient client, Guid memberId, string month, string category, long? baseFen,
        HttpStatusCode expected = HttpStatusCode.Created)
    {
        using var r = await client.PostAsJsonAsync(Url(memberId) + "/bases", new { effectiveMonth = month, category, baseFen });
        return (await r.ShouldHaveStatusAsync(expected))!;
    }

    private static async Task<JsonNode> PayAsync(HttpClient client, Guid memberId, string month, long amountFen, string paidOn = "2026-11-22",
        long? voluntaryFen = null, string? method = null, bool? proxyConsent = null, HttpStatusCode expected = HttpStatusCode.Created)
    {
        using var r = await client.PostAsJsonAsync(Url(memberId) + "/payments", new { month, amountFen, voluntaryFen, paidOn, method, proxyConsent });
        return (await r.ShouldHaveStatusAsync(expected))!;
    }

    private static async Task<JsonArray> BillsAsync(HttpClient client, Guid memberId, int year = 2026) =>
        (await client.GetJsonAsync($"{Url(memberId)}?year={year}"))["bills"]!.AsArray();

    private static JsonNode Bill(JsonArray bills, int month) => bills[month - 1]!;

    private static long Fen(JsonNode node, string property) => node[property]!.GetValue<long>();

    private static void ShouldBeRule(JsonNode problem, string code, string article)
    {
        problem.Str("code").ShouldBe(code);
        problem.Str("article").ShouldBe(Regulation + article);
        problem.Str("detail").ShouldContain(Regulation + article);
    }

    // ---------------------------------------------------------------- bills

    [Fact]
    public async Task GetBills_BaseChangedInJuly_OldAmountToJuneNewFromJuly()
    {
        var w = await WorldAsync();
        var m = await MemberAsync(w);
        await SetBaseAsync(w.Admin, m.Id, "2026-01", "Serving", 400_000);     // ¥4,000 × 1% = ¥40
        await SetBaseAsync(w.Admin, m.Id, "2026-07-01", "Serving", 600_000);  // ¥6,000 × 1.5% = ¥90

        var body = await w.Admin.GetJsonAsync($"{Url(m.Id)}?year=2026");
        var bills = body["bills"]!.AsArray();
        bills.Count.ShouldBe(12);
        bills.Select(b => b!.Str("month")).ShouldBe(Enumerable.Range(1, 12).Select(i => $"2026-{i:00}"));
        bills.Select(b => Fen(b!, "amountFen")).ShouldBe([4_000, 4_000, 4_000, 4_000, 4_000, 4_000, 9_000, 9_000, 9_000, 9_000, 9_000, 9_000]);
        bills.Take(11).ShouldAllBe(b => b!["status"]!.GetValue<string>() == "unpaid");
        Bill(bills, 12).Str("status").ShouldBe("notDue");  // December has not come yet
        Fen(body, "billedFen").ShouldBe(6 * 4_000 + 5 * 9_000);  // 69,000: January–November
        body["bases"]!.AsArray().Select(b => b!.Str("effectiveMonth")).ShouldBe(["2026-01", "2026-07"]);
        body["bases"]![1]!.Str("rate").ShouldBe("1.5%");
    }

    [Fact]
    public async Task GetBills_ProbationaryResolutionOnMarch15_BilledFromMarch()
    {
        var w = await WorldAsync();
        var m = await MemberAsync(w, MemberCategory.Probationary, new DateOnly(2026, 3, 15));
        await SetBaseAsync(w.Admin, m.Id, "2026-01", "Student", null);  // fixed ¥0.20

        var body = await w.Admin.GetJsonAsync($"{Url(m.Id)}?year=2026");
        body.Str("firstBillMonth").ShouldBe("2026-03");
        var bills = body["bills"]!.AsArray();
        bills.Select(b => b!.Str("status")).ShouldBe(
            ["notDue", "notDue", "unpaid", "unpaid", "unpaid", "unpaid", "unpaid", "unpaid", "unpaid", "unpaid", "unpaid", "notDue"]);
        bills.Select(b => Fen(b!, "amountFen")).ShouldBe([0, 0, 20, 20, 20, 20, 20, 20, 20, 20, 20, 20]);

        // February is before the 支部大会 resolution: nothing to pay (第八条).
        var refused = await PayAsync(w.Admin, m.Id, "2026-02", 20, expected: HttpStatusCode.UnprocessableEntity);
        ShouldBeRule(refused, "DUES_BEFORE_FIRST_MONTH", "第八条");
        await PayAsync(w.Admin, m.Id, "2026-06", 20);
    }

    [Fact]
    public async Task GetBills_PaidInTimeLateAndNot_PaidBackPaidUnpaid()
    {
        var w = await WorldAsync();
        var m = await MemberAsync(w);
        await SetBaseAsync(w.Admin, m.Id, "2026-01", "Serving", 300_000);  // ¥3,000 × 0.5% = ¥15
        await PayAsync(w.Admin, m.Id, "2026-09", 1_500, paidOn: "2026-09-30");  // the last day of the month
        await PayAsync(w.Admin, m.Id, "2026-10", 2_000, paidOn: "2026-11-05");  // after October ended
        await PayAsync(w.Admin, m.Id, "2026-12", 1_500, paidOn: "2026-11-20");  // in advance

        var bills = await BillsAsync(w.Admin, m.Id);
        Bill(bills, 8).Str("status").ShouldBe("unpaid");
        Bill(bills, 9).Str("status").ShouldBe("paid");
        Bill(bills, 9).Str("paidOn").ShouldBe("2026-09-30");
        Bill(bills, 10).Str("status").ShouldBe("backPaid");
        Fen(Bill(bills, 10), "paidFen").ShouldBe(2_000);
        Fen(Bill(bills, 10), "amountFen").ShouldBe(1_500);
        Bill(bills, 11).Str("status").ShouldBe("unpaid");
        Bill(bills, 12).Str("status").ShouldBe("paid");
    }

    [Fact]
    public async Task GetBills_NoBaseForDueMonths_NoBaseNotExempt()
    {
        var w = await WorldAsync();
        var m = await MemberAsync(w);
        await SetBaseAsync(w.Admin, m.Id, "2026-10", "Serving", 0);  // a zero base: ¥0, exempt

        var bills = await BillsAsync(w.Admin, m.Id);
        Bill(bills, 9).Str("status").ShouldBe("noBase");
        Bill(bills, 10).Str("status").ShouldBe("exempt");
        Bill(bills, 11).Str("status").ShouldBe("exempt");
        Bill(bills, 12).Str("status").ShouldBe("notDue");
    }

    [Fact]
    public async Task GetBills_NotPartyMember_NothingBilledAndPaymentRefused()
    {
        var w = await WorldAsync();
        var m = await MemberAsync(w, MemberCategory.Candidate);
        await SetBaseAsync(w.Admin, m.Id, "2026-01", "Serving", 400_000);
        var body = await w.Admin.GetJsonAsync(Url(m.Id));
        body["isPartyMember"]!.GetValue<bool>().ShouldBeFalse();
        body["bills"]!.AsArray().ShouldAllBe(b => b!["status"]!.GetValue<string>() == "notDue");
        ShouldBeRule(await PayAsync(w.Admin, m.Id, "2026-10", 4_000, expected: HttpStatusCode.UnprocessableEntity), "DUES_NOT_PARTY_MEMBER", "第八条");
    }

    [Fact]
    public async Task SetBase_SameMonthAgain_ReplacedWith200AndAudited()
    {
        var w = await WorldAsync();
        var m = await MemberAsync(w);
        var first = await SetBaseAsync(w.Admin, m.Id, "2026-01", "Serving", 400_000);
        Fen(first, "monthlyFen").ShouldBe(4_000);
        var second = await SetBaseAsync(w.Admin, m.Id, "2026-01", "Retired", 600_000, HttpStatusCode.OK);  // ¥6,000 pension × 1% = ¥60
        Fen(second, "monthlyFen").ShouldBe(6_000);
        second.Str("rule").ShouldBe(Regulation + "第五条");
        second.Id().ShouldBe(first.Id());

        Fen(Bill(await BillsAsync(w.Admin, m.Id), 3), "amountFen").ShouldBe(6_000);
        var actions = await app.InTenantAsync(w.Tenant.TenantId, db => db.AuditEntries
            .Where(a => a.EntityType == "DuesBase" && a.EntityId == first.Id().ToString()).Select(a => a.Action).ToListAsync());
        actions.Order(StringComparer.Ordinal).ShouldBe(["Added", "Modified"]);
    }

    [Fact]
    public async Task SetBase_BadInput_BadRequestNamingEachField()
    {
        var w = await WorldAsync();
        var m = await MemberAsync(w);
        using var r = await w.Admin.PostAsJsonAsync(Url(m.Id) + "/bases", new { effectiveMonth = "2026-07-15", category = "Soldier", baseFen = -1 });
        var errors = (await r.ShouldHaveStatusAsync(HttpStatusCode.BadRequest))!["errors"]!.AsObject();
        errors.Select(e => e.Key).Order(StringComparer.Ordinal).ShouldBe(["baseFen", "category", "effectiveMonth"]);

        using var missingBase = await w.Admin.PostAsJsonAsync(Url(m.Id) + "/bases", new { effectiveMonth = "2026-07", category = "Serving" });
        (await missingBase.ShouldHaveStatusAsync(HttpStatusCode.BadRequest))!["errors"]!.AsObject().Select(e => e.Key).ShouldBe(["baseFen"]);

        var year = await w.Admin.GetJsonAsync($"{Url(m.Id)}?year=abc", HttpStatusCode.BadRequest);
        year["errors"]!.AsObject().Select(e => e.Key).ShouldBe(["year"]);
    }

    // ---------------------------------------------------------------- payments

    [Fact]
    public async Task RecordPayment_BadInput_BadRequestNamingEachField()
    {
        var w = await WorldAsync();
        var m = await MemberAsync(w);
        using var r = await w.Admin.PostAsJsonAsync(Url(m.Id) + "/payments",
            new { month = "2026-13", amountFen = -1, voluntaryFen = -5, paidOn = "2026-11-23", method = "Cash" });
        var errors = (await r.ShouldHaveStatusAsync(HttpStatusCode.BadRequest))!["errors"]!.AsObject();
        errors.Select(e => e.Key).Order(StringComparer.Ordinal).ShouldBe(["amountFen", "method", "month", "paidOn", "voluntaryFen"]);
        errors["paidOn"]![0]!.GetValue<string>().ShouldContain("今天");  // 2026-11-23 is tomorrow
    }

    [Theory]
    [InlineData("2026-05", true)]   // 6 months before November: allowed
    [InlineData("2026-04", false)]  // 7 months: refused
    public async Task RecordPayment_BackPaymentSixOrSevenMonths_SevenRefusedUnderArticle12(string month, bool allowed)
    {
        var w = await WorldAsync();
        var m = await MemberAsync(w);
        await SetBaseAsync(w.Admin, m.Id, "2026-01", "Serving", 300_000);
        if (allowed)
        {
            (await PayAsync(w.Admin, m.Id, month, 1_500)).Str("status").ShouldBe("backPaid");
            return;
        }
        var problem = await PayAsync(w.Admin, m.Id, month, 1_500, expected: HttpStatusCode.UnprocessableEntity);
        ShouldBeRule(problem, "DUES_BACK_PAYMENT_TOO_OLD", "第十二条");
        (await app.InTenantAsync(w.Tenant.TenantId, db => db.DuesPayments.CountAsync())).ShouldBe(0);
    }

    [Fact]
    public async Task RecordPayment_SevenMonthsBackButPaidInTime_Allowed()
    {
        // The window counts from the day the money was paid, not from the day it is entered.
        var w = await WorldAsync();
        var m = await MemberAsync(w);
        await SetBaseAsync(w.Admin, m.Id, "2026-01", "Serving", 300_000);
        (await PayAsync(w.Admin, m.Id, "2026-04", 1_500, paidOn: "2026-04-20")).Str("status").ShouldBe("paid");
    }

    [Theory]
    [InlineData("2027-05", true)]   // 6 months ahead
    [InlineData("2027-06", false)]  // 7 months ahead
    public async Task RecordPayment_AdvanceSixOrSevenMonths_SevenRefused(string month, bool allowed)
    {
        var w = await WorldAsync();
        var m = await MemberAsync(w);
        await SetBaseAsync(w.Admin, m.Id, "2026-01", "Serving", 300_000);
        if (allowed)
        {
            (await PayAsync(w.Admin, m.Id, month, 1_500)).Str("status").ShouldBe("paid");
            return;
        }
        ShouldBeRule(await PayAsync(w.Admin, m.Id, month, 1_500, expected: HttpStatusCode.UnprocessableEntity), "DUES_ADVANCE_TOO_FAR", "第十二条");
    }

    [Fact]
    public async Task RecordPayment_ByProxyWithoutConsent_RefusedUnderArticle14()
    {
        var w = await WorldAsync();
        var m = await MemberAsync(w);
        await SetBaseAsync(w.Admin, m.Id, "2026-01", "Serving", 300_000);
        ShouldBeRule(await PayAsync(w.Admin, m.Id, "2026-11", 1_500, method: "Proxy", expected: HttpStatusCode.UnprocessableEntity),
            "DUES_PROXY_WITHOUT_CONSENT", "第十四条");
        ShouldBeRule(await PayAsync(w.Admin, m.Id, "2026-11", 1_500, method: "proxy", proxyConsent: false, expected: HttpStatusCode.UnprocessableEntity),
            "DUES_PROXY_WITHOUT_CONSENT", "第十四条");

        var paid = await PayAsync(w.Admin, m.Id, "2026-11", 1_500, method: "Proxy", proxyConsent: true);
        paid.Str("method").ShouldBe("Proxy");
        paid["proxyConsent"]!.GetValue<bool>().ShouldBeTrue();
    }

    [Fact]
    public async Task RecordPayment_MonthAlreadyPaid_Conflict()
    {
        var w = await WorldAsync();
        var m = await MemberAsync(w);
        await SetBaseAsync(w.Admin, m.Id, "2026-01", "Serving", 300_000);
        await PayAsync(w.Admin, m.Id, "2026-10", 1_500, paidOn: "2026-10-10");
        var problem = await PayAsync(w.Admin, m.Id, "2026-10-01", 1_500, expected: HttpStatusCode.Conflict);
        problem.Str("code").ShouldBe("DUES_MONTH_PAID");
        (await app.InTenantAsync(w.Tenant.TenantId, db => db.DuesPayments.CountAsync())).ShouldBe(1);
    }

    [Fact]
    public async Task RecordPayment_AmountBelowTheMonths_RefusedUnderTheCategorysArticle()
    {
        var w = await WorldAsync();
        var m = await MemberAsync(w);
        await SetBaseAsync(w.Admin, m.Id, "2026-01", "Serving", 600_000);  // ¥6,000 × 1.5% = ¥90
        ShouldBeRule(await PayAsync(w.Admin, m.Id, "2026-11", 8_999, expected: HttpStatusCode.UnprocessableEntity), "DUES_AMOUNT_TOO_LOW", "第二条");
        await PayAsync(w.Admin, m.Id, "2026-11", 9_000);
    }

    [Fact]
    public async Task RecordPayment_NoBaseForTheMonth_Refused()
    {
        var w = await WorldAsync();
        var m = await MemberAsync(w);
        await SetBaseAsync(w.Admin, m.Id, "2026-11", "Serving", 300_000);
        ShouldBeRule(await PayAsync(w.Admin, m.Id, "2026-10", 1_500, expected: HttpStatusCode.UnprocessableEntity), "DUES_NO_BASE", "第一条");
    }

    [Theory]
    [InlineData(100_000, true)]   // ¥1,000: "1000元以上" includes the figure
    [InlineData(99_999, false)]   // ¥999.99
    public async Task RecordPayment_VoluntaryAroundOneThousandYuan_ToCentreFromOneThousand(long voluntaryFen, bool toCentre)
    {
        var w = await WorldAsync();
        var m = await MemberAsync(w);
        await SetBaseAsync(w.Admin, m.Id, "2026-01", "Serving", 300_000);
        var paid = await PayAsync(w.Admin, m.Id, "2026-11", 1_500, voluntaryFen: voluntaryFen);
        paid["toCentre"]!.GetValue<bool>().ShouldBe(toCentre);
        Fen(paid, "voluntaryFen").ShouldBe(voluntaryFen);
        var bill = Bill(await BillsAsync(w.Admin, m.Id), 11);
        bill["toCentre"]!.GetValue<bool>().ShouldBe(toCentre);
        (await app.InTenantAsync(w.Tenant.TenantId, db => db.DuesPayments.SingleAsync())).ToCentre.ShouldBe(toCentre);
    }

    // ---------------------------------------------------------------- ledger

    [Fact]
    public async Task RecordPayment_ThreePayments_ThreeLedgerEntriesAndChainValid()
    {
        var w = await WorldAsync();
        var m = await MemberAsync(w);
        await SetBaseAsync(w.Admin, m.Id, "2026-01", "Serving", 300_000);
        await PayAsync(w.Admin, m.Id, "2026-09", 1_500, paidOn: "2026-09-12");
        await PayAsync(w.Admin, m.Id, "2026-10", 1_500, paidOn: "2026-10-12", voluntaryFen: 100_000);
        await PayAsync(w.Admin, m.Id, "2026-11", 1_500);
        await PayAsync(w.Admin, m.Id, "2026-11", 1_500, expected: HttpStatusCode.Conflict);  // a refusal appends nothing

        var verify = await w.Admin.GetJsonAsync("/api/v1/ledger/verify");
        verify["valid"]!.GetValue<bool>().ShouldBeTrue(verify.ToJsonString());
        verify["entries"]!.GetValue<long>().ShouldBe(3);

        var entries = await app.InTenantAsync(w.Tenant.TenantId, db => db.LedgerEntries.AsNoTracking().OrderBy(e => e.Sequence).ToListAsync());
        entries.ShouldAllBe(e => e.Kind == "dues.paid" && e.SubjectId == m.Id.ToString());
        var october = JsonNode.Parse(entries[1].Payload)!;
        october.Str("Month").ShouldBe("2026-10");
        october.Id("MemberId").ShouldBe(m.Id);
        Fen(october, "AmountFen").ShouldBe(1_500);
        Fen(october, "VoluntaryFen").ShouldBe(100_000);
        october["ToCentre"]!.GetValue<bool>().ShouldBeTrue();
    }
}
