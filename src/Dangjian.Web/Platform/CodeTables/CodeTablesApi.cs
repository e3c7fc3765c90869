using System.Resources;
using Dangjian.Web.Platform.Api;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Dangjian.Web.Platform.CodeTables;

/// <summary>/api/v1/code-tables: read by every signed-in user, edited by the tenant's administrators. A route table of named handlers.</summary>
internal static class CodeTablesApi
{
    private static readonly ResourceManager Texts = new(typeof(CodeTablesApi));

    public static void Map(IEndpointRouteBuilder app)
    {
        var g = app.MapGroup("/api/v1/code-tables").WithTags("CodeTables").RequireAuthorization();
        g.MapGet("/", List).Describe(Texts, "ListCodeTables");
        g.MapGet("/{table}", Get).Describe(Texts, "GetCodeTable");
        g.MapPut("/{table}", Save).Describe(Texts, "SaveCodeTable");
    }

    private static async Task<Results<Ok<IReadOnlyList<CodeTableSummary>>, ApiProblem>> List(CodeTableService h, CancellationToken ct) =>
        TypedResults.Ok(await h.ListTablesAsync(ct));

    private static async Task<Results<Ok<IReadOnlyList<CodeItemDto>>, ApiProblem>> Get(string table, bool? includeInactive, CodeTableService h,
        CancellationToken ct) =>
        ApiReply.Ok(await h.GetAsync(table, includeInactive == true, ct));

    private static async Task<Results<Ok<IReadOnlyList<CodeItemDto>>, ApiProblem>> Save(string table, SaveCodeTableRequest body, CodeTableService h,
        CancellationToken ct) =>
        ApiReply.Ok(await h.SaveAsync(table, body, ct));
}
