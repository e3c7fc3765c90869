using System.Globalization;
using System.Text.Json.Nodes;
using Dangjian.Web.Modules.Members;
using Dangjian.Web.Platform.Export;
using Microsoft.Playwright;

namespace Dangjian.BrowserTests;

/// <summary>
/// A branch secretary fills the downloaded template with ten people, two of them wrong (a 公民身份号码 with a wrong
/// check character, a row without a name); the preview names both; the eight are imported; the error report lists
/// exactly the two with row, column and reason; fixed in that workbook and uploaded again, the two are added and
/// nobody is registered twice. Screenshots "20-import-…".
/// </summary>
public sealed class ImportJourneyTests(AppServer app) : IClassFixture<AppServer>
{
    private const string BranchName = "名册导入测试党支部";
    private const string Secretary = "daoru_sj";
    private const string SecretaryPassword = "Daoru-2026";

    /// <summary>One person of the roster: the cells by template column name.</summary>
    private sealed record Person(string Name, bool Male, string Birth, int Sequence, string Category, string? Joined, string? Full)
    {
        // Areas 350102 and 450103 are not among the demo roster's, so every number is new to the tenant.
        public string IdNumber
        {
            get
            {
                var first17 = (Sequence % 2 == 0 ? "350102" : "450103") + Birth.Replace("-", "", StringComparison.Ordinal)
                              + Sequence.ToString("000", CultureInfo.InvariantCulture);
                return first17 + IdNumberRules.CheckChar(first17);
            }
        }
    }

    // Odd sequence numbers for men, even for women (GB 11643's 17th digit).
    private static readonly Person[] People =
    [
        new("周建国", true, "1968-03-12", 131, "正式党员", "1992-07-01", "1993-07-01"),
        new("吴丽华", false, "1975-11-02", 242, "正式党员", "2001-06-20", "2002-06-20"),
        new("郑海涛", true, "1983-05-27", 353, "正式党员", "2008-05-04", "2009-05-04"),
        new("王秀英", false, "1959-01-30", 464, "正式党员", "1985-07-01", "1986-07-01"),  // row 5: wrong check character
        new("冯志强", true, "1990-09-09", 575, "预备党员", "2026-03-01", null),
        new("陈静", false, "1996-12-18", 686, "入党积极分子", null, null),
        new("蒋文博", true, "1987-04-05", 797, "正式党员", "2012-12-01", "2013-12-01"),    // row 8: name left out
        new("卫晓燕", false, "1993-08-21", 808, "发展对象", null, null),
        new("褚卫东", true, "1979-02-14", 919, "正式党员", "2003-10-10", "2004-10-10"),
        new("沈佳怡", false, "1999-06-06", 20, "入党申请人", null, null),
    ];

    private const int WrongIdRow = 5;   // sheet rows: 1 is the header, People[i] is row i + 2
    private const int NoNameRow = 8;

