using System.Formats.Tar;
using System.Security.Cryptography;
using System.Text.Json;

namespace Dangjian.Web.Platform.Backup;

/// <summary>
/// The backup file: one POSIX tar (readable with <c>tar tf</c>), whose first entry is the manifest and whose other
/// entries are the database copy and the key files, each listed in the manifest with its SHA-256. The file holds the
/// keys, so it is created for the app's account only (0600), under a temporary name first and renamed when complete:
/// a backup cut short never looks like a finished one.
/// </summary>
public static class BackupArchive
{
    public const string ManifestName = "manifest.json";
    public const string SqliteName = "database/sqlite.db";
    public const string PostgresName = "database/postgres.dump";
    public const string ProtectionKeysFolder = "keys/data-protection/";
    public const string PersonalDataKeyName = "keys/personal-data.key";

    private const int MaxManifestBytes = 4 << 20;
    private const UnixFileMode OwnerOnly = UnixFileMode.UserRead | UnixFileMode.UserWrite;

    /// <summary>A new file readable by the app's account only (no moment in which it is wider); fails if it exists.</summary>
    public static FileStream CreatePrivate(string path)
    {
        var options = new FileStreamOptions { Mode = FileMode.CreateNew, Access = FileAccess.ReadWrite, Share = FileShare.None };
        if (!OperatingSystem.IsWindows()) options.UnixCreateMode = OwnerOnly;
        return new FileStream(path, options);
    }

    public static string Sha256(string file)
    {
        using var stream = File.OpenRead(file);
        return Convert.ToHexStringLower(SHA256.HashData(stream));
    }

    /// <summary>Names of the entries the app writes and reads back; anything else in an archive is refused.</summary>
    public static bool IsKnownName(string name) =>
        name is SqliteName or PostgresName or PersonalDataKeyName
        || (name.StartsWith(ProtectionKeysFolder, StringComparison.Ordinal) && IsPlainFileName(name[ProtectionKeysFolder.Length..]));

    /// <summary>A file name without any folder part: an entry can never name a place outside the key folder.</summary>
    public static bool IsPlainFileName(string name) =>
        name.Length > 0 && name is not ("." or "..") && name.IndexOfAny(['/', '\\', '\0']) < 0;

    /// <summary>Writes the manifest and then each file (entry name, file on disk) to <paramref name="path"/>.</summary>
    public static async Task WriteAsync(string path, BackupManifest manifest, IReadOnlyList<(string Name, string File)> files, CancellationToken ct)
    {
        var partial = path + ".partial-" + Guid.NewGuid().ToString("N")[..8];
        try
        {
            await using (var stream = CreatePrivate(partial))
            {
                await using (var tar = new TarWriter(stream, TarEntryFormat.Pax, leaveOpen: true))
                {
                    var json = manifest.ToJson();
                    await tar.WriteEntryAsync(Entry(ManifestName, new MemoryStream(json), manifest.CreatedAt), ct);
                    foreach (var (name, file) in files)
                    {
                        await using var data = File.OpenRead(file);
                        await tar.WriteEntryAsync(Entry(name, data, manifest.CreatedAt), ct);
                    }
                }
                await stream.FlushAsync(ct);
                stream.Flush(flushToDisk: true);
            }
            File.Move(partial, path, overwrite: false);
        }
        finally
        {
            File.Delete(partial);
        }
    }

    private static PaxTarEntry Entry(string name, Stream data, DateTimeOffset at) =>
        new(TarEntryType.RegularFile, name) { DataStream = data, Mode = OwnerOnly, ModificationTime = at };

    /// <summary>
    /// Reads the whole archive and checks it against its manifest: every entry listed, once, of the length and SHA-256
    /// listed, and nothing else. Writes nothing. Answers the manifest, or throws <see cref="BackupRefused"/>.
    /// </summary>
    public static async Task<BackupManifest> VerifyAsync(string path, CancellationToken ct)
    {
        BackupManifest? manifest = null;
        await ReadAsync(path, async (entry, listed) =>
        {
            if (manifest is null)
            {
                manifest = ReadManifest(path, entry);
                return;
            }
            await CheckAsync(entry, listed ?? throw new BackupRefused("Restore.EntryUnexpected", entry.Name), Stream.Null, ct);
        }, () => manifest, ct);
        return manifest ?? throw new BackupRefused("Restore.NotAnArchive", path, ManifestName);
    }

