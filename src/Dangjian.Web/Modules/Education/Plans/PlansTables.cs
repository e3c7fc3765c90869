using Dangjian.Web.Data;
using Microsoft.EntityFrameworkCore;

namespace Dangjian.Web.Modules.Education.Plans;

/// <summary>The Plans feature's tables: yearly plans with their items and targets, case links, research tasks and their problems.</summary>
public static class PlansTables
{
    extension(AppDbContext db)
    {
        public DbSet<StudyPlan> StudyPlans => db.Set<StudyPlan>();
        public DbSet<StudyPlanItem> StudyPlanItems => db.Set<StudyPlanItem>();
        public DbSet<StudyPlanTarget> StudyPlanTargets => db.Set<StudyPlanTarget>();
        public DbSet<Cases.CaseLink> CaseLinks => db.Set<Cases.CaseLink>();
        public DbSet<Research.ResearchTask> ResearchTasks => db.Set<Research.ResearchTask>();
        public DbSet<Research.ResearchProblem> ResearchProblems => db.Set<Research.ResearchProblem>();
    }
}