    [Fact]
    public async Task Journey_SecretaryImportsRosterWithTwoBadRows_FixesThemFromErrorReport_NobodyTwice()
    {
        var page = await app.NewPageAsync();
        var branchId = await ArrangeBranchWithSecretaryAsync(page);
        await Ui.LoginAsync(page, Secretary, SecretaryPassword);

        // The template, from the import page.
        await page.GotoAsync($"/members?unit={branchId}");
        await page.GetByRole(AriaRole.Link, new() { Name = "Excel 导入名册" }).ClickAsync();
        await page.WaitForURLAsync(u => u.Contains("/members/import?unit=", StringComparison.Ordinal));
        var template = await Ui.DownloadAsync(page, page.GetByRole(AriaRole.Link, new() { Name = "下载导入模板" }));
        var header = Rows(template)[0].Cells.Select(c => c ?? "").ToArray();
        header.ShouldContain("姓名");
        header.ShouldContain("公民身份号码");
        header.ShouldContain("人员类别");
        await AppServer.ShotAsync(page, "20-import-page");

        // Ten people, two of them wrong.
        var rows = People.Select(p => Row(header, p)).ToList();
        var wrongId = People[WrongIdRow - 2].IdNumber;
        wrongId = wrongId[..17] + (wrongId[17] == '1' ? '2' : '1');
        rows[WrongIdRow - 2][Array.IndexOf(header, "公民身份号码")] = wrongId;
        rows[NoNameRow - 2][Array.IndexOf(header, "姓名")] = null;

        await UploadAsync(page, Workbook(header, rows));
        (await SummaryAsync(page)).ShouldBe(["10", "8", "2", "8 / 0 / 0"]);
        var shown = await page.Locator("[data-testid=import-errors] tbody tr").AllInnerTextsAsync();
        shown.Count.ShouldBe(2);
        shown[0].ShouldContain(WrongIdRow.ToString(CultureInfo.InvariantCulture));
        shown[0].ShouldContain("校验位");
        shown[1].ShouldContain(NoNameRow.ToString(CultureInfo.InvariantCulture));
        shown[1].ShouldContain("姓名不能为空");
        await AppServer.ShotAsync(page, "20-import-preview-two-errors");

        // The eight good rows.
        await page.GetByRole(AriaRole.Button, new() { Name = "导入 8 行正确数据" }).ClickAsync();
        var done = page.Locator("[data-testid=import-applied]");
        await done.WaitForAsync();
        (await done.InnerTextAsync()).ShouldContain("新增 8 人，更新 0 人，2 行有误未导入");
        (await MemberNamesAsync(page, branchId)).Order().ShouldBe(People.Where((_, i) => i + 2 is not (WrongIdRow or NoNameRow)).Select(p => p.Name).Order());
        await AppServer.ShotAsync(page, "20-import-applied");

        // The error report: exactly the two rows, each with its column and reason beside the original values.
        var report = Rows(await Ui.DownloadAsync(page, page.GetByRole(AriaRole.Link, new() { Name = "下载错误报告" })));
        var reportHeader = report[0].Cells.Select(c => c ?? "").ToArray();
        reportHeader[..3].ShouldBe(["行号", "出错列", "原因"]);
        reportHeader[3..].ShouldBe(header);
        var errors = report.Skip(1).Select(r => Pad(r.Cells, reportHeader.Length)).ToList();
        errors.Select(e => e[0]).ShouldBe([WrongIdRow.ToString(CultureInfo.InvariantCulture), NoNameRow.ToString(CultureInfo.InvariantCulture)]);
        errors.Select(e => e[1]).ShouldBe(["公民身份号码", "姓名"]);
        errors[0][2].ShouldNotBeNull().ShouldContain("校验位不正确");
        errors[1][2].ShouldNotBeNull().ShouldContain("姓名不能为空");
        var idColumn = Array.IndexOf(reportHeader, "公民身份号码");
        var nameColumn = Array.IndexOf(reportHeader, "姓名");
        errors[0][idColumn].ShouldBe(wrongId);
        errors[0][nameColumn].ShouldBe(People[WrongIdRow - 2].Name);
        string.IsNullOrEmpty(errors[1][nameColumn]).ShouldBeTrue();
        errors[1][idColumn].ShouldBe(People[NoNameRow - 2].IdNumber);

        // Fixed in that workbook and uploaded again: two new people, nothing else.
        errors[0][idColumn] = People[WrongIdRow - 2].IdNumber;
        errors[1][nameColumn] = People[NoNameRow - 2].Name;
        await page.GotoAsync($"/members/import?unit={branchId}");
        await UploadAsync(page, Workbook(reportHeader, errors));
        (await SummaryAsync(page)).ShouldBe(["2", "2", "0", "2 / 0 / 0"]);
        (await page.Locator("[data-testid=import-errors]").CountAsync()).ShouldBe(0);
        await page.GetByRole(AriaRole.Button, new() { Name = "导入 2 行正确数据" }).ClickAsync();
        await done.WaitForAsync();
        (await done.InnerTextAsync()).ShouldContain("新增 2 人，更新 0 人，0 行有误未导入");
        await AppServer.ShotAsync(page, "20-import-fixed-rows-applied");

        // Ten people on the roll, each once; the first file again would add nobody.
        var names = await MemberNamesAsync(page, branchId);
        names.Count.ShouldBe(People.Length);
        names.Order().ShouldBe(People.Select(p => p.Name).Order());
        await page.GotoAsync($"/members?unit={branchId}");
        (await page.Locator(".pager").InnerTextAsync()).ShouldContain("共 10 条");
        await AppServer.ShotAsync(page, "20-import-roster-after");
        await page.GotoAsync($"/members/import?unit={branchId}");
        await UploadAsync(page, Workbook(header, rows));
        (await SummaryAsync(page)).ShouldBe(["10", "8", "2", "0 / 0 / 8"]);
    }

