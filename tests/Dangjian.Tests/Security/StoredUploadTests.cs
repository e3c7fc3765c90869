using System.Net;
using System.Net.Http.Headers;
using System.Text;
using Dangjian.Web.Modules.Organizations;
using Dangjian.Web.Platform.Auth;
using Dangjian.Web.Platform.Export;
using Dangjian.Web.Platform.Jobs;
using Microsoft.EntityFrameworkCore;

namespace Dangjian.Tests.Security;

/// <summary>
/// Issue 21, item 2: an uploaded roster is never stored in the clear; it goes once applied (its rejected rows stay,
/// encrypted, for the error report), at once when cancelled, and after Import:KeepMinutes anyway; downloading the
/// rejected rows (full ID numbers) is audited.
/// </summary>
public sealed class StoredUploadTests(AppFixture app) : IClassFixture<AppFixture>
{
    private static readonly string[] Headers = ["姓名", "性别", "公民身份号码", "人员类别", "所在党支部", "加入党组织日期", "手机号码"];

    // Stored uncompressed, the cells would be readable in the database file: the probe's case.
    private static byte[] Workbook(params object?[][] rows)
    {
        using var stream = new MemoryStream();
        XlsxWriter.Write(stream, "名册", Headers, rows.Select(r => (IReadOnlyList<object?>)r));
        return stream.ToArray();
    }

    private async Task<(TestTenant Tenant, OrgUnit Branch, HttpClient Client)> ArrangeAsync()
    {
        var tenant = await TestTenant.CreateAsync(app);
        var branch = await tenant.AddUnitAsync(tenant.Root, OrgUnitKind.Branch);
        var secretary = await tenant.AddUserAsync(branch, AppRole.BranchSecretary);
        return (tenant, branch, await app.ClientForAsync(secretary));
    }

    private static async Task<Guid> UploadAsync(HttpClient client, Guid unitId, byte[] file)
    {
        using var content = new ByteArrayContent(file);
        content.Headers.ContentType = new MediaTypeHeaderValue(XlsxWriter.ContentType);
        using var r = await client.PostAsync($"/api/v1/members/imports?orgUnitId={unitId}&fileName=roster.xlsx", content);
        return (await r.ShouldHaveStatusAsync(HttpStatusCode.Created))!.Id();
    }

    private Task<byte[]?> StoredAsync(Guid tenantId, Guid id) =>
        app.InTenantAsync(tenantId, db => db.ImportUploads.Where(u => u.Id == id).Select(u => u.Content).SingleOrDefaultAsync());

    private static bool Holds(byte[] stored, string text) =>
        stored.AsSpan().IndexOf(Encoding.UTF8.GetBytes(text)) >= 0;

    [Fact]
    public async Task Upload_StoredEncrypted_ThenOnApplyOnlyTheRejectedRowsRemain_Encrypted()
    {
        var (tenant, branch, client) = await ArrangeAsync();
        var good = TestIdNumbers.Of("110101", "19800101", 11);
        var bad = "110101198001011234";
        var file = Workbook(["王一", "男", good, "正式党员", "", "2005-07-01", "13800000001"], ["赵三", "男", bad, "正式党员", "", "2005-07-01", null]);
        var id = await UploadAsync(client, branch.Id, file);

        var stored = (await StoredAsync(tenant.TenantId, id))!;
        stored.Length.ShouldBeGreaterThan(0);
        stored.AsSpan(0, 2).SequenceEqual("PK"u8).ShouldBeFalse("not the workbook itself");
        XlsxReaderFails(stored).ShouldBeTrue();

        (await client.PostAsync($"/api/v1/members/imports/{id}/apply", null)).StatusCode.ShouldBe(HttpStatusCode.OK);
        var afterApply = (await StoredAsync(tenant.TenantId, id))!;
        afterApply.ShouldNotBe(stored);
        XlsxReaderFails(afterApply).ShouldBeTrue();

        using var errors = await client.GetAsync($"/api/v1/members/imports/{id}/errors");
        errors.StatusCode.ShouldBe(HttpStatusCode.OK);
        var rows = XlsxReader.ReadRows(new MemoryStream(await errors.Content.ReadAsByteArrayAsync())).ToList();
        rows.Skip(1).Select(r => r.Cells[0]).ShouldBe(["3"], "the rejected row, still with its row number");
        rows[1].Cells.ShouldContain(bad, "full, to be corrected and uploaded again");
        rows.SelectMany(r => r.Cells).ShouldNotContain(good, "the applied row is gone from the stored upload");

        (await app.InTenantAsync(tenant.TenantId, db => db.AuditEntries
            .CountAsync(a => a.Action == "Export" && a.EntityType == "ImportErrors" && a.EntityId == id.ToString()))).ShouldBe(1);
    }

    private static bool XlsxReaderFails(byte[] stored)
    {
        try
        {
            _ = XlsxReader.ReadRows(new MemoryStream(stored)).ToList();
            return false;
        }
        catch (Exception)
        {
            return true;
        }
    }

    [Fact]
    public async Task Cancel_DeletesTheUploadAtOnce()
    {
        var (tenant, branch, client) = await ArrangeAsync();
        var id = await UploadAsync(client, branch.Id, Workbook(["王一", "男", TestIdNumbers.Of("110101", "19800101", 11), "正式党员", "", "2005-07-01", null]));
        (await client.DeleteAsync($"/api/v1/members/imports/{id}")).StatusCode.ShouldBe(HttpStatusCode.NoContent);
        (await StoredAsync(tenant.TenantId, id)).ShouldBeNull();
        (await client.PostAsync($"/api/v1/members/imports/{id}/apply", null)).StatusCode.ShouldBe(HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task PurgeJob_DeletesUploadsOlderThanTheSetting_KeepsRecentOnes()
    {
        var tenant = await TestTenant.CreateAsync(app);
        var branch = await tenant.AddUnitAsync(tenant.Root, OrgUnitKind.Branch);
        var secretary = await tenant.AddUserAsync(branch, AppRole.BranchSecretary);
        using var client = await app.ClientForAsync(secretary);
        var old = await UploadAsync(client, branch.Id, Workbook(["王一", "男", TestIdNumbers.Of("110101", "19800101", 11), "正式党员", "", "2005-07-01", null]));
        app.Clock.Advance(TimeSpan.FromMinutes(100));
        using var later = await app.ClientForAsync(secretary);  // a bearer token lasts an hour
        var recent = await UploadAsync(later, branch.Id, Workbook(["李二", "女", TestIdNumbers.Of("110101", "19850202", 22), "正式党员", "", "2005-07-01", null]));
        app.Clock.Advance(TimeSpan.FromMinutes(21));

        var job = app.Services.GetServices<IJob>().Single(j => j.Name == "import-upload-purge");
        await using (var scope = app.Services.CreateAsyncScope())
        {
            await job.RunAsync(scope.ServiceProvider, default);
        }

        (await StoredAsync(tenant.TenantId, old)).ShouldBeNull("121 minutes old");
        (await StoredAsync(tenant.TenantId, recent)).ShouldNotBeNull("21 minutes old");
    }
}
