using Dangjian.Web.Modules.Dues.Usage;
using System.Net;
using System.Net.Http.Headers;
using System.Text.RegularExpressions;
using Dangjian.Web.Modules.Dues;
using Dangjian.Web.Modules.Dues.Import;
using Dangjian.Web.Modules.Members;
using Dangjian.Web.Modules.Organizations;
using Dangjian.Web.Platform.Auth;
using Dangjian.Web.Platform.Export;

namespace Dangjian.Tests.Modules.Dues;

/// <summary>
/// The pages of a unit's dues money rendered by the app (static SSR): the links from the dues page, the payroll import
/// (upload form with its antiforgery token, preview with each row's monthly dues, apply), the usage forms (record,
/// refusal with its article, reversal) and the roster import page that now shares the upload form.
/// </summary>
public sealed partial class DuesMoneyPagesTests(AppFixture app) : IClassFixture<AppFixture>
{
    [GeneratedRegex("name=\"__RequestVerificationToken\" value=\"([^\"]+)\"")]
    private static partial Regex AntiforgeryField();

    [GeneratedRegex("reverse-([0-9a-f]{32})")]
    private static partial Regex ReverseForm();

    private static readonly string WangId = TestIdNumbers.Of("110101", "19800101", 11);

    private sealed record World(TestTenant Tenant, OrgUnit Branch, Member Wang, HttpClient Admin);

    /// <summary>A branch with 王一 on its roll; two others paid ¥100 each in March 2026: the 2026 balance is ¥200 − 5% = ¥190.</summary>
    private async Task<World> WorldAsync()
    {
        var tenant = await TestTenant.CreateAsync(app);
        var branch = await tenant.AddUnitAsync(tenant.Root, OrgUnitKind.Branch);
        var wang = await tenant.AddPersonAsync(branch, "王一", WangId);
        foreach (var m in await tenant.AddMembersAsync(branch, 2)) await DuesRaw.PayAsync(app, tenant, m, branch, 2026, 3, 10_000);
        return new World(tenant, branch, wang, await app.ClientForAsync(tenant.Admin));
    }

    /// <summary>Uploads a file through a page's upload form the way a browser does: multipart, with the page's antiforgery cookie and field.</summary>
    private static async Task<HttpResponseMessage> UploadThroughPageAsync(HttpClient client, string pageUrl, string action, Guid unitId, byte[] file)
    {
        using var page = await client.GetAsync(pageUrl);
        var html = await page.Content.ReadAsStringAsync();
        html.ShouldContain($"action=\"{action}\"");
        var token = AntiforgeryField().Match(html).Groups[1].Value;
        token.ShouldNotBeEmpty();
        var cookies = page.Headers.GetValues("Set-Cookie").Select(c => c.Split(';')[0]);
        var form = new MultipartFormDataContent
        {
            { new StringContent(unitId.ToString()), "orgUnitId" },
            { new StringContent(WebUtility.HtmlDecode(token)), "__RequestVerificationToken" },
        };
        var content = new ByteArrayContent(file);
        content.Headers.ContentType = new MediaTypeHeaderValue(XlsxWriter.ContentType);
        form.Add(content, "file", "工资表.xlsx");
        using var message = new HttpRequestMessage(HttpMethod.Post, action) { Content = form };
        message.Headers.Add("Cookie", string.Join("; ", cookies));
        return await client.SendAsync(message);
    }

    private static byte[] Workbook(IReadOnlyList<string> headers, params object?[][] rows)
    {
        using var stream = new MemoryStream();
        XlsxWriter.Write(stream, "Sheet1", headers, rows.Select(r => (IReadOnlyList<object?>)r));
        return stream.ToArray();
    }

    [Fact]
    public async Task DuesPage_Unit_LinksToUsagePublicationAndImportOfThatUnitAndYear()
    {
        var w = await WorldAsync();
        var html = await w.Admin.GetStringAsync($"/dues?unit={w.Branch.Id}&year=2026");
        html.ShouldContain($"href=\"/dues/usage?unit={w.Branch.Id}&amp;year=2026\"");
        html.ShouldContain($"href=\"/dues/publication?unit={w.Branch.Id}&amp;year=2026\"");
        html.ShouldContain($"href=\"/dues/base-import?unit={w.Branch.Id}\"");
        html.ShouldContain("党费使用");
        html.ShouldContain("Excel 导入党费基数");
    }

