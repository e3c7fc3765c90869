using Dangjian.Web.Data;
using Microsoft.EntityFrameworkCore;

namespace Dangjian.Web.Modules.Meetings.Appraisal;

/// <summary>The appraisal's own tables beyond the ballot (the masses' and organisation's scores, the handling cases), as members of <see cref="AppDbContext"/>.</summary>
public static class AppraisalTables
{
    extension(AppDbContext db)
    {
        public DbSet<Handling.AppraisalScore> AppraisalScores => db.Set<Handling.AppraisalScore>();
        public DbSet<Handling.AppraisalCase> AppraisalCases => db.Set<Handling.AppraisalCase>();
        public DbSet<Handling.AppraisalCaseStep> AppraisalCaseSteps => db.Set<Handling.AppraisalCaseStep>();
    }
}
