using Dangjian.Web.Platform;
using System.Globalization;

namespace Dangjian.Web.Modules.Members;

/// <summary>What a 公民身份号码 says, or why it is not one.</summary>
[ModuleContract]
public sealed record IdNumberCheck(bool IsValid, string? Normalized, DateOnly? BirthDate, Gender? Gender, string? Problem)
{
    public static IdNumberCheck Fail(string problem) => new(false, null, null, null, problem);
}

/// <summary>
/// GB 11643-1999: 18 characters — 6-digit area code, 8-digit birth date, 3-digit sequence (odd = male), and an
/// ISO 7064 MOD 11-2 check character (0–9 or X). The birth date must be a real date not after today.
/// </summary>
[ModuleContract]
public static class IdNumberRules
{
    private static readonly int[] Weights = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2];
    private const string CheckChars = "10X98765432";
    public const string Article = "GB 11643-1999《公民身份号码》";

    public static IdNumberCheck Check(string? input, DateOnly today)
    {
        var id = (input ?? "").Trim().ToUpperInvariant();
        if (id.Length == 0) return IdNumberCheck.Fail("公民身份号码不能为空");
        if (id.Length != 18) return IdNumberCheck.Fail($"公民身份号码应为 18 位，现为 {id.Length} 位");
        for (var i = 0; i < 17; i++)
        {
            if (!char.IsAsciiDigit(id[i])) return IdNumberCheck.Fail($"公民身份号码第 {i + 1} 位应为数字");
        }
        if (!char.IsAsciiDigit(id[17]) && id[17] != 'X') return IdNumberCheck.Fail("公民身份号码最后一位应为数字或 X");

        if (!DateOnly.TryParseExact(id.AsSpan(6, 8), "yyyyMMdd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var birth))
        {
            return IdNumberCheck.Fail($"公民身份号码中的出生日期 {id.Substring(6, 8)} 不是有效日期");
        }
        if (birth > today || birth.Year < 1900) return IdNumberCheck.Fail($"公民身份号码中的出生日期 {birth:yyyy-MM-dd} 不合理");

        var expected = CheckChar(id.AsSpan(0, 17));
        if (id[17] != expected) return IdNumberCheck.Fail($"公民身份号码校验位不正确（应为 {expected}），请核对是否录入有误");

        var gender = (id[16] - '0') % 2 == 1 ? Members.Gender.Male : Members.Gender.Female;
        return new IdNumberCheck(true, id, birth, gender, null);
    }

    public static char CheckChar(ReadOnlySpan<char> first17)
    {
        var sum = 0;
        for (var i = 0; i < 17; i++) sum += (first17[i] - '0') * Weights[i];
        return CheckChars[sum % 11];
    }

    /// <summary>1101**********1234: the first four and last four characters, as lists show it.</summary>
    public static string Mask(string id) => id.Length < 8 ? new string('*', id.Length) : id[..4] + new string('*', id.Length - 8) + id[^4..];
}