    [Fact]
    public async Task BaseImportPages_UploadPreviewApply_BaseSetAndDoneShown()
    {
        var w = await WorldAsync();
        var start = await w.Admin.GetStringAsync($"/dues/base-import?unit={w.Branch.Id}");
        start.ShouldContain("/api/v1/dues/base-import-template");
        start.ShouldContain("不扣除五险一金个人部分");   // the setting is off by default

        // 8,500 − 215 tax = 8,285 → 1.5% → ¥124.28; one row with a bad month.
        var file = Workbook(DuesBaseSheet.Headers,
            ["王一", WangId, "2026-01", "在职", null, "8500.00", "215.00", "1320.00", null],
            ["王一", WangId, "2026-13", "在职", "5000", null, null, null, null]);
        using var uploaded = await UploadThroughPageAsync(w.Admin, $"/dues/base-import?unit={w.Branch.Id}", "/dues/base-import/upload", w.Branch.Id, file);
        uploaded.StatusCode.ShouldBe(HttpStatusCode.Redirect, await uploaded.Content.ReadAsStringAsync());
        var previewUrl = uploaded.Headers.Location!.ToString();
        previewUrl.ShouldStartWith("/dues/base-import/");

        var preview = await w.Admin.GetStringAsync(previewUrl);
        preview.ShouldContain("data-testid=\"dues-import-rows\"");
        preview.ShouldContain("¥8,285.00");
        preview.ShouldContain("¥124.28");
        preview.ShouldContain("新设");
        preview.ShouldContain("data-testid=\"import-errors\"");
        preview.ShouldContain("起始月份");
        preview.ShouldNotContain(WangId);
        (await app.InTenantAsync(w.Tenant.TenantId, db => db.DuesBases.CountAsync(b => b.MemberId == w.Wang.Id))).ShouldBe(0);

        using var applied = await w.Admin.PostFormAsync(previewUrl, "apply-valid", []);
        applied.StatusCode.ShouldBe(HttpStatusCode.Redirect, await applied.Content.ReadAsStringAsync());
        var done = await w.Admin.GetStringAsync(previewUrl);
        done.ShouldContain("data-testid=\"import-applied\"");
        done.ShouldContain("新设基数 1 条");
        done.ShouldNotContain("apply-valid");
        (await app.InTenantAsync(w.Tenant.TenantId, db => db.DuesBases.SingleAsync(b => b.MemberId == w.Wang.Id))).BaseFen.ShouldBe(828_500);
    }

    [Fact]
    public async Task BaseImportPages_AllOrNothingWithABadRow_RefusalShownAndNothingWritten()
    {
        var w = await WorldAsync();
        var file = Workbook(DuesBaseSheet.Headers,
            ["王一", WangId, "2026-01", "在职", "5000", null, null, null, null],
            ["王二", WangId, "2026-02", "在职", "5000", null, null, null, null]);
        using var uploaded = await UploadThroughPageAsync(w.Admin, $"/dues/base-import?unit={w.Branch.Id}", "/dues/base-import/upload", w.Branch.Id, file);
        var previewUrl = uploaded.Headers.Location!.ToString();

        using var refused = await w.Admin.PostFormAsync(previewUrl, "apply-all", []);
        refused.StatusCode.ShouldBe(HttpStatusCode.OK);
        var html = await refused.Content.ReadAsStringAsync();
        html.ShouldContain("role=\"alert\"");
        html.ShouldContain("导入规则");
        (await app.InTenantAsync(w.Tenant.TenantId, db => db.DuesBases.CountAsync(b => b.MemberId == w.Wang.Id))).ShouldBe(0);
    }

