using System.Net;
using System.Net.Http.Headers;
using System.Text.Json.Nodes;
using Dangjian.Web;
using Dangjian.Web.Data;
using Dangjian.Web.Modules.Dues;
using Dangjian.Web.Modules.Dues.Import;
using Dangjian.Web.Modules.Members;
using Dangjian.Web.Modules.Organizations;
using Dangjian.Web.Platform.Auth;
using Dangjian.Web.Platform.Export;
using Dangjian.Web.Platform.Import;
using Microsoft.Extensions.Localization;

namespace Dangjian.Tests.Modules.Dues;

/// <summary>
/// Dues bases from a payroll workbook with real .xlsx files: preview with the monthly dues per row, apply of the valid
/// rows with an error workbook for the rest, all-or-nothing, idempotent re-import, one transaction, and scope.
/// Amounts are worked out by hand in the comments (today is 2026-11-22).
/// </summary>
public sealed class DuesBaseImportTests(AppFixture app) : IClassFixture<AppFixture>
{
    private sealed record World(TestTenant Tenant, OrgUnit Branch, OrgUnit Sibling, Member Wang, Member Li, Member Zhang, Member Outsider, HttpClient Client);

    private static readonly string WangId = TestIdNumbers.Of("110101", "19800101", 11);
    private static readonly string LiId = TestIdNumbers.Of("110101", "19560202", 22);
    private static readonly string ZhangId = TestIdNumbers.Of("110101", "20030303", 33);
    private static readonly string OutsiderId = TestIdNumbers.Of("310101", "19750404", 44);

    private async Task<World> WorldAsync()
    {
        var tenant = await TestTenant.CreateAsync(app);
        var branch = await tenant.AddUnitAsync(tenant.Root, OrgUnitKind.Branch);
        var group = await tenant.AddUnitAsync(branch, OrgUnitKind.Group);
        var sibling = await tenant.AddUnitAsync(tenant.Root, OrgUnitKind.Branch);
        var wang = await tenant.AddPersonAsync(branch, "王一", WangId);
        var li = await tenant.AddPersonAsync(group, "李二", LiId);
        var zhang = await tenant.AddPersonAsync(branch, "张三", ZhangId, MemberCategory.Probationary);
        var outsider = await tenant.AddPersonAsync(sibling, "外人", OutsiderId);
        var secretary = await tenant.AddUserAsync(branch, AppRole.BranchSecretary);
        return new World(tenant, branch, sibling, wang, li, zhang, outsider, await app.ClientForAsync(secretary));
    }

    private static byte[] Workbook(params object?[][] rows)
    {
        using var stream = new MemoryStream();
        XlsxWriter.Write(stream, "工资表", DuesBaseSheet.Headers, rows.Select(r => (IReadOnlyList<object?>)r));
        return stream.ToArray();
    }

    // 王一: 8,500.00 − 215.00 tax = 8,285.00 (五险一金 not deducted by default) → 1.5% band → 124.275 → ¥124.28 half up.
    private static object?[] WangRow(string gross = "8500.00") => ["王一", WangId, "2026-01", "在职", null, gross, "215.00", "1320.00", "2026年度工资"];

    // 李二, retired, base typed as a number cell: ¥4,800 → 0.5% → ¥24.00.
    private static object?[] LiRow() => ["李二", LiId, "2026-03", "离退休", 4800m, null, null, null, null];

    // 张三, student: a fixed ¥0.20 whatever the figures (第六条).
    private static object?[] ZhangRow() => ["张三", ZhangId, "2026-02", "定额（学生）", null, null, null, null, null];

    private static async Task<JsonNode> UploadAsync(HttpClient client, Guid unitId, byte[] file, HttpStatusCode expected = HttpStatusCode.Created)
    {
        using var content = new ByteArrayContent(file);
        content.Headers.ContentType = new MediaTypeHeaderValue(XlsxWriter.ContentType);
        using var response = await client.PostAsync($"/api/v1/dues/base-imports?orgUnitId={unitId}&fileName=payroll.xlsx", content);
        return (await response.ShouldHaveStatusAsync(expected))!;
    }

    private static Guid ImportId(JsonNode summary) => summary["import"]!.Id();

    private static int Count(JsonNode summary, string property) => summary["import"]![property]!.GetValue<int>();

    private async Task<List<DuesBase>> BasesAsync(World w) =>
        await app.InTenantAsync(w.Tenant.TenantId, db => db.DuesBases.AsNoTracking()
            .Where(b => b.MemberId == w.Wang.Id || b.MemberId == w.Li.Id || b.MemberId == w.Zhang.Id || b.MemberId == w.Outsider.Id)
            .OrderBy(b => b.EffectiveMonth).ToListAsync());

