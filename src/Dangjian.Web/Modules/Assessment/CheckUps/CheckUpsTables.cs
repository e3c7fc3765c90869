using Dangjian.Web.Data;
using Microsoft.EntityFrameworkCore;

namespace Dangjian.Web.Modules.Assessment.CheckUps;

/// <summary>The CheckUps feature's tables (V0030): the quarterly check-ups and the early warnings.</summary>
public static class CheckUpsTables
{
    extension(AppDbContext db)
    {
        public DbSet<CheckUp> CheckUps => db.Set<CheckUp>();
        public DbSet<EarlyWarning> EarlyWarnings => db.Set<EarlyWarning>();
    }
}