    [Fact]
    public async Task BaseImportPage_WrongHeaders_MissingColumnsNamedAndNoApplyButtons()
    {
        var w = await WorldAsync();
        var file = Workbook(["姓名", "身份证", "金额"], ["王一", WangId, "5000"]);
        using var uploaded = await UploadThroughPageAsync(w.Admin, $"/dues/base-import?unit={w.Branch.Id}", "/dues/base-import/upload", w.Branch.Id, file);
        var html = await w.Admin.GetStringAsync(uploaded.Headers.Location!.ToString());
        html.ShouldContain("公民身份号码、起始月份、计算方式");
        html.ShouldNotContain("apply-valid");
    }

    [Fact]
    public async Task BaseImportPage_NotAnXlsx_BackToTheFormWithTheReason()
    {
        var w = await WorldAsync();
        using var uploaded = await UploadThroughPageAsync(w.Admin, $"/dues/base-import?unit={w.Branch.Id}", "/dues/base-import/upload", w.Branch.Id,
            "姓名,公民身份号码\n"u8.ToArray());
        uploaded.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        var back = uploaded.Headers.Location!.ToString();
        back.ShouldStartWith($"/dues/base-import?unit={w.Branch.Id}&error=");
        (await w.Admin.GetStringAsync(back)).ShouldContain("role=\"alert\"");
    }

    [Fact]
    public async Task RosterImportPage_SharedUploadForm_StillUploadsToThePreview()
    {
        var w = await WorldAsync();
        var file = Workbook(["姓名", "性别", "公民身份号码", "人员类别", "加入党组织日期"],
            ["赵页面", "男", TestIdNumbers.Of("110101", "19850505", 55), "正式党员", "2010-07-01"]);
        using var uploaded = await UploadThroughPageAsync(w.Admin, $"/members/import?unit={w.Branch.Id}", "/members/import/upload", w.Branch.Id, file);
        uploaded.StatusCode.ShouldBe(HttpStatusCode.Redirect, await uploaded.Content.ReadAsStringAsync());
        var previewUrl = uploaded.Headers.Location!.ToString();
        previewUrl.ShouldStartWith("/members/import/");
        var preview = await w.Admin.GetStringAsync(previewUrl);
        preview.ShouldContain("data-testid=\"import-summary\"");

        using var applied = await w.Admin.PostFormAsync(previewUrl, "apply-valid", []);
        applied.StatusCode.ShouldBe(HttpStatusCode.Redirect, await applied.Content.ReadAsStringAsync());
        var done = await w.Admin.GetStringAsync(previewUrl);
        done.ShouldContain("导入完成：新增 1 人");
        (await app.InTenantAsync(w.Tenant.TenantId, db => db.Members.CountAsync(m => m.Name == "赵页面"))).ShouldBe(1);
    }

    [Fact]
    public async Task UsagePage_RecordFormPosted_RedirectsListedAndBalanceLower()
    {
        var w = await WorldAsync();
        var url = $"/dues/usage?unit={w.Branch.Id}&year=2026";
        (await w.Admin.GetStringAsync(url)).ShouldContain("¥190.00");

        using var posted = await w.Admin.PostFormAsync(url, "record-usage", new()
        {
            ["Use.SpentOn"] = "2026-06-01", ["Use.Amount"] = "25.00", ["Use.Purpose"] = "Commendation", ["Use.Description"] = "七一表彰",
            ["Use.ApprovedBy"] = "支部委员会", ["Use.ApprovedOn"] = "2026-05-28",
        });
        posted.StatusCode.ShouldBe(HttpStatusCode.Redirect, await posted.Content.ReadAsStringAsync());
        posted.Headers.Location!.ToString().ShouldContain("saved=usage");

        var html = await w.Admin.GetStringAsync(url + "&saved=usage");
        html.ShouldContain("七一表彰");
        html.ShouldContain("表彰");
        html.ShouldContain("¥165.00");
        (await app.InTenantAsync(w.Tenant.TenantId, db => db.DuesUsages.SingleAsync(u => u.OrgUnitId == w.Branch.Id))).AmountFen.ShouldBe(2_500);
    }

