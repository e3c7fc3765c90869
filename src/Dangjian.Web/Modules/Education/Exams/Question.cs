using Dangjian.Web.Modules.Education.Courses;
using Dangjian.Web.Platform.Tenancy;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Dangjian.Web.Modules.Education.Exams;

public enum QuestionType
{
    Single,
    Multiple,
    TrueFalse,
    FillIn,
}

/// <summary>
/// One question of a unit's bank (题库), used by the unit's papers and those of every unit below it. Retired rather
/// than deleted, so past attempts still show what was asked.
/// </summary>
public sealed class ExamQuestion : ITenantOwned, Organizations.IHasOrgPath
{
    public Guid Id { get; set; }
    public Guid TenantId { get; set; }
    public Guid OrgUnitId { get; set; }
    public required string OrgPath { get; set; }
    public QuestionType Type { get; set; }
    public CourseCategory Category { get; set; }
    /// <summary>1 (easy) to 5 (hard).</summary>
    public int Difficulty { get; set; }
    public required string Stem { get; set; }
    /// <summary>The choices of a choice question, one a line, in order (A, B, C …); null for true/false and fill-in.</summary>
    public string? Options { get; set; }
    /// <summary>The key in its canonical form (<see cref="AnswerRules.Canonical"/>): "AC", "T", or accepted fill-ins joined by "|".</summary>
    public required string Answer { get; set; }
    public string? Explanation { get; set; }
    public DateTimeOffset? RetiredAt { get; set; }
    public DateTimeOffset CreatedAt { get; set; }
    public string CreatedBy { get; set; } = "";
    public DateTimeOffset? UpdatedAt { get; set; }

    public IReadOnlyList<string> OptionList => Options is null ? [] : Options.Split('\n');
}

internal sealed class ExamQuestionConfiguration : IEntityTypeConfiguration<ExamQuestion>
{
    public void Configure(EntityTypeBuilder<ExamQuestion> e)
    {
        e.ToTable("ExamQuestions");
        e.Property(q => q.OrgPath).HasMaxLength(400);
        e.Property(q => q.Stem).HasMaxLength(1000);
        e.Property(q => q.Options).HasMaxLength(2000);
        e.Property(q => q.Answer).HasMaxLength(400);
        e.Property(q => q.Explanation).HasMaxLength(2000);
        e.Property(q => q.CreatedBy).HasMaxLength(100);
        e.Ignore(q => q.OptionList);
        e.HasIndex(q => new { q.TenantId, q.OrgPath, q.Category, q.Difficulty });
    }
}
