using System.Net;
using System.Net.Http.Headers;
using System.Text.Json.Nodes;
using Dangjian.Tests.Infrastructure;
using Dangjian.Web.Data;
using Dangjian.Web.Modules.Members;
using Dangjian.Web.Modules.Organizations;
using Dangjian.Web.Platform.Export;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Dangjian.Tests.Modules.Members;

/// <summary>Roster import with real .xlsx files: preview, partial apply with an error workbook, all-or-nothing, idempotence.</summary>
public sealed class RosterImportTests(AppFixture app) : IClassFixture<AppFixture>
{
    private static readonly string[] Headers = ["姓名", "性别", "公民身份号码", "人员类别", "所在党支部", "加入党组织日期", "手机号码"];

    private static string Id(string area, string birth, int sequence) => TestIdNumbers.Of(area, birth, sequence);

    private static byte[] Workbook(params object?[][] rows)
    {
        using var stream = new MemoryStream();
        XlsxWriter.Write(stream, "名册", Headers, rows.Select(r => (IReadOnlyList<object?>)r));
        return stream.ToArray();
    }

    private static async Task<JsonNode> UploadAsync(HttpClient client, Guid unitId, byte[] file, HttpStatusCode expected = HttpStatusCode.Created)
    {
        using var content = new ByteArrayContent(file);
        content.Headers.ContentType = new MediaTypeHeaderValue(XlsxWriter.ContentType);
        using var response = await client.PostAsync($"/api/v1/members/imports?orgUnitId={unitId}&fileName=roster.xlsx", content);
        return (await response.ShouldHaveStatusAsync(expected))!;
    }

    private async Task<int> CountAsync(Guid tenantId, Guid unitId)
    {
        await using var scope = app.Scope(tenantId);
        return await scope.ServiceProvider.GetRequiredService<AppDbContext>().Members.CountAsync(m => m.OrgUnitId == unitId);
    }

    private async Task<(TestTenant Tenant, OrgUnit Branch, HttpClient Client)> ArrangeAsync()
    {
        var tenant = await TestTenant.CreateAsync(app);
        var branch = await tenant.AddUnitAsync(tenant.Root, OrgUnitKind.Branch);
        var secretary = await tenant.AddUserAsync(branch, Dangjian.Web.Platform.Auth.AppRole.BranchSecretary);
        return (tenant, branch, await app.ClientForAsync(secretary));
    }

    [Fact]
    public async Task Import_TwoBadRows_ValidRowsAppliedAndErrorWorkbookListsTheRest()
    {
        var (tenant, branch, client) = await ArrangeAsync();
        var file = Workbook(
            ["王一", "男", Id("110101", "19800101", 11), "正式党员", "", "2005-07-01", "13800000001"],
            ["李二", "女", Id("110101", "19850202", 22), "预备党员", "", "2026-01-05", null],
            ["赵三", "男", "110101198001011234", "正式党员", "", "2005-07-01", null],
            ["钱四", "男", Id("110101", "19900303", 33), "干部", "", "2010-07-01", null],
            ["孙五", "女", Id("110101", "19950404", 44), "入党积极分子", "", null, "138"]);

        var preview = await UploadAsync(client, branch.Id, file);
        preview["totalRows"]!.GetValue<int>().ShouldBe(5);
        preview["validRows"]!.GetValue<int>().ShouldBe(2);
        preview["invalidRows"]!.GetValue<int>().ShouldBe(3);
        var columns = preview["errors"]!.AsArray().Select(e => $"{e!["row"]}:{e["column"]}").ToList();
        columns.ShouldContain("4:公民身份号码");
        columns.ShouldContain("5:人员类别");
        columns.ShouldContain("6:手机号码");
        (await CountAsync(tenant.TenantId, branch.Id)).ShouldBe(0);

        var id = preview.Id();
        using (var applied = await client.PostAsync($"/api/v1/members/imports/{id}/apply", null))
        {
            var result = (await applied.ShouldHaveStatusAsync(HttpStatusCode.OK))!;
            result["created"]!.GetValue<int>().ShouldBe(2);
        }
        (await CountAsync(tenant.TenantId, branch.Id)).ShouldBe(2);

        using var errors = await client.GetAsync($"/api/v1/members/imports/{id}/errors");
        errors.StatusCode.ShouldBe(HttpStatusCode.OK);
        errors.Content.Headers.ContentType!.MediaType.ShouldBe(XlsxWriter.ContentType);
        var rows = XlsxReader.ReadRows(new MemoryStream(await errors.Content.ReadAsByteArrayAsync())).ToList();
        rows[0].Cells[0].ShouldBe("行号");
        rows.Skip(1).Select(r => r.Cells[0]).ShouldBe(["4", "5", "6"]);
        rows[1].Cells.ShouldContain("赵三");
    }

