using Dangjian.Web.Data;
using Microsoft.EntityFrameworkCore;

namespace Dangjian.Web.Modules.Development;

/// <summary>
/// The Development module's tables (development cases, steps, reviews, materials and quotas), as members of the one <see cref="AppDbContext"/>. They live with the
/// module that owns them; another module reads them only where the module offers it (<c>ModuleContract</c>).
/// </summary>
public static class DevelopmentTables
{
    extension(AppDbContext db)
    {
        public DbSet<DevelopmentCase> DevelopmentCases => db.Set<DevelopmentCase>();
        public DbSet<DevelopmentStepRecord> DevelopmentSteps => db.Set<DevelopmentStepRecord>();
        public DbSet<Materials.DevelopmentMaterial> DevelopmentMaterials => db.Set<Materials.DevelopmentMaterial>();
        public DbSet<Plans.DevelopmentQuota> DevelopmentQuotas => db.Set<Plans.DevelopmentQuota>();
        public DbSet<Review.DevelopmentReview> DevelopmentReviews => db.Set<Review.DevelopmentReview>();
    }
}
