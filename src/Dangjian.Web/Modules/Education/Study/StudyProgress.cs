using Dangjian.Web.Platform.Tenancy;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Dangjian.Web.Modules.Education.Study;

/// <summary>
/// One member's verified study of one course: the seconds the server accepted from heartbeats (capped by the course's
/// rules), per year of study, and when it was completed. Written only by the Study feature; read by the archive, plans
/// and recommendations.
/// </summary>
public sealed class StudyProgress : ITenantOwned
{
    public Guid Id { get; set; }
    public Guid TenantId { get; set; }
    public Guid MemberId { get; set; }
    public Guid CourseId { get; set; }
    /// <summary>The year (China Standard Time) the seconds were studied in; a course studied across new year has two rows.</summary>
    public int Year { get; set; }
    public int Seconds { get; set; }
    public DateTimeOffset FirstAt { get; set; }
    public DateTimeOffset LastAt { get; set; }
    public DateTimeOffset? CompletedAt { get; set; }
}

internal sealed class StudyProgressConfiguration : IEntityTypeConfiguration<StudyProgress>
{
    public void Configure(EntityTypeBuilder<StudyProgress> e)
    {
        e.ToTable("StudyProgress");
        e.HasIndex(p => new { p.TenantId, p.MemberId, p.CourseId, p.Year }).IsUnique();
        e.HasIndex(p => new { p.TenantId, p.CourseId });
    }
}
