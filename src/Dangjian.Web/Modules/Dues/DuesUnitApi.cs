using Dangjian.Web.Modules.Dues.Publication;
using Dangjian.Web.Modules.Dues.Usage;
using Dangjian.Web.Platform.Errors;
using Dangjian.Web.Platform.Export;
using Dangjian.Web.Platform.Paging;

namespace Dangjian.Web.Modules.Dues;

/// <summary>/api/v1/org-units/{id}/dues: a unit's dues usage (党费使用) and its yearly publication (公示).</summary>
internal static class DuesUnitApi
{
    public static void Map(IEndpointRouteBuilder app)
    {
        var g = app.MapGroup("/api/v1/org-units/{id:guid}/dues").WithTags("Dues").RequireAuthorization();

        g.MapGet("/usages", async Task<IResult> (Guid id, string? year, int? page, int? pageSize, ListDuesUsages h, CancellationToken ct) =>
                Reply(await h.HandleAsync(id, year, PageRequest.Of(page, pageSize), ct)))
            .Produces<DuesUsageListDto>()
            .WithDescription("The year's usage entries (default: this year), newest first, with the year's total, the total per purpose and the " +
                             "balance: collected − the Centre's 5% (第十五条) − used. Covers the subtree when the caller's role reaches it. Needs ViewMembers.");

        g.MapPost("/usages", async Task<IResult> (Guid id, RecordDuesUsageRequest body, RecordDuesUsage h, CancellationToken ct) =>
            {
                var r = await h.HandleAsync(id, body, ct);
                return r.IsSuccess
                    ? TypedResults.Created($"/api/v1/org-units/{id}/dues/usages?year={r.Value!.Usage.SpentOn.Year}", r.Value)
                    : r.Error!.ToProblem();
            })
            .Produces<DuesUsageRecordedDto>(StatusCodes.Status201Created)
            .WithDescription("Records a usage entry (a \"dues.used\" ledger entry). purpose: Training | Publications | Commendation | Hardship | Other. " +
                             "422 DUES_USAGE_OVER_BALANCE when it would take the year's balance of the unit's subtree below −Rules:Dues:UsageOverdraftFen. " +
                             "Needs ManageMembers.");

        g.MapPost("/usages/{usageId:guid}/reversal", async Task<IResult> (Guid id, Guid usageId, ReverseDuesUsageRequest body, RecordDuesUsage h,
                CancellationToken ct) =>
            {
                var r = await h.ReverseAsync(id, usageId, body, ct);
                return r.IsSuccess
                    ? TypedResults.Created($"/api/v1/org-units/{id}/dues/usages?year={r.Value!.Usage.SpentOn.Year}", r.Value)
                    : r.Error!.ToProblem();
            })
            .Produces<DuesUsageRecordedDto>(StatusCodes.Status201Created)
            .WithDescription("Cancels an entry of this unit with a negative entry and the reason (entries are never edited or deleted); 409 when it " +
                             "was reversed already or is itself a reversal. Needs ManageMembers.");

        g.MapGet("/publication", async Task<IResult> (Guid id, string? year, DuesPublication h, CancellationToken ct) =>
                Reply(await h.HandleAsync(id, year, ct)))
            .Produces<DuesPublicationDto>()
            .WithDescription("党费收缴使用情况公示 for a year: each person's monthly amount, months and money paid in the unit (names only, never ID " +
                             "numbers), collected, handed up, used per purpose, balance. Needs ViewMembers.");

        g.MapGet("/publication/export", async Task<IResult> (Guid id, string? year, DuesPublication h, CancellationToken ct) =>
            {
                var r = await h.ExportAsync(id, year, ct);
                return r.IsSuccess ? TypedResults.File(r.Value.Content, XlsxWriter.ContentType, r.Value.FileName) : r.Error!.ToProblem();
            })
            .Produces(StatusCodes.Status200OK, contentType: XlsxWriter.ContentType);
    }

    private static IResult Reply<T>(Result<T> r) => r.IsSuccess ? TypedResults.Ok(r.Value) : r.Error!.ToProblem();
}
