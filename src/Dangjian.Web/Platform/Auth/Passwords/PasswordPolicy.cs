namespace Dangjian.Web.Platform.Auth.Passwords;

/// <summary>
/// The password rule (等保三级 身份鉴别: complexity, periodic change, no reuse), all settings (<c>Auth:Password:*</c>):
/// at least <c>MinLength</c> (8) characters of at least <c>RequiredClasses</c> (3) of the four classes lower case,
/// upper case, digits and other characters; not containing the account name; none of the last <c>History</c> (5)
/// passwords again (checked by <see cref="PolicyPasswordValidator"/>); changed every <c>ExpiryDays</c> (90; 0 = never).
/// </summary>
public sealed class PasswordPolicy(IConfiguration config)
{
    public int MinLength => Math.Clamp(config.GetValue("Auth:Password:MinLength", 8), 6, 128);
    public int RequiredClasses => Math.Clamp(config.GetValue("Auth:Password:RequiredClasses", 3), 1, 4);
    public int History => Math.Clamp(config.GetValue("Auth:Password:History", 5), 0, 24);
    public int ExpiryDays => Math.Max(0, config.GetValue("Auth:Password:ExpiryDays", 90));

    /// <summary>
    /// PBKDF2 iterations of a new password hash, <c>Auth:Password:HashIterations</c>: 100,000 (ASP.NET Core Identity's
    /// own), at least 10,000 and at most 2,000,000. A login costs one hash; fewer iterations let more members log in per
    /// second at the price of cheaper guessing of a stolen hash (docs/security.md has the figures). A stored hash keeps
    /// the count it was made with; a raised setting re-hashes it at the next login, a lowered one applies to passwords set
    /// from then on.
    /// </summary>
    public static int HashIterations(IConfiguration config) => Math.Clamp(config.GetValue("Auth:Password:HashIterations", 100_000), 10_000, 2_000_000);

    /// <summary>The longest password accepted: hashing a megabyte would cost the server, not the guesser.</summary>
    public const int MaxLength = 128;

    /// <summary>What the password breaks, as resource keys of SharedResource (empty: it passes).</summary>
    public IReadOnlyList<string> Check(string password, string? userName)
    {
        var broken = new List<string>();
        if (password.Length < MinLength) broken.Add("Password.TooShort");
        if (password.Length > MaxLength) broken.Add("Password.TooLong");
        if (Classes(password) < RequiredClasses) broken.Add("Password.TooFewClasses");
        if (userName is { Length: >= 3 } && password.Contains(userName.Trim(), StringComparison.OrdinalIgnoreCase)) broken.Add("Password.ContainsUserName");
        return broken;
    }

    /// <summary>How many of the four classes (lower, upper, digit, other) the password uses.</summary>
    public static int Classes(string password)
    {
        bool lower = false, upper = false, digit = false, other = false;
        foreach (var c in password)
        {
            if (char.IsAsciiLetterLower(c)) lower = true;
            else if (char.IsAsciiLetterUpper(c)) upper = true;
            else if (char.IsAsciiDigit(c)) digit = true;
            else if (!char.IsWhiteSpace(c) && !char.IsControl(c)) other = true;
        }
        return (lower ? 1 : 0) + (upper ? 1 : 0) + (digit ? 1 : 0) + (other ? 1 : 0);
    }

    /// <summary>Whether a password set at <paramref name="changedAt"/> is due for a change now (unknown: not due).</summary>
    public bool HasExpired(DateTimeOffset? changedAt, DateTimeOffset now) =>
        ExpiryDays > 0 && changedAt is { } at && now - at >= TimeSpan.FromDays(ExpiryDays);
}