    [Fact]
    public async Task Import_ThreeValidTwoBadRows_PreviewShowsDuesThenValidRowsAppliedAndErrorsInWorkbook()
    {
        var w = await WorldAsync();
        var file = Workbook(
            WangRow(), LiRow(), ZhangRow(),
            ["赵四", "110101198001011234", "2026-01", "在职", "5000", null, null, null, null],   // wrong check digit
            ["外人", OutsiderId, "2026-01", "在职", "5000", null, null, null, null]);           // registered in the sibling branch

        var preview = await UploadAsync(w.Client, w.Branch.Id, file);
        Count(preview, "totalRows").ShouldBe(5);
        Count(preview, "validRows").ShouldBe(3);
        Count(preview, "invalidRows").ShouldBe(2);
        Count(preview, "toCreate").ShouldBe(3);
        var errors = preview["import"]!["errors"]!.AsArray();
        errors.Select(e => $"{e!["row"]}:{e["column"]}").ShouldBe(["5:公民身份号码", "6:公民身份号码"]);
        errors[1]!["reason"]!.GetValue<string>().ShouldContain(w.Branch.Name);
        var rows = preview["rows"]!.AsArray();
        rows.Select(r => r!["name"]!.GetValue<string>()).ShouldBe(["王一", "李二", "张三"]);
        rows.Select(r => r!["baseFen"]!.GetValue<long>()).ShouldBe([828_500L, 480_000L, 0L]);
        rows.Select(r => r!["monthlyFen"]!.GetValue<long>()).ShouldBe([12_428L, 2_400L, 20L]);
        rows.Select(r => r!["action"]!.GetValue<string>()).ShouldAllBe(a => a == "create");
        rows[0]!["socialInsuranceDeducted"]!.GetValue<bool>().ShouldBeFalse();
        rows[0]!["idNumberMasked"]!.GetValue<string>().ShouldNotBe(WangId);
        (await BasesAsync(w)).ShouldBeEmpty();

        var id = ImportId(preview);
        using (var applied = await w.Client.PostAsync($"/api/v1/dues/base-imports/{id}/apply", null))
        {
            var result = (await applied.ShouldHaveStatusAsync(HttpStatusCode.OK))!;
            Count(result, "created").ShouldBe(3);
            result["import"]!["applied"]!.GetValue<bool>().ShouldBeTrue();
        }
        var bases = await BasesAsync(w);
        bases.Select(b => (b.MemberId, b.EffectiveMonth, b.Category, b.BaseFen)).ShouldBe(
        [
            (w.Wang.Id, new DateOnly(2026, 1, 1), DuesCategory.Serving, 828_500L),
            (w.Zhang.Id, new DateOnly(2026, 2, 1), DuesCategory.Student, 0L),
            (w.Li.Id, new DateOnly(2026, 3, 1), DuesCategory.Retired, 480_000L),
        ]);
        bases[0].Note.ShouldBe("2026年度工资");
        bases[0].OrgUnitId.ShouldBe(w.Branch.Id);

        // The bills now follow the imported base from its month on (第十条).
        var bills = await w.Client.GetJsonAsync($"/api/v1/members/{w.Wang.Id}/dues?year=2026");
        bills["bills"]![0]!["amountFen"]!.GetValue<long>().ShouldBe(12_428);

        using var workbook = await w.Client.GetAsync($"/api/v1/dues/base-imports/{id}/errors");
        workbook.StatusCode.ShouldBe(HttpStatusCode.OK);
        workbook.Content.Headers.ContentType!.MediaType.ShouldBe(XlsxWriter.ContentType);
        var sheet = XlsxReader.ReadRows(new MemoryStream(await workbook.Content.ReadAsByteArrayAsync())).ToList();
        sheet[0].Cells.Take(4).ShouldBe(["行号", "出错列", "原因", "姓名"]);
        sheet.Skip(1).Select(r => r.Cells[0]).ShouldBe(["5", "6"]);
        sheet[1].Cells.ShouldContain("赵四");
        sheet[2].Cells.ShouldContain("外人");
        sheet[2].Cells[2]!.ShouldContain(w.Branch.Name);

        // Applied once only.
        using var again = await w.Client.PostAsync($"/api/v1/dues/base-imports/{id}/apply", null);
        (await again.ShouldHaveStatusAsync(HttpStatusCode.Conflict))!["code"]!.GetValue<string>().ShouldBe("IMPORT_APPLIED");
    }

