using System.Resources;
using Dangjian.Web.Platform.Api;
using Dangjian.Web.Platform.Export;
using Dangjian.Web.Platform.Pdf;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Dangjian.Web.Modules.Dashboard;

/// <summary>党建红云: /api/v1/org-units/{id}/dashboard, as JSON, a workbook or A4. A route table of named handlers.</summary>
internal static class DashboardApi
{
    private static readonly ResourceManager Texts = new(typeof(DashboardApi));

    public static void Map(IEndpointRouteBuilder app)
    {
        var g = app.MapGroup("/api/v1/org-units").WithTags("Dashboard").RequireAuthorization();
        g.MapGet("/{id:guid}/dashboard", Get).Describe(Texts, "GetDashboard")
            .WithDescription("The figures of the unit's subtree from the roll-ups (asOf: when they were built), with the previous period beside them.");
        g.MapGet("/{id:guid}/dashboard.xlsx", Workbook).Describe(Texts, "ExportDashboardWorkbook")
            .Produces<byte[]>(StatusCodes.Status200OK, XlsxWriter.ContentType)
            .WithDescription("Every table of the dashboard as a workbook: figures with the previous period, months, units below, weak links.");
        g.MapGet("/{id:guid}/dashboard.pdf", Print).Describe(Texts, "PrintDashboard")
            .Produces<byte[]>(StatusCodes.Status200OK, PdfFile.ContentType)
            .ProducesProblem(StatusCodes.Status503ServiceUnavailable)
            .WithDescription("The dashboard's tables on A4 (503 when no Chinese font is installed, ADR 0005).");
    }

    private static async Task<Results<Ok<DashboardDto>, ApiProblem>> Get(Guid id, DateOnly? from, DateOnly? to, Dashboard h, CancellationToken ct) =>
        ApiReply.Ok(await h.HandleAsync(id, from, to, ct));

    private static async Task<Results<FileContentHttpResult, ApiProblem>> Workbook(Guid id, DateOnly? from, DateOnly? to, DashboardExport h,
        CancellationToken ct) =>
        ApiReply.File(await h.WorkbookAsync(id, from, to, ct), f => f.Content, XlsxWriter.ContentType, f => f.FileName);

    private static async Task<Results<PdfFile, ApiProblem>> Print(Guid id, DateOnly? from, DateOnly? to, DashboardExport h, CancellationToken ct) =>
        ApiReply.Written(await h.PdfAsync(id, from, to, ct));
}
