using Dangjian.Web.Modules.Members;
using System.Net;
using System.Net.Http.Json;
using Dangjian.Web.Modules.Organizations;
using Dangjian.Web.Platform.Auth;

namespace Dangjian.Tests.Modules.Members;

/// <summary>
/// The 党员组织关系介绍信 as a PDF (GET /api/v1/transfers/{id}/letter.pdf): stub, letter and return slip with the
/// number, the validity and "党费交至" taken from the dues records, read back with poppler; the ID number printed in
/// full only for personal-data rights and then logged; refused outside the caller's part of the tree.
/// Today is 2026-11-22 (China Standard Time).
/// </summary>
public sealed class TransferLetterTests(AppFixture app) : IClassFixture<AppFixture>
{
    private const string IdX = "11010519491231002X";  // 1949-12-31, female

    private sealed record World(TestTenant Tenant, OrgUnit Branch, Guid MemberId, HttpClient Secretary);

    /// <summary>A branch with a secretary and a person (with an ID number) whose dues are paid January to October 2026.</summary>
    private async Task<World> WorldAsync(bool payDues = true)
    {
        var tenant = await TestTenant.CreateAsync(app);
        var branch = await tenant.AddUnitAsync(tenant.Root, OrgUnitKind.Branch, TestTenant.Unique("第一党支部"));
        var secretary = await app.ClientForAsync(await tenant.AddUserAsync(branch, AppRole.BranchSecretary));
        using var created = await secretary.PostAsJsonAsync("/api/v1/members", new
        {
            orgUnitId = branch.Id, name = "王芳", idNumber = IdX, category = "Full", joinedOn = "2010-07-01", fullMemberOn = "2011-07-01",
        });
        var memberId = (await created.ShouldHaveStatusAsync(HttpStatusCode.Created))!.Id();
        if (payDues)
        {
            using var b = await secretary.PostAsJsonAsync($"/api/v1/members/{memberId}/dues/bases", new { effectiveMonth = "2026-01", category = "Serving", baseFen = 300_000 });
            await b.ShouldHaveStatusAsync(HttpStatusCode.Created);
            for (var month = 1; month <= 10; month++)
            {
                using var p = await secretary.PostAsJsonAsync($"/api/v1/members/{memberId}/dues/payments",
                    new { month = $"2026-{month:00}", amountFen = 1_500, paidOn = $"2026-{month:00}-15", method = "Self" });
                await p.ShouldHaveStatusAsync(HttpStatusCode.Created);
            }
        }
        return new World(tenant, branch, memberId, secretary);
    }

    private static async Task<Guid> IssueOutgoingAsync(HttpClient client, Guid memberId, object? extra = null)
    {
        using var issued = await client.PostAsJsonAsync($"/api/v1/members/{memberId}/transfers",
            extra ?? new { kind = "Outgoing", destination = "中共某市某局机关委员会", reason = "工作调动" });
        return (await issued.ShouldHaveStatusAsync(HttpStatusCode.Created))!.Id();
    }

    private Task<int> PrintLogCountAsync(World w) =>
        app.InTenantAsync(w.Tenant.TenantId, db => db.MemberAccessLogs.CountAsync(a => a.MemberId == w.MemberId && a.Action == "print"));

    [Fact]
    public async Task Start_DuesMonthNotGiven_FilledFromDuesRecords()
    {
        var w = await WorldAsync();
        var id = await IssueOutgoingAsync(w.Secretary, w.MemberId);
        (await w.Secretary.GetJsonAsync($"/api/v1/transfers/{id}")).Str("duesPaidUntil").ShouldBe("2026-10-01");
    }

    [Fact]
    public async Task Start_DuesMonthGiven_TheGivenMonthWins()
    {
        var w = await WorldAsync();
        var id = await IssueOutgoingAsync(w.Secretary, w.MemberId, new { kind = "Outgoing", destination = "中共某县委组织部", duesPaidUntil = "2026-11" });
        (await w.Secretary.GetJsonAsync($"/api/v1/transfers/{id}")).Str("duesPaidUntil").ShouldBe("2026-11-01");
    }

