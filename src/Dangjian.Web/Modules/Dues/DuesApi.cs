using System.Globalization;
using Dangjian.Web.Platform.Errors;
using Microsoft.Extensions.Options;

namespace Dangjian.Web.Modules.Dues;

/// <summary>/api/v1/dues: the dues calculator. Reads no tenant data, so it needs a signed-in user but no unit scope.</summary>
internal static class DuesApi
{
    public static void Map(IEndpointRouteBuilder app)
    {
        var g = app.MapGroup("/api/v1/dues").WithTags("Dues").RequireAuthorization();

        // Both parameters arrive as text so that every bad value, not only a missing one, is answered with a
        // ValidationProblem naming its field instead of the framework's bare 400.
        g.MapGet("/calculate", (string? category, string? baseFen, IOptionsSnapshot<DuesOptions> options) =>
            {
                var input = Parse(category, baseFen);
                return input.IsSuccess
                    ? TypedResults.Ok(DuesRules.Calculate(input.Value.Category, input.Value.BaseFen, options.Value))
                    : input.Error!.ToProblem();
            })
            .Produces<DuesQuote>()
            .ProducesValidationProblem();
    }

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
        if (string.IsNullOrWhiteSpace(value)) return Error.Validation("category", $"请填写党员类别（category），可选：{names}");
        // Names only: no numbers and no comma-separated combinations, which Enum.TryParse would accept.
        var name = Enum.GetNames<DuesCategory>().FirstOrDefault(n => string.Equals(n, value.Trim(), StringComparison.OrdinalIgnoreCase));
        return name is not null
            ? Enum.Parse<DuesCategory>(name)
            : Error.Validation("category", $"党员类别（category）无效，可选：{names}");
    }

    private static Result<long> Base(string? value)
    {
        if (string.IsNullOrWhiteSpace(value)) return Error.Validation("baseFen", "请填写党费计算基数（baseFen，单位：分）");
        if (!long.TryParse(value.Trim(), NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var fen))
            return Error.Validation("baseFen", "党费计算基数（baseFen）必须是以分为单位的整数");
        if (fen < 0) return Error.Validation("baseFen", "党费计算基数（baseFen）不能为负数");
        return fen;
    }
}
