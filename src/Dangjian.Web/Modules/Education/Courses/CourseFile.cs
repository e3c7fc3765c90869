using Dangjian.Web.Platform.Tenancy;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Dangjian.Web.Modules.Education.Courses;

/// <summary>
/// A course's uploaded video, audio or PDF: kept in the database like a meeting's attachments (with its SHA-256), its
/// bytes encrypted with the personal-data key like an uploaded roster, its length read on the server from the file.
/// A new upload adds a row and the course points at it; earlier rows stay for whoever is still playing them.
/// </summary>
public sealed class CourseFile : ITenantOwned
{
    public Guid Id { get; set; }
    public Guid TenantId { get; set; }
    public Guid CourseId { get; set; }
    public CourseKind Kind { get; set; }
    public required string FileName { get; set; }
    public required string ContentType { get; set; }
    public long Size { get; set; }
    public required string Sha256 { get; set; }
    /// <summary>A video's or audio's length in seconds as read from the file; none for a PDF.</summary>
    public int? Seconds { get; set; }
    /// <summary>The file encrypted (<see cref="Platform.Privacy.PersonalDataProtector.EncryptBytes"/>): nonce, cipher text, tag.</summary>
    public required byte[] Content { get; set; }
    public string UploadedBy { get; set; } = "";
    public DateTimeOffset UploadedAt { get; set; }
}

internal sealed class CourseFileConfiguration : IEntityTypeConfiguration<CourseFile>
{
    public void Configure(EntityTypeBuilder<CourseFile> e)
    {
        e.ToTable("CourseFiles");
        e.Property(f => f.FileName).HasMaxLength(200);
        e.Property(f => f.ContentType).HasMaxLength(100);
        e.Property(f => f.Sha256).HasMaxLength(64);
        e.Property(f => f.UploadedBy).HasMaxLength(100);
        e.HasIndex(f => new { f.TenantId, f.CourseId });
    }
}
