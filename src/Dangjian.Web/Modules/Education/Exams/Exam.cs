using Dangjian.Web.Platform.Tenancy;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Dangjian.Web.Modules.Education.Exams;

/// <summary>
/// An exam (考试) or knowledge contest (知识竞赛): a paper published to a unit's subtree, open in a window, with a time
/// limit per attempt, a number of attempts (the best counts) and a pass mark. A contest also shows a live ranking.
/// </summary>
public sealed class Exam : ITenantOwned, Organizations.IHasOrgPath
{
    public Guid Id { get; set; }
    public Guid TenantId { get; set; }
    public Guid OrgUnitId { get; set; }
    public required string OrgPath { get; set; }
    public Guid PaperId { get; set; }
    public required string Title { get; set; }
    public bool IsContest { get; set; }
    public DateTimeOffset OpensAt { get; set; }
    public DateTimeOffset ClosesAt { get; set; }
    public int TimeLimitMinutes { get; set; }
    public int AttemptsAllowed { get; set; }
    public int PassMark { get; set; }
    /// <summary>A multiple-choice answer with some right choices and no wrong one earns its share (else all or nothing).</summary>
    public bool PartialCredit { get; set; }
    public DateTimeOffset CreatedAt { get; set; }
    public string CreatedBy { get; set; } = "";
}

internal sealed class ExamConfiguration : IEntityTypeConfiguration<Exam>
{
    public void Configure(EntityTypeBuilder<Exam> e)
    {
        e.ToTable("Exams");
        e.Property(x => x.OrgPath).HasMaxLength(400);
        e.Property(x => x.Title).HasMaxLength(200);
        e.Property(x => x.CreatedBy).HasMaxLength(100);
        e.HasIndex(x => new { x.TenantId, x.OrgPath, x.ClosesAt });
    }
}
