using Dangjian.Web.Data;
using Microsoft.EntityFrameworkCore;

namespace Dangjian.Web.Modules.Organizations;

/// <summary>
/// The Organizations module's tables (org tree and committees), as members of the one <see cref="AppDbContext"/>. They live with the
/// module that owns them; another module reads them only where the module offers it (<c>ModuleContract</c>).
/// </summary>
public static class OrganizationsTables
{
    extension(AppDbContext db)
    {
        public DbSet<Committees.CommitteeTerm> CommitteeTerms => db.Set<Committees.CommitteeTerm>();
        public DbSet<Committees.CommitteeMember> CommitteeMembers => db.Set<Committees.CommitteeMember>();
    }
}
