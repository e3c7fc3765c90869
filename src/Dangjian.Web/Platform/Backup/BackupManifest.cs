using System.Text.Json;
using System.Text.Json.Serialization;

namespace Dangjian.Web.Platform.Backup;

/// <summary>Where the personal-data key of the backed-up installation came from (ADR 0004, ADR 0017).</summary>
public enum PersonalDataKeySource
{
    /// <summary>The key file (<c>PersonalData:KeyFile</c>, default App_Data/keys/personal-data.key): in the archive.</summary>
    File,

    /// <summary>The setting <c>PersonalData:Key</c>: not in the archive, kept by the operator.</summary>
    Setting,

    /// <summary>Neither existed yet (nothing had been encrypted).</summary>
    None,
}

/// <summary>The numbers a restore must find again.</summary>
public sealed record BackupCounts(long Tenants, long Members, long LedgerEntries);

/// <summary>One file of the archive, with its length and SHA-256 (lower-case hex).</summary>
public sealed record BackupEntry(string Name, long Bytes, string Sha256);

/// <summary>
/// The first entry of a backup archive (manifest.json): what was backed up, from which provider and schema version, when,
/// by which version of the app, the counts taken from the same snapshot as the database copy, and the SHA-256 of every
/// other entry, checked before a restore touches anything.
/// </summary>
public sealed record BackupManifest(
    int Format,
    string Provider,
    int SchemaVersion,
    DateTimeOffset CreatedAt,
    string AppVersion,
    BackupCounts Counts,
    PersonalDataKeySource PersonalDataKey,
    IReadOnlyList<BackupEntry> Entries)
{
    public const int CurrentFormat = 1;

    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web)
    {
        WriteIndented = true,
        // Read by people (tar xOf backup.tar manifest.json), never put into a page.
        Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
        Converters = { new JsonStringEnumConverter() },
    };

    public byte[] ToJson() => JsonSerializer.SerializeToUtf8Bytes(this, Json);

    public static BackupManifest? FromJson(ReadOnlySpan<byte> json) => JsonSerializer.Deserialize<BackupManifest>(json, Json);
}
