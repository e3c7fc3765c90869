using System.Resources;
using Dangjian.Web.Modules.Assessment.Evaluation.Kpis;
using Dangjian.Web.Platform.Api;
using Dangjian.Web.Platform.Import;
using Microsoft.Extensions.Localization;
using Dangjian.Web.Platform.Export;
using Dangjian.Web.Platform.Paging;
using Dangjian.Web.Platform.Pdf;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Dangjian.Web.Modules.Assessment.Evaluation;

/// <summary>党建考评: /api/v1/org-units/{id}/evaluation/… and /api/v1/evaluation/…. A route table of named handlers.</summary>
internal static class EvaluationApi
{
    private static readonly ResourceManager Texts = new(typeof(EvaluationApi));

    public static void Map(IEndpointRouteBuilder app)
    {
        var units = app.MapGroup("/api/v1/org-units/{id:guid}/evaluation").WithTags("Assessment").RequireAuthorization();
        units.MapGet("/schemes", ListSchemes).Describe(Texts, "ListEvaluationSchemes");
        units.MapPost("/schemes", CreateScheme).Describe(Texts, "CreateEvaluationScheme");

        var g = app.MapGroup("/api/v1/evaluation").WithTags("Assessment").RequireAuthorization();
        g.MapGet("/schemes/{schemeId:guid}", GetScheme).Describe(Texts, "GetEvaluationScheme");
        g.MapPut("/schemes/{schemeId:guid}", UpdateScheme).Describe(Texts, "UpdateEvaluationScheme");
        g.MapPost("/schemes/{schemeId:guid}/indicators", AddIndicator).Describe(Texts, "AddEvaluationIndicator");
        g.MapPut("/indicators/{indicatorId:guid}", UpdateIndicator).Describe(Texts, "UpdateEvaluationIndicator");
        g.MapDelete("/indicators/{indicatorId:guid}", DeleteIndicator).Describe(Texts, "DeleteEvaluationIndicator");
        g.MapPost("/schemes/{schemeId:guid}/open", Open).Describe(Texts, "OpenEvaluationScheme");
        g.MapPost("/schemes/{schemeId:guid}/close", Close).Describe(Texts, "CloseEvaluationScheme");
        g.MapPost("/schemes/{schemeId:guid}/compute", Compute).Describe(Texts, "ComputeEvaluation");
        g.MapPost("/schemes/{schemeId:guid}/publish", Publish).Describe(Texts, "PublishEvaluation");
        g.MapGet("/schemes/{schemeId:guid}/scoring", Sheet).Describe(Texts, "GetEvaluationScoringSheet");
        g.MapPost("/schemes/{schemeId:guid}/marks", Score).Describe(Texts, "ScoreEvaluationBranch");
        g.MapGet("/schemes/{schemeId:guid}/results", Ranking).Describe(Texts, "ListEvaluationResults");
        g.MapGet("/schemes/{schemeId:guid}/results.xlsx", Workbook).Describe(Texts, "ExportEvaluationResults")
            .Produces<byte[]>(StatusCodes.Status200OK, XlsxWriter.ContentType);
        g.MapGet("/schemes/{schemeId:guid}/results.pdf", Print).Describe(Texts, "PrintEvaluationResults")
            .Produces<byte[]>(StatusCodes.Status200OK, PdfFile.ContentType)
            .ProducesProblem(StatusCodes.Status503ServiceUnavailable);
        g.MapGet("/results/{resultId:guid}", GetResult).Describe(Texts, "GetEvaluationResult");
        g.MapGet("/schemes/{schemeId:guid}/kpis", SideBySide).Describe(Texts, "GetEvaluationBesideKpis");
        g.MapGet("/schemes/{schemeId:guid}/kpis.xlsx", SideBySideWorkbook).Describe(Texts, "ExportEvaluationBesideKpis")
            .Produces<byte[]>(StatusCodes.Status200OK, XlsxWriter.ContentType);
        g.MapGet("/kpi-import-template", KpiTemplate).Describe(Texts, "GetBusinessKpiTemplate")
            .Produces<byte[]>(StatusCodes.Status200OK, XlsxWriter.ContentType);
        ImportEndpoints.Map<ImportBusinessKpis, KpiImportSummary>(app, "/api/v1/evaluation/kpi-imports", "Assessment", "/assessment/evaluation/kpis/import",
            s => s.Import.Id, Texts, "BusinessKpiImport");
    }

    private static async Task<Results<Ok<IReadOnlyList<EvaluationSchemeSummaryDto>>, ApiProblem>> ListSchemes(Guid id, EvaluationSchemes h, CancellationToken ct) =>
        ApiReply.Ok(await h.ListAsync(id, ct));

    private static async Task<Results<Created<EvaluationSchemeDto>, ApiProblem>> CreateScheme(Guid id, CreateEvaluationSchemeRequest body, EvaluationSchemes h, CancellationToken ct) =>
        ApiReply.Created(await h.CreateAsync(id, body, ct), s => $"/api/v1/evaluation/schemes/{s.Id}");

    private static async Task<Results<Ok<EvaluationSchemeDto>, ApiProblem>> GetScheme(Guid schemeId, EvaluationSchemes h, CancellationToken ct) =>
        ApiReply.Ok(await h.GetAsync(schemeId, ct));

