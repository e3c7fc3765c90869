using Dangjian.Web.Platform.Errors;
using Dangjian.Web.Platform.Paging;

namespace Dangjian.Web.Modules.Development;

/// <summary>发展党员: /api/v1/development.</summary>
public static class DevelopmentModule
{
    public static IServiceCollection AddDevelopment(this IServiceCollection services, IConfiguration config)
    {
        services.AddOptions<DevelopmentOptions>().Bind(config.GetSection(DevelopmentOptions.Section));
        services.AddScoped<CaseAccess>();
        services.AddScoped<OpenCase>();
        services.AddScoped<RecordStep>();
        services.AddScoped<GetCase>();
        services.AddScoped<CaseProof>();
        services.AddScoped<ListCases>();
        services.AddScoped<Review.SignReview>();
        services.AddScoped<Materials.CaseMaterials>();
        services.AddScoped<CaseDossierPdf>();
        services.AddScoped<Plans.DevelopmentPlans>();
        services.AddSingleton<Platform.Ledger.ILedgerAnchor, DevelopmentLedgerAnchor>();
        services.AddSingleton<Platform.Jobs.IJob, DevelopmentReminderJob>();
        return services;
    }

    public static IEndpointRouteBuilder MapDevelopment(this IEndpointRouteBuilder app)
    {
        var g = app.MapGroup("/api/v1/development/cases").WithTags("Development").RequireAuthorization();
        g.MapGet("/", async Task<IResult> (Guid? orgUnitId, int? stage, int? page, int? pageSize, ListCases h, CancellationToken ct) =>
        {
            var r = await h.HandleAsync(orgUnitId, stage, PageRequest.Of(page, pageSize), ct);
            return r.IsSuccess ? TypedResults.Ok(r.Value) : r.Error!.ToProblem();
        });
        g.MapPost("/", async Task<IResult> (OpenCaseRequest body, OpenCase h, GetCase get, CancellationToken ct) =>
        {
            var r = await h.HandleAsync(body, ct);
            return r.IsSuccess ? TypedResults.Created($"/api/v1/development/cases/{r.Value!.Id}", (await get.HandleAsync(r.Value.Id, ct)).Value) : r.Error!.ToProblem();
        });
        g.MapGet("/{id:guid}", async Task<IResult> (Guid id, GetCase h, CancellationToken ct) =>
        {
            var r = await h.HandleAsync(id, ct);
            return r.IsSuccess ? TypedResults.Ok(r.Value) : r.Error!.ToProblem();
        });
        g.MapPost("/{id:guid}/steps", async Task<IResult> (Guid id, RecordStepRequest body, RecordStep h, GetCase get, CancellationToken ct) =>
        {
            var r = await h.HandleAsync(id, body, ct);
            return r.IsSuccess ? TypedResults.Ok(await get.ToDtoAsync(r.Value!, ct)) : r.Error!.ToProblem();
        });
        g.MapPost("/{id:guid}/reviews", async Task<IResult> (Guid id, Review.SignReviewRequest body, Review.SignReview h, GetCase get, CancellationToken ct) =>
        {
            var r = await h.HandleAsync(id, body, ct);
            return r.IsSuccess ? TypedResults.Ok(await get.ToDtoAsync(r.Value!, ct)) : r.Error!.ToProblem();
        });
        g.MapPost("/{id:guid}/materials", async Task<IResult> (Guid id, int? step, string? code, string? fileName, HttpRequest request,
            Materials.CaseMaterials h, CancellationToken ct) =>
        {
            var r = await h.UploadAsync(id, step, code, fileName, request.ContentType, await ReadAsync(request.Body, ct), ct);
            return r.IsSuccess ? TypedResults.Created($"/api/v1/development/cases/{id}/materials/{r.Value!.Id}", r.Value) : r.Error!.ToProblem();
        }).WithDescription("The request body is the file itself; step and code name the checklist item (see the case's checklist).");
        g.MapGet("/{id:guid}/materials", async Task<IResult> (Guid id, CaseAccess access, Materials.CaseMaterials h, CancellationToken ct) =>
        {
            var loaded = await access.LoadAsync(id, Platform.Auth.Permission.ViewMembers, ct);
            return loaded.IsSuccess ? TypedResults.Ok(await h.ListAsync(id, ct)) : loaded.Error!.ToProblem();
        });
        g.MapGet("/{id:guid}/materials/{materialId:guid}", async Task<IResult> (Guid id, Guid materialId, Materials.CaseMaterials h, CancellationToken ct) =>
        {
            var r = await h.DownloadAsync(id, materialId, ct);
            return r.IsSuccess ? TypedResults.File(r.Value!.Content, r.Value.ContentType, r.Value.FileName) : r.Error!.ToProblem();
        });
        g.MapGet("/{id:guid}/dossier.pdf", async Task<IResult> (Guid id, CaseDossierPdf h, CancellationToken ct) =>
        {
            var r = await h.HandleAsync(id, ct);
            return r.IsSuccess ? r.Value! : r.Error!.ToProblem();
        }).Produces(StatusCodes.Status200OK, contentType: Platform.Pdf.PdfFile.ContentType);
        g.MapGet("/{id:guid}/proof", async Task<IResult> (Guid id, CaseProof h, CancellationToken ct) =>
        {
            var r = await h.HandleAsync(id, ct);
            return r.IsSuccess ? TypedResults.Ok(r.Value) : r.Error!.ToProblem();
        });
        // Templates of the materials checklist: the same for every tenant.
        app.MapGet("/api/v1/development/materials/templates/{step:int}/{code}", IResult (int step, string code) =>
            Materials.MaterialChecklist.Find(step, code) is { } m
                ? TypedResults.File(Materials.MaterialTemplate.Build(m), Materials.MaterialTemplate.ContentType, $"{m.Name}（模板）.docx")
                : TypedResults.NotFound())
            .WithTags("Development").RequireAuthorization().Produces(StatusCodes.Status200OK, contentType: Materials.MaterialTemplate.ContentType);

        var plans = app.MapGroup("/api/v1/development/plans").WithTags("Development").RequireAuthorization();
        plans.MapGet("/", async Task<IResult> (Guid? orgUnitId, int? year, Plans.DevelopmentPlans h, CancellationToken ct) =>
        {
            var r = await h.GetAsync(orgUnitId, year, ct);
            return r.IsSuccess ? TypedResults.Ok(r.Value) : r.Error!.ToProblem();
        });
        plans.MapPut("/", async Task<IResult> (Plans.SetQuotaRequest body, Plans.DevelopmentPlans h, CancellationToken ct) =>
        {
            var r = await h.SetAsync(body, ct);
            return r.IsSuccess ? TypedResults.Ok(r.Value) : r.Error!.ToProblem();
        });

        // The case page's upload: a multipart form with the antiforgery token.
        app.MapPost("/development/cases/{id:guid}/materials/upload", async Task<IResult> (Guid id, [Microsoft.AspNetCore.Mvc.FromForm] int? step,
            [Microsoft.AspNetCore.Mvc.FromForm] string? code, IFormFile? file, Materials.CaseMaterials h, CancellationToken ct) =>
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
        }).RequireAuthorization().ExcludeFromDescription();
        return app;
    }

    private static async Task<byte[]?> ReadAsync(Stream body, CancellationToken ct)
    {
        using var buffer = new MemoryStream();
        var chunk = new byte[81920];
        int read;
        while ((read = await body.ReadAsync(chunk, ct)) > 0)
        {
            if (buffer.Length + read > Materials.CaseMaterials.MaxBytes) return null;
            buffer.Write(chunk, 0, read);
        }
        return buffer.ToArray();
    }
}
