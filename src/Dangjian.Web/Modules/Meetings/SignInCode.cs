using System.Security.Cryptography;

namespace Dangjian.Web.Modules.Meetings;

/// <summary>
/// The rotating 6-digit sign-in code of a meeting: HMAC-SHA256 of the time window under the meeting's secret (as TOTP,
/// RFC 6238, with SHA-256). The code of the current window and of the one before are accepted.
/// </summary>
[Dangjian.Web.Platform.ModuleContract]
public static class SignInCode
{
    public static string Of(string secret, DateTimeOffset at, int windowSeconds) => Compute(secret, Window(at, windowSeconds));

    /// <summary>Seconds until the code shown at <paramref name="at"/> changes.</summary>
    public static int SecondsLeft(DateTimeOffset at, int windowSeconds) => windowSeconds - (int)(at.ToUnixTimeSeconds() % windowSeconds);

    public static bool Verify(string secret, string? code, DateTimeOffset at, int windowSeconds)
    {
        if (code is not { Length: 6 } || !code.All(char.IsAsciiDigit)) return false;
        var window = Window(at, windowSeconds);
        return FixedTimeEquals(code, Compute(secret, window)) || FixedTimeEquals(code, Compute(secret, window - 1));
    }

    public static string NewSecret() => Convert.ToBase64String(RandomNumberGenerator.GetBytes(32));

    private static long Window(DateTimeOffset at, int windowSeconds) => at.ToUnixTimeSeconds() / windowSeconds;

    private static string Compute(string secret, long window)
    {
        Span<byte> counter = stackalloc byte[8];
        System.Buffers.Binary.BinaryPrimitives.WriteInt64BigEndian(counter, window);
        var hash = HMACSHA256.HashData(Convert.FromBase64String(secret), counter);
        var offset = hash[^1] & 0x0F;
        var value = ((hash[offset] & 0x7F) << 24) | (hash[offset + 1] << 16) | (hash[offset + 2] << 8) | hash[offset + 3];
        return (value % 1_000_000).ToString("000000", System.Globalization.CultureInfo.InvariantCulture);
    }

    private static bool FixedTimeEquals(string a, string b) =>
        CryptographicOperations.FixedTimeEquals(System.Text.Encoding.ASCII.GetBytes(a), System.Text.Encoding.ASCII.GetBytes(b));
}
