using Dangjian.Web.Platform.Tenancy;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Dangjian.Web.Modules.Meetings.Records;

/// <summary>记实: the minutes of a meeting; locked once approved, after which corrections are amendments.</summary>
public sealed class MeetingRecord : ITenantOwned
{
    public Guid Id { get; set; }
    public Guid TenantId { get; set; }
    public Guid MeetingId { get; set; }
    public string Minutes { get; set; } = "";
    public string Recorder { get; set; } = "";
    public bool Locked { get; set; }
    public DateTimeOffset? LockedAt { get; set; }
    public string? LockedBy { get; set; }
    public DateTimeOffset UpdatedAt { get; set; }
}

/// <summary>A resolution voted on at the meeting, with the counts and whether it passed.</summary>
public sealed class MeetingResolution : ITenantOwned
{
    public Guid Id { get; set; }
    public Guid TenantId { get; set; }
    public Guid MeetingId { get; set; }
    public required string Title { get; set; }
    public int Entitled { get; set; }
    public int Present { get; set; }
    public int Yes { get; set; }
    public int No { get; set; }
    public int Abstain { get; set; }
    public bool Passed { get; set; }
    public DateTimeOffset CreatedAt { get; set; }
}

/// <summary>A photo, recording or document of the meeting, kept with its SHA-256.</summary>
public sealed class MeetingAttachment : ITenantOwned
{
    public Guid Id { get; set; }
    public Guid TenantId { get; set; }
    public Guid MeetingId { get; set; }
    public required string FileName { get; set; }
    public required string ContentType { get; set; }
    public long Size { get; set; }
    public required string Sha256 { get; set; }
    public required byte[] Content { get; set; }
    public string UploadedBy { get; set; } = "";
    public DateTimeOffset UploadedAt { get; set; }
}

/// <summary>A correction after the record was locked.</summary>
public sealed class MeetingAmendment : ITenantOwned
{
    public Guid Id { get; set; }
    public Guid TenantId { get; set; }
    public Guid MeetingId { get; set; }
    public required string Text { get; set; }
    public string By { get; set; } = "";
    public DateTimeOffset At { get; set; }
}

internal sealed class MeetingRecordConfiguration : IEntityTypeConfiguration<MeetingRecord>, IEntityTypeConfiguration<MeetingResolution>,
    IEntityTypeConfiguration<MeetingAttachment>, IEntityTypeConfiguration<MeetingAmendment>
{
    public void Configure(EntityTypeBuilder<MeetingRecord> e)
    {
        e.ToTable("MeetingRecords");
        e.Property(r => r.Minutes).HasMaxLength(20000);
        e.Property(r => r.Recorder).HasMaxLength(100);
        e.Property(r => r.LockedBy).HasMaxLength(100);
        // Locked once: a lock (or an edit of the minutes) saved after another request locked the record finds it locked
        // and is refused (409). Two requests creating the record at once meet the unique index instead.
        e.Property(r => r.Locked).IsConcurrencyToken();
        e.HasIndex(r => new { r.TenantId, r.MeetingId }).IsUnique();
    }

    public void Configure(EntityTypeBuilder<MeetingResolution> e)
    {
        e.ToTable("MeetingResolutions");
        e.Property(r => r.Title).HasMaxLength(200);
        e.HasIndex(r => new { r.TenantId, r.MeetingId });
    }

    public void Configure(EntityTypeBuilder<MeetingAttachment> e)
    {
        e.ToTable("MeetingAttachments");
        e.Property(a => a.FileName).HasMaxLength(200);
        e.Property(a => a.ContentType).HasMaxLength(100);
        e.Property(a => a.Sha256).HasMaxLength(64);
        e.Property(a => a.UploadedBy).HasMaxLength(100);
        e.HasIndex(a => new { a.TenantId, a.MeetingId });
    }

    public void Configure(EntityTypeBuilder<MeetingAmendment> e)
    {
        e.ToTable("MeetingAmendments");
        e.Property(a => a.Text).HasMaxLength(4000);
        e.Property(a => a.By).HasMaxLength(100);
        e.HasIndex(a => new { a.TenantId, a.MeetingId });
    }
}
