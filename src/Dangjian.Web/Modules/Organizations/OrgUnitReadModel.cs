using Dangjian.Web.Data;
using Dangjian.Web.Platform;
using Microsoft.EntityFrameworkCore;

namespace Dangjian.Web.Modules.Organizations;

/// <summary>
/// A published read model: the org tree (<see cref="OrgUnit"/>: name, kind, parent, materialised path) that every module
/// reads to place its rows and check scope. Only the Organizations module writes it (create, move, dissolve, restore).
/// </summary>
[ModuleContract]
public static class OrgUnitReadModel
{
    extension(AppDbContext db)
    {
        public DbSet<OrgUnit> OrgUnits => db.Set<OrgUnit>();
    }
}
