using Dangjian.Web.Data;
using Microsoft.EntityFrameworkCore;

namespace Dangjian.Web.Modules.Dues;

/// <summary>
/// The Dues module's tables (bases, payments and usage), as members of the one <see cref="AppDbContext"/>. They live with the
/// module that owns them; another module reads them only where the module offers it (<c>ModuleContract</c>).
/// </summary>
public static class DuesTables
{
    extension(AppDbContext db)
    {
        public DbSet<DuesBase> DuesBases => db.Set<DuesBase>();
        public DbSet<DuesPayment> DuesPayments => db.Set<DuesPayment>();
        public DbSet<Usage.DuesUsage> DuesUsages => db.Set<Usage.DuesUsage>();
    }
}
