using Dangjian.Web.Platform.Security;
using System.Resources;
using Dangjian.Web.Platform.Api;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Dangjian.Web.Modules.Meetings.Records;

/// <summary>
/// The meeting's record (minutes, resolutions with their votes, attachments, lock and amendments) and the members'
/// reflections (心得): /api/v1/meetings/{id}/record and /reflections. A route table of named handlers.
/// </summary>
internal static class RecordsApi
{
    private static readonly ResourceManager Texts = new(typeof(RecordsApi));

    public static void Map(IEndpointRouteBuilder app)
    {
        var g = app.MapGroup("/api/v1/meetings").WithTags("Meetings").RequireAuthorization();
        g.MapGet("/{id:guid}/record", Get).Describe(Texts, "GetMeetingRecord");
        g.MapPut("/{id:guid}/record", Save).Describe(Texts, "SaveMeetingRecord");
        g.MapPost("/{id:guid}/record/resolutions", AddResolution).Describe(Texts, "AddMeetingResolution");
        g.MapPost("/{id:guid}/record/attachments", Attach).Describe(Texts, "AttachToMeetingRecord")
            .WithDescription("The request body is the file itself (a photo, recording or document).");
        g.MapGet("/{id:guid}/record/attachments/{attachmentId:guid}", Download).Describe(Texts, "DownloadMeetingAttachment")
            .Produces<byte[]>(StatusCodes.Status200OK, "application/octet-stream")
            .WithDescription("The file in the content type it was uploaded with; Range requests are served (recordings can be played from any point).");
        g.MapPost("/{id:guid}/record/lock", Lock).Describe(Texts, "LockMeetingRecord");
        g.MapPost("/{id:guid}/record/amendments", Amend).Describe(Texts, "AmendMeetingRecord");
        g.MapGet("/{id:guid}/reflections", Reflections).Describe(Texts, "ListMeetingReflections")
            .WithDescription("Reflections: all of them for the host and the unit's organisers, the caller's own for anyone else.");
        g.MapPut("/{id:guid}/reflections/mine", SaveMyReflection).Describe(Texts, "SaveMyMeetingReflection");

        // The record page's upload: a multipart form with the antiforgery token.
        app.MapPost("/meetings/{id:guid}/record/upload", Upload).TakesUpload().RequireAuthorization().ExcludeFromDescription();
    }

    private static async Task<Results<Ok<RecordDto>, ApiProblem>> Get(Guid id, MeetingRecords h, CancellationToken ct) =>
        ApiReply.Ok(await h.GetAsync(id, ct));

    private static async Task<Results<Ok<RecordDto>, ApiProblem>> Save(Guid id, RecordRequest body, MeetingRecords h, CancellationToken ct) =>
        ApiReply.Ok(await h.SaveAsync(id, body, ct));

    private static async Task<Results<Created<ResolutionDto>, ApiProblem>> AddResolution(Guid id, ResolutionRequest body, MeetingRecords h, CancellationToken ct) =>
        ApiReply.Created(await h.AddResolutionAsync(id, body, ct), _ => $"/api/v1/meetings/{id}/record");

    private static async Task<Results<Created<AttachmentDto>, ApiProblem>> Attach(Guid id, string? fileName, HttpRequest request, MeetingRecords h,
        CancellationToken ct) =>
        ApiReply.Created(await h.AttachAsync(id, fileName, request.ContentType, await ReadAsync(request.Body, MeetingRecords.MaxAttachmentBytes, ct), ct),
            a => $"/api/v1/meetings/{id}/record/attachments/{a.Id}");

    private static async Task<Results<FileContentHttpResult, ApiProblem>> Download(Guid id, Guid attachmentId, MeetingRecords h, CancellationToken ct) =>
        ApiReply.StoredFile(await h.DownloadAsync(id, attachmentId, ct), a => a.Content, a => a.ContentType, a => a.FileName);

    private static async Task<Results<Ok<RecordDto>, ApiProblem>> Lock(Guid id, MeetingRecords h, CancellationToken ct) =>
        ApiReply.Ok(await h.LockAsync(id, ct));

    private static async Task<Results<Created<AmendmentDto>, ApiProblem>> Amend(Guid id, AmendmentRequest body, MeetingRecords h, CancellationToken ct) =>
        ApiReply.Created(await h.AmendAsync(id, body, ct), _ => $"/api/v1/meetings/{id}/record");

    private static async Task<Results<Ok<IReadOnlyList<ReflectionDto>>, ApiProblem>> Reflections(Guid id, MeetingReflections h, CancellationToken ct) =>
        ApiReply.Ok(await h.ListAsync(id, ct));

    /// <summary>201 when the caller writes their reflection for the first time, 200 when they change it.</summary>
    private static async Task<Results<Created<ReflectionDto>, Ok<ReflectionDto>, ApiProblem>> SaveMyReflection(Guid id, ReflectionRequest body,
        MeetingReflections h, CancellationToken ct) =>
        ApiReply.CreatedOrOk(await h.SaveMineAsync(id, body, ct), r => r.Created, _ => $"/api/v1/meetings/{id}/reflections", r => r.Reflection);

    private static async Task<RedirectHttpResult> Upload(Guid id, IFormFile? file, MeetingRecords h, CancellationToken ct)
    {
        byte[]? content = [];
        if (file is not null)
        {
            await using var stream = file.OpenReadStream();
            content = await ReadAsync(stream, MeetingRecords.MaxAttachmentBytes, ct);
        }
        await h.AttachAsync(id, file?.FileName, file?.ContentType, content, ct);
        return TypedResults.LocalRedirect($"/meetings/{id}/record");
    }

    /// <summary>The body up to <paramref name="max"/> bytes; null when it is longer (the handler answers that the file is too large).</summary>
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
}
