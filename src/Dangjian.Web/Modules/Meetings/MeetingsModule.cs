using Dangjian.Web.Modules.Meetings.Attendance;
using Dangjian.Web.Platform.Errors;

namespace Dangjian.Web.Modules.Meetings;

/// <summary>组织生活: /api/v1/meetings.</summary>
public static class MeetingsModule
{
    public static IServiceCollection AddMeetings(this IServiceCollection services, IConfiguration config)
    {
        services.AddOptions<MeetingOptions>().Bind(config.GetSection(MeetingOptions.Section));
        // Settings per tenant: within a request or a job's tenant scope, the options are the tenant's own.
        services.AddScoped<Microsoft.Extensions.Options.IOptions<MeetingOptions>>(sp => Microsoft.Extensions.Options.Options.Create(
            sp.GetRequiredService<Microsoft.Extensions.Options.IOptionsMonitor<MeetingOptions>>().CurrentValue
                .For(sp.GetRequiredService<Platform.Tenancy.TenantContext>().TenantId)));
        services.AddScoped<Contracts.MeetingFacts>();
        services.AddScoped<CreateMeeting>();
        services.AddScoped<GetMeeting>();
        services.AddScoped<SignIn>();
        services.AddScoped<ListMeetings>();
        services.AddScoped<DecidePreApproval>();
        services.AddScoped<MeetingLeaves>();
        services.AddScoped<FirstTopics.FirstTopicsService>();
        services.AddScoped<MeetingObservers>();
        services.AddScoped<Appraisal.DemocraticAppraisal>();
        services.AddScoped<Compliance.UnitCompliance>();
        services.AddScoped<Records.MeetingRecords>();
        services.AddScoped<Records.MeetingReflections>();
        services.AddMeetingAttendance();
        services.AddSingleton<Platform.Jobs.IJob, Compliance.ComplianceReminderJob>();
        Book.MeetingBookEndpoints.AddMeetingBook(services);
        return services;
    }

