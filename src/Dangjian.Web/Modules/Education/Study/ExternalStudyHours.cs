using Dangjian.Web.Platform.Tenancy;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Dangjian.Web.Modules.Education.Study;

/// <summary>The outside platforms whose monthly study records are imported.</summary>
public enum ExternalStudySource
{
    /// <summary>学习强国.</summary>
    XuexiQiangguo,
    /// <summary>国资e学.</summary>
    GuoziEXue,
}

/// <summary>
/// A member's month on an outside platform (学习强国, 国资e学) as its workbook reported it: points and class hours. One row
/// per member, source and month: importing the month again replaces it, never adds to it.
/// </summary>
public sealed class ExternalStudyHours : ITenantOwned
{
    public Guid Id { get; set; }
    public Guid TenantId { get; set; }
    public Guid MemberId { get; set; }
    public ExternalStudySource Source { get; set; }
    /// <summary>The first day of the month.</summary>
    public DateOnly Month { get; set; }
    public int Points { get; set; }
    /// <summary>Class hours in tenths (2.5 学时 = 25), as the platform reported them.</summary>
    public int HoursTenths { get; set; }
    public DateTimeOffset ImportedAt { get; set; }
    public string ImportedBy { get; set; } = "";
}

internal sealed class ExternalStudyHoursConfiguration : IEntityTypeConfiguration<ExternalStudyHours>
{
    public void Configure(EntityTypeBuilder<ExternalStudyHours> e)
    {
        e.ToTable("ExternalStudyHours");
        e.Property(x => x.ImportedBy).HasMaxLength(100);
        e.HasIndex(x => new { x.TenantId, x.MemberId, x.Source, x.Month }).IsUnique();
    }
}
