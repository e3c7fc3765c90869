using System.Net;
using System.Net.Http.Json;
using Dangjian.Web.Modules.Organizations;
using Dangjian.Web.Platform.Auth;

namespace Dangjian.Tests.Modules.Members;

/// <summary>
/// The pages of the letters and certificates (static SSR): the letter page links its PDF, the transfer form shows the
/// dues month from the records, the member page's tab lists the person's certificates, and the certificate form
/// issues one or shows the rule that refused it.
/// </summary>
public sealed class DocumentPagesTests(AppFixture app) : IClassFixture<AppFixture>
{
    private async Task<(TestTenant Tenant, OrgUnit Branch, Guid MemberId, HttpClient Secretary)> WorldAsync()
    {
        var tenant = await TestTenant.CreateAsync(app);
        var branch = await tenant.AddUnitAsync(tenant.Root, OrgUnitKind.Branch);
        var member = (await tenant.AddMembersAsync(branch, 1))[0];
        var secretary = await app.ClientForAsync(await tenant.AddUserAsync(branch, AppRole.BranchSecretary));
        return (tenant, branch, member.Id, secretary);
    }

    [Fact]
    public async Task LetterPage_LinksThePdf()
    {
        var (_, _, memberId, secretary) = await WorldAsync();
        using var issued = await secretary.PostAsJsonAsync($"/api/v1/members/{memberId}/transfers", new { kind = "Outgoing", destination = "中共某县委组织部" });
        var id = (await issued.ShouldHaveStatusAsync(HttpStatusCode.Created))!.Id();

        var html = await secretary.GetStringAsync($"/transfers/{id}/letter");
        html.ShouldContain($"href=\"/api/v1/transfers/{id}/letter.pdf\"");
        html.ShouldContain("下载 PDF 介绍信");
        html.ShouldContain("党组转〔2026〕001号");
    }

    [Fact]
    public async Task StartTransferPage_DuesPaidUpToSeptember_MonthPrefilled()
    {
        var (_, _, memberId, secretary) = await WorldAsync();
        using (var b = await secretary.PostAsJsonAsync($"/api/v1/members/{memberId}/dues/bases", new { effectiveMonth = "2026-09", category = "Serving", baseFen = 300_000 }))
        {
            await b.ShouldHaveStatusAsync(HttpStatusCode.Created);
        }
        using (var p = await secretary.PostAsJsonAsync($"/api/v1/members/{memberId}/dues/payments", new { month = "2026-09", amountFen = 1_500, paidOn = "2026-09-10", method = "Self" }))
        {
            await p.ShouldHaveStatusAsync(HttpStatusCode.Created);
        }
        var html = await secretary.GetStringAsync($"/members/{memberId}/transfer");
        html.ShouldContain("name=\"Input.DuesPaidUntil\" value=\"2026-09\"");
        html.ShouldContain("已按党费交纳记录预填");
    }

    [Fact]
    public async Task CertificateForm_Valid_RedirectsToTheCertificateListedOnTheMemberPage()
    {
        var (_, _, memberId, secretary) = await WorldAsync();
        (await secretary.GetStringAsync($"/members/{memberId}?tab=certificates")).ShouldContain("暂无党员证明信");

        using var posted = await secretary.PostFormAsync($"/members/{memberId}/certificate", "issue-certificate", new()
        {
            ["Input.Destination"] = "中共某市某区某街道工作委员会", ["Input.Reason"] = "参加培训",
            ["Input.FromDate"] = "2026-12-01", ["Input.ToDate"] = "2027-01-31",
        });
        posted.StatusCode.ShouldBe(HttpStatusCode.Redirect, await posted.Content.ReadAsStringAsync());
        var location = new Uri(new Uri("http://localhost"), posted.Headers.Location!).AbsolutePath;
        location.ShouldStartWith("/certificates/");

        var page = await secretary.GetStringAsync(location);
        page.ShouldContain("党证明〔2026〕001号");
        page.ShouldContain($"href=\"/api/v1/certificates/{location["/certificates/".Length..]}/certificate.pdf\"");
        var member = await secretary.GetStringAsync($"/members/{memberId}?tab=certificates");
        member.ShouldContain($"<a class=\"on\" href=\"/members/{memberId}?tab=certificates\">党员证明信</a>");
        member.ShouldContain("data-testid=\"member-certificates\"");
        member.ShouldContain("党证明〔2026〕001号");
        member.ShouldContain("中共某市某区某街道工作委员会");
    }

    [Fact]
    public async Task CertificateForm_TooLong_ShowsTheRuleAndArticle()
    {
        var (_, _, memberId, secretary) = await WorldAsync();
        using var posted = await secretary.PostFormAsync($"/members/{memberId}/certificate", "issue-certificate", new()
        {
            ["Input.Destination"] = "中共某县委组织部", ["Input.FromDate"] = "2026-12-01", ["Input.ToDate"] = "2027-08-01",
        });
        posted.StatusCode.ShouldBe(HttpStatusCode.OK);
        var html = WebUtility.HtmlDecode(await posted.Content.ReadAsStringAsync());
        html.ShouldContain("党员证明信只用于外出 6 个月以内，结束日期最晚为 2027-06-01");
        html.ShouldContain("第二十五条");
    }
}