    public static IEndpointRouteBuilder MapMeetings(this IEndpointRouteBuilder app)
    {
        var g = app.MapGroup("/api/v1/meetings").WithTags("Meetings").RequireAuthorization();
        g.MapPost("/", async Task<IResult> (CreateMeetingRequest body, CreateMeeting h, GetMeeting get, CancellationToken ct) =>
        {
            var r = await h.HandleAsync(body, ct);
            return r.IsSuccess ? TypedResults.Created($"/api/v1/meetings/{r.Value!.Id}", await get.ToDtoAsync(r.Value, ct)) : r.Error!.ToProblem();
        });
        g.MapGet("/", async Task<IResult> (Guid? orgUnitId, int? page, int? pageSize, ListMeetings h, CancellationToken ct) =>
        {
            var r = await h.HandleAsync(orgUnitId, Platform.Paging.PageRequest.Of(page, pageSize), ct);
            return r.IsSuccess ? TypedResults.Ok(r.Value) : r.Error!.ToProblem();
        });
        g.MapGet("/mine", async Task<IResult> (ListMeetings h, TimeProvider clock, CancellationToken ct) =>
            TypedResults.Ok(await h.MineAsync(clock.GetUtcNow().AddDays(-7), ct)));
        g.MapGet("/{id:guid}", async Task<IResult> (Guid id, GetMeeting h, CancellationToken ct) =>
        {
            var r = await h.HandleAsync(id, ct);
            return r.IsSuccess ? TypedResults.Ok(r.Value) : r.Error!.ToProblem();
        });
        g.MapPost("/{id:guid}/sign-ins", async Task<IResult> (Guid id, SignInRequest? body, SignIn h, CancellationToken ct) =>
        {
            var r = await h.HandleAsync(id, body ?? new SignInRequest(null, null), ct);
            if (!r.IsSuccess) return r.Error!.ToProblem();
            return r.Value.Created ? TypedResults.Created($"/api/v1/meetings/{id}/sign-ins", r.Value.SignIn) : TypedResults.Ok(r.Value.SignIn);
        });
        g.MapPost("/{id:guid}/pre-approval/submit", async Task<IResult> (Guid id, DecidePreApproval h, GetMeeting get, CancellationToken ct) =>
        {
            var r = await h.SubmitAsync(id, ct);
            return r.IsSuccess ? TypedResults.Ok(await get.ToDtoAsync(r.Value!, ct)) : r.Error!.ToProblem();
        });
        g.MapPost("/{id:guid}/pre-approval", async Task<IResult> (Guid id, PreApprovalDecision body, DecidePreApproval h, GetMeeting get, CancellationToken ct) =>
        {
            var r = await h.DecideAsync(id, body, ct);
            return r.IsSuccess ? TypedResults.Ok(await get.ToDtoAsync(r.Value!, ct)) : r.Error!.ToProblem();
        });
        g.MapGet("/{id:guid}/leaves", async Task<IResult> (Guid id, MeetingLeaves h, CancellationToken ct) =>
        {
            var r = await h.ListAsync(id, ct);
            return r.IsSuccess ? TypedResults.Ok(r.Value) : r.Error!.ToProblem();
        });
        g.MapPost("/{id:guid}/leaves", async Task<IResult> (Guid id, LeaveRequest body, MeetingLeaves h, CancellationToken ct) =>
        {
            var r = await h.RequestAsync(id, body, ct);
            return r.IsSuccess ? TypedResults.Created($"/api/v1/meetings/{id}/leaves/{r.Value!.Id}", r.Value) : r.Error!.ToProblem();
        });
        g.MapPost("/{id:guid}/leaves/{leaveId:guid}", async Task<IResult> (Guid id, Guid leaveId, LeaveDecision body, MeetingLeaves h, CancellationToken ct) =>
        {
            var r = await h.DecideAsync(id, leaveId, body, ct);
            return r.IsSuccess ? TypedResults.Ok(r.Value) : r.Error!.ToProblem();
        });
        g.MapGet("/{id:guid}/observers", async Task<IResult> (Guid id, GetMeeting get, MeetingObservers h, CancellationToken ct) =>
        {
            var visible = await get.LoadAsync(id, ct);
            return visible.IsSuccess ? TypedResults.Ok(await h.ListAsync(id, ct)) : visible.Error!.ToProblem();
        });
        g.MapPost("/{id:guid}/observers", async Task<IResult> (Guid id, AssignObserverRequest body, MeetingObservers h, CancellationToken ct) =>
        {
            var r = await h.AssignAsync(id, body, ct);
            return r.IsSuccess ? TypedResults.Created($"/api/v1/meetings/{id}/observers", r.Value) : r.Error!.ToProblem();
        });
        g.MapPost("/{id:guid}/observers/rating", async Task<IResult> (Guid id, RateMeetingRequest body, MeetingObservers h, CancellationToken ct) =>
        {
            var r = await h.RateAsync(id, body, ct);
            return r.IsSuccess ? TypedResults.Ok(r.Value) : r.Error!.ToProblem();
        });

        g.MapGet("/{id:guid}/appraisal", async Task<IResult> (Guid id, Appraisal.DemocraticAppraisal h, CancellationToken ct) => Reply(await h.GetAsync(id, ct)));
        g.MapPost("/{id:guid}/appraisal/self", async Task<IResult> (Guid id, Appraisal.SelfAppraisalRequest body, Appraisal.DemocraticAppraisal h,
            CancellationToken ct) => Reply(await h.SelfAsync(id, body, ct)));
        g.MapPost("/{id:guid}/appraisal/votes", async Task<IResult> (Guid id, Appraisal.VotesRequest body, Appraisal.DemocraticAppraisal h,
            CancellationToken ct) => Reply(await h.VoteAsync(id, body, ct)));
        g.MapPost("/{id:guid}/appraisal/close", async Task<IResult> (Guid id, Appraisal.CloseAppraisalRequest body, Appraisal.DemocraticAppraisal h,
            CancellationToken ct) => Reply(await h.CloseAsync(id, body, ct)));

        g.MapGet("/{id:guid}/record", async Task<IResult> (Guid id, Records.MeetingRecords h, CancellationToken ct) => Reply(await h.GetAsync(id, ct)));
        g.MapPut("/{id:guid}/record", async Task<IResult> (Guid id, Records.RecordRequest body, Records.MeetingRecords h, CancellationToken ct) =>
            Reply(await h.SaveAsync(id, body, ct)));
        g.MapPost("/{id:guid}/record/resolutions", async Task<IResult> (Guid id, Records.ResolutionRequest body, Records.MeetingRecords h, CancellationToken ct) =>
        {
            var r = await h.AddResolutionAsync(id, body, ct);
            return r.IsSuccess ? TypedResults.Created($"/api/v1/meetings/{id}/record", r.Value) : r.Error!.ToProblem();
        });
        g.MapPost("/{id:guid}/record/attachments", async Task<IResult> (Guid id, string? fileName, HttpRequest request, Records.MeetingRecords h,
            CancellationToken ct) =>
        {
            var r = await h.AttachAsync(id, fileName, request.ContentType, await ReadAsync(request.Body, Records.MeetingRecords.MaxAttachmentBytes, ct), ct);
            return r.IsSuccess ? TypedResults.Created($"/api/v1/meetings/{id}/record/attachments/{r.Value!.Id}", r.Value) : r.Error!.ToProblem();
        }).WithDescription("The request body is the file itself (a photo, recording or document).");
        g.MapGet("/{id:guid}/record/attachments/{attachmentId:guid}", async Task<IResult> (Guid id, Guid attachmentId, Records.MeetingRecords h,
            CancellationToken ct) =>
        {
            var r = await h.DownloadAsync(id, attachmentId, ct);
            return r.IsSuccess ? TypedResults.File(r.Value!.Content, r.Value.ContentType, r.Value.FileName, enableRangeProcessing: true) : r.Error!.ToProblem();
        });
        g.MapPost("/{id:guid}/record/lock", async Task<IResult> (Guid id, Records.MeetingRecords h, CancellationToken ct) => Reply(await h.LockAsync(id, ct)));
        g.MapPost("/{id:guid}/record/amendments", async Task<IResult> (Guid id, Records.AmendmentRequest body, Records.MeetingRecords h, CancellationToken ct) =>
        {
            var r = await h.AmendAsync(id, body, ct);
            return r.IsSuccess ? TypedResults.Created($"/api/v1/meetings/{id}/record", r.Value) : r.Error!.ToProblem();
        });

        g.MapGet("/{id:guid}/reflections", async Task<IResult> (Guid id, Records.MeetingReflections h, CancellationToken ct) => Reply(await h.ListAsync(id, ct)))
            .WithDescription("心得: all of them for the host and the unit's organisers, the caller's own for anyone else.");
        g.MapPut("/{id:guid}/reflections/mine", async Task<IResult> (Guid id, Records.ReflectionRequest body, Records.MeetingReflections h, CancellationToken ct) =>
        {
            var r = await h.SaveMineAsync(id, body, ct);
            if (!r.IsSuccess) return r.Error!.ToProblem();
            return r.Value.Created ? TypedResults.Created($"/api/v1/meetings/{id}/reflections", r.Value.Reflection) : TypedResults.Ok(r.Value.Reflection);
        });

        // The record page's upload: a multipart form with the antiforgery token.
        app.MapPost("/meetings/{id:guid}/record/upload", async Task<IResult> (Guid id, IFormFile? file, Records.MeetingRecords h, CancellationToken ct) =>
        {
            byte[]? content = [];
            if (file is not null)
            {
                await using var stream = file.OpenReadStream();
                content = await ReadAsync(stream, Records.MeetingRecords.MaxAttachmentBytes, ct);
            }
            await h.AttachAsync(id, file?.FileName, file?.ContentType, content, ct);
            return TypedResults.LocalRedirect($"/meetings/{id}/record");
        }).RequireAuthorization().ExcludeFromDescription();

        var units = app.MapGroup("/api/v1/org-units").WithTags("Meetings").RequireAuthorization();
        units.MapGet("/{id:guid}/compliance", async Task<IResult> (Guid id, int? year, Compliance.UnitCompliance h, CancellationToken ct) =>
            Reply(await h.HandleAsync(id, year, ct)));
        units.MapGet("/{id:guid}/compliance/branches", async Task<IResult> (Guid id, int? year, Compliance.UnitCompliance h, CancellationToken ct) =>
            Reply(await h.BranchesAsync(id, year, ct)));
        Book.MeetingBookEndpoints.MapMeetingBook(app);

        app.MapMeetingAttendance();

        var topics = app.MapGroup("/api/v1/first-topics").WithTags("Meetings").RequireAuthorization();
        topics.MapPost("/", async Task<IResult> (FirstTopics.PublishFirstTopicRequest body, FirstTopics.FirstTopicsService h, CancellationToken ct) =>
        {
            var r = await h.PublishAsync(body, ct);
            return r.IsSuccess ? TypedResults.Created($"/api/v1/first-topics/{r.Value!.Id}", r.Value) : r.Error!.ToProblem();
        });
        topics.MapGet("/", async Task<IResult> (Guid? orgUnitId, int? page, int? pageSize, FirstTopics.FirstTopicsService h, CancellationToken ct) =>
        {
            var r = await h.ListAsync(orgUnitId, Platform.Paging.PageRequest.Of(page, pageSize), ct);
            return r.IsSuccess ? TypedResults.Ok(r.Value) : r.Error!.ToProblem();
        });
        topics.MapGet("/{firstTopicId:guid}/responses", async Task<IResult> (Guid firstTopicId, Guid? orgUnitId, FirstTopics.FirstTopicsService h,
            CancellationToken ct) =>
        {
            var r = await h.ResponsesAsync(firstTopicId, orgUnitId, ct);
            return r.IsSuccess ? TypedResults.Ok(r.Value) : r.Error!.ToProblem();
        });
        return app;
    }

    private static async Task<byte[]?> ReadAsync(Stream body, int max, CancellationToken ct)
    {
        using var buffer = new MemoryStream();
        var chunk = new byte[81920];
        int read;
        while ((read = await body.ReadAsync(chunk, ct)) > 0)
        {
            if (buffer.Length + read > max) return null;
            buffer.Write(chunk, 0, read);
        }
        return buffer.ToArray();
    }

    private static IResult Reply<T>(Result<T> r) => r.IsSuccess ? TypedResults.Ok(r.Value) : r.Error!.ToProblem();
}
