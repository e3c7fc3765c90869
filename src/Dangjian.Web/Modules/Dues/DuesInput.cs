using System.Globalization;
using Dangjian.Web.Platform.Errors;
using Microsoft.Extensions.Localization;

namespace Dangjian.Web.Modules.Dues;

/// <summary>Parses the dues fields that arrive as text, each failure a validation error naming its field.</summary>
internal static class DuesInput
{
    public static Result<DateOnly> Month(string? text, string field, int maxYear, IStringLocalizer<DuesText> T)
    {
        if (string.IsNullOrWhiteSpace(text)) return Error.Validation(field, T["Dues.MonthRequired", field]);
        if (!DuesMonth.TryParse(text, out var month)) return Error.Validation(field, T["Dues.MonthInvalid", field]);
        if (month.Year < DuesMonth.MinYear || month.Year > maxYear) return Error.Validation(field, T["Dues.MonthOutOfRange", field, DuesMonth.MinYear, maxYear]);
        return month;
    }

    /// <summary>A year from the query; none means <paramref name="current"/>.</summary>
    public static Result<int> Year(string? text, int current, IStringLocalizer<DuesText> T)
    {
        if (string.IsNullOrWhiteSpace(text)) return current;
        return int.TryParse(text.Trim(), NumberStyles.None, CultureInfo.InvariantCulture, out var year) && year is >= DuesMonth.MinYear and <= DuesMonth.MaxYear
            ? year
            : Error.Validation("year", T["Dues.YearInvalid", DuesMonth.MinYear, DuesMonth.MaxYear]);
    }

    /// <summary>A payment method by name (not number); none means <see cref="DuesPaymentMethod.Self"/>.</summary>
    public static Result<DuesPaymentMethod> Method(string? text, IStringLocalizer<DuesText> T)
    {
        if (string.IsNullOrWhiteSpace(text)) return DuesPaymentMethod.Self;
        var name = Enum.GetNames<DuesPaymentMethod>().FirstOrDefault(n => string.Equals(n, text.Trim(), StringComparison.OrdinalIgnoreCase));
        return name is not null ? Enum.Parse<DuesPaymentMethod>(name) : Error.Validation("method", T["Dues.MethodInvalid", string.Join(" | ", Enum.GetNames<DuesPaymentMethod>())]);
    }
}
