using Dangjian.Web.Modules.Meetings;
using Dangjian.Web.Modules.Members;
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

    [Fact]
    public async Task MeetingBookPdf_NoFont_ServiceUnavailableAndNothingLogged_WorkbookStillWorks()
    {
        var tenant = await TestTenant.CreateAsync(app);
        var branch = await tenant.AddUnitAsync(tenant.Root, OrgUnitKind.Branch);
        var member = (await tenant.AddMembersAsync(branch, 1))[0];
        await app.InTenantAsync(tenant.TenantId, async db =>
        {
            db.Meetings.Add(new Dangjian.Web.Modules.Meetings.Meeting
            {
                Id = Guid.NewGuid(), OrgUnitId = branch.Id, OrgPath = branch.Path, Type = Dangjian.Web.Modules.Meetings.MeetingType.ThemeDay, Topic = "主题党日",
                StartsAt = app.Clock.GetUtcNow().AddDays(-3), EndsAt = app.Clock.GetUtcNow().AddDays(-3).AddHours(2),
                SignInSecret = Dangjian.Web.Modules.Meetings.SignInCode.NewSecret(), CreatedAt = app.Clock.GetUtcNow(),
            });
            await db.SaveChangesAsync();
        });
        using var secretary = await app.ClientForAsync(await tenant.AddUserAsync(branch, AppRole.BranchSecretary));

        using var pdf = await secretary.GetAsync($"/api/v1/org-units/{branch.Id}/meeting-book.pdf?year=2026");
        (await pdf.ShouldHaveStatusAsync(HttpStatusCode.ServiceUnavailable))!.Str("code").ShouldBe("PDF_FONT_MISSING");
        (await app.InTenantAsync(tenant.TenantId, db => db.MemberAccessLogs.CountAsync(l => l.MemberId == member.Id))).ShouldBe(0);

        (await secretary.GetAsync($"/api/v1/org-units/{branch.Id}/meeting-book.xlsx?year=2026")).StatusCode.ShouldBe(HttpStatusCode.OK);
        (await app.InTenantAsync(tenant.TenantId, db => db.MemberAccessLogs.CountAsync(l => l.MemberId == member.Id))).ShouldBe(1);
    }
}
