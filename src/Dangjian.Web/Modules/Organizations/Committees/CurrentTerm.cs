using Dangjian.Web.Data;
using Microsoft.EntityFrameworkCore;

namespace Dangjian.Web.Modules.Organizations.Committees;

/// <summary>The newest term of a unit is its current one.</summary>
public static class CurrentTerm
{
    public static Task<CommitteeTerm?> FindAsync(AppDbContext db, Guid orgUnitId, CancellationToken ct) =>
        db.CommitteeTerms.AsNoTracking().Where(t => t.OrgUnitId == orgUnitId)
            .OrderByDescending(t => t.StartOn).ThenByDescending(t => t.Number).FirstOrDefaultAsync(ct);
}
