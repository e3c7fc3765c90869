using System.Net;
using System.Net.Http.Json;
using Dangjian.Web.Modules.Members;
using Dangjian.Web.Modules.Members.Certificates;
using Dangjian.Web.Modules.Organizations;
using Dangjian.Web.Platform.Auth;

namespace Dangjian.Tests.Modules.Members;

/// <summary>
/// 党员证明信 through the API: numbered per tenant and year, six months at most (第二十五条), one valid certificate per
/// period, cancelled rather than deleted, printed as a PDF, and seen only inside the issuing unit's part of the tree.
/// Today is 2026-11-22.
/// </summary>
public sealed class CertificateTests(AppFixture app) : IClassFixture<AppFixture>
{
    private const string IdX = "11010519491231002X";  // 1949-12-31, female

    private sealed record World(TestTenant Tenant, OrgUnit Branch, Guid MemberId, HttpClient Secretary);

    private async Task<World> WorldAsync()
    {
        var tenant = await TestTenant.CreateAsync(app);
        var branch = await tenant.AddUnitAsync(tenant.Root, OrgUnitKind.Branch, TestTenant.Unique("第二党支部"));
        var secretary = await app.ClientForAsync(await tenant.AddUserAsync(branch, AppRole.BranchSecretary));
        using var created = await secretary.PostAsJsonAsync("/api/v1/members", new
        {
            orgUnitId = branch.Id, name = "王芳", idNumber = IdX, category = "Full", joinedOn = "2010-07-01", fullMemberOn = "2011-07-01",
        });
        return new World(tenant, branch, (await created.ShouldHaveStatusAsync(HttpStatusCode.Created))!.Id(), secretary);
    }

    private static object Body(string from = "2026-12-01", string to = "2027-02-28", string? destination = "中共某市某区某街道工作委员会",
        string? reason = "参加培训") => new { destination, reason, fromDate = from, toDate = to };

    private static string Url(Guid memberId) => $"/api/v1/members/{memberId}/certificates";

    private static async Task<Guid> IssueAsync(HttpClient client, Guid memberId, object? body = null)
    {
        using var r = await client.PostAsJsonAsync(Url(memberId), body ?? Body());
        return (await r.ShouldHaveStatusAsync(HttpStatusCode.Created))!.Id();
    }

    [Fact]
    public async Task Issue_Valid_CreatedNumberedAndListedForThePersonAndTheUnit()
    {
        var w = await WorldAsync();
        using var r = await w.Secretary.PostAsJsonAsync(Url(w.MemberId), Body());
        var created = (await r.ShouldHaveStatusAsync(HttpStatusCode.Created))!;
        var id = created.Id();
        r.Headers.Location!.ToString().ShouldBe($"/api/v1/certificates/{id}");
        created.Str("number").ShouldBe("党证明〔2026〕001号");
        created.Str("status").ShouldBe("Issued");
        created.Str("orgUnitName").ShouldBe(w.Branch.Name);
        created["canCancel"]!.GetValue<bool>().ShouldBeTrue();

        var one = await w.Secretary.GetJsonAsync($"/api/v1/certificates/{id}");
        (one.Str("fromDate"), one.Str("toDate"), one.Str("issuedOn")).ShouldBe(("2026-12-01", "2027-02-28", "2026-11-22"));
        one.Str("destination").ShouldBe("中共某市某区某街道工作委员会");

        var mine = await w.Secretary.GetJsonAsync(Url(w.MemberId));
        mine["items"]!.AsArray().Select(i => i!.Id()).ShouldBe([id]);
        var unit = await w.Secretary.GetJsonAsync($"/api/v1/certificates?orgUnitId={w.Branch.Id}");
        unit["items"]!.AsArray().Select(i => i!.Id()).ShouldBe([id]);

        var other = (await w.Tenant.AddMembersAsync(w.Branch, 1))[0];
        using var second = await w.Secretary.PostAsJsonAsync(Url(other.Id), Body());
        (await second.ShouldHaveStatusAsync(HttpStatusCode.Created))!.Str("number").ShouldBe("党证明〔2026〕002号");
    }

    [Fact]
    public async Task Issue_LongerThanSixMonths_RefusedNamingArticle()
    {
        var w = await WorldAsync();
        using var r = await w.Secretary.PostAsJsonAsync(Url(w.MemberId), Body("2026-12-01", "2027-06-02"));
        var problem = (await r.ShouldHaveStatusAsync(HttpStatusCode.UnprocessableEntity))!;
        problem.Str("code").ShouldBe("CERTIFICATE_TOO_LONG");
        problem.Str("article").ShouldContain("第二十五条");
        problem.Str("detail").ShouldContain("2027-06-01");
        // Exactly six months is allowed.
        await IssueAsync(w.Secretary, w.MemberId, Body("2026-12-01", "2027-06-01"));
    }

