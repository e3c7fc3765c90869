using System.Resources;
using Dangjian.Web.Platform.Api;
using Dangjian.Web.Platform.Errors;
using Dangjian.Web.Platform.Paging;
using Dangjian.Web.Platform.Security;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.WebUtilities;
using Microsoft.Extensions.Options;
using Microsoft.Net.Http.Headers;

namespace Dangjian.Web.Modules.Education.Courses;

/// <summary>课程库: /api/v1/education/courses — the managers' library, a member's courses, files, live sign-in. A route table of named handlers.</summary>
internal static class CoursesApi
{
    private static readonly ResourceManager Texts = new(typeof(CoursesApi));

    /// <summary>What a multipart form adds around the file (boundaries, headers, the antiforgery field).</summary>
    private const long FormSlack = 64 * 1024;

    public static void Map(IEndpointRouteBuilder app)
    {
        var largest = app.ServiceProvider.GetRequiredService<IOptions<CourseFileOptions>>().Value.LargestBytes + FormSlack;
        var g = app.MapGroup("/api/v1/education/courses").WithTags("Education").RequireAuthorization();
        g.MapPost("/", Create).Describe(Texts, "CreateCourse");
        g.MapGet("/", List).Describe(Texts, "ListCourses");
        g.MapGet("/mine", Mine).Describe(Texts, "ListMyCourses");
        g.MapGet("/{courseId:guid}", Get).Describe(Texts, "GetCourse");
        g.MapPut("/{courseId:guid}", Edit).Describe(Texts, "EditCourse");
        g.MapPost("/{courseId:guid}/publish", Publish).Describe(Texts, "PublishCourse");
        g.MapPost("/{courseId:guid}/withdraw", Withdraw).Describe(Texts, "WithdrawCourse");
        g.MapPost("/{courseId:guid}/files", Upload).TakesUpload().WithMetadata(new RequestSizeLimitAttribute(largest)).Describe(Texts, "UploadCourseFile")
            .ProducesProblem(StatusCodes.Status413PayloadTooLarge)
            .WithDescription("A multipart form with the file (field \"file\"), or the file itself as the body (fileName in the query). MP4 for a video, M4A or MP3 for an audio, PDF for a document; the length is read from the file.");
        g.MapGet("/{courseId:guid}/files/{fileId:guid}", Download).Describe(Texts, "DownloadCourseFile")
            .Produces<byte[]>(StatusCodes.Status200OK, "application/octet-stream")
            .WithDescription("The file in its own type (video/mp4, audio/mp4, audio/mpeg, application/pdf); Range requests are served.");
        g.MapGet("/{courseId:guid}/live/code", Code).Describe(Texts, "GetLiveCourseCode");
        g.MapPost("/{courseId:guid}/live/sign-ins", SignIn).Describe(Texts, "SignInToLiveCourse");
        g.MapGet("/{courseId:guid}/live/attendance", Attendance).Describe(Texts, "GetLiveCourseAttendance");

        // The course page's upload: a multipart form with the antiforgery token.
        app.MapPost("/education/courses/{courseId:guid}/upload", PageUpload).TakesUpload().WithMetadata(new RequestSizeLimitAttribute(largest))
            .WithFormOptions(multipartBodyLengthLimit: largest).RequireAuthorization().ExcludeFromDescription();
    }

    private static async Task<Results<Created<CourseDto>, ApiProblem>> Create(SaveCourseRequest body, SaveCourse h, CancellationToken ct) =>
        ApiReply.Created(await h.CreateAsync(body, ct), c => $"/api/v1/education/courses/{c.Id}");

    private static async Task<Results<Ok<Page<CourseListItemDto>>, ApiProblem>> List(Guid? orgUnitId, CourseKind? kind, CourseCategory? category,
        CaseKind? caseKind, string? tag, string? q, bool? micro, int? page, int? pageSize, ListCourses h, CancellationToken ct) =>
        ApiReply.Ok(await h.HandleAsync(orgUnitId, new CourseFilter(kind, category, caseKind, tag, q, micro), PageRequest.Of(page, pageSize), ct));

    private static async Task<Results<Ok<Page<MyCourseDto>>, ApiProblem>> Mine(int? page, int? pageSize, MyCourses h, CancellationToken ct) =>
        ApiReply.Ok(await h.HandleAsync(PageRequest.Of(page, pageSize), ct));

    private static async Task<Results<Ok<CourseDto>, ApiProblem>> Get(Guid courseId, CourseAccess access, CancellationToken ct)
    {
        var seen = await access.SeeAsync(courseId, ct);
        Result<CourseDto> course = seen.IsSuccess ? await access.ToDtoAsync(seen.Value!, ct) : seen.Error!;
        return ApiReply.Ok(course);
    }

    private static async Task<Results<Ok<CourseDto>, ApiProblem>> Edit(Guid courseId, SaveCourseRequest body, SaveCourse h, CancellationToken ct) =>
        ApiReply.Ok(await h.EditAsync(courseId, body, ct));

