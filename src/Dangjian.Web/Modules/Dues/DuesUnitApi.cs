using System.Resources;
using Dangjian.Web.Modules.Dues.Publication;
using Dangjian.Web.Modules.Dues.Usage;
using Dangjian.Web.Platform.Api;
using Dangjian.Web.Platform.Export;
using Dangjian.Web.Platform.Paging;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Dangjian.Web.Modules.Dues;

/// <summary>/api/v1/org-units/{id}/dues: a unit's dues usage (党费使用) and its yearly publication (公示). A route table of named handlers.</summary>
internal static class DuesUnitApi
{
    private static readonly ResourceManager Texts = new(typeof(DuesUnitApi));

    public static void Map(IEndpointRouteBuilder app)
    {
        var g = app.MapGroup("/api/v1/org-units/{id:guid}/dues").WithTags("Dues").RequireAuthorization();
        g.MapGet("/usages", Usages).Describe(Texts, "ListDuesUsages")
            .WithDescription("The year's usage entries (default: this year), newest first, with the year's total, the total per purpose and the " +
                             "balance: collected − the Centre's 5% (art. 15) − used. Covers the subtree when the caller's role reaches it. Needs ViewMembers.");
        g.MapPost("/usages", RecordUsage).Describe(Texts, "RecordDuesUsage")
            .WithDescription("Records a usage entry (a \"dues.used\" ledger entry). purpose: Training | Publications | Commendation | Hardship | Other. " +
                             "422 DUES_USAGE_OVER_BALANCE when it would take the year's balance of the unit's subtree below −Rules:Dues:UsageOverdraftFen. " +
                             "Needs ManageMembers.");
        g.MapPost("/usages/{usageId:guid}/reversal", ReverseUsage).Describe(Texts, "ReverseDuesUsage")
            .WithDescription("Cancels an entry of this unit with a negative entry and the reason (entries are never edited or deleted); 409 when it " +
                             "was reversed already or is itself a reversal. Needs ManageMembers.");
        g.MapGet("/publication", Publication).Describe(Texts, "GetDuesPublication")
            .WithDescription("The public notice of dues collected and used for a year: each person's monthly amount, months and money paid in the unit (names only, never ID " +
                             "numbers), collected, handed up, used per purpose, balance. Needs ViewMembers.");
        g.MapGet("/publication/export", ExportPublication).Describe(Texts, "ExportDuesPublication")
            .Produces<byte[]>(StatusCodes.Status200OK, XlsxWriter.ContentType);
    }

    private static async Task<Results<Ok<DuesUsageListDto>, ApiProblem>> Usages(Guid id, string? year, int? page, int? pageSize, ListDuesUsages h,
        CancellationToken ct) =>
        ApiReply.Ok(await h.HandleAsync(id, year, PageRequest.Of(page, pageSize), ct));

    private static async Task<Results<Created<DuesUsageRecordedDto>, ApiProblem>> RecordUsage(Guid id, RecordDuesUsageRequest body, RecordDuesUsage h,
        CancellationToken ct) =>
        ApiReply.Created(await h.HandleAsync(id, body, ct), r => $"/api/v1/org-units/{id}/dues/usages?year={r.Usage.SpentOn.Year}");

    private static async Task<Results<Created<DuesUsageRecordedDto>, ApiProblem>> ReverseUsage(Guid id, Guid usageId, ReverseDuesUsageRequest body,
        RecordDuesUsage h, CancellationToken ct) =>
        ApiReply.Created(await h.ReverseAsync(id, usageId, body, ct), r => $"/api/v1/org-units/{id}/dues/usages?year={r.Usage.SpentOn.Year}");

    private static async Task<Results<Ok<DuesPublicationDto>, ApiProblem>> Publication(Guid id, string? year, DuesPublication h, CancellationToken ct) =>
        ApiReply.Ok(await h.HandleAsync(id, year, ct));

    private static async Task<Results<FileContentHttpResult, ApiProblem>> ExportPublication(Guid id, string? year, DuesPublication h,
        CancellationToken ct) =>
        ApiReply.File(await h.ExportAsync(id, year, ct), f => f.Content, XlsxWriter.ContentType, f => f.FileName);
}
