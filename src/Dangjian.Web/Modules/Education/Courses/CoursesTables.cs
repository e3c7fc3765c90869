using Dangjian.Web.Data;
using Microsoft.EntityFrameworkCore;

namespace Dangjian.Web.Modules.Education.Courses;

/// <summary>The Courses feature's own tables (beside the module's Courses and StudyProgress), as members of the one <see cref="AppDbContext"/>.</summary>
public static class CoursesTables
{
    extension(AppDbContext db)
    {
        public DbSet<CourseFile> CourseFiles => db.Set<CourseFile>();
        public DbSet<LiveSignIn> LiveSignIns => db.Set<LiveSignIn>();
    }
}
