using System.Security.Cryptography;
using Dangjian.Web.Data;
using Dangjian.Web.Modules.Members;
using Dangjian.Web.Platform.Ledger;
using Dangjian.Web.Platform.Privacy;
using Dangjian.Web.Platform.Tenancy;
using Microsoft.EntityFrameworkCore;

namespace Dangjian.Web.Platform.Backup;

public sealed record TenantLedgerCheck(Guid TenantId, string Name, LedgerVerification Result);

/// <summary>What the restored installation was found to hold, against what the manifest says was backed up.</summary>
public sealed record RestoreCheck(
    int SchemaVersion,
    BackupCounts Counts,
    IReadOnlyList<TenantLedgerCheck> Ledgers,
    long PeopleWithPersonalData,
    long Unreadable,
    Guid? FirstUnreadable)
{
    public bool Passed(BackupCounts expected) => Counts == expected && Ledgers.All(l => l.Result.Valid) && Unreadable == 0;

    /// <summary>
    /// Checks the installation as the app will find it (its own services and settings): the counts; every tenant's
    /// ledger (<see cref="VerifyLedger"/>, with every module's anchors); and every person's encrypted ID number, mobile and
    /// home address, each decrypted with the app's personal-data key, the ID number's look-up hash made again and
    /// compared — a key that does not belong to the data shows here, not at the first page a person opens.
    /// </summary>
    public static async Task<RestoreCheck> RunAsync(IServiceScopeFactory scopes, CancellationToken ct)
    {
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        await db.Database.OpenConnectionAsync(ct);
        var (schema, counts) = await DatabaseCounts.ReadAsync(db.Database.GetDbConnection(), null, ct);

        var ledgers = new List<TenantLedgerCheck>();
        foreach (var tenant in await db.Tenants.AsNoTracking().OrderBy(t => t.Id).ToListAsync(ct))
        {
            await using var inTenant = scopes.CreateAsyncScope();
            inTenant.ServiceProvider.GetRequiredService<TenantContext>().Set(tenant.Id);
            var result = await inTenant.ServiceProvider.GetRequiredService<VerifyLedger>().HandleAsync(ct);
            ledgers.Add(new TenantLedgerCheck(tenant.Id, tenant.Name, result));
        }

        var protector = scope.ServiceProvider.GetRequiredService<PersonalDataProtector>();
        long people = 0, unreadable = 0;
        Guid? first = null;
        var rows = db.Members.IgnoreQueryFilters().AsNoTracking()
            .Where(m => m.IdNumberEncrypted != null || m.MobileEncrypted != null || m.HomeAddressEncrypted != null)
            .Select(m => new { m.Id, m.IdNumberEncrypted, m.IdNumberHash, m.MobileEncrypted, m.HomeAddressEncrypted });
        await foreach (var m in rows.AsAsyncEnumerable().WithCancellation(ct))
        {
            people++;
            if (Readable(protector, m.IdNumberEncrypted, m.IdNumberHash) && Readable(protector, m.MobileEncrypted, null)
                && Readable(protector, m.HomeAddressEncrypted, null))
            {
                continue;
            }
            unreadable++;
            first ??= m.Id;
        }
        return new RestoreCheck(schema, counts, ledgers, people, unreadable, first);
    }

    private static bool Readable(PersonalDataProtector protector, string? stored, string? hash)
    {
        if (stored is null) return true;
        try
        {
            var plain = protector.Decrypt(stored);
            return hash is null || (plain is not null && string.Equals(protector.Hash(plain), hash, StringComparison.Ordinal));
        }
        catch (Exception e) when (e is CryptographicException or FormatException)
        {
            return false;
        }
    }
}
