using Dangjian.Web.Platform;
using System.Security.Cryptography;

namespace Dangjian.Web.Modules.Organizations;

/// <summary>Materialised-path helpers: keys, child paths and the half-open range that covers a subtree.</summary>
[ModuleContract]
public static class OrgPaths
{
    // Base32 without look-alikes; every character sorts above '0', so "…/key0" bounds a subtree from above.
    private const string Alphabet = "abcdefghijkmnpqrstuvwxyz23456789";
    public const int KeyLength = 10;

    public static string NewKey()
    {
        Span<byte> bytes = stackalloc byte[KeyLength];
        RandomNumberGenerator.Fill(bytes);
        Span<char> chars = stackalloc char[KeyLength];
        for (var i = 0; i < KeyLength; i++) chars[i] = Alphabet[bytes[i] % Alphabet.Length];
        return new string(chars);
    }

    public static string Child(string parentPath, string key) => parentPath + key + "/";

    public static string Root(string key) => "/" + key + "/";

    /// <summary>Upper bound (exclusive) of all paths that start with <paramref name="path"/>, which ends with '/'.</summary>
    public static string UpperBound(string path) => path[..^1] + "0";

    public static bool IsWithin(string path, string ancestorPath) => path.StartsWith(ancestorPath, StringComparison.Ordinal);
}
