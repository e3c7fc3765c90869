using Dangjian.Web.Modules.Dues.Usage;
using Dangjian.Web.Modules.Dues;
using Microsoft.EntityFrameworkCore;

namespace Dangjian.Web.Data;

/// <summary>The Dues module's tables (党费基数, 党费交纳记录, 党费使用).</summary>
public sealed partial class AppDbContext
{
    public DbSet<DuesBase> DuesBases => Set<DuesBase>();
    public DbSet<DuesPayment> DuesPayments => Set<DuesPayment>();
    public DbSet<DuesUsage> DuesUsages => Set<DuesUsage>();
}
