using Dangjian.Web.Data;
using Microsoft.EntityFrameworkCore;

namespace Dangjian.Web.Modules.Dashboard;

/// <summary>
/// The Dashboard module's tables (roll-ups and weak links), as members of the one <see cref="AppDbContext"/>. They live with the
/// module that owns them; another module reads them only where the module offers it (<c>ModuleContract</c>).
/// </summary>
public static class DashboardTables
{
    extension(AppDbContext db)
    {
        public DbSet<UnitRollup> UnitRollups => db.Set<UnitRollup>();
        public DbSet<UnitMonthRollup> UnitMonthRollups => db.Set<UnitMonthRollup>();
        public DbSet<UnitStudyRollup> UnitStudyRollups => db.Set<UnitStudyRollup>();
        public DbSet<WeakLinks.WeakLink> WeakLinks => db.Set<WeakLinks.WeakLink>();
    }
}
