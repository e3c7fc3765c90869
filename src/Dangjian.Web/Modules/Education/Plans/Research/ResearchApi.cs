using System.Resources;
using Dangjian.Web.Platform.Api;
using Dangjian.Web.Platform.Paging;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Dangjian.Web.Modules.Education.Plans.Research;

/// <summary>学习—调研—解题: /api/v1/education/research. A route table of named handlers.</summary>
internal static class ResearchApi
{
    private static readonly ResourceManager Texts = new(typeof(ResearchApi));

    public static void Map(IEndpointRouteBuilder app)
    {
        var g = app.MapGroup("/api/v1/education/research").WithTags("Education").RequireAuthorization();
        g.MapPost("/", Open).Describe(Texts, "OpenResearchTask");
        g.MapGet("/", List).Describe(Texts, "ListResearchTasks");
        g.MapGet("/mine", Mine).Describe(Texts, "GetMyResearch");
        g.MapGet("/{taskId:guid}", Get).Describe(Texts, "GetResearchTask");
        g.MapPut("/{taskId:guid}/findings", Findings).Describe(Texts, "RecordResearchFindings");
        g.MapPost("/{taskId:guid}/problems", Raise).Describe(Texts, "RaiseResearchProblem");
        g.MapPost("/problems/{problemId:guid}/close", Close).Describe(Texts, "CloseResearchProblem");
    }

    private static async Task<Results<Created<ResearchTaskDto>, ApiProblem>> Open(OpenResearchRequest body, ResearchLoop h, CancellationToken ct) =>
        ApiReply.Created(await h.OpenAsync(body, ct), t => $"/api/v1/education/research/{t.Id}");

    private static async Task<Results<Ok<Page<ResearchTaskDto>>, ApiProblem>> List(Guid? orgUnitId, int? page, int? pageSize, ResearchLoop h, CancellationToken ct) =>
        ApiReply.Ok(await h.ListAsync(orgUnitId, PageRequest.Of(page, pageSize), ct));

    private static async Task<Results<Ok<MyResearchDto>, ApiProblem>> Mine(ResearchLoop h, CancellationToken ct) =>
        ApiReply.Ok(await h.MineAsync(ct));

    private static async Task<Results<Ok<ResearchTaskDto>, ApiProblem>> Get(Guid taskId, ResearchLoop h, CancellationToken ct) =>
        ApiReply.Ok(await h.GetAsync(taskId, ct));

    private static async Task<Results<Ok<ResearchTaskDto>, ApiProblem>> Findings(Guid taskId, ResearchFindingsRequest body, ResearchLoop h, CancellationToken ct) =>
        ApiReply.Ok(await h.RecordFindingsAsync(taskId, body, ct));

    private static async Task<Results<Ok<ResearchTaskDto>, ApiProblem>> Raise(Guid taskId, RaiseProblemRequest body, ResearchLoop h, CancellationToken ct) =>
        ApiReply.Ok(await h.RaiseProblemAsync(taskId, body, ct));

    private static async Task<Results<Ok<ResearchProblemDto>, ApiProblem>> Close(Guid problemId, CloseProblemRequest body, ResearchLoop h, CancellationToken ct) =>
        ApiReply.Ok(await h.CloseProblemAsync(problemId, body, ct));
}
