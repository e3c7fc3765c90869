using System.Resources;
using Dangjian.Web.Platform.Api;
using Dangjian.Web.Platform.Paging;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Dangjian.Web.Modules.Meetings.FirstTopics;

/// <summary>第一议题: /api/v1/first-topics, published above and answered by the meetings below. A route table of named handlers.</summary>
internal static class FirstTopicsApi
{
    private static readonly ResourceManager Texts = new(typeof(FirstTopicsApi));

    public static void Map(IEndpointRouteBuilder app)
    {
        var topics = app.MapGroup("/api/v1/first-topics").WithTags("Meetings").RequireAuthorization();
        topics.MapPost("/", Publish).Describe(Texts, "PublishFirstTopic");
        topics.MapGet("/", List).Describe(Texts, "ListFirstTopics");
        topics.MapGet("/{firstTopicId:guid}/responses", Responses).Describe(Texts, "GetFirstTopicResponses");
    }

    private static async Task<Results<Created<FirstTopicDto>, ApiProblem>> Publish(PublishFirstTopicRequest body, FirstTopicsService h, CancellationToken ct) =>
        ApiReply.Created(await h.PublishAsync(body, ct), t => $"/api/v1/first-topics/{t.Id}");

    private static async Task<Results<Ok<Page<FirstTopicDto>>, ApiProblem>> List(Guid? orgUnitId, int? page, int? pageSize, FirstTopicsService h,
        CancellationToken ct) =>
        ApiReply.Ok(await h.ListAsync(orgUnitId, PageRequest.Of(page, pageSize), ct));

    private static async Task<Results<Ok<FirstTopicResponsesDto>, ApiProblem>> Responses(Guid firstTopicId, Guid? orgUnitId, FirstTopicsService h,
        CancellationToken ct) =>
        ApiReply.Ok(await h.ResponsesAsync(firstTopicId, orgUnitId, ct));
}
