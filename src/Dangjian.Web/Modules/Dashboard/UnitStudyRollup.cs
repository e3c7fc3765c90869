using Dangjian.Web.Modules.Organizations;
using Dangjian.Web.Platform.Tenancy;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Dangjian.Web.Modules.Dashboard;

/// <summary>
/// A unit's whole subtree's study of one China year, as the learning archive counts it (Education's StudyStanding): the
/// party members, their verified seconds, those at or below target and far below it, required courses assigned and
/// completed, members who took and who passed an exam. The dashboard and the archive of a large subtree read this row
/// instead of every member's progress.
/// </summary>
public sealed class UnitStudyRollup : ITenantOwned, IHasOrgPath
{
    public Guid OrgUnitId { get; set; }
    public int Year { get; set; }
    public Guid TenantId { get; set; }
    public required string OrgPath { get; set; }
    public int Members { get; set; }
    public long StudySeconds { get; set; }
    public int AtTarget { get; set; }
    public int BelowTarget { get; set; }
    public int FarBelow { get; set; }
    public int RequiredAssigned { get; set; }
    public int RequiredCompleted { get; set; }
    public int ExamTakers { get; set; }
    public int ExamPassers { get; set; }
    public DateTimeOffset BuiltAt { get; set; }
}

internal sealed class UnitStudyRollupConfiguration : IEntityTypeConfiguration<UnitStudyRollup>
{
    public void Configure(EntityTypeBuilder<UnitStudyRollup> e)
    {
        e.ToTable("UnitStudyRollups");
        e.HasKey(r => new { r.TenantId, r.OrgUnitId, r.Year });
        e.Property(r => r.OrgPath).HasMaxLength(400);
    }
}