    [Fact]
    public async Task Import_NewPeople_StoredAsSaveChangesWouldWithOneAuditEntryEach()
    {
        var tenant = await TestTenant.CreateAsync(app);
        var branch = await tenant.AddUnitAsync(tenant.Root, OrgUnitKind.Branch);
        var secretary = await tenant.AddUserAsync(branch, Dangjian.Web.Platform.Auth.AppRole.BranchSecretary);
        using var client = await app.ClientForAsync(secretary);
        var preview = await UploadAsync(client, branch.Id, Workbook(
            ["陈一", "男", Id("330102", "19750315", 17), "正式党员", "", "2001-07-01", "13700000001"],
            ["林二", "女", Id("330102", "19981120", 28), "入党积极分子", "", null, null]));
        using (var r = await client.PostAsync($"/api/v1/members/imports/{preview.Id()}/apply", null)) await r.ShouldHaveStatusAsync(HttpStatusCode.OK);

        await using var scope = app.Scope(tenant.TenantId);
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        var protector = scope.ServiceProvider.GetRequiredService<Dangjian.Web.Platform.Privacy.PersonalDataProtector>();
        var members = await db.Members.AsNoTracking().Where(m => m.OrgUnitId == branch.Id).OrderBy(m => m.Name).ToListAsync();
        members.Select(m => m.Name).ShouldBe(["林二", "陈一"]);
        var chen = members[1];
        chen.TenantId.ShouldBe(tenant.TenantId);
        chen.OrgPath.ShouldBe(branch.Path);
        chen.Category.ShouldBe(MemberCategory.Full);
        chen.Gender.ShouldBe(Gender.Male);
        chen.BirthDate.ShouldBe(new DateOnly(1975, 3, 15));
        chen.JoinedOn.ShouldBe(new DateOnly(2001, 7, 1));
        chen.Status.ShouldBe(MembershipStatus.Normal);
        chen.CreatedAt.ShouldBe(app.Clock.GetUtcNow());
        protector.Decrypt(chen.IdNumberEncrypted).ShouldBe(Id("330102", "19750315", 17));
        chen.IdNumberHash.ShouldBe(protector.Hash(Id("330102", "19750315", 17)));
        protector.Decrypt(chen.MobileEncrypted).ShouldBe("13700000001");
        members[0].MobileEncrypted.ShouldBeNull();

        // One "Added" entry per person, holding every property of the record, as SaveChanges writes it.
        var ids = members.Select(m => m.Id.ToString()).ToList();
        var audit = await db.AuditEntries.AsNoTracking().Where(a => a.EntityType == nameof(Member) && ids.Contains(a.EntityId)).ToListAsync();
        audit.Count.ShouldBe(2);
        audit.ShouldAllBe(a => a.Action == "Added" && a.OrgPath == branch.Path && a.UserName == secretary.UserName && a.Before == null);
        var after = JsonNode.Parse(audit.Single(a => a.EntityId == chen.Id.ToString()).After!)!.AsObject();
        after.Select(p => p.Key).ShouldBe(db.Model.FindEntityType(typeof(Member))!.GetProperties().Select(p => p.Name), ignoreOrder: true);
        after["Name"]!.GetValue<string>().ShouldBe("陈一");
        after["Category"]!.GetValue<string>().ShouldBe("Full");
        after["TenantId"]!.GetValue<Guid>().ShouldBe(tenant.TenantId);
        after["BirthDate"]!.GetValue<string>().ShouldBe("1975-03-15");
    }

