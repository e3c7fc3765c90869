using Dangjian.Web.Modules.Education.Courses;
using Dangjian.Web.Platform.Tenancy;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Dangjian.Web.Modules.Education.Exams;

public enum PaperMode
{
    /// <summary>The same chosen questions for everyone.</summary>
    Fixed,
    /// <summary>Questions drawn per attempt by rules (category, difficulty, count) from the bank of the unit and those above.</summary>
    Random,
}

/// <summary>A paper (试卷) of a unit: fixed questions with their points, or rules to draw them per attempt.</summary>
public sealed class ExamPaper : ITenantOwned, Organizations.IHasOrgPath
{
    public Guid Id { get; set; }
    public Guid TenantId { get; set; }
    public Guid OrgUnitId { get; set; }
    public required string OrgPath { get; set; }
    public required string Title { get; set; }
    public PaperMode Mode { get; set; }
    public DateTimeOffset CreatedAt { get; set; }
    public string CreatedBy { get; set; } = "";
    public List<ExamPaperPart> Parts { get; set; } = [];
}

/// <summary>
/// One line of a paper: a chosen question (fixed paper) or a drawing rule — so many questions of a category and
/// difficulty (either may be any), each worth <see cref="Points"/>.
/// </summary>
public sealed class ExamPaperPart : ITenantOwned
{
    public Guid Id { get; set; }
    public Guid TenantId { get; set; }
    public Guid PaperId { get; set; }
    public int Position { get; set; }
    public Guid? QuestionId { get; set; }
    public CourseCategory? Category { get; set; }
    public int? Difficulty { get; set; }
    public int Count { get; set; }
    public int Points { get; set; }
}

internal sealed class ExamPaperConfiguration : IEntityTypeConfiguration<ExamPaper>
{
    public void Configure(EntityTypeBuilder<ExamPaper> e)
    {
        e.ToTable("ExamPapers");
        e.Property(p => p.OrgPath).HasMaxLength(400);
        e.Property(p => p.Title).HasMaxLength(200);
        e.Property(p => p.CreatedBy).HasMaxLength(100);
        e.HasIndex(p => new { p.TenantId, p.OrgPath });
        e.HasMany(p => p.Parts).WithOne().HasForeignKey(x => x.PaperId).OnDelete(DeleteBehavior.Cascade);
    }
}

internal sealed class ExamPaperPartConfiguration : IEntityTypeConfiguration<ExamPaperPart>
{
    public void Configure(EntityTypeBuilder<ExamPaperPart> e)
    {
        e.ToTable("ExamPaperParts");
        e.HasIndex(p => new { p.TenantId, p.PaperId, p.Position });
    }
}
