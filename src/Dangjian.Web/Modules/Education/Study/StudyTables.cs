using Dangjian.Web.Data;
using Microsoft.EntityFrameworkCore;

namespace Dangjian.Web.Modules.Education.Study;

/// <summary>The Study feature's tables beside the module's core ones: the heartbeat sessions and the imported outside hours.</summary>
public static class StudyTables
{
    extension(AppDbContext db)
    {
        public DbSet<StudySession> StudySessions => db.Set<StudySession>();
        public DbSet<ExternalStudyHours> ExternalStudyHours => db.Set<ExternalStudyHours>();
    }
}
