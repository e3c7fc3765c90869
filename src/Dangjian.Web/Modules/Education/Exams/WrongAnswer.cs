using Dangjian.Web.Platform.Tenancy;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Dangjian.Web.Modules.Education.Exams;

/// <summary>
/// 错题本: a question a member answered wrong in a submitted attempt, until practised right (mastered). A question
/// answered wrong again after mastering is open again.
/// </summary>
public sealed class WrongAnswer : ITenantOwned
{
    public Guid Id { get; set; }
    public Guid TenantId { get; set; }
    public Guid MemberId { get; set; }
    public Guid QuestionId { get; set; }
    public Guid LastAttemptId { get; set; }
    public string? LastGiven { get; set; }
    public int Times { get; set; }
    public DateTimeOffset LastWrongAt { get; set; }
    public DateTimeOffset? MasteredAt { get; set; }
}

internal sealed class WrongAnswerConfiguration : IEntityTypeConfiguration<WrongAnswer>
{
    public void Configure(EntityTypeBuilder<WrongAnswer> e)
    {
        e.ToTable("WrongAnswers");
        e.Property(w => w.LastGiven).HasMaxLength(400);
        e.HasIndex(w => new { w.TenantId, w.MemberId, w.QuestionId }).IsUnique();
    }
}
