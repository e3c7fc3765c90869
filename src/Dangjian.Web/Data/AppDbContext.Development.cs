using Dangjian.Web.Modules.Development;
using Microsoft.EntityFrameworkCore;

namespace Dangjian.Web.Data;

/// <summary>The Development module's tables (发展党员).</summary>
public sealed partial class AppDbContext
{
    public DbSet<DevelopmentCase> DevelopmentCases => Set<DevelopmentCase>();
    public DbSet<DevelopmentStepRecord> DevelopmentSteps => Set<DevelopmentStepRecord>();
}
