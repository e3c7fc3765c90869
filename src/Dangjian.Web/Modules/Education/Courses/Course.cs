using Dangjian.Web.Platform.Tenancy;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Dangjian.Web.Modules.Education.Courses;

/// <summary>What a course is: read, watched, listened to, a document, or a live session at a time.</summary>
public enum CourseKind
{
    Article,
    Video,
    Audio,
    Pdf,
    Live,
}

/// <summary>The subject a course's hours count under in the learning archive (学习档案).</summary>
public enum CourseCategory
{
    Theory,
    PartyHistory,
    PartyRules,
    Policy,
    Skills,
    Integrity,
    Other,
}

/// <summary>Whether a course belongs to one of the case libraries (红色基因案例库, 警示教育案例库).</summary>
public enum CaseKind
{
    None,
    RedGene,
    Warning,
}

public enum CourseStatus
{
    Draft,
    Published,
    Withdrawn,
}

/// <summary>
/// One course of the library (党员教育): published by a unit to its subtree, required or optional, with a deadline. Its
/// study time is what the server accepted from heartbeats (<see cref="StudyProgress"/>), never what the page claims.
/// </summary>
public sealed class Course : ITenantOwned, Organizations.IHasOrgPath
{
    public Guid Id { get; set; }
    public Guid TenantId { get; set; }
    public Guid OrgUnitId { get; set; }
    public required string OrgPath { get; set; }
    public required string Title { get; set; }
    public CourseKind Kind { get; set; }
    public CourseCategory Category { get; set; }
    public CaseKind CaseKind { get; set; }
    /// <summary>Comma-separated tags, as the publisher wrote them.</summary>
    public string? Tags { get; set; }
    public string? Summary { get; set; }
    /// <summary>An article's text (Markdown).</summary>
    public string? Body { get; set; }
    /// <summary>The uploaded video, audio or PDF (the Courses feature's file table).</summary>
    public Guid? MediaFileId { get; set; }
    /// <summary>A video's or audio's length in seconds, read from the file; caps the time it can credit.</summary>
    public int? MediaSeconds { get; set; }
    public bool Required { get; set; }
    public DateOnly? DueOn { get; set; }
    public DateTimeOffset? LiveStartsAt { get; set; }
    public DateTimeOffset? LiveEndsAt { get; set; }
    public string? LiveLink { get; set; }
    /// <summary>A live session's sign-in secret (the rotating code, as for meetings).</summary>
    public string? LiveSignInSecret { get; set; }
    public CourseStatus Status { get; set; }
    public DateTimeOffset? PublishedAt { get; set; }
    public DateTimeOffset CreatedAt { get; set; }
    public Guid CreatedByUserId { get; set; }
    public string CreatedBy { get; set; } = "";
    public DateTimeOffset? UpdatedAt { get; set; }
}

internal sealed class CourseConfiguration : IEntityTypeConfiguration<Course>
{
    public void Configure(EntityTypeBuilder<Course> e)
    {
        e.ToTable("Courses");
        e.Property(c => c.OrgPath).HasMaxLength(400);
        e.Property(c => c.Title).HasMaxLength(200);
        e.Property(c => c.Tags).HasMaxLength(200);
        e.Property(c => c.Summary).HasMaxLength(1000);
        e.Property(c => c.Body).HasMaxLength(100_000);
        e.Property(c => c.LiveLink).HasMaxLength(400);
        e.Property(c => c.LiveSignInSecret).HasMaxLength(64);
        e.Property(c => c.CreatedBy).HasMaxLength(100);
        e.HasIndex(c => new { c.TenantId, c.OrgPath, c.Status, c.PublishedAt });
    }
}
