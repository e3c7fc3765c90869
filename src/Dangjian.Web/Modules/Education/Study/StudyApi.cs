using System.Resources;
using Dangjian.Web.Modules.Education.Study.Archive;
using Dangjian.Web.Modules.Education.Study.Import;
using Dangjian.Web.Modules.Education.Study.Sessions;
using Dangjian.Web.Modules.Organizations;
using Dangjian.Web.Platform.Api;
using Dangjian.Web.Platform.Auth;
using Dangjian.Web.Platform.Clock;
using Dangjian.Web.Platform.Errors;
using Dangjian.Web.Platform.Export;
using Dangjian.Web.Platform.Import;
using Dangjian.Web.Platform.Paging;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.Extensions.Localization;

namespace Dangjian.Web.Modules.Education.Study;

/// <summary>
/// /api/v1/education/study (heartbeats: the only source of course study time), the learning archive of a member and of
/// a unit, and the import of outside study hours. A route table of named handlers.
/// </summary>
internal static class StudyApi
{
    private static readonly ResourceManager Texts = new(typeof(StudyApi));

    public static void Map(IEndpointRouteBuilder app)
    {
        var study = app.MapGroup("/api/v1/education/study").WithTags("Education").RequireAuthorization();
        study.MapPost("/sessions", Start).Describe(Texts, "StartStudySession")
            .WithDescription("Starts the signed-in member's study of a course published to their unit or above (else 404); ends the member's open " +
                             "session, one course at a time. Live courses are credited by their sign-in (422).");
        study.MapPost("/sessions/{sessionId:guid}/heartbeats", Heartbeat).Describe(Texts, "SendStudyHeartbeat")
            .WithDescription("One heartbeat per Rules:Education:HeartbeatSeconds while the page is visible and the media plays or the reader scrolls. " +
                             "The server credits at most one interval and never more than its own clock measured since the last accepted heartbeat; " +
                             "reason: None | ShortInterval | TooSoon | NotVisible | NotPlaying | NotScrolled | CapReached | Expired | Ended | Concurrent " +
                             "(docs/rules/education.md#e-4). The body claims no time.");
        study.MapPost("/sessions/{sessionId:guid}/end", End).Describe(Texts, "EndStudySession")
            .WithDescription("Ends the session (the page's pagehide, sent with navigator.sendBeacon); the time since its last heartbeat is not credited.");

        var archive = app.MapGroup("/api/v1").WithTags("Education").RequireAuthorization();
        archive.MapGet("/education/archive/mine", Mine).Describe(Texts, "GetMyLearningArchive")
            .WithDescription("The signed-in member's learning archive for a year (China time; default this year): class hours of courses, meetings " +
                             "attended and outside platforms against the target (docs/rules/education.md#e-1, #e-2).");
        archive.MapGet("/members/{id:guid}/education-archive", Member).Describe(Texts, "GetMemberLearningArchive")
            .WithDescription("A member's learning archive for a year. Needs ViewMembers on the member's unit or above; the member may read their own.");
        archive.MapGet("/org-units/{id:guid}/education-archive", Unit).Describe(Texts, "GetUnitLearningArchive")
            .WithDescription("Every party member of the unit's subtree with hours, target, gap and status, those below target first; paged. Needs ViewMembers.");
        archive.MapGet("/org-units/{id:guid}/education-archive.xlsx", Export).Describe(Texts, "ExportUnitLearningArchive")
            .Produces<byte[]>(StatusCodes.Status200OK, XlsxWriter.ContentType)
            .WithDescription("The unit's overview as .xlsx (names only). Needs ViewMembers on the unit or above.");

        archive.MapGet("/education/external-hours-import-template", Template).Describe(Texts, "GetExternalHoursImportTemplate")
            .Produces<byte[]>(StatusCodes.Status200OK, XlsxWriter.ContentType)
            .WithDescription("The blank monthly workbook of outside study hours (Xuexi Qiangguo, Guozi e-Learning) for a unit: name, ID number, mobile, month (YYYY-MM), " +
                             "source, points, class hours. Needs ManageEducation on the unit.");
        ImportEndpoints.Map<ImportExternalHours, ExternalHoursImportSummary>(app, "/api/v1/education/external-hours-imports", "Education",
            "/education/archive/import", s => s.Import.Id, Texts, "ExternalHoursImport");
        // The shared upload redirects to {page}/{id}: the preview page reads the upload from the query.
        app.MapGet("/education/archive/import/{importId:guid}", (Guid importId) => TypedResults.LocalRedirect($"/education/archive/import?upload={importId}"))
            .RequireAuthorization().ExcludeFromDescription();
    }

    private static async Task<Results<Created<StudySessionDto>, ApiProblem>> Start(StartStudyRequest body, StudySessions h, CancellationToken ct) =>
        ApiReply.Created(await h.StartAsync(body, ct), s => $"/api/v1/education/study/sessions/{s.Id}");

    private static async Task<Results<Ok<HeartbeatDto>, ApiProblem>> Heartbeat(Guid sessionId, HeartbeatRequest body, StudySessions h, CancellationToken ct) =>
        ApiReply.Ok(await h.HeartbeatAsync(sessionId, body, ct));

    private static async Task<Results<NoContent, ApiProblem>> End(Guid sessionId, StudySessions h, CancellationToken ct) =>
        ApiReply.NoContent(await h.EndAsync(sessionId, ct));

    private static async Task<Results<Ok<LearningArchiveDto>, ApiProblem>> Mine(string? year, LearningArchive h, CancellationToken ct) =>
        ApiReply.Ok(await h.MineAsync(year, ct));

    private static async Task<Results<Ok<LearningArchiveDto>, ApiProblem>> Member(Guid id, string? year, LearningArchive h, CancellationToken ct) =>
        ApiReply.Ok(await h.MemberAsync(id, year, ct));

    private static async Task<Results<Ok<UnitArchiveDto>, ApiProblem>> Unit(Guid id, string? year, int? page, int? pageSize, LearningArchive h,
        CancellationToken ct) =>
        ApiReply.Ok(await h.UnitAsync(id, year, PageRequest.Of(page, pageSize), ct));

    private static async Task<Results<FileContentHttpResult, ApiProblem>> Export(Guid id, string? year, ArchiveWorkbook h, CancellationToken ct) =>
        ApiReply.File(await h.HandleAsync(id, year, ct), f => f.Content, XlsxWriter.ContentType, f => f.FileName);

    private static async Task<Results<FileContentHttpResult, ApiProblem>> Template(Guid? orgUnitId, OrgAccess access, TimeProvider clock,
        IStringLocalizer<StudyText> T, IStringLocalizer<SharedResource> L, CancellationToken ct)
    {
        if (orgUnitId is not { } unitId) return new ApiProblem(Error.Validation("orgUnitId", L["Validation.Required", "orgUnitId"]));
        var unit = await access.LoadAsync(unitId, Permission.ManageEducation, ct);
        if (!unit.IsSuccess) return new ApiProblem(unit.Error!);
        return TypedResults.File(ImportExternalHours.Template(T, clock.Today()), XlsxWriter.ContentType, T["ExternalImport.TemplateFile"].Value);
    }
}