    [Fact]
    public async Task LetterPdf_Outgoing_StubLetterAndReturnSlipWithNumberValidityAndDues()
    {
        var w = await WorldAsync();
        var id = await IssueOutgoingAsync(w.Secretary, w.MemberId);

        using var response = await w.Secretary.GetAsync($"/api/v1/transfers/{id}/letter.pdf");
        var pdf = await response.ReadPdfAsync();
        response.Content.Headers.ContentDisposition!.DispositionType.ShouldBe("inline");
        var text = await PdfText.CompactTextAsync(pdf);

        text.ShouldContain("中国共产党党员组织关系介绍信");
        text.ShouldContain("（存根）");
        text.ShouldContain("介绍信回执");
        // The number on each of the three parts, and in the return slip's sentence.
        CountOf(text, "党组转〔2026〕001号").ShouldBe(4);
        text.ShouldContain("中共某市某局机关委员会：");
        text.ShouldContain("兹介绍王芳同志（女，76岁，正式党员，公民身份号码：" + IdX + "）");
        text.ShouldContain("该同志党费交至2026年10月。");
        text.ShouldContain("有效期30天（至2026年12月22日）");
        text.ShouldContain("工作调动");
        text.ShouldContain("沿此线剪开");
        text.ShouldContain("2026年11月22日");
        // The receiving organisation stamps the slip and sends it back to the issuing unit.
        text.ShouldContain("接收党组织（盖章）");
    }

    [Fact]
    public async Task LetterPdf_FullIdNumber_WrittenToThePersonsAccessLog()
    {
        var w = await WorldAsync(payDues: false);
        var id = await IssueOutgoingAsync(w.Secretary, w.MemberId);
        (await PrintLogCountAsync(w)).ShouldBe(0);

        using var response = await w.Secretary.GetAsync($"/api/v1/transfers/{id}/letter.pdf");
        var text = await PdfText.CompactTextAsync(await response.ReadPdfAsync());
        text.ShouldContain(IdX);
        // No dues on record: the month is left to be written in by hand.
        text.ShouldContain("党费交至____年__月");
        (await PrintLogCountAsync(w)).ShouldBe(1);
        var entry = (await w.Secretary.GetJsonAsync($"/api/v1/members/{w.MemberId}/access-log"))["items"]!.AsArray().Single()!;
        entry.Str("detail").ShouldContain("党组转〔2026〕001号");
    }

    [Fact]
    public async Task LetterPdf_ObserverWithoutPersonalDataRights_MaskedNumberAndNothingLogged()
    {
        var w = await WorldAsync(payDues: false);
        var id = await IssueOutgoingAsync(w.Secretary, w.MemberId);
        using var observer = await app.ClientForAsync(await w.Tenant.AddUserAsync(w.Branch, AppRole.Observer));

        using var response = await observer.GetAsync($"/api/v1/transfers/{id}/letter.pdf");
        var text = await PdfText.CompactTextAsync(await response.ReadPdfAsync());
        text.ShouldContain("1101**********002X");
        text.ShouldNotContain(IdX);
        (await PrintLogCountAsync(w)).ShouldBe(0);
    }

    [Fact]
    public async Task LetterPdf_SiblingBranchSecretary_NotFound()
    {
        var w = await WorldAsync(payDues: false);
        var id = await IssueOutgoingAsync(w.Secretary, w.MemberId);
        var sibling = await w.Tenant.AddUnitAsync(w.Tenant.Root, OrgUnitKind.Branch);
        using var other = await app.ClientForAsync(await w.Tenant.AddUserAsync(sibling, AppRole.BranchSecretary));

        using var response = await other.GetAsync($"/api/v1/transfers/{id}/letter.pdf");
        (await response.ShouldHaveStatusAsync(HttpStatusCode.NotFound))!.ToJsonString().ShouldNotContain("王芳");
        using var unknown = await w.Secretary.GetAsync($"/api/v1/transfers/{Guid.NewGuid()}/letter.pdf");
        unknown.StatusCode.ShouldBe(HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task LetterPdf_Internal_ReceivingBranchMayPrintItToo()
    {
        var w = await WorldAsync(payDues: false);
        var to = await w.Tenant.AddUnitAsync(w.Tenant.Root, OrgUnitKind.Branch, TestTenant.Unique("接收党支部"));
        using var receiver = await app.ClientForAsync(await w.Tenant.AddUserAsync(to, AppRole.BranchSecretary));
        var id = await IssueOutgoingAsync(w.Secretary, w.MemberId, new { kind = "Internal", toOrgUnitId = to.Id, withinCity = true });

        using var response = await receiver.GetAsync($"/api/v1/transfers/{id}/letter.pdf");
        var text = await PdfText.CompactTextAsync(await response.ReadPdfAsync());
        text.ShouldContain(to.Name + "：");
        text.ShouldContain("有效期10天（至2026年12月2日）");
    }

    private static int CountOf(string text, string part) =>
        (text.Length - text.Replace(part, "", StringComparison.Ordinal).Length) / part.Length;
}
