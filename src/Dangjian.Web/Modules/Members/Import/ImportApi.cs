using Dangjian.Web.Platform.Export;
using Dangjian.Web.Platform.Import;

namespace Dangjian.Web.Modules.Members.Import;

/// <summary>/api/v1/members/imports (the shared import routes) and the blank roster template.</summary>
internal static class ImportApi
{
    public static void Map(IEndpointRouteBuilder app)
    {
        app.MapGet("/api/v1/members/import-template", () => TypedResults.File(ImportMembers.Template(), XlsxWriter.ContentType, "党员名册导入模板.xlsx"))
            .WithTags("Members").RequireAuthorization()
            .Produces(StatusCodes.Status200OK, contentType: XlsxWriter.ContentType);
        ImportEndpoints.Map<ImportMembers, ImportSummary>(app, "/api/v1/members/imports", "Members", "/members/import", s => s.Id);
    }
}
