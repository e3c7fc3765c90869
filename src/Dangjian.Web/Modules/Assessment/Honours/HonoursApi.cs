using System.Resources;
using Dangjian.Web.Platform.Api;
using Dangjian.Web.Platform.Export;
using Dangjian.Web.Platform.Paging;
using Dangjian.Web.Platform.Pdf;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Dangjian.Web.Modules.Assessment.Honours;

/// <summary>
/// /api/v1/assessment/honours: campaigns and their quotas and phases, nominations with their candidates, the vote, the
/// approval, the public notice with its objections, exports, and a member's own side. A route table of named handlers.
/// </summary>
internal static class HonoursApi
{
    private static readonly ResourceManager Texts = new(typeof(HonoursApi));

    public static void Map(IEndpointRouteBuilder app)
    {
        var g = app.MapGroup("/api/v1/assessment/honours").WithTags("Assessment").RequireAuthorization();
        g.MapPost("/campaigns", Create).Describe(Texts, "CreateHonourCampaign")
            .WithDescription("A campaign of a unit (ManageAssessment on it) for a year: totals per kind (ExcellentMember, ExcellentWorker, AdvancedOrganisation; " +
                             "0 = not awarded) and the planned dates of its phases, in order, the notice at least Rules:Assessment:Honours:NoticeWorkingDays working days.");
        g.MapGet("/campaigns", List).Describe(Texts, "ListHonourCampaigns");
        g.MapGet("/campaigns/{campaignId:guid}", Get).Describe(Texts, "GetHonourCampaign");
        g.MapPut("/campaigns/{campaignId:guid}/quotas", SetQuota).Describe(Texts, "SetHonourQuota");
        g.MapPost("/campaigns/{campaignId:guid}/advance", Advance).Describe(Texts, "AdvanceHonourCampaign")
            .WithDescription("to: the next phase only (Vote, Approval, Notice, Awarded); docs/rules/points-and-assessment.md#pa-17 and #pa-19.");
        g.MapGet("/campaigns/{campaignId:guid}/candidates", Candidates).Describe(Texts, "ListHonourCandidates");
        g.MapPost("/campaigns/{campaignId:guid}/nominations", Nominate).Describe(Texts, "NominateForHonour");
        g.MapPost("/campaigns/{campaignId:guid}/nominations/{nominationId:guid}/approve", Approve).Describe(Texts, "ApproveHonourNominee");
        g.MapPost("/campaigns/{campaignId:guid}/votes", Vote).Describe(Texts, "VoteOnHonourNominee");
        g.MapPost("/campaigns/{campaignId:guid}/objections", Lodge).Describe(Texts, "LodgeHonourObjection");
        g.MapPost("/campaigns/{campaignId:guid}/objections/{objectionId:guid}/answer", Answer).Describe(Texts, "AnswerHonourObjection");
        g.MapGet("/campaigns/{campaignId:guid}/notice", Notice).Describe(Texts, "GetHonourNotice");
        g.MapGet("/campaigns/{campaignId:guid}/notice.pdf", NoticePdf).Describe(Texts, "GetHonourNoticePdf")
            .Produces<byte[]>(StatusCodes.Status200OK, PdfFile.ContentType);
        g.MapGet("/campaigns/{campaignId:guid}/export", Export).Describe(Texts, "ExportHonourCampaign")
            .Produces<byte[]>(StatusCodes.Status200OK, XlsxWriter.ContentType);
        g.MapGet("/mine", Mine).Describe(Texts, "GetMyHonours");
    }

    private static async Task<Results<Created<HonourCampaignDto>, ApiProblem>> Create(CreateHonourCampaignRequest body, Campaigns h, CancellationToken ct) =>
        ApiReply.Created(await h.CreateAsync(body, ct), c => $"/api/v1/assessment/honours/campaigns/{c.Id}");

    private static async Task<Results<Ok<Page<HonourCampaignDto>>, ApiProblem>> List(Guid? orgUnitId, int? page, int? pageSize, Campaigns h, CancellationToken ct) =>
        ApiReply.Ok(await h.ListAsync(orgUnitId, PageRequest.Of(page, pageSize), ct));

    private static async Task<Results<Ok<HonourCampaignDetailsDto>, ApiProblem>> Get(Guid campaignId, CampaignDetails h, CancellationToken ct) =>
        ApiReply.Ok(await h.GetAsync(campaignId, ct));

    private static async Task<Results<Ok<HonourQuotaDto>, ApiProblem>> SetQuota(Guid campaignId, SetHonourQuotaRequest body, Campaigns h, CancellationToken ct) =>
        ApiReply.Ok(await h.SetQuotaAsync(campaignId, body, ct));

    private static async Task<Results<Ok<HonourCampaignDto>, ApiProblem>> Advance(Guid campaignId, AdvanceHonourCampaignRequest body, Campaigns h, CancellationToken ct) =>
        ApiReply.Ok(await h.AdvanceAsync(campaignId, body, ct));

    private static async Task<Results<Ok<HonourCandidatesDto>, ApiProblem>> Candidates(Guid campaignId, Guid? orgUnitId, string? kind, int? page, int? pageSize,
        Nominations h, CancellationToken ct) =>
        ApiReply.Ok(await h.CandidatesAsync(campaignId, orgUnitId, kind, PageRequest.Of(page, pageSize), ct));

    private static async Task<Results<Ok<HonourNominationDto>, ApiProblem>> Nominate(Guid campaignId, NominateForHonourRequest body, Nominations h, CancellationToken ct) =>
        ApiReply.Ok(await h.NominateAsync(campaignId, body, ct));

    private static async Task<Results<Ok<HonourNominationDto>, ApiProblem>> Approve(Guid campaignId, Guid nominationId, Nominations h, CancellationToken ct) =>
        ApiReply.Ok(await h.ApproveAsync(campaignId, nominationId, ct));

    private static async Task<Results<Ok<HonourTallyDto>, ApiProblem>> Vote(Guid campaignId, VoteOnHonourNomineeRequest body, Votes h, CancellationToken ct) =>
        ApiReply.Ok(await h.CastAsync(campaignId, body, ct));

    private static async Task<Results<Ok<HonourObjectionDto>, ApiProblem>> Lodge(Guid campaignId, LodgeHonourObjectionRequest body, Objections h, CancellationToken ct) =>
        ApiReply.Ok(await h.LodgeAsync(campaignId, body, ct));

    private static async Task<Results<Ok<HonourObjectionDto>, ApiProblem>> Answer(Guid campaignId, Guid objectionId, AnswerHonourObjectionRequest body, Objections h,
        CancellationToken ct) =>
        ApiReply.Ok(await h.AnswerAsync(campaignId, objectionId, body, ct));

    private static async Task<Results<Ok<HonourNoticeDto>, ApiProblem>> Notice(Guid campaignId, HonourNotice h, CancellationToken ct) =>
        ApiReply.Ok(await h.GetAsync(campaignId, ct));

    private static async Task<Results<PdfFile, ApiProblem>> NoticePdf(Guid campaignId, HonourNotice h, CancellationToken ct) =>
        ApiReply.Written(await h.PdfAsync(campaignId, ct));

    private static async Task<Results<FileContentHttpResult, ApiProblem>> Export(Guid campaignId, HonourNotice h, CancellationToken ct) =>
        ApiReply.File(await h.ExportAsync(campaignId, ct), f => f.Content, XlsxWriter.ContentType, f => f.FileName);

    private static async Task<Results<Ok<MyHonoursDto>, ApiProblem>> Mine(MyHonours h, CancellationToken ct) =>
        ApiReply.Ok(await h.GetAsync(ct));
}