    [Fact]
    public async Task Import_AllOrNothingWithOneBadRow_NothingWrittenAndUploadStillUsable()
    {
        var w = await WorldAsync();
        var preview = await UploadAsync(w.Client, w.Branch.Id, Workbook(
            WangRow(),
            ["李二", LiId, "2026-03", "离退休", "4800", "5000", null, null, null]));   // base and gross pay both given
        preview["import"]!["errors"]![0]!["column"]!.GetValue<string>().ShouldBe("月基数（元）");

        var id = ImportId(preview);
        using (var refused = await w.Client.PostAsync($"/api/v1/dues/base-imports/{id}/apply?allOrNothing=true", null))
        {
            var problem = (await refused.ShouldHaveStatusAsync(HttpStatusCode.UnprocessableEntity))!;
            problem["code"]!.GetValue<string>().ShouldBe("IMPORT_HAS_ERRORS");
        }
        (await BasesAsync(w)).ShouldBeEmpty();
        (await app.InTenantAsync(w.Tenant.TenantId, db => db.ImportUploads.SingleAsync(u => u.Id == id))).AppliedAt.ShouldBeNull();

        using var partial = await w.Client.PostAsync($"/api/v1/dues/base-imports/{id}/apply", null);
        Count((await partial.ShouldHaveStatusAsync(HttpStatusCode.OK))!, "created").ShouldBe(1);
        (await BasesAsync(w)).Select(b => b.MemberId).ShouldBe([w.Wang.Id]);
    }

    [Fact]
    public async Task Import_SameFileTwice_SecondChangesNothingAndChangedFigureCorrects()
    {
        var w = await WorldAsync();
        var file = Workbook(WangRow(), LiRow(), ZhangRow());
        var first = await UploadAsync(w.Client, w.Branch.Id, file);
        using (var r = await w.Client.PostAsync($"/api/v1/dues/base-imports/{ImportId(first)}/apply", null)) await r.ShouldHaveStatusAsync(HttpStatusCode.OK);
        var before = await BasesAsync(w);
        var auditBefore = await app.InTenantAsync(w.Tenant.TenantId, db => db.AuditEntries.CountAsync());

        var second = await UploadAsync(w.Client, w.Branch.Id, file);
        Count(second, "unchanged").ShouldBe(3);
        Count(second, "toCreate").ShouldBe(0);
        Count(second, "toUpdate").ShouldBe(0);
        using (var r = await w.Client.PostAsync($"/api/v1/dues/base-imports/{ImportId(second)}/apply", null))
        {
            var result = (await r.ShouldHaveStatusAsync(HttpStatusCode.OK))!;
            Count(result, "created").ShouldBe(0);
            Count(result, "updated").ShouldBe(0);
        }
        var after = await BasesAsync(w);
        after.Select(b => (b.Id, b.BaseFen, b.UpdatedAt)).ShouldBe(before.Select(b => (b.Id, b.BaseFen, b.UpdatedAt)));
        (await app.InTenantAsync(w.Tenant.TenantId, db => db.AuditEntries.CountAsync())).ShouldBe(auditBefore);

        // A new pay figure for the same month corrects that month's base; nothing is added.
        var corrected = await UploadAsync(w.Client, w.Branch.Id, Workbook(WangRow(gross: "9000.00")));
        Count(corrected, "toUpdate").ShouldBe(1);
        corrected["rows"]![0]!["monthlyFen"]!.GetValue<long>().ShouldBe(13_178);   // 9,000 − 215 = 8,785 × 1.5% = 131.775 → ¥131.78
        using (var r = await w.Client.PostAsync($"/api/v1/dues/base-imports/{ImportId(corrected)}/apply", null)) await r.ShouldHaveStatusAsync(HttpStatusCode.OK);
        var final = await BasesAsync(w);
        final.Count.ShouldBe(3);
        final.Single(b => b.MemberId == w.Wang.Id).BaseFen.ShouldBe(878_500);
    }

    [Fact]
    public async Task Import_WrongHeaders_MissingColumnsNamedAndApplyRefused()
    {
        var w = await WorldAsync();
        using var stream = new MemoryStream();
        XlsxWriter.Write(stream, "工资表", ["姓名", "身份证号", "月份", "基数"], [["王一", WangId, "2026-01", "5000"]]);
        var preview = await UploadAsync(w.Client, w.Branch.Id, stream.ToArray());
        preview["import"]!["missingColumns"]!.AsArray().Select(c => c!.GetValue<string>()).ShouldBe(["公民身份号码", "起始月份", "计算方式"]);
        preview["rows"]!.AsArray().ShouldBeEmpty();

        using var applied = await w.Client.PostAsync($"/api/v1/dues/base-imports/{ImportId(preview)}/apply", null);
        var problem = (await applied.ShouldHaveStatusAsync(HttpStatusCode.BadRequest))!;
        problem["errors"]!["file"]![0]!.GetValue<string>().ShouldContain("公民身份号码、起始月份、计算方式");
        (await BasesAsync(w)).ShouldBeEmpty();
    }