    [Fact]
    public async Task Issue_MissingAndBackwardDates_BadRequestNamingTheFieldsInChinese()
    {
        var w = await WorldAsync();
        using (var missing = await w.Secretary.PostAsJsonAsync(Url(w.MemberId), new { destination = " ", fromDate = (string?)null, toDate = (string?)null }))
        {
            var errors = (await missing.ShouldHaveStatusAsync(HttpStatusCode.BadRequest))!["errors"]!.AsObject();
            errors.Select(e => e.Key).Order().ShouldBe(["destination", "fromDate", "toDate"]);
            errors["fromDate"]![0]!.GetValue<string>().ShouldBe("外出开始日期 为必填项");
            errors["toDate"]![0]!.GetValue<string>().ShouldBe("外出结束日期 为必填项");
            errors["destination"]![0]!.GetValue<string>().ShouldContain("党组织");
        }
        using (var backward = await w.Secretary.PostAsJsonAsync(Url(w.MemberId), Body("2026-12-10", "2026-12-01")))
        {
            var errors = (await backward.ShouldHaveStatusAsync(HttpStatusCode.BadRequest))!["errors"]!.AsObject();
            errors["toDate"]![0]!.GetValue<string>().ShouldContain("结束日期");
        }
        (await app.InTenantAsync(w.Tenant.TenantId, db => db.MemberCertificates.CountAsync(c => c.MemberId == w.MemberId))).ShouldBe(0);
    }

    [Fact]
    public async Task Issue_OverlappingValidOne_ConflictUntilCancelled()
    {
        var w = await WorldAsync();
        var first = await IssueAsync(w.Secretary, w.MemberId);
        using (var overlap = await w.Secretary.PostAsJsonAsync(Url(w.MemberId), Body("2027-02-28", "2027-03-31")))
        {
            (await overlap.ShouldHaveStatusAsync(HttpStatusCode.Conflict))!.Str("code").ShouldBe("CERTIFICATE_OVERLAP");
        }
        // The day after the first one ends is free.
        await IssueAsync(w.Secretary, w.MemberId, Body("2027-03-01", "2027-03-31"));

        using (var cancel = await w.Secretary.PostAsync($"/api/v1/certificates/{first}/cancel", null))
        {
            var body = (await cancel.ShouldHaveStatusAsync(HttpStatusCode.OK))!;
            body.Str("status").ShouldBe("Cancelled");
            body.Str("cancelledOn").ShouldBe("2026-11-22");
        }
        using (var again = await w.Secretary.PostAsync($"/api/v1/certificates/{first}/cancel", null))
        {
            (await again.ShouldHaveStatusAsync(HttpStatusCode.Conflict))!.Str("code").ShouldBe("CERTIFICATE_CANCELLED");
        }
        await IssueAsync(w.Secretary, w.MemberId, Body("2026-12-15", "2027-01-15"));
        var cancelled = await w.Secretary.GetJsonAsync($"/api/v1/certificates?orgUnitId={w.Branch.Id}&status=Cancelled");
        cancelled["items"]!.AsArray().Select(i => i!.Id()).ShouldBe([first]);
    }

    [Theory]
    [InlineData(MemberCategory.Activist)]
    [InlineData(MemberCategory.Masses)]
    public async Task Issue_NotAPartyMember_RefusedNamingArticle(MemberCategory category)
    {
        var w = await WorldAsync();
        var person = (await w.Tenant.AddMembersAsync(w.Branch, 1, category))[0];
        using var r = await w.Secretary.PostAsJsonAsync(Url(person.Id), Body());
        var problem = (await r.ShouldHaveStatusAsync(HttpStatusCode.UnprocessableEntity))!;
        problem.Str("code").ShouldBe("CERTIFICATE_NOT_MEMBER");
        problem.Str("article").ShouldContain("第二十五条");
    }

