using System.Resources;
using Dangjian.Web.Platform.Api;
using Dangjian.Web.Platform.Errors;
using Dangjian.Web.Platform.Paging;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Dangjian.Web.Modules.Meetings;

/// <summary>
/// /api/v1/meetings: a meeting, its sign-ins, pre-approval, leaves and observers. A route table of named handlers; the
/// record, appraisal, compliance, first topics, attendance and the meeting book have their own tables beside them.
/// </summary>
internal static class MeetingsApi
{
    private static readonly ResourceManager Texts = new(typeof(MeetingsApi));

    public static void Map(IEndpointRouteBuilder app)
    {
        var g = app.MapGroup("/api/v1/meetings").WithTags("Meetings").RequireAuthorization();
        g.MapPost("/", Create).Describe(Texts, "CreateMeeting");
        g.MapGet("/", List).Describe(Texts, "ListMeetings");
        g.MapGet("/mine", Mine).Describe(Texts, "ListMyMeetings");
        g.MapGet("/{id:guid}", Get).Describe(Texts, "GetMeeting");
        g.MapPost("/{id:guid}/sign-ins", SignInTo).Describe(Texts, "SignInToMeeting");
        g.MapPost("/{id:guid}/pre-approval/submit", SubmitPreApproval).Describe(Texts, "SubmitMeetingForPreApproval");
        g.MapPost("/{id:guid}/pre-approval", DecideApproval).Describe(Texts, "DecideMeetingPreApproval");
        g.MapGet("/{id:guid}/leaves", Leaves).Describe(Texts, "ListMeetingLeaves");
        g.MapPost("/{id:guid}/leaves", RequestLeave).Describe(Texts, "RequestMeetingLeave");
        g.MapPost("/{id:guid}/leaves/{leaveId:guid}", DecideLeave).Describe(Texts, "DecideMeetingLeave");
        g.MapGet("/{id:guid}/observers", Observers).Describe(Texts, "ListMeetingObservers");
        g.MapPost("/{id:guid}/observers", AssignObserver).Describe(Texts, "AssignMeetingObserver");
        g.MapPost("/{id:guid}/observers/rating", Rate).Describe(Texts, "RateMeeting");
    }

    private static async Task<Results<Created<MeetingDto>, ApiProblem>> Create(CreateMeetingRequest body, CreateMeeting h, GetMeeting get, CancellationToken ct)
    {
        var created = await h.HandleAsync(body, ct);
        if (!created.IsSuccess) return new ApiProblem(created.Error!);
        return TypedResults.Created($"/api/v1/meetings/{created.Value!.Id}", await get.ToDtoAsync(created.Value, ct));
    }

    private static async Task<Results<Ok<Page<MeetingListItem>>, ApiProblem>> List(Guid? orgUnitId, int? page, int? pageSize, ListMeetings h,
        CancellationToken ct) =>
        ApiReply.Ok(await h.HandleAsync(orgUnitId, PageRequest.Of(page, pageSize), ct));

    // The same window as MyMeetingsPage: from a week ago on.
    private static async Task<Results<Ok<IReadOnlyList<MeetingListItem>>, ApiProblem>> Mine(ListMeetings h, TimeProvider clock, CancellationToken ct) =>
        TypedResults.Ok(await h.MineAsync(clock.GetUtcNow().AddDays(-7), ct));

    private static async Task<Results<Ok<MeetingDto>, ApiProblem>> Get(Guid id, GetMeeting h, CancellationToken ct) =>
        ApiReply.Ok(await h.HandleAsync(id, ct));

    /// <summary>201 for the first sign-in, 200 with the same sign-in when the member signs in again.</summary>
    private static async Task<Results<Created<SignInDto>, Ok<SignInDto>, ApiProblem>> SignInTo(Guid id, SignInRequest? body, SignIn h, CancellationToken ct) =>
        ApiReply.CreatedOrOk(await h.HandleAsync(id, body ?? new SignInRequest(null, null), ct), s => s.Created, _ => $"/api/v1/meetings/{id}/sign-ins",
            s => s.SignIn);

    private static async Task<Results<Ok<MeetingDto>, ApiProblem>> SubmitPreApproval(Guid id, DecidePreApproval h, GetMeeting get, CancellationToken ct) =>
        await ThenDetails(await h.SubmitAsync(id, ct), get, ct);

    private static async Task<Results<Ok<MeetingDto>, ApiProblem>> DecideApproval(Guid id, PreApprovalDecision body, DecidePreApproval h, GetMeeting get,
        CancellationToken ct) =>
        await ThenDetails(await h.DecideAsync(id, body, ct), get, ct);

    private static async Task<Results<Ok<IReadOnlyList<LeaveDto>>, ApiProblem>> Leaves(Guid id, MeetingLeaves h, CancellationToken ct) =>
        ApiReply.Ok(await h.ListAsync(id, ct));

    private static async Task<Results<Created<LeaveDto>, ApiProblem>> RequestLeave(Guid id, LeaveRequest body, MeetingLeaves h, CancellationToken ct) =>
        ApiReply.Created(await h.RequestAsync(id, body, ct), l => $"/api/v1/meetings/{id}/leaves/{l.Id}");

    private static async Task<Results<Ok<LeaveDto>, ApiProblem>> DecideLeave(Guid id, Guid leaveId, LeaveDecision body, MeetingLeaves h, CancellationToken ct) =>
        ApiReply.Ok(await h.DecideAsync(id, leaveId, body, ct));

    private static async Task<Results<Ok<IReadOnlyList<ObserverDto>>, ApiProblem>> Observers(Guid id, GetMeeting get, MeetingObservers h, CancellationToken ct)
    {
        var visible = await get.LoadAsync(id, ct);
        if (!visible.IsSuccess) return new ApiProblem(visible.Error!);
        return TypedResults.Ok(await h.ListAsync(id, ct));
    }

    private static async Task<Results<Created<ObserverDto>, ApiProblem>> AssignObserver(Guid id, AssignObserverRequest body, MeetingObservers h,
        CancellationToken ct) =>
        ApiReply.Created(await h.AssignAsync(id, body, ct), _ => $"/api/v1/meetings/{id}/observers");

    private static async Task<Results<Ok<ObserverDto>, ApiProblem>> Rate(Guid id, RateMeetingRequest body, MeetingObservers h, CancellationToken ct) =>
        ApiReply.Ok(await h.RateAsync(id, body, ct));

    /// <summary>A change to the meeting, answered with the meeting as it now stands.</summary>
    private static async Task<Results<Ok<MeetingDto>, ApiProblem>> ThenDetails(Result<Meeting> changed, GetMeeting get, CancellationToken ct) =>
        await ApiReply.OkThen(changed, m => get.ToDtoAsync(m, ct));
}