    [Fact]
    public async Task Import_NotAnXlsx_BadRequestNamingFileAndNothingKept()
    {
        var w = await WorldAsync();
        var problem = await UploadAsync(w.Client, w.Branch.Id, "姓名,公民身份号码\n王一,1\n"u8.ToArray(), HttpStatusCode.BadRequest);
        problem["errors"]!["file"].ShouldNotBeNull();
        (await app.InTenantAsync(w.Tenant.TenantId, db => db.ImportUploads.CountAsync(u => u.OrgUnitId == w.Branch.Id))).ShouldBe(0);
    }

    [Fact]
    public async Task Import_RowProblems_EachNamedWithColumnAndReason()
    {
        var w = await WorldAsync();
        var preview = await UploadAsync(w.Client, w.Branch.Id, Workbook(
            ["王一", WangId, "2026-13", "在职", "5000", null, null, null, null],
            ["王二", WangId, "2026-01", "在职", "5000", null, null, null, null],
            ["李二", LiId, "2026-01", "定额", null, null, null, null, null],
            ["李二", LiId, "2026-02", "在职", "50.123", null, null, null, null],
            ["张三", ZhangId, "2026-02", "在职", null, "1000", "1200", null, null],
            ["张三", ZhangId, "2026-04", "在职", null, null, null, null, null],
            WangRow(), WangRow()));
        var errors = preview["import"]!["errors"]!.AsArray().Select(e => $"{e!["row"]}:{e["column"]}").ToList();
        errors.ShouldBe(
        [
            "2:起始月份", "3:姓名", "4:计算方式", "5:月基数（元）", "6:个人所得税（元）", "7:月基数（元）", "9:起始月份",
        ]);
        preview["import"]!["errors"]![1]!["reason"]!.GetValue<string>().ShouldContain("王一");
        Count(preview, "validRows").ShouldBe(1);
    }

    [Fact]
    public async Task Parse_SocialInsurance_DeductedOnlyWhenTheSettingSaysSo()
    {
        await using var scope = app.Services.CreateAsyncScope();
        var L = scope.ServiceProvider.GetRequiredService<IStringLocalizer<Dangjian.Web.Modules.Dues.DuesText>>();
        var columns = DuesBaseSheet.Headers.Select((h, i) => (h, i)).ToDictionary(x => x.h, x => x.i);
        var sheet = new ImportSheet(columns, [], []);
        string?[] cells = ["王一", WangId, "2026-01", "在职", null, "8500.00", "215.00", "1320.00", null];

        var off = DuesBaseSheet.Parse(2, cells, sheet, new DateOnly(2026, 11, 22), new DuesOptions(), L, [])!;
        off.BaseFen.ShouldBe(828_500);
        off.SocialInsuranceDeducted.ShouldBeFalse();

        var on = DuesBaseSheet.Parse(2, cells, sheet, new DateOnly(2026, 11, 22), new DuesOptions { DeductSocialInsurance = true }, L, [])!;
        on.BaseFen.ShouldBe(696_500);   // 8,500 − 215 − 1,320
        on.SocialInsuranceDeducted.ShouldBeTrue();
    }

