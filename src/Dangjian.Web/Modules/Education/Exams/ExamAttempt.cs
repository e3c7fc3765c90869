using Dangjian.Web.Platform.Tenancy;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Dangjian.Web.Modules.Education.Exams;

public enum AttemptStatus
{
    InProgress,
    Submitted,
    /// <summary>Closed by the server when its time ran out; graded on the answers saved in time.</summary>
    TimedOut,
}

/// <summary>
/// One member's attempt at an exam: the server's start, its deadline, the questions drawn for it and, once submitted
/// (or timed out), the score. Filed under the member's unit so results are read by branch.
/// </summary>
public sealed class ExamAttempt : ITenantOwned, Organizations.IHasOrgPath
{
    public Guid Id { get; set; }
    public Guid TenantId { get; set; }
    public Guid ExamId { get; set; }
    public Guid MemberId { get; set; }
    public string MemberName { get; set; } = "";
    public Guid OrgUnitId { get; set; }
    public required string OrgPath { get; set; }
    public int Number { get; set; }
    public DateTimeOffset StartedAt { get; set; }
    /// <summary>Start + time limit, or the exam's close when earlier: answers are taken until this (plus the grace).</summary>
    public DateTimeOffset DeadlineAt { get; set; }
    public DateTimeOffset? SubmittedAt { get; set; }
    public AttemptStatus Status { get; set; }
    public double Score { get; set; }
    public int MaxScore { get; set; }
    public bool Passed { get; set; }
    /// <summary>Seconds from start to submission (capped at the deadline): a contest's tie-break.</summary>
    public int? Seconds { get; set; }
    public List<ExamAttemptAnswer> Answers { get; set; } = [];
}

/// <summary>A question drawn for an attempt, its points, the answer given and, after grading, what it earned.</summary>
public sealed class ExamAttemptAnswer : ITenantOwned
{
    public Guid Id { get; set; }
    public Guid TenantId { get; set; }
    public Guid AttemptId { get; set; }
    public Guid QuestionId { get; set; }
    public int Position { get; set; }
    public int Points { get; set; }
    public string? Given { get; set; }
    public DateTimeOffset? AnsweredAt { get; set; }
    public bool? Correct { get; set; }
    public double Earned { get; set; }
}

internal sealed class ExamAttemptConfiguration : IEntityTypeConfiguration<ExamAttempt>
{
    public void Configure(EntityTypeBuilder<ExamAttempt> e)
    {
        e.ToTable("ExamAttempts");
        e.Property(a => a.OrgPath).HasMaxLength(400);
        e.Property(a => a.MemberName).HasMaxLength(100);
        // Closing writes WHERE Status = 'InProgress': of two requests closing one attempt at once, one grades it (Attempts.CloseAsync).
        e.Property(a => a.Status).IsConcurrencyToken();
        // One attempt number per member and exam: a double click on 开始 starts one attempt.
        e.HasIndex(a => new { a.TenantId, a.ExamId, a.MemberId, a.Number }).IsUnique();
        e.HasIndex(a => new { a.TenantId, a.ExamId, a.OrgPath });
        e.HasMany(a => a.Answers).WithOne().HasForeignKey(x => x.AttemptId).OnDelete(DeleteBehavior.Cascade);
    }
}

internal sealed class ExamAttemptAnswerConfiguration : IEntityTypeConfiguration<ExamAttemptAnswer>
{
    public void Configure(EntityTypeBuilder<ExamAttemptAnswer> e)
    {
        e.ToTable("ExamAttemptAnswers");
        e.Property(a => a.Given).HasMaxLength(400);
        e.HasIndex(a => new { a.TenantId, a.AttemptId, a.Position });
        // Whether a question was drawn for any attempt (it can then no longer be changed, docs/rules/education.md#ex-6).
        e.HasIndex(a => new { a.TenantId, a.QuestionId });
    }
}
