using System.Resources;
using Dangjian.Web.Platform;
using Dangjian.Web.Platform.Api;
using Dangjian.Web.Platform.Errors;
using Dangjian.Web.Platform.Export;
using Dangjian.Web.Platform.Paging;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.Extensions.Localization;

namespace Dangjian.Web.Modules.Assessment.CheckUps;

/// <summary>
/// 政治体检: /api/v1/checkups (a member's own quarters, the review of one, the warnings' decisions) and
/// /api/v1/org-units/{unitId}/checkups (a unit's check-ups, summary, warnings and their exports). A route table of named handlers.
/// </summary>
internal static class CheckUpsApi
{
    private static readonly ResourceManager Texts = new(typeof(CheckUpsApi));

    public static void Map(IEndpointRouteBuilder app)
    {
        var g = app.MapGroup("/api/v1/checkups").WithTags("Assessment").RequireAuthorization();
        g.MapGet("/mine", Mine).Describe(Texts, "ListMyCheckUps");
        g.MapGet("/mine/{year:int}/{quarter:int}", GetMine).Describe(Texts, "GetMyCheckUp");
        g.MapPut("/mine/{year:int}/{quarter:int}", SaveMine).Describe(Texts, "SaveMyCheckUp")
            .WithDescription("Saves the caller's own self-analysis of the quarter (ideals, discipline, conduct, role, measures); submit true makes it final " +
                             "and needs all five parts. Taken from the quarter's first day until Rules:Assessment:CheckUps:GraceDays after its end (422 outside).");
        g.MapGet("/{checkUpId:guid}", Get).Describe(Texts, "GetCheckUp");
        g.MapPost("/{checkUpId:guid}/review", Review).Describe(Texts, "ReviewCheckUp")
            .WithDescription("result: Good | Attention | Talk, and a comment; once (409 after). Talk raises a warning. Needs ManageAssessment on the member's unit.");
        g.MapGet("/warnings/{warningId:guid}", GetWarning).Describe(Texts, "GetWarning");
        g.MapPost("/warnings/{warningId:guid}/handle", Handle).Describe(Texts, "HandleWarning")
            .WithDescription("measure: HeartToHeartTalk | CriticismEducation | RectifyByDeadline | Other, and a note; once (409 after).");
        g.MapPost("/warnings/{warningId:guid}/dismiss", Dismiss).Describe(Texts, "DismissWarning");

        var units = app.MapGroup("/api/v1/org-units/{unitId:guid}/checkups").WithTags("Assessment").RequireAuthorization();
        units.MapGet("/", List).Describe(Texts, "ListUnitCheckUps")
            .WithDescription("The submitted check-ups of the unit (its subtree when the caller's role reaches it) for a quarter (default: the current one); " +
                             "state: All | Pending | Reviewed.");
        units.MapGet("/summary", Summary).Describe(Texts, "GetCheckUpSummary")
            .WithDescription("quarter omitted with a year: the whole year. rate = handled ÷ (raised − dismissed), null with nothing to handle.");
        units.MapGet("/summary/export", ExportSummary).Describe(Texts, "ExportCheckUpSummary").Produces<byte[]>(StatusCodes.Status200OK, XlsxWriter.ContentType);
        units.MapGet("/warnings", ListWarnings).Describe(Texts, "ListWarnings")
            .WithDescription("status: Open | Handled | Dismissed; kind: Absences | DuesArrears | StudyFarBelow | CheckUpMissing | ReviewTalk; year and quarter: when raised.");
        units.MapGet("/warnings/export", ExportWarnings).Describe(Texts, "ExportWarnings").Produces<byte[]>(StatusCodes.Status200OK, XlsxWriter.ContentType);
    }

    private static async Task<Results<Ok<IReadOnlyList<MyQuarterDto>>, ApiProblem>> Mine(MyCheckUps h, CancellationToken ct) =>
        ApiReply.Ok(await h.ListAsync(ct));

    private static async Task<Results<Ok<MyQuarterDto>, ApiProblem>> GetMine(int year, int quarter, MyCheckUps h, CancellationToken ct) =>
        ApiReply.Ok(await h.GetAsync(year, quarter, ct));

    private static async Task<Results<Ok<MyQuarterDto>, ApiProblem>> SaveMine(int year, int quarter, SaveCheckUpRequest body, MyCheckUps h, CancellationToken ct) =>
        ApiReply.Ok(await h.SaveAsync(year, quarter, body, ct));

    private static async Task<Results<Ok<CheckUpDto>, ApiProblem>> Get(Guid checkUpId, ReviewCheckUps h, CancellationToken ct) =>
        ApiReply.Ok(await h.GetAsync(checkUpId, ct));

    private static async Task<Results<Ok<CheckUpDto>, ApiProblem>> Review(Guid checkUpId, ReviewCheckUpRequest body, ReviewCheckUps h, CancellationToken ct) =>
        ApiReply.Ok(await h.ReviewAsync(checkUpId, body, ct));

