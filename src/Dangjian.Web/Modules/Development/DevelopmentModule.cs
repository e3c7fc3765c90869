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
        services.AddSingleton<Platform.Ledger.ILedgerAnchor, DevelopmentLedgerAnchor>();
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
        g.MapGet("/{id:guid}/proof", async Task<IResult> (Guid id, CaseProof h, CancellationToken ct) =>
        {
            var r = await h.HandleAsync(id, ct);
            return r.IsSuccess ? TypedResults.Ok(r.Value) : r.Error!.ToProblem();
        });
        return app;
    }
}
