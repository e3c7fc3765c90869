using Dangjian.Web.Modules.Dashboard;
using Microsoft.EntityFrameworkCore;

namespace Dangjian.Web.Data;

/// <summary>The Dashboard module's roll-ups.</summary>
public sealed partial class AppDbContext
{
    public DbSet<UnitRollup> UnitRollups => Set<UnitRollup>();
    public DbSet<UnitMonthRollup> UnitMonthRollups => Set<UnitMonthRollup>();
    public DbSet<Modules.Dashboard.WeakLinks.WeakLink> WeakLinks => Set<Modules.Dashboard.WeakLinks.WeakLink>();
}