    [Fact]
    public async Task UsagePage_OneFenOverTheBalance_RefusalWithArticleAndNothingSaved()
    {
        var w = await WorldAsync();
        using var posted = await w.Admin.PostFormAsync($"/dues/usage?unit={w.Branch.Id}&year=2026", "record-usage", new()
        {
            ["Use.SpentOn"] = "2026-06-01", ["Use.Amount"] = "190.01", ["Use.Purpose"] = "Hardship", ["Use.Description"] = "慰问困难党员",
            ["Use.ApprovedBy"] = "支部委员会", ["Use.ApprovedOn"] = "2026-05-28",
        });
        posted.StatusCode.ShouldBe(HttpStatusCode.OK);
        var html = await posted.Content.ReadAsStringAsync();
        html.ShouldContain("-¥0.01");
        html.ShouldContain(DuesArticles.CentreShare);
        (await app.InTenantAsync(w.Tenant.TenantId, db => db.DuesUsages.CountAsync(u => u.OrgUnitId == w.Branch.Id))).ShouldBe(0);
    }

    [Fact]
    public async Task UsagePage_BadAmount_FieldErrorInChinese()
    {
        var w = await WorldAsync();
        using var posted = await w.Admin.PostFormAsync($"/dues/usage?unit={w.Branch.Id}&year=2026", "record-usage", new()
        {
            ["Use.SpentOn"] = "2026-06-01", ["Use.Amount"] = "1.005", ["Use.Purpose"] = "Training", ["Use.Description"] = "教材",
            ["Use.ApprovedBy"] = "支部委员会", ["Use.ApprovedOn"] = "2026-05-28",
        });
        posted.StatusCode.ShouldBe(HttpStatusCode.OK);
        (await posted.Content.ReadAsStringAsync()).ShouldContain("最多两位小数");
        (await app.InTenantAsync(w.Tenant.TenantId, db => db.DuesUsages.CountAsync(u => u.OrgUnitId == w.Branch.Id))).ShouldBe(0);
    }

    [Fact]
    public async Task UsagePage_ReverseFormPosted_EntryCancelledAndBalanceRestored()
    {
        var w = await WorldAsync();
        await DuesRaw.UsageAsync(app, w.Tenant, w.Branch, new DateOnly(2026, 6, 1), 4_000, DuesUsagePurpose.Training);
        var url = $"/dues/usage?unit={w.Branch.Id}&year=2026";
        var html = await w.Admin.GetStringAsync(url);
        html.ShouldContain("¥150.00");
        var form = ReverseForm().Match(html);
        form.Success.ShouldBeTrue();

        using var posted = await w.Admin.PostFormAsync(url, form.Value, new() { ["Reason"] = "登记错误" });
        posted.StatusCode.ShouldBe(HttpStatusCode.Redirect, await posted.Content.ReadAsStringAsync());
        posted.Headers.Location!.ToString().ShouldContain("saved=reversal");

        var after = await w.Admin.GetStringAsync(url);
        after.ShouldContain("登记错误");
        after.ShouldContain("¥190.00");
        ReverseForm().IsMatch(after).ShouldBeFalse();   // neither the entry nor its reversal can be reversed again
        (await app.InTenantAsync(w.Tenant.TenantId, db => db.DuesUsages.SumAsync(u => u.AmountFen))).ShouldBe(0);
    }

    [Fact]
    public async Task DuesMoneyPages_SiblingSecretary_NoFiguresOrNames()
    {
        var w = await WorldAsync();
        var sibling = await w.Tenant.AddUnitAsync(w.Tenant.Root, OrgUnitKind.Branch);
        using var other = await app.ClientForAsync(await w.Tenant.AddUserAsync(sibling, AppRole.BranchSecretary));
        foreach (var url in new[] { $"/dues/usage?unit={w.Branch.Id}&year=2026", $"/dues/publication?unit={w.Branch.Id}&year=2026" })
        {
            var html = await other.GetStringAsync(url);
            html.ShouldNotContain(w.Branch.Name);
            html.ShouldNotContain("王一");
            html.ShouldNotContain("¥190.00");
            html.ShouldNotContain("record-usage");
        }
        (await other.GetStringAsync($"/dues/base-import?unit={w.Branch.Id}")).ShouldNotContain("/dues/base-import/upload");
    }
}
