using System.Globalization;
using System.Resources;
using Dangjian.Web.Modules.Members;
using Dangjian.Web.Platform;
using Dangjian.Web.Platform.Import;
using Microsoft.Extensions.Localization;

namespace Dangjian.Web.Modules.Education.Study.Import;

/// <summary>One checked row of a monthly 学习强国 / 国资e学 workbook: who (ID number or mobile), which month and platform, points and hours.</summary>
public sealed record ExternalHoursLine(int Row, string Name, string? IdNumber, string? Mobile, DateOnly Month, ExternalStudySource Source, int Points, int HoursTenths);

/// <summary>
/// The columns of the outside-hours sheet and the check of one row, with no I/O: 姓名, 身份证号 or 手机号 (one of them),
/// 月份 (YYYY-MM, not ahead of this month), 来源 (学习强国 | 国资e学), 积分 (a whole number, blank 0), 学时 (≥ 0, one decimal kept).
/// </summary>
public static class ExternalHoursSheet
{
    internal static readonly ResourceManager Texts = new(typeof(StudyText));

    /// <summary>The most class hours one platform can report for a month (every hour of 31 days).</summary>
    public const int MaxHoursPerMonth = 744;

    internal static readonly SheetColumns Columns = new(Texts, "ExternalImport.Column.", "Name", "IdNumber", "Mobile", "Month", "Source", "Points", "Hours");

    public static readonly string Name = Columns["Name"];
    public static readonly string IdNumber = Columns["IdNumber"];
    public static readonly string Mobile = Columns["Mobile"];
    public static readonly string Month = Columns["Month"];
    public static readonly string Source = Columns["Source"];
    public static readonly string Points = Columns["Points"];
    public static readonly string Hours = Columns["Hours"];

    public static readonly string[] Required = [Name, Month, Source, Hours];

    /// <summary>The words of the 来源 column, in Chinese or English.</summary>
    public static readonly IReadOnlyDictionary<string, ExternalStudySource> Sources = Texts.Reading(
        ("ExternalImport.Source.XuexiQiangguo", ExternalStudySource.XuexiQiangguo), ("ExternalImport.Source.GuoziEXue", ExternalStudySource.GuoziEXue));

    /// <summary>A mainland mobile number as digits (a +86 or 86 prefix, spaces and dashes dropped); null when it is not one.</summary>
    public static string? NormalizeMobile(string? text)
    {
        if (text is null) return null;
        var digits = new string(text.Where(char.IsAsciiDigit).ToArray());
        if (digits.Length == 13 && digits.StartsWith("86", StringComparison.Ordinal)) digits = digits[2..];
        return digits.Length == 11 && digits[0] == '1' ? digits : null;
    }

    /// <summary>Checks one row; every problem is added to <paramref name="errors"/> with its column, and then null is returned.</summary>
    public static ExternalHoursLine? Parse(int row, string?[] cells, ImportSheet sheet, DateOnly today, IStringLocalizer<StudyText> T, List<ImportError> errors)
    {
        var before = errors.Count;
        void Fail(string column, string reason) => errors.Add(new ImportError(row, Columns.Label(column, T), reason));
        string? Get(string column) => sheet.Get(cells, column);

        var name = Get(Name);
        if (name is null) Fail(Name, T["ExternalImport.NameRequired"]);

        string? id = null;
        var idText = Get(IdNumber);
        if (idText is not null)
        {
            var check = IdNumberRules.Check(idText, today);
            if (!check.IsValid) Fail(IdNumber, check.Problem!);
            else id = check.Normalized;
        }
        var mobileText = Get(Mobile);
        var mobile = NormalizeMobile(mobileText);
        if (mobileText is not null && mobile is null) Fail(Mobile, T["ExternalImport.MobileInvalid", mobileText]);
        if (idText is null && mobileText is null) Fail(IdNumber, T["ExternalImport.WhoRequired"]);

        DateOnly month = default;
        var monthText = Get(Month);
        var thisMonth = new DateOnly(today.Year, today.Month, 1);
        if (monthText is null) Fail(Month, T["ExternalImport.MonthRequired"]);
        else if (!ImportCells.TryMonth(monthText, out month)) Fail(Month, T["ExternalImport.MonthInvalid", monthText]);
        else if (month.Year < 2000 || month > thisMonth) Fail(Month, T["ExternalImport.MonthOutOfRange", monthText]);

        ExternalStudySource source = default;
        var sourceText = Get(Source);
        if (sourceText is null) Fail(Source, T["ExternalImport.SourceRequired"]);
        else if (!Sources.TryGetValue(sourceText, out source)) Fail(Source, T["ExternalImport.SourceInvalid", sourceText]);

        var points = 0;
        if (Get(Points) is { } pointsText
            && (!decimal.TryParse(pointsText, NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out var p) || p != decimal.Truncate(p) || p > 1_000_000))
        {
            Fail(Points, T["ExternalImport.PointsInvalid", pointsText]);
        }
        else if (Get(Points) is { } okPoints) points = (int)decimal.Parse(okPoints, NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture);

        var tenths = 0;
        var hoursText = Get(Hours);
        if (hoursText is null) Fail(Hours, T["ExternalImport.HoursRequired"]);
        else if (!decimal.TryParse(hoursText, NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out var h) || h > MaxHoursPerMonth)
            Fail(Hours, T["ExternalImport.HoursInvalid", hoursText, MaxHoursPerMonth]);
        else tenths = (int)decimal.Round(h * 10, 0, MidpointRounding.AwayFromZero);

        if (errors.Count > before) return null;
        return new ExternalHoursLine(row, name!, id, mobile, month, source, points, tenths);
    }
}
