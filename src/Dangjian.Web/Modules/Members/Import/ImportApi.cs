using System.Resources;
using Dangjian.Web.Platform.Api;
using Dangjian.Web.Platform.Export;
using Dangjian.Web.Platform.Import;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.Extensions.Localization;

namespace Dangjian.Web.Modules.Members.Import;

/// <summary>/api/v1/members/imports (the shared import routes) and the blank roster template. A route table of named handlers.</summary>
internal static class ImportApi
{
    private static readonly ResourceManager Texts = new(typeof(ImportApi));

    public static void Map(IEndpointRouteBuilder app)
    {
        app.MapGet("/api/v1/members/import-template", Template).Describe(Texts, "GetMemberImportTemplate")
            .WithTags("Members").RequireAuthorization()
            .Produces<byte[]>(StatusCodes.Status200OK, XlsxWriter.ContentType)
            .ProducesProblem(StatusCodes.Status401Unauthorized); // the template cannot fail; only a caller not signed in is refused
        ImportEndpoints.Map<ImportMembers, ImportSummary>(app, "/api/v1/members/imports", "Members", "/members/import", s => s.Id, Texts, "MemberImport");
    }

    private static FileContentHttpResult Template(IStringLocalizer<MembersText> T) =>
        TypedResults.File(ImportMembers.Template(T), XlsxWriter.ContentType, Texts.GetString("File.Template"));
}