    /// <summary>The admin creates an empty branch under 第二分公司党委 and a branch secretary on it; returns the branch id.</summary>
    private async Task<Guid> ArrangeBranchWithSecretaryAsync(IPage page)
    {
        await Ui.LoginAsync(page, "admin", AppServer.AdminPassword);
        await page.GotoAsync("/org");
        await page.GetByRole(AriaRole.Link, new() { Name = "第二分公司党委", Exact = true }).ClickAsync();
        await page.GetByRole(AriaRole.Link, new() { Name = "新建下级组织" }).ClickAsync();
        await page.GetByLabel("组织名称").FillAsync(BranchName);
        await page.GetByLabel("组织类别").SelectOptionAsync("Branch");
        await page.GetByRole(AriaRole.Button, new() { Name = "保存" }).ClickAsync();
        await page.WaitForURLAsync(u => !u.EndsWith("/new", StringComparison.Ordinal));
        (await page.Locator("h1").InnerTextAsync()).ShouldContain(BranchName);
        var branchId = Guid.Parse(new Uri(page.Url).Segments[^1]);

        await page.Locator(".actions").GetByRole(AriaRole.Link, new() { Name = "用户管理" }).ClickAsync();
        await page.GetByRole(AriaRole.Link, new() { Name = "新建账号" }).ClickAsync();
        await page.GetByLabel("用户名").FillAsync(Secretary);
        await page.GetByLabel("姓名").FillAsync("赵书记");
        await page.GetByLabel("初始密码").FillAsync(SecretaryPassword);
        await page.GetByLabel("角色").SelectOptionAsync("BranchSecretary");
        await page.GetByRole(AriaRole.Button, new() { Name = "保存" }).ClickAsync();
        await page.WaitForURLAsync(u => u.Contains("/users?", StringComparison.Ordinal));
        (await page.Locator("table").InnerTextAsync()).ShouldContain(Secretary);
        await Ui.LogoutAsync(page);
        return branchId;
    }

    private static object?[] Row(string[] header, Person p)
    {
        var values = new Dictionary<string, string?>
        {
            ["姓名"] = p.Name, ["性别"] = p.Male ? "男" : "女", ["民族"] = "汉族", ["公民身份号码"] = p.IdNumber, ["出生日期"] = p.Birth,
            ["学历"] = "大学本科", ["人员类别"] = p.Category, ["加入党组织日期"] = p.Joined, ["转为正式党员日期"] = p.Full,
            ["工作岗位"] = "公有经济控制企业专业技术岗位", ["手机号码"] = "139" + p.Sequence.ToString("00000000", CultureInfo.InvariantCulture),
            ["党籍状态"] = "正常", ["是否失联"] = "否", ["是否流动党员"] = "否",
        };
        return header.Select(h => (object?)values.GetValueOrDefault(h)).ToArray();
    }

    private static byte[] Workbook(string[] header, IEnumerable<object?[]> rows)
    {
        using var stream = new MemoryStream();
        XlsxWriter.Write(stream, "党员名册", header, rows);
        return stream.ToArray();
    }

    private static List<(int RowNumber, string?[] Cells)> Rows(byte[] workbook) => XlsxReader.ReadRows(new MemoryStream(workbook)).ToList();

    private static string?[] Pad(string?[] cells, int length) => [.. cells, .. Enumerable.Repeat<string?>(null, Math.Max(0, length - cells.Length))];

    private static async Task UploadAsync(IPage page, byte[] workbook)
    {
        await page.Locator("input[type=file]").SetInputFilesAsync(new FilePayload
        {
            Name = "名册.xlsx", MimeType = XlsxWriter.ContentType, Buffer = workbook,
        });
        await page.GetByRole(AriaRole.Button, new() { Name = "上传并预览" }).ClickAsync();
        await page.WaitForURLAsync(u => u.Contains("/members/import/", StringComparison.Ordinal) && !u.Contains('?', StringComparison.Ordinal));
    }

    /// <summary>The preview's figures: rows, valid, invalid, "new / updated / unchanged".</summary>
    private static async Task<string[]> SummaryAsync(IPage page) =>
        (await page.Locator("[data-testid=import-summary] .stat .n").AllInnerTextsAsync()).Select(t => t.Trim()).ToArray();

    /// <summary>The branch's roll through the API, with the browser's sign-in.</summary>
    private async Task<List<string>> MemberNamesAsync(IPage page, Guid branchId)
    {
        var response = await page.APIRequest.GetAsync($"{app.BaseUrl}/api/v1/members?orgUnitId={branchId}&pageSize=100");
        response.Status.ShouldBe(200);
        var body = JsonNode.Parse(await response.TextAsync())!;
        var names = body["items"]!.AsArray().Select(i => i!["name"]!.GetValue<string>()).ToList();
        body["total"]!.GetValue<int>().ShouldBe(names.Count);
        return names;
    }
}
