using Dangjian.Web.Data;
using Microsoft.EntityFrameworkCore;

namespace Dangjian.Web.Modules.Assessment.SecretaryReviews;

/// <summary>The SecretaryReviews feature's tables, as members of the one <see cref="AppDbContext"/>.</summary>
public static class SecretaryReviewsTables
{
    extension(AppDbContext db)
    {
        public DbSet<SecretaryReview> SecretaryReviews => db.Set<SecretaryReview>();
        public DbSet<SecretaryReport> SecretaryReports => db.Set<SecretaryReport>();
        public DbSet<SecretaryScore> SecretaryScores => db.Set<SecretaryScore>();
    }
}
