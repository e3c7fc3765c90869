using Dangjian.Web.Platform.Tenancy;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Dangjian.Web.Modules.Education.Study;

/// <summary>
/// One sitting of a member with one course: the server's clock of its last accepted heartbeat, against which the next
/// one is measured. A member has one open session at a time (starting another ends it), so two courses never count
/// the same minutes. <see cref="LastBeatAt"/> doubles as the row's version: a heartbeat counts only if it moves it.
/// </summary>
public sealed class StudySession : ITenantOwned
{
    public Guid Id { get; set; }
    public Guid TenantId { get; set; }
    public Guid MemberId { get; set; }
    public Guid UserId { get; set; }
    public Guid CourseId { get; set; }
    public DateTimeOffset StartedAt { get; set; }
    /// <summary>The last accepted heartbeat (or the start).</summary>
    public DateTimeOffset LastBeatAt { get; set; }
    public int Beats { get; set; }
    public int Seconds { get; set; }
    /// <summary>The player's position at the last heartbeat (seconds), as the page reported it: shown, never counted.</summary>
    public int? LastPosition { get; set; }
    public DateTimeOffset? EndedAt { get; set; }
    public StudyReason? EndReason { get; set; }
}

internal sealed class StudySessionConfiguration : IEntityTypeConfiguration<StudySession>
{
    public void Configure(EntityTypeBuilder<StudySession> e)
    {
        e.ToTable("StudySessions");
        e.HasIndex(s => new { s.TenantId, s.MemberId, s.EndedAt });
    }
}
