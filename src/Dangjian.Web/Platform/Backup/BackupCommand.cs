using Microsoft.Extensions.Localization;

namespace Dangjian.Web.Platform.Backup;

/// <summary>
/// The maintenance commands <c>backup --out FILE</c> and <c>restore --from FILE [--force]</c> (dispatched by
/// Seeding/CommandLine, with its configuration switches): they run the use cases on the app's own services and settings,
/// print what was done in the operator's language (<see cref="BackupText"/>) and answer the exit code: 0 done and
/// verified, 1 refused or not verified, 2 wrong usage.
/// </summary>
public static class BackupCommand
{
    public static bool IsCommand(string arg) => arg is "backup" or "restore";

    public static async Task<int> RunAsync(string command, string[] args, IServiceProvider services)
    {
        var L = services.GetRequiredService<IStringLocalizer<BackupText>>();
        try
        {
            if (command == "backup")
            {
                if (Option(args, "--out") is not { } output) return Usage(L["Backup.Usage"]);
                Print(L, await ActivatorUtilities.CreateInstance<CreateBackup>(services).HandleAsync(output));
                return 0;
            }
            if (Option(args, "--from") is not { } from) return Usage(L["Restore.Usage"]);
            var result = await ActivatorUtilities.CreateInstance<RestoreBackup>(services).HandleAsync(from, args.Contains("--force"));
            Print(L, result);
            return result.Verified ? 0 : 1;
        }
        catch (BackupRefused refused)
        {
            Console.Error.WriteLine(L[refused.Key, refused.Args]);
            return 1;
        }
        catch (Exception e) when (e is System.Data.Common.DbException or IOException or UnauthorizedAccessException)
        {
            // The database could not be reached or a file not be written: the operator reads why, not a stack trace.
            Console.Error.WriteLine(L["Backup.Failed", e.Message]);
            return 1;
        }
    }

    private static int Usage(string text)
    {
        Console.Error.WriteLine(text);
        return 2;
    }

    private static void Print(IStringLocalizer L, BackupResult r)
    {
        var m = r.Manifest;
        Console.WriteLine(L["Backup.Written", r.File, r.Bytes]);
        Console.WriteLine(L["Backup.Contents", m.Provider, m.SchemaVersion, m.Counts.Tenants, m.Counts.Members, m.Counts.LedgerEntries, r.ProtectionKeys]);
        if (r.ProtectionKeys == 0) Console.Error.WriteLine(L["Backup.NoProtectionKeys", r.ProtectionKeysFolder]);
        Console.WriteLine(m.PersonalDataKey switch
        {
            PersonalDataKeySource.File => L["Backup.KeyFileIncluded", r.PersonalDataKeyFile!],
            PersonalDataKeySource.Setting => L["Backup.KeySettingWarning"],
            _ => L["Backup.NoPersonalDataKey"],
        });
    }

    private static void Print(IStringLocalizer L, RestoreResult r)
    {
        var m = r.Manifest;
        var c = r.Check;
        Console.WriteLine(L["Restore.Restored", r.Target, m.Provider, m.CreatedAt, m.AppVersion]);
        Console.WriteLine(r.Migrated.Count > 0 ? L["Restore.Migrated", m.SchemaVersion, c.SchemaVersion] : L["Restore.SchemaCurrent", c.SchemaVersion]);
        Console.WriteLine(L["Restore.Keys", r.ProtectionKeys, r.ProtectionKeysFolder]);
        Console.WriteLine(r.PersonalDataKeyFile is { } keyFile ? L["Restore.KeyFile", keyFile] : L["Restore.KeySetting"]);
        Console.WriteLine(L["Restore.Counts", c.Counts.Tenants, c.Counts.Members, c.Counts.LedgerEntries,
            m.Counts.Tenants, m.Counts.Members, m.Counts.LedgerEntries]);
        if (c.Counts != m.Counts) Console.Error.WriteLine(L["Restore.CountsDiffer"]);
        foreach (var ledger in c.Ledgers)
        {
            if (ledger.Result.Valid) Console.WriteLine(L["Restore.LedgerValid", ledger.Name, ledger.TenantId, ledger.Result.Entries]);
            else Console.Error.WriteLine(L["Restore.LedgerBroken", ledger.Name, ledger.TenantId, ledger.Result.FirstBrokenEntry ?? 0, ledger.Result.Reason ?? ""]);
        }
        if (c.Unreadable == 0) Console.WriteLine(L["Restore.PersonalDataReadable", c.PeopleWithPersonalData]);
        else Console.Error.WriteLine(L["Restore.PersonalDataUnreadable", c.Unreadable, c.PeopleWithPersonalData, c.FirstUnreadable!]);
        if (r.Verified) Console.WriteLine(L["Restore.Verified"]);
        else Console.Error.WriteLine(L["Restore.NotVerified"]);
    }

    private static string? Option(string[] args, string name)
    {
        var i = Array.IndexOf(args, name);
        return i >= 0 && i + 1 < args.Length ? args[i + 1] : null;
    }
}
