using Dangjian.Web.Platform;
using Dangjian.Web.Data;
using Dangjian.Web.Platform.Privacy;
using Microsoft.EntityFrameworkCore;

namespace Dangjian.Web.Modules.Members;

/// <summary>Finds records by ID number the way the registry stores it: by the keyed hash, never by the number itself.</summary>
[ModuleContract]
public static class MemberLookup
{
    /// <summary>The records whose ID number is one of <paramref name="idNumbers"/> (normalised), keyed by that number.</summary>
    public static async Task<Dictionary<string, Member>> ByIdNumbersAsync(AppDbContext db, PersonalDataProtector protector, IEnumerable<string> idNumbers,
        CancellationToken ct)
    {
        var byHash = idNumbers.Distinct().ToDictionary(protector.Hash);
        var found = new Dictionary<string, Member>();
        foreach (var chunk in byHash.Keys.Chunk(500))
        {
            foreach (var m in await db.Members.AsNoTracking().Where(m => chunk.Contains(m.IdNumberHash)).ToListAsync(ct))
            {
                found[byHash[m.IdNumberHash!]] = m;
            }
        }
        return found;
    }
}