    private static async Task<Results<Ok<WarningDto>, ApiProblem>> GetWarning(Guid warningId, Warnings h, CancellationToken ct) =>
        ApiReply.Ok(await h.GetAsync(warningId, ct));

    private static async Task<Results<Ok<WarningDto>, ApiProblem>> Handle(Guid warningId, HandleWarningRequest body, Warnings h, CancellationToken ct) =>
        ApiReply.Ok(await h.HandleAsync(warningId, body, ct));

    private static async Task<Results<Ok<WarningDto>, ApiProblem>> Dismiss(Guid warningId, DismissWarningRequest body, Warnings h, CancellationToken ct) =>
        ApiReply.Ok(await h.DismissAsync(warningId, body, ct));

    private static async Task<Results<Ok<Page<CheckUpDto>>, ApiProblem>> List(Guid unitId, int? year, int? quarter, string? state, int? page, int? pageSize,
        ReviewCheckUps h, IStringLocalizer<SharedResource> L, CancellationToken ct)
    {
        if (!TryEnum<ReviewState>(state, "state", L, out var s, out var bad)) return bad!;
        return ApiReply.Ok(await h.ListAsync(unitId, year, quarter, s ?? ReviewState.All, PageRequest.Of(page, pageSize), ct));
    }

    private static async Task<Results<Ok<CheckUpSummaryDto>, ApiProblem>> Summary(Guid unitId, int? year, int? quarter, CheckUpSummary h, CancellationToken ct) =>
        ApiReply.Ok(await h.GetAsync(unitId, year, quarter, ct));

    private static async Task<Results<FileContentHttpResult, ApiProblem>> ExportSummary(Guid unitId, int? year, int? quarter, CheckUpSummary h,
        IStringLocalizer<CheckUpsText> T, CancellationToken ct) =>
        ApiReply.File(await h.ExportAsync(unitId, year, quarter, ct), x => CheckUpSummary.Workbook(x.Summary, x.Warnings, T), XlsxWriter.ContentType,
            x => $"{T["Export.FileName"]}-{x.Summary.UnitName}-{CheckUpSummary.Period(x.Summary, T)}.xlsx");

    private static async Task<Results<Ok<Page<WarningDto>>, ApiProblem>> ListWarnings(Guid unitId, string? status, string? kind, int? year, int? quarter,
        int? page, int? pageSize, Warnings h, IStringLocalizer<SharedResource> L, CancellationToken ct)
    {
        if (!TryEnum<WarningStatus>(status, "status", L, out var s, out var bad) || !TryEnum<WarningKind>(kind, "kind", L, out var k, out bad)) return bad!;
        if (quarter is not null && year is null) return new ApiProblem(Error.Validation("year", L["Validation.Required", "year"]));
        if (year is { } y && !CheckUpWindowRule.IsQuarter(y, quarter ?? 1)) return new ApiProblem(Error.Validation(quarter is null ? "year" : "quarter", L["Validation.OneOf", "quarter", "1, 2, 3, 4"]));
        return ApiReply.Ok(await h.ListAsync(unitId, new WarningFilter(s, k, year, quarter), PageRequest.Of(page, pageSize), ct));
    }

    private static async Task<Results<FileContentHttpResult, ApiProblem>> ExportWarnings(Guid unitId, string? status, string? kind, int? year, int? quarter,
        Warnings h, CheckUpSummary summary, IStringLocalizer<SharedResource> L, IStringLocalizer<CheckUpsText> T, CancellationToken ct)
    {
        if (!TryEnum<WarningStatus>(status, "status", L, out var s, out var bad) || !TryEnum<WarningKind>(kind, "kind", L, out var k, out bad)) return bad!;
        if (year is { } y && !CheckUpWindowRule.IsQuarter(y, quarter ?? 1)) return new ApiProblem(Error.Validation("year", L["Validation.OneOf", "quarter", "1, 2, 3, 4"]));
        var sum = await summary.GetAsync(unitId, year, year is null ? null : quarter, ct);
        if (sum.Error is { } e) return new ApiProblem(e);
        var all = await h.AllAsync(unitId, new WarningFilter(s, k, year, year is null ? null : quarter), ct);
        return ApiReply.File(all, x => CheckUpSummary.Workbook(sum.Value!, x.Items, T), XlsxWriter.ContentType,
            x => $"{T["Export.WarningsFileName"]}-{x.Unit.Name}.xlsx");
    }

    private static bool TryEnum<TEnum>(string? value, string field, IStringLocalizer<SharedResource> L, out TEnum? parsed, out ApiProblem? problem)
        where TEnum : struct, Enum
    {
        (parsed, problem) = (null, null);
        if (string.IsNullOrEmpty(value)) return true;
        if (Enum.TryParse<TEnum>(value, true, out var v) && Enum.IsDefined(v) && !int.TryParse(value, out _))
        {
            parsed = v;
            return true;
        }
        problem = new ApiProblem(Error.Validation(field, L["Validation.OneOf", field, string.Join(", ", Enum.GetNames<TEnum>())]));
        return false;
    }
}