    [Fact]
    public async Task Apply_CrashHalfWay_NothingWrittenAndRetrySucceeds()
    {
        var w = await WorldAsync();
        // The last row's base (¥4,242.42) makes the database refuse its insert, after the others were sent.
        var preview = await UploadAsync(w.Client, w.Branch.Id, Workbook(WangRow(), ZhangRow(), ["李二", LiId, "2026-03", "离退休", "4242.42", null, null, null, null]));
        var id = ImportId(preview);
        await ExecAsync(TestDatabase.IsPostgres
            ? """
              CREATE FUNCTION dj_test_boom() RETURNS trigger AS $$ BEGIN IF NEW."BaseFen" = 424242 THEN RAISE EXCEPTION 'boom'; END IF; RETURN NEW; END $$ LANGUAGE plpgsql;
              CREATE TRIGGER dj_test_boom BEFORE INSERT ON "DuesBases" FOR EACH ROW EXECUTE FUNCTION dj_test_boom();
              """
            : """CREATE TRIGGER dj_test_boom BEFORE INSERT ON "DuesBases" WHEN NEW."BaseFen" = 424242 BEGIN SELECT RAISE(ABORT, 'boom'); END;""");
        try
        {
            using var crashed = await w.Client.PostAsync($"/api/v1/dues/base-imports/{id}/apply", null);
            crashed.StatusCode.ShouldBe(HttpStatusCode.InternalServerError);
            (await BasesAsync(w)).ShouldBeEmpty();
            (await app.InTenantAsync(w.Tenant.TenantId, db => db.ImportUploads.SingleAsync(u => u.Id == id))).AppliedAt.ShouldBeNull();
        }
        finally
        {
            await ExecAsync(TestDatabase.IsPostgres
                ? """DROP TRIGGER dj_test_boom ON "DuesBases"; DROP FUNCTION dj_test_boom();"""
                : "DROP TRIGGER dj_test_boom");
        }

        using var retried = await w.Client.PostAsync($"/api/v1/dues/base-imports/{id}/apply", null);
        Count((await retried.ShouldHaveStatusAsync(HttpStatusCode.OK))!, "created").ShouldBe(3);
        (await BasesAsync(w)).Count.ShouldBe(3);
    }

    [Fact]
    public async Task Import_SiblingSecretary_RefusedAndCannotReadTheUpload()
    {
        var w = await WorldAsync();
        var other = await app.ClientForAsync(await w.Tenant.AddUserAsync(w.Sibling, AppRole.BranchSecretary));
        using (var content = new ByteArrayContent(Workbook(WangRow())))
        {
            using var refused = await other.PostAsync($"/api/v1/dues/base-imports?orgUnitId={w.Branch.Id}", content);
            ((int)refused.StatusCode).ShouldBeOneOf(403, 404);
        }

        var preview = await UploadAsync(w.Client, w.Branch.Id, Workbook(WangRow()));
        var id = ImportId(preview);
        (await other.GetAsync($"/api/v1/dues/base-imports/{id}")).StatusCode.ShouldBe(HttpStatusCode.NotFound);
        (await other.PostAsync($"/api/v1/dues/base-imports/{id}/apply", null)).StatusCode.ShouldBe(HttpStatusCode.NotFound);
        (await other.GetAsync($"/api/v1/dues/base-imports/{id}/errors")).StatusCode.ShouldBe(HttpStatusCode.NotFound);
        // An upload of this import is not one of the roster import, and the other way round.
        (await w.Client.GetAsync($"/api/v1/members/imports/{id}")).StatusCode.ShouldBe(HttpStatusCode.NotFound);
        (await BasesAsync(w)).ShouldBeEmpty();
    }

    [Fact]
    public async Task Template_Downloaded_HasTheColumnsTheImportReads()
    {
        var w = await WorldAsync();
        using var response = await w.Client.GetAsync("/api/v1/dues/base-import-template");
        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        var rows = XlsxReader.ReadRows(new MemoryStream(await response.Content.ReadAsByteArrayAsync())).ToList();
        rows[0].Cells.ShouldBe(DuesBaseSheet.Headers);
        rows[1].Cells[3].ShouldBe("在职");
    }

    [Fact]
    public async Task Template_InEnglish_ItsHeadersAndMethodsReadBack()
    {
        var w = await WorldAsync();
        w.Client.DefaultRequestHeaders.Add("Cookie", ".AspNetCore.Culture=c%3Den-US%7Cuic%3Den-US");
        using var response = await w.Client.GetAsync("/api/v1/dues/base-import-template");
        var template = XlsxReader.ReadRows(new MemoryStream(await response.Content.ReadAsByteArrayAsync())).ToList();
        template[0].Cells[0].ShouldBe("Name");
        template[1].Cells[3].ShouldBe("Serving");

        using var stream = new MemoryStream();
        XlsxWriter.Write(stream, "payroll", template[0].Cells.Select(c => c ?? "").ToList(),
            [["王一", WangId, "2026-01", "serving", null, "8500.00", "215.00", null, null], ["李二", LiId, "2026-03", "Retired", 4800m, null, null, null, null]]);
        var preview = await UploadAsync(w.Client, w.Branch.Id, stream.ToArray());
        Count(preview, "validRows").ShouldBe(2);
        Count(preview, "toCreate").ShouldBe(2);
    }

    private async Task ExecAsync(string sql)
    {
        await using var db = app.Database.NewContext();
        await db.Database.ExecuteSqlRawAsync(sql);
    }
}