    /// <summary>
    /// Copies each entry to the file <paramref name="destination"/> names for it (entries it answers null for are skipped),
    /// checking its hash again as it goes (the archive could have changed since <see cref="VerifyAsync"/>).
    /// </summary>
    public static async Task ExtractAsync(string path, Func<string, string?> destination, CancellationToken ct)
    {
        BackupManifest? manifest = null;
        await ReadAsync(path, async (entry, listed) =>
        {
            if (manifest is null)
            {
                manifest = ReadManifest(path, entry);
                return;
            }
            if (listed is null) throw new BackupRefused("Restore.EntryUnexpected", entry.Name);
            if (destination(entry.Name) is not { } file) return;
            await using var output = CreatePrivate(file);
            await CheckAsync(entry, listed, output, ct);
            output.Flush(flushToDisk: true);
        }, () => manifest, ct);
    }

    private static async Task ReadAsync(string path, Func<TarEntry, BackupEntry?, Task> each, Func<BackupManifest?> manifest, CancellationToken ct)
    {
        var seen = new HashSet<string>(StringComparer.Ordinal);
        try
        {
            await using var stream = File.OpenRead(path);
            await using var tar = new TarReader(stream);
            while (await tar.GetNextEntryAsync(copyData: false, ct) is { } entry)
            {
                if (entry.EntryType is not (TarEntryType.RegularFile or TarEntryType.V7RegularFile) || !seen.Add(entry.Name))
                {
                    throw new BackupRefused("Restore.EntryUnexpected", entry.Name);
                }
                var listed = manifest()?.Entries.FirstOrDefault(e => e.Name == entry.Name);
                await each(entry, listed);
            }
        }
        catch (Exception e) when (e is InvalidDataException or FormatException or EndOfStreamException or JsonException)
        {
            throw new BackupRefused("Restore.NotAnArchive", path, e.Message);
        }
        if (manifest() is { } m && m.Entries.FirstOrDefault(e => !seen.Contains(e.Name)) is { } missing)
        {
            throw new BackupRefused("Restore.EntryMissing", missing.Name);
        }
    }

    private static BackupManifest ReadManifest(string path, TarEntry entry)
    {
        if (entry.Name != ManifestName || entry.Length > MaxManifestBytes || entry.DataStream is null)
        {
            throw new BackupRefused("Restore.NotAnArchive", path, ManifestName);
        }
        using var buffer = new MemoryStream();
        entry.DataStream.CopyTo(buffer);
        var manifest = BackupManifest.FromJson(buffer.ToArray());
        if (manifest is not { Format: BackupManifest.CurrentFormat, Entries: not null, Counts: not null, Provider: not null }
            || manifest.Entries.Any(e => e?.Name is null || e.Sha256 is null || !IsKnownName(e.Name)))
        {
            throw new BackupRefused("Restore.NotAnArchive", path, ManifestName);
        }
        if (manifest.PersonalDataKey == PersonalDataKeySource.File && manifest.Entries.All(e => e.Name != PersonalDataKeyName))
        {
            throw new BackupRefused("Restore.EntryMissing", PersonalDataKeyName);
        }
        return manifest;
    }

    private static async Task CheckAsync(TarEntry entry, BackupEntry listed, Stream output, CancellationToken ct)
    {
        using var hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        long bytes = 0;
        if (entry.DataStream is { } data)
        {
            var buffer = new byte[1 << 16];
            int read;
            while ((read = await data.ReadAsync(buffer, ct)) > 0)
            {
                hash.AppendData(buffer, 0, read);
                await output.WriteAsync(buffer.AsMemory(0, read), ct);
                bytes += read;
            }
        }
        if (bytes != listed.Bytes || !string.Equals(Convert.ToHexStringLower(hash.GetHashAndReset()), listed.Sha256, StringComparison.Ordinal))
        {
            throw new BackupRefused("Restore.EntryCorrupted", entry.Name);
        }
    }
}
