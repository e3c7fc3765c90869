using Dangjian.Web.Platform.Security;
using System.Globalization;
using System.Resources;
using Dangjian.Web.Modules.Development.Materials;
using Dangjian.Web.Modules.Development.Plans;
using Dangjian.Web.Modules.Development.Review;
using Dangjian.Web.Platform.Api;
using Dangjian.Web.Platform.Auth;
using Dangjian.Web.Platform.Paging;
using Dangjian.Web.Platform.Pdf;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.Extensions.Localization;
using Microsoft.AspNetCore.Mvc;

namespace Dangjian.Web.Modules.Development;

/// <summary>/api/v1/development: cases, their steps, reviews, materials and dossier, and the yearly plans. A route table of named handlers.</summary>
internal static class DevelopmentApi
{
    private static readonly ResourceManager Texts = new(typeof(DevelopmentApi));

    public static void Map(IEndpointRouteBuilder app)
    {
        var g = app.MapGroup("/api/v1/development/cases").WithTags("Development").RequireAuthorization();
        g.MapGet("/", List).Describe(Texts, "ListDevelopmentCases");
        g.MapPost("/", Open).Describe(Texts, "OpenDevelopmentCase");
        g.MapGet("/{id:guid}", Get).Describe(Texts, "GetDevelopmentCase");
        g.MapPost("/{id:guid}/steps", AddStep).Describe(Texts, "RecordDevelopmentStep");
        g.MapPost("/{id:guid}/reviews", Sign).Describe(Texts, "SignDevelopmentReview");
        g.MapPost("/{id:guid}/materials", UploadMaterial).TakesUpload().Describe(Texts, "UploadDevelopmentMaterial")
            .WithDescription("The request body is the file itself; step and code name the checklist item (see the case's checklist).");
        g.MapGet("/{id:guid}/materials", ListMaterials).Describe(Texts, "ListDevelopmentMaterials");
        g.MapGet("/{id:guid}/materials/{materialId:guid}", DownloadMaterial).Describe(Texts, "DownloadDevelopmentMaterial")
            .Produces<byte[]>(StatusCodes.Status200OK, "application/octet-stream"); // the type the file was uploaded with
        g.MapGet("/{id:guid}/dossier.pdf", Dossier).Describe(Texts, "GetDevelopmentDossier")
            .Produces<byte[]>(StatusCodes.Status200OK, PdfFile.ContentType);
        g.MapGet("/{id:guid}/proof", Proof).Describe(Texts, "GetDevelopmentCaseProof");
        // Templates of the materials checklist: the same for every tenant.
        app.MapGet("/api/v1/development/materials/templates/{step:int}/{code}", MaterialTemplateFile).Describe(Texts, "GetDevelopmentMaterialTemplate")
            .WithTags("Development").RequireAuthorization()
            .Produces<byte[]>(StatusCodes.Status200OK, MaterialTemplate.ContentType);

        var plans = app.MapGroup("/api/v1/development/plans").WithTags("Development").RequireAuthorization();
        plans.MapGet("/", Plan).Describe(Texts, "GetDevelopmentPlan");
        plans.MapPut("/", SetQuota).Describe(Texts, "SetDevelopmentQuota");

        // The case page's upload: a multipart form with the antiforgery token.
        app.MapPost("/development/cases/{id:guid}/materials/upload", PageUpload).TakesUpload().RequireAuthorization().ExcludeFromDescription();
    }

    private static async Task<Results<Ok<PipelineDto>, ApiProblem>> List(Guid? orgUnitId, int? stage, int? page, int? pageSize, ListCases h,
        CancellationToken ct) =>
        ApiReply.Ok(await h.HandleAsync(orgUnitId, stage, PageRequest.Of(page, pageSize), ct));

    private static async Task<Results<Created<CaseDto>, ApiProblem>> Open(OpenCaseRequest body, OpenCase h, GetCase get, CancellationToken ct)
    {
        var opened = await h.HandleAsync(body, ct);
        if (!opened.IsSuccess) return new ApiProblem(opened.Error!);
        return ApiReply.Created(await get.HandleAsync(opened.Value!.Id, ct), c => $"/api/v1/development/cases/{c.Id}");
    }

    private static async Task<Results<Ok<CaseDto>, ApiProblem>> Get(Guid id, GetCase h, CancellationToken ct) =>
        ApiReply.Ok(await h.HandleAsync(id, ct));