    [Fact]
    public async Task Access_SiblingBranchSecretary_NotFoundEverywhere()
    {
        var w = await WorldAsync();
        var id = await IssueAsync(w.Secretary, w.MemberId);
        var sibling = await w.Tenant.AddUnitAsync(w.Tenant.Root, OrgUnitKind.Branch);
        using var other = await app.ClientForAsync(await w.Tenant.AddUserAsync(sibling, AppRole.BranchSecretary));

        foreach (var url in new[] { $"/api/v1/certificates/{id}", $"/api/v1/certificates/{id}/certificate.pdf", Url(w.MemberId),
                     $"/api/v1/certificates?orgUnitId={w.Branch.Id}" })
        {
            using var r = await other.GetAsync(url);
            r.StatusCode.ShouldBe(HttpStatusCode.NotFound, url);
            (await r.Content.ReadAsStringAsync()).ShouldNotContain("某街道");
        }
        using (var issue = await other.PostAsJsonAsync(Url(w.MemberId), Body("2027-06-01", "2027-06-30")))
        {
            issue.StatusCode.ShouldBe(HttpStatusCode.NotFound);
        }
        using (var cancel = await other.PostAsync($"/api/v1/certificates/{id}/cancel", null))
        {
            cancel.StatusCode.ShouldBe(HttpStatusCode.NotFound);
        }
        var stored = await app.InTenantAsync(w.Tenant.TenantId, db => db.MemberCertificates.Where(c => c.MemberId == w.MemberId).ToListAsync());
        stored.Select(c => (c.Id, c.Status)).ShouldBe([(id, CertificateStatus.Issued)]);
    }

    [Fact]
    public async Task Access_ObserverOnTheBranch_ReadsButMayNotIssueOrCancel()
    {
        var w = await WorldAsync();
        var id = await IssueAsync(w.Secretary, w.MemberId);
        using var observer = await app.ClientForAsync(await w.Tenant.AddUserAsync(w.Branch, AppRole.Observer));

        var one = await observer.GetJsonAsync($"/api/v1/certificates/{id}");
        one["canCancel"]!.GetValue<bool>().ShouldBeFalse();
        using (var issue = await observer.PostAsJsonAsync(Url(w.MemberId), Body("2027-06-01", "2027-06-30")))
        {
            issue.StatusCode.ShouldBe(HttpStatusCode.Forbidden);
        }
        using (var cancel = await observer.PostAsync($"/api/v1/certificates/{id}/cancel", null))
        {
            cancel.StatusCode.ShouldBe(HttpStatusCode.Forbidden);
        }
        // The PDF for a role without personal-data rights: the masked number, and nothing in the person's access log.
        using var pdf = await observer.GetAsync($"/api/v1/certificates/{id}/certificate.pdf");
        var text = await PdfText.CompactTextAsync(await pdf.ReadPdfAsync());
        text.ShouldContain("1101**********002X");
        (await app.InTenantAsync(w.Tenant.TenantId, db => db.MemberAccessLogs.CountAsync(a => a.MemberId == w.MemberId))).ShouldBe(0);
    }

    [Fact]
    public async Task Pdf_Issued_StubAndCertificateWithPeriodAndNoVotingRights()
    {
        var w = await WorldAsync();
        var id = await IssueAsync(w.Secretary, w.MemberId);

        using var response = await w.Secretary.GetAsync($"/api/v1/certificates/{id}/certificate.pdf");
        var text = await PdfText.CompactTextAsync(await response.ReadPdfAsync());
        text.ShouldContain("中国共产党党员证明信");
        text.ShouldContain("（存根）");
        (text.Split("党证明〔2026〕001号").Length - 1).ShouldBe(2);
        text.ShouldContain("中共某市某区某街道工作委员会：");
        text.ShouldContain($"兹证明王芳同志（女，76岁，公民身份号码：{IdX}）系中国共产党正式党员");
        text.ShouldContain("党员组织关系在" + w.Branch.Name);
        text.ShouldContain("因参加培训，于2026年12月1日至2027年2月28日在你处");
        text.ShouldContain("不享有表决权、选举权和被选举权");
        text.ShouldContain("有效期至2027年2月28日");
        text.ShouldContain("中共" + w.Branch.Name + "（盖章）");
        // The full number went out: the person can see who printed it.
        var log = (await w.Secretary.GetJsonAsync($"/api/v1/members/{w.MemberId}/access-log"))["items"]!.AsArray();
        log.Single()!.Str("detail").ShouldContain("党证明〔2026〕001号");

        using (var cancel = await w.Secretary.PostAsync($"/api/v1/certificates/{id}/cancel", null))
        {
            await cancel.ShouldHaveStatusAsync(HttpStatusCode.OK);
        }
        using var again = await w.Secretary.GetAsync($"/api/v1/certificates/{id}/certificate.pdf");
        (await PdfText.CompactTextAsync(await again.ReadPdfAsync())).ShouldContain("中国共产党党员证明信（已作废）");
    }
}
