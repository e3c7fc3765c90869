using Dangjian.Web.Data;
using Microsoft.Data.Sqlite;

namespace Dangjian.Web.Platform.Backup;

/// <summary>
/// Where this installation keeps what a backup must hold, found by the same settings and defaults as the app itself:
/// the database (<see cref="DatabaseSetup"/>), the data-protection keys (<c>DataProtection:KeysPath</c>, default
/// App_Data/keys, PlatformModule) and the personal-data key (the setting <c>PersonalData:Key</c>, else the file
/// <c>PersonalData:KeyFile</c>, default App_Data/keys/personal-data.key, PersonalDataProtector).
/// </summary>
public sealed record BackupLocations(
    DatabaseProvider Provider,
    string ConnectionString,
    string ProtectionKeysFolder,
    string? PersonalDataKeySetting,
    string PersonalDataKeyFile)
{
    public static BackupLocations Of(IConfiguration config, string contentRoot)
    {
        var keys = config["DataProtection:KeysPath"] ?? Path.Combine(contentRoot, "App_Data", "keys");
        var setting = config["PersonalData:Key"];
        var keyFile = config["PersonalData:KeyFile"] ?? Path.Combine(contentRoot, "App_Data", "keys", "personal-data.key");
        return new BackupLocations(DatabaseSetup.Provider(config), DatabaseSetup.ConnectionString(config, contentRoot),
            Path.GetFullPath(keys), string.IsNullOrWhiteSpace(setting) ? null : setting, Path.GetFullPath(keyFile));
    }

    /// <summary>The SQLite database file (absolute), or null for an in-memory database.</summary>
    public string? SqliteFile =>
        new SqliteConnectionStringBuilder(ConnectionString).DataSource is { Length: > 0 } file && file != ":memory:"
            ? Path.GetFullPath(file)
            : null;

    /// <summary>The data-protection key ring: the XML files the app's key repository reads from its folder.</summary>
    public IReadOnlyList<string> ProtectionKeyFiles() =>
        Directory.Exists(ProtectionKeysFolder)
            ? Directory.GetFiles(ProtectionKeysFolder, "*.xml").Order(StringComparer.Ordinal).ToList()
            : [];
}