    private static async Task<Results<Ok<CaseDto>, ApiProblem>> AddStep(Guid id, RecordStepRequest body, RecordStep h, GetCase get,
        CancellationToken ct)
    {
        var recorded = await h.HandleAsync(id, body, ct);
        if (!recorded.IsSuccess) return new ApiProblem(recorded.Error!);
        return TypedResults.Ok(await get.ToDtoAsync(recorded.Value!, ct));
    }

    private static async Task<Results<Ok<CaseDto>, ApiProblem>> Sign(Guid id, SignReviewRequest body, SignReview h, GetCase get,
        CancellationToken ct)
    {
        var signed = await h.HandleAsync(id, body, ct);
        if (!signed.IsSuccess) return new ApiProblem(signed.Error!);
        return TypedResults.Ok(await get.ToDtoAsync(signed.Value!, ct));
    }

    private static async Task<Results<Created<MaterialDto>, ApiProblem>> UploadMaterial(Guid id, int? step, string? code, string? fileName,
        HttpRequest request, CaseMaterials h, CancellationToken ct) =>
        ApiReply.Created(await h.UploadAsync(id, step, code, fileName, request.ContentType, await ReadAsync(request.Body, ct), ct),
            m => $"/api/v1/development/cases/{id}/materials/{m.Id}");

    private static async Task<Results<Ok<IReadOnlyList<MaterialDto>>, ApiProblem>> ListMaterials(Guid id, CaseAccess access, CaseMaterials h,
        CancellationToken ct)
    {
        var loaded = await access.LoadAsync(id, Permission.ViewMembers, ct);
        if (!loaded.IsSuccess) return new ApiProblem(loaded.Error!);
        return TypedResults.Ok(await h.ListAsync(id, ct));
    }

    private static async Task<Results<FileContentHttpResult, ApiProblem>> DownloadMaterial(Guid id, Guid materialId, CaseMaterials h,
        CancellationToken ct) =>
        ApiReply.File(await h.DownloadAsync(id, materialId, ct), m => m.Content, m => m.ContentType, m => m.FileName);

    private static async Task<Results<PdfFile, ApiProblem>> Dossier(Guid id, CaseDossierPdf h, CancellationToken ct) =>
        ApiReply.Written(await h.HandleAsync(id, ct));

    private static async Task<Results<Ok<CaseProofDto>, ApiProblem>> Proof(Guid id, CaseProof h, CancellationToken ct) =>
        ApiReply.Ok(await h.HandleAsync(id, ct));

    private static Results<FileContentHttpResult, NotFound> MaterialTemplateFile(int step, string code, IStringLocalizer<DevelopmentText> T) =>
        MaterialChecklist.Find(step, code) is { } m
            ? TypedResults.File(MaterialTemplate.Build(m), MaterialTemplate.ContentType,
                string.Format(CultureInfo.CurrentCulture, Texts.GetString("File.MaterialTemplate") ?? "{0}.docx", T.MaterialName(m.Code)))
            : TypedResults.NotFound();

    private static async Task<Results<Ok<PlanDto>, ApiProblem>> Plan(Guid? orgUnitId, int? year, DevelopmentPlans h, CancellationToken ct) =>
        ApiReply.Ok(await h.GetAsync(orgUnitId, year, ct));

    private static async Task<Results<Ok<PlanDto>, ApiProblem>> SetQuota(SetQuotaRequest body, DevelopmentPlans h, CancellationToken ct) =>
        ApiReply.Ok(await h.SetAsync(body, ct));

    private static async Task<RedirectHttpResult> PageUpload(Guid id, [FromForm] int? step, [FromForm] string? code, IFormFile? file,
        CaseMaterials h, CancellationToken ct)
    {
        byte[]? content = [];
        if (file is not null)
        {
            await using var stream = file.OpenReadStream();
            content = await ReadAsync(stream, ct);
        }
        var r = await h.UploadAsync(id, step, code, file?.FileName, file?.ContentType, content, ct);
        return TypedResults.LocalRedirect(r.IsSuccess
            ? $"/development/cases/{id}#materials"
            : $"/development/cases/{id}?materialError={Uri.EscapeDataString(r.Error!.Message)}#materials");
    }

    /// <summary>Reads a body up to the size limit; null when it is larger (the upload then refuses it).</summary>
    private static async Task<byte[]?> ReadAsync(Stream body, CancellationToken ct)
    {
        using var buffer = new MemoryStream();
        var chunk = new byte[81920];
        int read;
        while ((read = await body.ReadAsync(chunk, ct)) > 0)
        {
            if (buffer.Length + read > CaseMaterials.MaxBytes) return null;
            buffer.Write(chunk, 0, read);
        }
        return buffer.ToArray();
    }
}
