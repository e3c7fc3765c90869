using Dangjian.Web.Platform;
using System.Globalization;
using System.Resources;

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
    private static readonly ResourceManager Texts = new(typeof(MembersText));

    public static IdNumberCheck Check(string? input, DateOnly today)
    {
        var id = (input ?? "").Trim().ToUpperInvariant();
        if (id.Length == 0) return Fail("IdNumber.Required");
        if (id.Length != 18) return Fail("IdNumber.Length", id.Length);
        for (var i = 0; i < 17; i++)
        {
            if (!char.IsAsciiDigit(id[i])) return Fail("IdNumber.Digit", i + 1);
        }
        if (!char.IsAsciiDigit(id[17]) && id[17] != 'X') return Fail("IdNumber.LastCharacter");

        if (!DateOnly.TryParseExact(id.AsSpan(6, 8), "yyyyMMdd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var birth))
        {
            return Fail("IdNumber.BirthDateInvalid", id.Substring(6, 8));
        }
        if (birth > today || birth.Year < 1900) return Fail("IdNumber.BirthDateUnlikely", birth.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture));

        var expected = CheckChar(id.AsSpan(0, 17));
        if (id[17] != expected) return Fail("IdNumber.CheckCharacter", expected);

        var gender = (id[16] - '0') % 2 == 1 ? Members.Gender.Male : Members.Gender.Female;
        return new IdNumberCheck(true, id, birth, gender, null);
    }

    // Why a number is not one, in the caller's language (MembersText "IdNumber.*"): the API, pages and imports show it as is.
    private static IdNumberCheck Fail(string key, params object[] args) =>
        IdNumberCheck.Fail(string.Format(CultureInfo.CurrentCulture, Texts.GetString(key, CultureInfo.CurrentUICulture)!, args));

    public static char CheckChar(ReadOnlySpan<char> first17)
    {
        var sum = 0;
        for (var i = 0; i < 17; i++) sum += (first17[i] - '0') * Weights[i];
        return CheckChars[sum % 11];
    }

    /// <summary>1101**********1234: the first four and last four characters, as lists show it.</summary>
    public static string Mask(string id) => id.Length < 8 ? new string('*', id.Length) : id[..4] + new string('*', id.Length - 8) + id[^4..];
}