    [Fact]
    public async Task Import_AllOrNothingWithOneBadRow_NothingWritten()
    {
        var (tenant, branch, client) = await ArrangeAsync();
        var preview = await UploadAsync(client, branch.Id, Workbook(
            ["周六", "男", Id("310101", "19700505", 51), "正式党员", "", "2000-07-01", null],
            ["吴七", "男", Id("310101", "19700606", 62), "正式党员", "", "2100-07-01", null]));

        using var applied = await client.PostAsync($"/api/v1/members/imports/{preview.Id()}/apply?allOrNothing=true", null);
        var problem = (await applied.ShouldHaveStatusAsync(HttpStatusCode.UnprocessableEntity))!;
        problem["code"]!.GetValue<string>().ShouldBe("IMPORT_HAS_ERRORS");
        (await CountAsync(tenant.TenantId, branch.Id)).ShouldBe(0);
    }

    [Fact]
    public async Task Import_SameFileTwice_SecondChangesNothing()
    {
        var (tenant, branch, client) = await ArrangeAsync();
        var file = Workbook(
            ["郑八", "女", Id("440106", "19880808", 82), "正式党员", "", "2010-07-01", "13900000008"],
            ["冯九", "男", Id("440106", "19890909", 91), "发展对象", "", null, null]);
        var first = await UploadAsync(client, branch.Id, file);
        using (var r = await client.PostAsync($"/api/v1/members/imports/{first.Id()}/apply", null)) await r.ShouldHaveStatusAsync(HttpStatusCode.OK);

        var second = await UploadAsync(client, branch.Id, file);
        second["unchanged"]!.GetValue<int>().ShouldBe(2);
        second["toCreate"]!.GetValue<int>().ShouldBe(0);
        using (var r = await client.PostAsync($"/api/v1/members/imports/{second.Id()}/apply", null))
        {
            var result = (await r.ShouldHaveStatusAsync(HttpStatusCode.OK))!;
            result["created"]!.GetValue<int>().ShouldBe(0);
            result["updated"]!.GetValue<int>().ShouldBe(0);
        }
        (await CountAsync(tenant.TenantId, branch.Id)).ShouldBe(2);
    }

    [Fact]
    public async Task Import_WrongHeaders_MissingColumnsNamedAndApplyRefused()
    {
        var (_, branch, client) = await ArrangeAsync();
        using var stream = new MemoryStream();
        XlsxWriter.Write(stream, "x", ["名字", "身份证"], [["王一", "110101198001011234"]]);
        var preview = await UploadAsync(client, branch.Id, stream.ToArray());
        preview["missingColumns"]!.AsArray().Select(c => c!.GetValue<string>()).ShouldBe(["姓名", "公民身份号码", "人员类别"]);
        using var applied = await client.PostAsync($"/api/v1/members/imports/{preview.Id()}/apply", null);
        var problem = (await applied.ShouldHaveStatusAsync(HttpStatusCode.BadRequest))!;
        problem["errors"]!["file"].ShouldNotBeNull();
    }

    [Fact]
    public async Task Import_ValuesNotInCodeTables_RowsRefusedNamingTheColumnAndValidRowApplied()
    {
        var (tenant, branch, client) = await ArrangeAsync();
        using var stream = new MemoryStream();
        XlsxWriter.Write(stream, "名册", ["姓名", "公民身份号码", "人员类别", "加入党组织日期", "民族", "学历"],
        [
            ["代码甲", Id("110101", "19800101", 101), "正式党员", "2010-07-01", "汉族", "大学本科"],
            ["代码乙", Id("110101", "19800101", 103), "正式党员", "2010-07-01", "火星族", "大学本科"],
            ["代码丙", Id("110101", "19800101", 105), "正式党员", "2010-07-01", "汉族", "幼儿园"],
        ]);
        var preview = await UploadAsync(client, branch.Id, stream.ToArray());
        var errors = preview["errors"]!.AsArray();
        errors.Select(e => $"{e!["row"]}:{e["column"]}").ShouldBe(["3:民族", "4:学历"]);
        errors[0]!["reason"]!.GetValue<string>().ShouldContain("代码表");
        preview["validRows"]!.GetValue<int>().ShouldBe(1);

        using var applied = await client.PostAsync($"/api/v1/members/imports/{preview.Id()}/apply", null);
        (await applied.ShouldHaveStatusAsync(HttpStatusCode.OK))!["created"]!.GetValue<int>().ShouldBe(1);
        (await CountAsync(tenant.TenantId, branch.Id)).ShouldBe(1);
    }

