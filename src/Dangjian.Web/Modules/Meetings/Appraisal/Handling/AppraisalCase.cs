using Dangjian.Web.Platform.Audit;
using Dangjian.Web.Platform.Tenancy;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Dangjian.Web.Modules.Meetings.Appraisal.Handling;

/// <summary>The measures of docs/rules/organisation.md#o-22 for a member appraised 不合格, in the order they are taken.</summary>
public enum HandlingStep
{
    /// <summary>限期改正: educated and required to correct by a deadline.</summary>
    CorrectionOrdered,
    /// <summary>经教育已改正: the case ends.</summary>
    Corrected,
    /// <summary>劝其退党: by the branch general meeting, approved above.</summary>
    AdvisedToWithdraw,
    /// <summary>自愿退党 after being advised.</summary>
    Withdrew,
    /// <summary>除名: the member advised insists on not withdrawing.</summary>
    Removed,
}

/// <summary>
/// The handling case of a member confirmed 不合格 in an appraisal: opened when the grades are confirmed, its steps
/// recorded by the branch. <see cref="Stage"/> is the last step taken (a concurrency token: two steps recorded at once
/// cannot both follow the same one).
/// </summary>
public sealed class AppraisalCase : ITenantOwned, IAudited, Organizations.IHasOrgPath
{
    public Guid Id { get; set; }
    public Guid TenantId { get; set; }
    public Guid MeetingId { get; set; }
    public Guid MemberId { get; set; }
    public Guid OrgUnitId { get; set; }
    public required string OrgPath { get; set; }
    public int Year { get; set; }
    public HandlingStep? Stage { get; set; }
    public DateOnly? Deadline { get; set; }
    public DateOnly? LastStepOn { get; set; }
    public DateTimeOffset OpenedAt { get; set; }
    public List<AppraisalCaseStep> Steps { get; set; } = [];

    Guid IAudited.AuditOrgUnitId => OrgUnitId;
}

/// <summary>One step of a handling case: what, on which day, who decided it, a note.</summary>
public sealed class AppraisalCaseStep : ITenantOwned, IAudited
{
    public Guid Id { get; set; }
    public Guid TenantId { get; set; }
    public Guid CaseId { get; set; }
    public Guid OrgUnitId { get; set; }
    public HandlingStep Step { get; set; }
    public DateOnly On { get; set; }
    public DateOnly? Deadline { get; set; }
    public required string DecidedBy { get; set; }
    public string? Note { get; set; }
    public string RecordedBy { get; set; } = "";
    public DateTimeOffset RecordedAt { get; set; }

    Guid IAudited.AuditOrgUnitId => OrgUnitId;
}

/// <summary>
/// The masses' and the organisation's scores of one member in an appraisal (docs/rules/organisation.md#o-20): entered by
/// the branch on a simple form, the masses' score being the result of the survey of non-members it held.
/// </summary>
public sealed class AppraisalScore : ITenantOwned, IAudited
{
    public Guid Id { get; set; }
    public Guid TenantId { get; set; }
    public Guid MeetingId { get; set; }
    public Guid MemberId { get; set; }
    public Guid OrgUnitId { get; set; }
    public int? Masses { get; set; }
    public int? Organisation { get; set; }
    public string EnteredBy { get; set; } = "";
    public DateTimeOffset EnteredAt { get; set; }

    Guid IAudited.AuditOrgUnitId => OrgUnitId;
}

internal sealed class AppraisalCaseConfiguration : IEntityTypeConfiguration<AppraisalCase>, IEntityTypeConfiguration<AppraisalCaseStep>,
    IEntityTypeConfiguration<AppraisalScore>
{
    public void Configure(EntityTypeBuilder<AppraisalCase> e)
    {
        e.ToTable("AppraisalCases");
        e.Property(x => x.OrgPath).HasMaxLength(400);
        e.Property(x => x.Stage).IsConcurrencyToken();
        e.HasIndex(x => new { x.TenantId, x.MeetingId, x.MemberId }).IsUnique();
        e.HasIndex(x => new { x.TenantId, x.OrgPath, x.Year });
        e.HasMany(x => x.Steps).WithOne().HasForeignKey(s => s.CaseId).OnDelete(DeleteBehavior.Cascade);
    }

    public void Configure(EntityTypeBuilder<AppraisalCaseStep> e)
    {
        e.ToTable("AppraisalCaseSteps");
        e.Property(x => x.DecidedBy).HasMaxLength(100);
        e.Property(x => x.Note).HasMaxLength(1000);
        e.Property(x => x.RecordedBy).HasMaxLength(100);
        e.HasIndex(x => new { x.TenantId, x.CaseId, x.Step }).IsUnique();
    }

    public void Configure(EntityTypeBuilder<AppraisalScore> e)
    {
        e.ToTable("AppraisalScores");
        e.Property(x => x.EnteredBy).HasMaxLength(100);
        e.HasIndex(x => new { x.TenantId, x.MeetingId, x.MemberId }).IsUnique();
    }
}
