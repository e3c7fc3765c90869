using Dangjian.Web.Data;
using Microsoft.EntityFrameworkCore;

namespace Dangjian.Web.Modules.Assessment.Evaluation;

/// <summary>The branch assessment's tables, as members of the one <see cref="AppDbContext"/>.</summary>
public static class EvaluationTables
{
    extension(AppDbContext db)
    {
        public DbSet<EvaluationScheme> EvaluationSchemes => db.Set<EvaluationScheme>();
        public DbSet<EvaluationIndicator> EvaluationIndicators => db.Set<EvaluationIndicator>();
        public DbSet<EvaluationMark> EvaluationMarks => db.Set<EvaluationMark>();
        public DbSet<EvaluationResult> EvaluationResults => db.Set<EvaluationResult>();
        public DbSet<EvaluationScore> EvaluationScores => db.Set<EvaluationScore>();
        public DbSet<Kpis.BusinessKpi> BusinessKpis => db.Set<Kpis.BusinessKpi>();
    }
}
