using Dangjian.Web.Platform.Errors;

namespace Dangjian.Web.Platform.CodeTables;

/// <summary>/api/v1/code-tables: read by every signed-in user, edited by the tenant's administrators.</summary>
internal static class CodeTablesApi
{
    public static void Map(IEndpointRouteBuilder app)
    {
        var g = app.MapGroup("/api/v1/code-tables").WithTags("CodeTables").RequireAuthorization();
        g.MapGet("/", async (CodeTableService h, CancellationToken ct) => TypedResults.Ok(await h.ListTablesAsync(ct)));
        g.MapGet("/{table}", async Task<IResult> (string table, bool? includeInactive, CodeTableService h, CancellationToken ct) =>
        {
            var r = await h.GetAsync(table, includeInactive == true, ct);
            return r.IsSuccess ? TypedResults.Ok(r.Value) : r.Error!.ToProblem();
        });
        g.MapPut("/{table}", async Task<IResult> (string table, SaveCodeTableRequest body, CodeTableService h, CancellationToken ct) =>
        {
            var r = await h.SaveAsync(table, body, ct);
            return r.IsSuccess ? TypedResults.Ok(r.Value) : r.Error!.ToProblem();
        });
    }
}
