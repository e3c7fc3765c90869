using System.Net;
using System.Net.Http.Json;
using Dangjian.Web.Modules.Organizations;
using Dangjian.Web.Platform.Auth;

namespace Dangjian.Tests.Platform.Pdf;

/// <summary>The app with a font setting naming a file that is not there.</summary>
public sealed class NoFontAppFixture : AppFixture
{
    protected override IEnumerable<KeyValuePair<string, string>> ExtraSettings => [new("Pdf:FontFile", "/nowhere/no-such-font.ttf")];
}

/// <summary>Without a usable Chinese font no broken file goes out: 503 with a message saying what to install.</summary>
public sealed class PdfWithoutFontTests(NoFontAppFixture app) : IClassFixture<NoFontAppFixture>
{
    [Fact]
    public async Task LetterPdf_NoFont_ServiceUnavailableSayingWhatToInstall()
    {
        var tenant = await TestTenant.CreateAsync(app);
        var branch = await tenant.AddUnitAsync(tenant.Root, OrgUnitKind.Branch);
        var member = (await tenant.AddMembersAsync(branch, 1))[0];
        using var secretary = await app.ClientForAsync(await tenant.AddUserAsync(branch, AppRole.BranchSecretary));
        using var issued = await secretary.PostAsJsonAsync($"/api/v1/members/{member.Id}/transfers", new { kind = "Outgoing", destination = "中共某县委组织部" });
        var id = (await issued.ShouldHaveStatusAsync(HttpStatusCode.Created))!.Id();

        using var pdf = await secretary.GetAsync($"/api/v1/transfers/{id}/letter.pdf");
        var problem = (await pdf.ShouldHaveStatusAsync(HttpStatusCode.ServiceUnavailable))!;
        problem.Str("code").ShouldBe("PDF_FONT_MISSING");
        problem.Str("detail").ShouldContain("fonts-wqy-microhei");
        problem.Str("detail").ShouldContain("Pdf:FontFile");

        // The letter page itself still works and can be printed from the browser.
        (await secretary.GetStringAsync($"/transfers/{id}/letter")).ShouldContain("中共某县委组织部");
    }
}
