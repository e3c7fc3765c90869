using System.Security.Cryptography;
using System.Text;

namespace Dangjian.Web.Platform.Privacy;

/// <summary>
/// Encrypts personal data at rest with AES-GCM (a fresh 96-bit nonce per value) and makes keyed hashes
/// (HMAC-SHA256) for exact look-ups, so an ID number can be found without being stored in clear text.
/// Both keys derive from one 256-bit master key (setting <c>PersonalData:Key</c>, base64) by HKDF.
/// </summary>
public sealed class PersonalDataProtector
{
    private const string Prefix = "v1:";
    private readonly byte[] encryptionKey;
    private readonly byte[] hashKey;

    // An AesGcm holds the expanded key and a native context: made once per thread (an instance is not thread-safe),
    // not once per value, which cost more than the encryption itself when a roster of 50,000 people is imported.
    private readonly ThreadLocal<AesGcm> aes;

    public PersonalDataProtector(byte[] masterKey)
    {
        if (masterKey.Length != 32) throw new ArgumentException("PersonalData:Key must be 32 bytes (base64 of 256 bits).", nameof(masterKey));
        encryptionKey = HKDF.DeriveKey(HashAlgorithmName.SHA256, masterKey, 32, info: Encoding.ASCII.GetBytes("dangjian/personal-data/aes-gcm"));
        hashKey = HKDF.DeriveKey(HashAlgorithmName.SHA256, masterKey, 32, info: Encoding.ASCII.GetBytes("dangjian/personal-data/lookup"));
        aes = new ThreadLocal<AesGcm>(() => new AesGcm(encryptionKey, 16));
    }

    public string? Encrypt(string? plain)
    {
        if (string.IsNullOrEmpty(plain)) return null;
        var data = Encoding.UTF8.GetBytes(plain);
        var output = new byte[12 + data.Length + 16];
        var nonce = output.AsSpan(0, 12);
        RandomNumberGenerator.Fill(nonce);
        aes.Value!.Encrypt(nonce, data, output.AsSpan(12, data.Length), output.AsSpan(12 + data.Length, 16));
        return Prefix + Convert.ToBase64String(output);
    }

    /// <summary>Bytes (an uploaded workbook) encrypted the same way: nonce, cipher text, tag.</summary>
    public byte[] EncryptBytes(ReadOnlySpan<byte> data)
    {
        var output = new byte[12 + data.Length + 16];
        var nonce = output.AsSpan(0, 12);
        RandomNumberGenerator.Fill(nonce);
        aes.Value!.Encrypt(nonce, data, output.AsSpan(12, data.Length), output.AsSpan(12 + data.Length, 16));
        return output;
    }

    public byte[] DecryptBytes(ReadOnlySpan<byte> stored)
    {
        if (stored.Length < 28) throw new CryptographicException("Unknown personal-data format.");
        var plain = new byte[stored.Length - 28];
        aes.Value!.Decrypt(stored[..12], stored.Slice(12, plain.Length), stored.Slice(12 + plain.Length, 16), plain);
        return plain;
    }

    public string? Decrypt(string? stored)
    {
        if (string.IsNullOrEmpty(stored)) return null;
        if (!stored.StartsWith(Prefix, StringComparison.Ordinal)) throw new CryptographicException("Unknown personal-data format.");
        var input = Convert.FromBase64String(stored[Prefix.Length..]);
        var plain = new byte[input.Length - 28];
        aes.Value!.Decrypt(input.AsSpan(0, 12), input.AsSpan(12, plain.Length), input.AsSpan(12 + plain.Length, 16), plain);
        return Encoding.UTF8.GetString(plain);
    }

    /// <summary>Keyed hash for look-up; equal inputs give equal hashes, and nothing can be read back from it.</summary>
    public string Hash(string value) => Convert.ToHexStringLower(HMACSHA256.HashData(hashKey, Encoding.UTF8.GetBytes(value)));

    /// <summary>
    /// The master key from configuration; when none is configured, one is created once in the data folder (fine for a
    /// single machine: back the file up with the database; configure the setting when running several instances).
    /// </summary>
    public static PersonalDataProtector FromConfiguration(IConfiguration config, string contentRoot, ILogger logger)
    {
        var configured = config["PersonalData:Key"];
        if (!string.IsNullOrWhiteSpace(configured)) return new PersonalDataProtector(Convert.FromBase64String(configured));

        var path = config["PersonalData:KeyFile"] ?? Path.Combine(contentRoot, "App_Data", "keys", "personal-data.key");
        if (!File.Exists(path))
        {
            // 0600 in a 0700 folder from the first moment (docs/security.md).
            Security.PrivateFiles.WriteNew(path, Convert.ToBase64String(RandomNumberGenerator.GetBytes(32)));
            logger.LogWarning("No PersonalData:Key configured: created {Path}. Back it up with the database; without it ID numbers cannot be read.", path);
        }
        return new PersonalDataProtector(Convert.FromBase64String(File.ReadAllText(path).Trim()));
    }
}
