using Dangjian.Web.Data;
using Microsoft.EntityFrameworkCore;

namespace Dangjian.Web.Modules.Assessment.Points;

/// <summary>The Points feature's tables (V0029): the scheme and its items, the lines of points and the yearly balances.</summary>
public static class PointsTables
{
    extension(AppDbContext db)
    {
        public DbSet<PointsScheme> PointsSchemes => db.Set<PointsScheme>();
        public DbSet<PointsRule> PointsRules => db.Set<PointsRule>();
        public DbSet<PointsEntry> PointsEntries => db.Set<PointsEntry>();
        public DbSet<PointsBalance> PointsBalances => db.Set<PointsBalance>();
    }
}
