using System.Globalization;
using System.Resources;
using Dangjian.Web.Modules.Dues.Import;
using Dangjian.Web.Modules.Dues.Payments;
using Dangjian.Web.Modules.Dues.Reports;
using Dangjian.Web.Platform.Api;
using Dangjian.Web.Platform.Errors;
using Dangjian.Web.Platform.Export;
using Dangjian.Web.Platform.Import;
using Dangjian.Web.Platform.Paging;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.Extensions.Localization;
using Microsoft.Extensions.Options;

namespace Dangjian.Web.Modules.Dues;

/// <summary>
/// /api/v1/dues: the calculator (reads no tenant data, so it needs a signed-in user but no unit scope), the payroll
/// import and the unit reports; /api/v1/members/{id}/dues: a member's bills, bases and payments, scoped by the
/// member's unit. A route table of named handlers.
/// </summary>
internal static class DuesApi
{
    private static readonly ResourceManager Texts = new(typeof(DuesApi));

    public static void Map(IEndpointRouteBuilder app)
    {
        MapMemberDues(app);
        DuesUnitApi.Map(app);
        app.MapGet("/api/v1/dues/base-import-template", Template).Describe(Texts, "GetDuesBaseImportTemplate")
            .WithTags("Dues").RequireAuthorization()
            .Produces<byte[]>(StatusCodes.Status200OK, XlsxWriter.ContentType)
            .ProducesProblem(StatusCodes.Status401Unauthorized) // the template cannot fail; only a caller not signed in is refused
            .WithDescription("The payroll template, its columns in the caller's language (an import reads them in Chinese or English): name, " +
                             "ID number, start month (YYYY-MM), method, then the monthly base or the gross pay with income tax and the employee's " +
                             "social insurance (deducted only when Rules:Dues:DeductSocialInsurance is on), note. Amounts in yuan, two decimals.");
        ImportEndpoints.Map<ImportDuesBases, DuesBaseImportSummary>(app, "/api/v1/dues/base-imports", "Dues", "/dues/base-import", s => s.Import.Id,
            Texts, "DuesBaseImport");

        var g = app.MapGroup("/api/v1/dues").WithTags("Dues").RequireAuthorization();
        g.MapGet("/arrears", Arrears).Describe(Texts, "GetDuesArrears")
            .WithDescription("Party members under the unit with consecutive unpaid months up to last month: Warning from ArrearsWarningMonths, " +
                             "Flag from ArrearsFlagMonths (art. 13). Months without a base (noBase) or exempt end a run. Needs ViewMembers on the unit.");
        g.MapGet("/collection", Collection).Describe(Texts, "GetDuesCollection")
            .WithDescription("Per month: bills due and paid among the party members on the unit's roll, amount due, money collected in the unit, " +
                             "voluntary and to-Centre amounts; the 5% hand-up of the year's total (art. 15). Needs ViewMembers on the unit.");
        g.MapGet("/calculate", Calculate).Describe(Texts, "CalculateDues");
    }

    private static void MapMemberDues(IEndpointRouteBuilder app)
    {
        var g = app.MapGroup("/api/v1/members/{id:guid}/dues").WithTags("Dues").RequireAuthorization();
        g.MapGet("", Bills).Describe(Texts, "GetMemberDuesBills")
            .WithDescription("The 12 monthly bills of a year (default: this year). status: paid (by the end of the month or in advance) | " +
                             "backPaid (after the month ended) | unpaid | exempt (a base is in force but the amount is 0) | notDue (a later month, " +
                             "before the month of the branch general meeting's resolution (art. 8), or not a party member) | noBase (due, but no base is in force: " +
                             "the amount is unknown until one is set). Needs ViewMembers; the person may read their own.");
        g.MapPost("/bases", SetBase).Describe(Texts, "SetDuesBase")
            .WithDescription("Sets the base from effectiveMonth (YYYY-MM or YYYY-MM-01) on (art. 10); 201, or 200 when it replaces the base of that month. " +
                             "Needs ManageMembers.");
        g.MapPost("/payments", RecordPayment).Describe(Texts, "RecordDuesPayment")
            .WithDescription("Records one month's dues. 409 when the month is paid; 422 (with the article) for a non-member or a month before the " +
                             "resolution (art. 8), back-payment beyond BackPaymentMonths or advance beyond AdvancePaymentMonths from paidOn (art. 12), " +
                             "no base (art. 1), an amount below the month's (arts. 2–6), a proxy without consent (art. 14). method: Self | Proxy | " +
                             "Quarterly. Voluntary ≥ ¥1,000 sets toCentre (art. 11). Needs ManageMembers.");
    }