    private static async Task<Results<Ok<CourseDto>, ApiProblem>> Publish(Guid courseId, PublishCourse h, CancellationToken ct) =>
        ApiReply.Ok(await h.PublishAsync(courseId, ct));

    private static async Task<Results<Ok<CourseDto>, ApiProblem>> Withdraw(Guid courseId, PublishCourse h, CancellationToken ct) =>
        ApiReply.Ok(await h.WithdrawAsync(courseId, ct));

    private static async Task<Results<Created<CourseFileDto>, ApiProblem>> Upload(Guid courseId, string? fileName, HttpRequest request, CourseFiles h,
        CancellationToken ct)
    {
        var target = await h.TargetAsync(courseId, ct);
        if (!target.IsSuccess) return new ApiProblem(target.Error!);
        var course = target.Value!;
        var max = h.MaxBytes(course.Kind);
        // Refused on the declared length, before a byte of the body is read.
        if (request.ContentLength > max + FormSlack) return new ApiProblem(h.TooLarge(course.Kind));
        if (request.HttpContext.Features.Get<IHttpMaxRequestBodySizeFeature>() is { IsReadOnly: false } limit) limit.MaxRequestBodySize = max + FormSlack;
        var (name, content) = await ReadFileAsync(request, max, ct);
        return ApiReply.Created(await h.UploadAsync(course, name ?? fileName, content, ct), f => f.Url);
    }

    private static async Task<Results<FileContentHttpResult, ApiProblem>> Download(Guid courseId, Guid fileId, CourseFiles h, CancellationToken ct) =>
        ApiReply.StoredFile(await h.DownloadAsync(courseId, fileId, ct), f => f.Content, f => f.File.ContentType, f => f.File.FileName);

    private static async Task<Results<Ok<LiveCodeDto>, ApiProblem>> Code(Guid courseId, LiveSessions h, CancellationToken ct) =>
        ApiReply.Ok(await h.CodeAsync(courseId, ct));

    /// <summary>201 for the first sign-in, 200 with the first one for any later try.</summary>
    private static async Task<Results<Created<LiveSignInDto>, Ok<LiveSignInDto>, ApiProblem>> SignIn(Guid courseId, LiveSignInRequest body, LiveSessions h,
        CancellationToken ct) =>
        ApiReply.CreatedOrOk(await h.SignInAsync(courseId, body, ct), s => s.Created, _ => $"/api/v1/education/courses/{courseId}/live/attendance", s => s.SignIn);

    private static async Task<Results<Ok<LiveAttendanceDto>, ApiProblem>> Attendance(Guid courseId, LiveSessions h, CancellationToken ct) =>
        ApiReply.Ok(await h.AttendanceAsync(courseId, ct));

    private static async Task<RedirectHttpResult> PageUpload(Guid courseId, IFormFile? file, CourseFiles h, CancellationToken ct)
    {
        var target = await h.TargetAsync(courseId, ct);
        var error = target.Error;
        if (target.IsSuccess)
        {
            byte[]? content = [];
            if (file is not null)
            {
                await using var stream = file.OpenReadStream();
                content = file.Length > h.MaxBytes(target.Value!.Kind) ? null : await ReadAsync(stream, h.MaxBytes(target.Value!.Kind), ct);
            }
            error = (await h.UploadAsync(target.Value!, file?.FileName, content, ct)).Error;
        }
        return TypedResults.LocalRedirect(error is null
            ? $"/education/courses/{courseId}#media"
            : $"/education/courses/{courseId}?fileError={Uri.EscapeDataString(error.Message)}#media");
    }

    /// <summary>The first file of a multipart form, or the body itself; the content is null when it is longer than <paramref name="max"/>.</summary>
    private static async Task<(string? Name, byte[]? Content)> ReadFileAsync(HttpRequest request, long max, CancellationToken ct)
    {
        if (request.ContentType is { } type && type.StartsWith("multipart/", StringComparison.OrdinalIgnoreCase)
            && MediaTypeHeaderValue.TryParse(type, out var media) && HeaderUtilities.RemoveQuotes(media.Boundary).Value is { Length: > 0 } boundary)
        {
            var reader = new MultipartReader(boundary, request.Body);
            try
            {
                while (await reader.ReadNextSectionAsync(ct) is { } section)
                {
                    if (!ContentDispositionHeaderValue.TryParse(section.ContentDisposition, out var disposition) || !disposition.IsFileDisposition()) continue;
                    var name = HeaderUtilities.RemoveQuotes(disposition.FileNameStar.HasValue ? disposition.FileNameStar : disposition.FileName).Value;
                    return (name, await ReadAsync(section.Body, max, ct));
                }
            }
            catch (IOException)
            {
                return (null, []);
            }
            catch (InvalidDataException)
            {
                return (null, []);
            }
            return (null, []);
        }
        return (null, await ReadAsync(request.Body, max, ct));
    }

    private static async Task<byte[]?> ReadAsync(Stream body, long max, CancellationToken ct)
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