    [Fact]
    public async Task Import_RosterExportedInEnglish_ReadsBackUnchanged()
    {
        var (_, branch, client) = await ArrangeAsync();
        var first = await UploadAsync(client, branch.Id, Workbook(
            ["英一", "男", Id("110101", "19800101", 11), "正式党员", "", "2005-07-01", "13800000001"],
            ["英二", "女", Id("110101", "19850202", 22), "入党积极分子", "", null, null]));
        using (var r = await client.PostAsync($"/api/v1/members/imports/{first.Id()}/apply", null)) await r.ShouldHaveStatusAsync(HttpStatusCode.OK);

        // The export speaks the reader's language: headers and fixed words in English, code-table values as stored.
        client.DefaultRequestHeaders.Add("Cookie", ".AspNetCore.Culture=c%3Den-US%7Cuic%3Den-US");
        using var export = await client.GetAsync($"/api/v1/members/export?orgUnitId={branch.Id}&reveal=true");
        export.StatusCode.ShouldBe(HttpStatusCode.OK);
        var bytes = await export.Content.ReadAsByteArrayAsync();
        var rows = XlsxReader.ReadRows(new MemoryStream(bytes)).ToList();
        rows[0].Cells[0].ShouldBe("Name");
        rows.Skip(1).SelectMany(r => r.Cells).ShouldContain("Full member");
        rows.Skip(1).SelectMany(r => r.Cells).ShouldContain("Female");

        var again = await UploadAsync(client, branch.Id, bytes);
        again["errors"]!.AsArray().ShouldBeEmpty();
        again["unchanged"]!.GetValue<int>().ShouldBe(2);
    }

    [Fact]
    public async Task Import_ChineseFileWithEnglishInterface_ReadAndErrorsNamedInEnglish()
    {
        var (_, branch, client) = await ArrangeAsync();
        client.DefaultRequestHeaders.Add("Cookie", ".AspNetCore.Culture=c%3Den-US%7Cuic%3Den-US");
        var preview = await UploadAsync(client, branch.Id, Workbook(
            ["王一", "男", Id("110101", "19800101", 11), "正式党员", "", "2005-07-01", "13800000001"],
            ["孙五", "女", Id("110101", "19950404", 44), "入党积极分子", "", null, "138"]));
        preview["validRows"]!.GetValue<int>().ShouldBe(1);
        preview["errors"]!.AsArray().Select(e => $"{e!["row"]}:{e["column"]}").ShouldBe(["3:Mobile number"]);
    }

    [Fact]
    public async Task Import_NotAnXlsx_BadRequestNamingFile()
    {
        var (_, branch, client) = await ArrangeAsync();
        var problem = await UploadAsync(client, branch.Id, "姓名,公民身份号码\n王一,1"u8.ToArray(), HttpStatusCode.BadRequest);
        problem["errors"]!["file"].ShouldNotBeNull();
    }

    [Fact]
    public async Task Import_SiblingBranchUser_RefusedAndNothingStored()
    {
        var (tenant, branch, _) = await ArrangeAsync();
        var sibling = await tenant.AddUnitAsync(tenant.Root, OrgUnitKind.Branch);
        var other = await tenant.AddUserAsync(sibling, Dangjian.Web.Platform.Auth.AppRole.BranchSecretary);
        using var client = await app.ClientForAsync(other);
        using var content = new ByteArrayContent(Workbook(["王一", "男", Id("110101", "19800101", 11), "正式党员", "", "2005-07-01", null]));
        content.Headers.ContentType = new MediaTypeHeaderValue(XlsxWriter.ContentType);
        using var response = await client.PostAsync($"/api/v1/members/imports?orgUnitId={branch.Id}", content);
        ((int)response.StatusCode).ShouldBeOneOf(403, 404);
        (await CountAsync(tenant.TenantId, branch.Id)).ShouldBe(0);
    }
}