    private static FileContentHttpResult Template(IStringLocalizer<DuesText> T) =>
        TypedResults.File(ImportDuesBases.Template(T), XlsxWriter.ContentType, Texts.GetString("File.BaseImportTemplate"));

    private static async Task<Results<Ok<ArrearsReportDto>, ApiProblem>> Arrears(Guid? orgUnitId, int? page, int? pageSize, ArrearsReport h,
        CancellationToken ct) =>
        ApiReply.Ok(await h.HandleAsync(orgUnitId, PageRequest.Of(page, pageSize), ct));

    private static async Task<Results<Ok<CollectionReportDto>, ApiProblem>> Collection(Guid? orgUnitId, string? year, CollectionReport h,
        CancellationToken ct) =>
        ApiReply.Ok(await h.HandleAsync(orgUnitId, year, ct));

    // Both parameters arrive as text so that every bad value, not only a missing one, is answered with a
    // ValidationProblem naming its field instead of the framework's bare 400.
    private static Results<Ok<DuesQuote>, ApiProblem> Calculate(string? category, string? baseFen, IOptionsSnapshot<DuesOptions> options) =>
        ApiReply.Ok(Parse(category, baseFen), input => DuesRules.Calculate(input.Category, input.BaseFen, options.Value));

    private static async Task<Results<Ok<DuesBillsDto>, ApiProblem>> Bills(Guid id, string? year, GetDuesBills h, CancellationToken ct) =>
        ApiReply.Ok(await h.HandleAsync(id, year, ct));

    /// <summary>201 for a new base; 200 when it replaces the base of the same month.</summary>
    private static async Task<Results<Created<DuesBaseDto>, Ok<DuesBaseDto>, ApiProblem>> SetBase(Guid id, SetDuesBaseRequest body, SetDuesBase h,
        CancellationToken ct)
    {
        var set = await h.HandleAsync(id, body, ct);
        if (!set.IsSuccess) return new ApiProblem(set.Error!);
        var (dto, created) = set.Value;
        return created ? TypedResults.Created($"/api/v1/members/{id}/dues?year={dto.EffectiveMonth[..4]}", dto) : TypedResults.Ok(dto);
    }

    private static async Task<Results<Created<DuesPaymentDto>, ApiProblem>> RecordPayment(Guid id, RecordDuesPaymentRequest body, RecordDuesPayment h,
        CancellationToken ct) =>
        ApiReply.Created(await h.HandleAsync(id, body, ct), p => $"/api/v1/members/{id}/dues?year={p.Month[..4]}");

    /// <summary>
    /// Checks the query. The base is required (and must be a whole number of fen, not negative) only for categories
    /// that use one; fixed-amount categories ignore it entirely (第六条).
    /// </summary>
    internal static Result<(DuesCategory Category, long BaseFen)> Parse(string? category, string? baseFen)
    {
        var errors = new FieldErrors();
        var parsedCategory = errors.Take(Category(category));
        var needsBase = parsedCategory is null || DuesRules.UsesBase(parsedCategory.Value);
        long? parsedBase = null;
        if (needsBase)
        {
            // With an unknown category, a missing base is not reported: whether it is needed depends on the category.
            parsedBase = parsedCategory is null && string.IsNullOrWhiteSpace(baseFen) ? null : errors.Take(Base(baseFen));
        }
        if (errors.ToError() is { } error) return error;
        return (parsedCategory!.Value, needsBase ? parsedBase!.Value : 0);
    }

    private static Result<DuesCategory> Category(string? value)
    {
        var names = string.Join(" | ", Enum.GetNames<DuesCategory>());
        if (string.IsNullOrWhiteSpace(value)) return Error.Validation("category", Text("Error.CategoryMissing", names));
        // Names only: no numbers and no comma-separated combinations, which Enum.TryParse would accept.
        var name = Enum.GetNames<DuesCategory>().FirstOrDefault(n => string.Equals(n, value.Trim(), StringComparison.OrdinalIgnoreCase));
        return name is not null
            ? Enum.Parse<DuesCategory>(name)
            : Error.Validation("category", Text("Error.CategoryInvalid", names));
    }

    private static Result<long> Base(string? value)
    {
        if (string.IsNullOrWhiteSpace(value)) return Error.Validation("baseFen", Text("Error.BaseMissing"));
        if (!long.TryParse(value.Trim(), NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var fen))
            return Error.Validation("baseFen", Text("Error.BaseNotWholeFen"));
        if (fen < 0) return Error.Validation("baseFen", Text("Error.BaseNegative"));
        return fen;
    }

    private static string Text(string key, params object[] args) =>
        string.Format(CultureInfo.CurrentCulture, Texts.GetString(key) ?? key, args);
}
