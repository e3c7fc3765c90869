using Dangjian.Web.Platform.Errors;

namespace Dangjian.Web.Modules.Dashboard;

/// <summary>党建红云: /api/v1/org-units/{id}/dashboard.</summary>
public static class DashboardModule
{
    public static IServiceCollection AddDashboard(this IServiceCollection services, IConfiguration config)
    {
        services.AddOptions<DashboardOptions>().Bind(config.GetSection(DashboardOptions.Section));
        services.AddScoped<RollupBuilder>();
        services.AddScoped<Dashboard>();
        services.AddScoped<NaiveDashboard>();
        services.AddOptions<WeakLinks.WeakLinkOptions>().Bind(config.GetSection(WeakLinks.WeakLinkOptions.Section));
        services.AddScoped<WeakLinks.WeakLinkDetector>();
        services.AddScoped<WeakLinks.WeakLinks>();
        services.AddScoped<DashboardExport>();
        services.AddSingleton<Platform.Jobs.IJob, RollupJob>();
        return services;
    }

    public static IEndpointRouteBuilder MapDashboard(this IEndpointRouteBuilder app)
    {
        app.MapGet("/api/v1/org-units/{id:guid}/dashboard", async Task<IResult> (Guid id, DateOnly? from, DateOnly? to, Dashboard h, CancellationToken ct) =>
            {
                var r = await h.HandleAsync(id, from, to, ct);
                return r.IsSuccess ? TypedResults.Ok(r.Value) : r.Error!.ToProblem();
            })
            .WithTags("Dashboard").RequireAuthorization()
            .WithDescription("The figures of the unit's subtree from the roll-ups (asOf: when they were built), with the previous period beside them.");
        app.MapGet("/api/v1/org-units/{id:guid}/dashboard.xlsx", async Task<IResult> (Guid id, DateOnly? from, DateOnly? to, DashboardExport h,
                CancellationToken ct) =>
            {
                var r = await h.WorkbookAsync(id, from, to, ct);
                return r.IsSuccess ? TypedResults.File(r.Value.Content, Platform.Export.XlsxWriter.ContentType, r.Value.FileName) : r.Error!.ToProblem();
            })
            .WithTags("Dashboard").RequireAuthorization().Produces(StatusCodes.Status200OK, contentType: Platform.Export.XlsxWriter.ContentType)
            .WithDescription("Every table of the dashboard as a workbook: figures with the previous period, months, units below, weak links.");
        app.MapGet("/api/v1/org-units/{id:guid}/dashboard.pdf", async Task<IResult> (Guid id, DateOnly? from, DateOnly? to, DashboardExport h,
                CancellationToken ct) =>
            {
                var r = await h.PdfAsync(id, from, to, ct);
                return r.IsSuccess ? r.Value! : r.Error!.ToProblem();
            })
            .WithTags("Dashboard").RequireAuthorization().Produces(StatusCodes.Status200OK, contentType: Platform.Pdf.PdfFile.ContentType)
            .WithDescription("The dashboard's tables on A4 (503 when no Chinese font is installed, ADR 0005).");
        app.MapGet("/api/v1/org-units/{id:guid}/weak-links", async Task<IResult> (Guid id, string? status, int? page, int? pageSize, WeakLinks.WeakLinks h,
                CancellationToken ct) => Reply(await h.ListAsync(id, status, Platform.Paging.PageRequest.Of(page, pageSize), ct)))
            .WithTags("Dashboard").RequireAuthorization()
            .WithDescription("薄弱环节 of the unit's subtree, highest score first: open and assigned ones unless status= says otherwise.");
        var links = app.MapGroup("/api/v1/weak-links").WithTags("Dashboard").RequireAuthorization();
        links.MapPost("/{weakLinkId:guid}/assign", async Task<IResult> (Guid weakLinkId, WeakLinks.AssignWeakLinkRequest body, WeakLinks.WeakLinks h,
            CancellationToken ct) => Reply(await h.AssignAsync(weakLinkId, body, ct)));
        links.MapPost("/{weakLinkId:guid}/close", async Task<IResult> (Guid weakLinkId, WeakLinks.CloseWeakLinkRequest body, WeakLinks.WeakLinks h,
            CancellationToken ct) => Reply(await h.CloseAsync(weakLinkId, body, ct)));
        return app;
    }

    private static IResult Reply<T>(Result<T> r) => r.IsSuccess ? TypedResults.Ok(r.Value) : r.Error!.ToProblem();
}
