using System.Globalization;
using Dangjian.Web.Modules.Dues.Payments;
using Microsoft.Extensions.Localization;

namespace Dangjian.Web.Modules.Dues;

/// <summary>
/// Money as the dues pages and messages show it (the same in both languages), and the names of the dues enums read
/// from DuesText.resx, so a page or a handler never spells a status or a category itself. Other modules show dues
/// amounts the same way (Yuan); the enum names are for the Dues module, which owns DuesText.
/// </summary>
[Platform.ModuleContract]
public static class DuesFormat
{
    /// <summary>Fen as yuan with two decimals: 12345 → "¥123.45".</summary>
    public static string Yuan(long fen)
    {
        var sign = fen < 0 ? "-" : "";
        var abs = Math.Abs((decimal)fen) / 100m;
        return sign + "¥" + abs.ToString("#,##0.00", CultureInfo.InvariantCulture);
    }

    /// <summary>Fen as a plain yuan number for an input field: 12345 → "123.45".</summary>
    public static string YuanInput(long fen) => (fen / 100m).ToString("0.00", CultureInfo.InvariantCulture);

    public static string Status(this IStringLocalizer<DuesText> T, string status) => Named(T, "Dues.Status." + status, status);

    public static string Category(this IStringLocalizer<DuesText> T, DuesCategory c) => Named(T, "Dues.Category." + c, c.ToString());

    public static string Method(this IStringLocalizer<DuesText> T, DuesPaymentMethod m) => Named(T, "Dues.Method." + m, m.ToString());

    public static string Level(this IStringLocalizer<DuesText> T, ArrearsLevel level) =>
        level == ArrearsLevel.None ? "" : Named(T, "Dues.Level." + level, level.ToString());

    // An enum value added later without its text shows its code rather than a resource key.
    private static string Named(IStringLocalizer T, string key, string fallback) => T[key] is { ResourceNotFound: false } s ? s.Value : fallback;
}