    private static async Task<Results<Ok<EvaluationSchemeDto>, ApiProblem>> UpdateScheme(Guid schemeId, UpdateEvaluationSchemeRequest body, EvaluationSchemes h, CancellationToken ct) =>
        ApiReply.Ok(await h.UpdateAsync(schemeId, body, ct));

    private static async Task<Results<Ok<EvaluationSchemeDto>, ApiProblem>> AddIndicator(Guid schemeId, SaveEvaluationIndicatorRequest body, EvaluationIndicators h, CancellationToken ct) =>
        ApiReply.Ok(await h.AddAsync(schemeId, body, ct));

    private static async Task<Results<Ok<EvaluationSchemeDto>, ApiProblem>> UpdateIndicator(Guid indicatorId, SaveEvaluationIndicatorRequest body, EvaluationIndicators h,
        CancellationToken ct) =>
        ApiReply.Ok(await h.UpdateAsync(indicatorId, body, ct));

    private static async Task<Results<Ok<EvaluationSchemeDto>, ApiProblem>> DeleteIndicator(Guid indicatorId, EvaluationIndicators h, CancellationToken ct) =>
        ApiReply.Ok(await h.DeleteAsync(indicatorId, ct));

    private static async Task<Results<Ok<EvaluationSchemeDto>, ApiProblem>> Open(Guid schemeId, EvaluationSchemes h, CancellationToken ct) =>
        ApiReply.Ok(await h.OpenAsync(schemeId, ct));

    private static async Task<Results<Ok<EvaluationSchemeDto>, ApiProblem>> Close(Guid schemeId, EvaluationSchemes h, CancellationToken ct) =>
        ApiReply.Ok(await h.CloseAsync(schemeId, ct));

    private static async Task<Results<Ok<EvaluationComputeSummaryDto>, ApiProblem>> Compute(Guid schemeId, ComputeEvaluation h, CancellationToken ct) =>
        ApiReply.Ok(await h.HandleAsync(schemeId, ct));

    private static async Task<Results<Ok<EvaluationSchemeSummaryDto>, ApiProblem>> Publish(Guid schemeId, EvaluationResults h, CancellationToken ct) =>
        ApiReply.Ok(await h.PublishAsync(schemeId, ct));

    private static async Task<Results<Ok<EvaluationScoringSheetDto>, ApiProblem>> Sheet(Guid schemeId, string? kind, EvaluationScoring h, CancellationToken ct) =>
        ApiReply.Ok(await h.SheetAsync(schemeId, kind, ct));

    private static async Task<Results<Ok<EvaluationScoreSheetSavedDto>, ApiProblem>> Score(Guid schemeId, EvaluationScoreSheetRequest body, EvaluationScoring h, CancellationToken ct) =>
        ApiReply.Ok(await h.SaveAsync(schemeId, body, ct));

    private static async Task<Results<Ok<Page<EvaluationResultRowDto>>, ApiProblem>> Ranking(Guid schemeId, int? page, int? pageSize, EvaluationResults h, CancellationToken ct) =>
        ApiReply.Ok(await h.RankingAsync(schemeId, PageRequest.Of(page, pageSize), ct));

    private static async Task<Results<FileContentHttpResult, ApiProblem>> Workbook(Guid schemeId, EvaluationResults h, CancellationToken ct) =>
        ApiReply.File(await h.WorkbookAsync(schemeId, ct), f => f.Content, XlsxWriter.ContentType, f => f.FileName);

    private static async Task<Results<PdfFile, ApiProblem>> Print(Guid schemeId, EvaluationResults h, CancellationToken ct) =>
        ApiReply.Written(await h.PdfAsync(schemeId, ct));

    private static async Task<Results<Ok<EvaluationSideBySideDto>, ApiProblem>> SideBySide(Guid schemeId, PartyBesideBusiness h, CancellationToken ct) =>
        ApiReply.Ok(await h.HandleAsync(schemeId, ct));

    private static async Task<Results<FileContentHttpResult, ApiProblem>> SideBySideWorkbook(Guid schemeId, PartyBesideBusiness h, CancellationToken ct) =>
        ApiReply.File(await h.WorkbookAsync(schemeId, ct), f => f.Content, XlsxWriter.ContentType, f => f.FileName);

    /// <summary>The blank sheet, for those who may import KPIs of the unit.</summary>
    private static async Task<Results<FileContentHttpResult, ApiProblem>> KpiTemplate(Guid? orgUnitId, Organizations.OrgAccess access,
        IStringLocalizer<SharedResource> L, IStringLocalizer<EvaluationText> T, CancellationToken ct)
    {
        if (orgUnitId is not { } id) return new ApiProblem(Platform.Errors.Error.Validation("orgUnitId", L["Validation.Required", "orgUnitId"]));
        var unit = await access.LoadAsync(id, Platform.Auth.Permission.ManageAssessment, ct);
        if (!unit.IsSuccess) return new ApiProblem(unit.Error!);
        return TypedResults.File(ImportBusinessKpis.Template(T), XlsxWriter.ContentType, T["KpiImport.TemplateFile"]);
    }

    private static async Task<Results<Ok<EvaluationResultDto>, ApiProblem>> GetResult(Guid resultId, EvaluationResults h, CancellationToken ct) =>
        ApiReply.Ok(await h.GetAsync(resultId, ct));
}
