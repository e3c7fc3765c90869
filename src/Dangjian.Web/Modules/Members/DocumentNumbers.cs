using Dangjian.Web.Data;
using Microsoft.EntityFrameworkCore;

namespace Dangjian.Web.Modules.Members;

/// <summary>Numbers of the letters and certificates a tenant issues: 前缀〔年〕NNN号, counted per tenant and year.</summary>
internal static class DocumentNumbers
{
    /// <summary>
    /// The next number. The caller holds a transaction: the tenant row lock taken here keeps two documents from
    /// taking the same number until it commits.
    /// </summary>
    public static async Task<string> NextAsync(AppDbContext db, IQueryable<string> issued, string prefix, int year, CancellationToken ct)
    {
        await db.LockTenantAsync(ct);
        var head = $"{prefix}〔{year}〕";
        var count = await issued.CountAsync(n => n.StartsWith(head), ct);
        return PersonOnDocument.F["Number.Format", head, count + 1];
    }
}
