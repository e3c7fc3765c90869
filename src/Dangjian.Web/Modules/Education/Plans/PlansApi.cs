using System.Resources;
using Dangjian.Web.Modules.Education.Plans.Recommendations;
using Dangjian.Web.Platform.Api;
using Dangjian.Web.Platform.Export;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Dangjian.Web.Modules.Education.Plans;

/// <summary>分层分类学习计划 and 推荐学习: /api/v1/education/plans and /api/v1/education/recommendations. A route table of named handlers.</summary>
internal static class PlansApi
{
    private static readonly ResourceManager Texts = new(typeof(PlansApi));

    public static void Map(IEndpointRouteBuilder app)
    {
        var g = app.MapGroup("/api/v1/education/plans").WithTags("Education").RequireAuthorization();
        g.MapPost("/", Create).Describe(Texts, "CreateStudyPlan");
        g.MapGet("/", List).Describe(Texts, "ListStudyPlans");
        g.MapGet("/mine", Mine).Describe(Texts, "GetMyStudyPlans");
        g.MapGet("/{planId:guid}", Get).Describe(Texts, "GetStudyPlan");
        g.MapPut("/{planId:guid}", Update).Describe(Texts, "UpdateStudyPlan");
        g.MapDelete("/{planId:guid}", Delete).Describe(Texts, "DeleteStudyPlan");
        g.MapPost("/{planId:guid}/items", AddItem).Describe(Texts, "AddStudyPlanItem");
        g.MapDelete("/{planId:guid}/items/{itemId:guid}", RemoveItem).Describe(Texts, "RemoveStudyPlanItem");
        g.MapPut("/{planId:guid}/targets", SetTargets).Describe(Texts, "SetStudyPlanTargets");
        g.MapGet("/{planId:guid}/progress", Progress).Describe(Texts, "GetStudyPlanProgress");
        g.MapGet("/{planId:guid}/progress.xlsx", ProgressWorkbook).Describe(Texts, "ExportStudyPlanProgress")
            .Produces<byte[]>(StatusCodes.Status200OK, XlsxWriter.ContentType);
        app.MapGroup("/api/v1/education/recommendations").WithTags("Education").RequireAuthorization()
            .MapGet("/mine", Recommendations).Describe(Texts, "GetMyRecommendations");
    }

    private static async Task<Results<Created<PlanDto>, ApiProblem>> Create(CreatePlanRequest body, StudyPlans h, CancellationToken ct) =>
        ApiReply.Created(await h.CreateAsync(body, ct), p => $"/api/v1/education/plans/{p.Id}");

    private static async Task<Results<Ok<IReadOnlyList<PlanSummaryDto>>, ApiProblem>> List(Guid? orgUnitId, int? year, StudyPlans h, CancellationToken ct) =>
        ApiReply.Ok(await h.ListAsync(orgUnitId, year, ct));

    private static async Task<Results<Ok<MyPlansDto>, ApiProblem>> Mine(int? year, MyPlans h, CancellationToken ct) =>
        ApiReply.Ok(await h.GetAsync(year, ct));

    private static async Task<Results<Ok<PlanDto>, ApiProblem>> Get(Guid planId, StudyPlans h, CancellationToken ct) =>
        ApiReply.Ok(await h.GetAsync(planId, ct));

    private static async Task<Results<Ok<PlanDto>, ApiProblem>> Update(Guid planId, UpdatePlanRequest body, StudyPlans h, CancellationToken ct) =>
        ApiReply.Ok(await h.UpdateAsync(planId, body, ct));

    private static async Task<Results<NoContent, ApiProblem>> Delete(Guid planId, StudyPlans h, CancellationToken ct) =>
        ApiReply.NoContent(await h.DeleteAsync(planId, ct));

    private static async Task<Results<Ok<PlanDto>, ApiProblem>> AddItem(Guid planId, AddPlanItemRequest body, StudyPlans h, CancellationToken ct) =>
        ApiReply.Ok(await h.AddItemAsync(planId, body, ct));

    private static async Task<Results<Ok<PlanDto>, ApiProblem>> RemoveItem(Guid planId, Guid itemId, StudyPlans h, CancellationToken ct) =>
        ApiReply.Ok(await h.RemoveItemAsync(planId, itemId, ct));

    private static async Task<Results<Ok<PlanDto>, ApiProblem>> SetTargets(Guid planId, SetPlanTargetsRequest body, StudyPlans h, CancellationToken ct) =>
        ApiReply.Ok(await h.SetTargetsAsync(planId, body, ct));

    private static async Task<Results<Ok<PlanProgressDto>, ApiProblem>> Progress(Guid planId, Guid? orgUnitId, PlanProgress h, CancellationToken ct) =>
        ApiReply.Ok(await h.GetAsync(planId, orgUnitId, ct));

    private static async Task<Results<FileContentHttpResult, ApiProblem>> ProgressWorkbook(Guid planId, Guid? orgUnitId, PlanProgress h, CancellationToken ct) =>
        ApiReply.File(await h.WorkbookAsync(planId, orgUnitId, ct), f => f.Content, XlsxWriter.ContentType, f => f.FileName);

    private static async Task<Results<Ok<IReadOnlyList<RecommendationDto>>, ApiProblem>> Recommendations(MyRecommendations h, CancellationToken ct) =>
        ApiReply.Ok(await h.GetAsync(ct));
}
