using Dangjian.Web.Data;
using Microsoft.EntityFrameworkCore;

namespace Dangjian.Web.Modules.Education;

/// <summary>
/// The Education module's core tables (the course library and each member's verified study of a course), as members of
/// the one <see cref="AppDbContext"/>. Each sub-feature (Courses, Study, Exams, Plans) keeps its further tables in its
/// own <c>…Tables.cs</c>; another module reads them only through <c>Education/Contracts</c>.
/// </summary>
public static class EducationTables
{
    extension(AppDbContext db)
    {
        public DbSet<Courses.Course> Courses => db.Set<Courses.Course>();
        public DbSet<Study.StudyProgress> StudyProgress => db.Set<Study.StudyProgress>();
    }
}
