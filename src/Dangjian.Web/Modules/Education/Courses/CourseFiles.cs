using System.Security.Cryptography;
using Dangjian.Web.Data;
using Dangjian.Web.Platform.Errors;
using Dangjian.Web.Platform.Privacy;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using Microsoft.Extensions.Options;

namespace Dangjian.Web.Modules.Education.Courses;

/// <summary>
/// A course's video, audio or PDF: refused before it is read when it is larger than the kind allows, refused when its
/// bytes are not what the kind says or it is broken; its length read from the file sets the course's
/// <see cref="Course.MediaSeconds"/> (the 微党课 mark and the Study feature's cap follow from it). Stored encrypted, served
/// decrypted with ranges to whoever may see the course.
/// </summary>
public sealed class CourseFiles(AppDbContext db, CourseAccess access, PersonalDataProtector protector, TimeProvider clock,
    IOptions<CourseFileOptions> options, IStringLocalizer<EducationText> E, IStringLocalizer<CoursesText> T)
{
    /// <summary>The limit for the course's kind; checked by the endpoint against the declared length before the body is read.</summary>
    public long MaxBytes(CourseKind kind) => options.Value.MaxBytes(kind);

    /// <summary>413, naming the file and the kind's limit (a problem without field errors: those would make it a 400).</summary>
    public Error TooLarge(CourseKind kind) =>
        new("file_too_large", T["File.TooLarge", E["Kind." + kind], MaxBytes(kind) / 1024 / 1024], StatusCodes.Status413PayloadTooLarge);

    /// <summary>The course the caller may upload to, and its kind's limit: before anything is read.</summary>
    public async Task<Result<Course>> TargetAsync(Guid courseId, CancellationToken ct)
    {
        var managed = await access.ManageAsync(courseId, ct);
        if (!managed.IsSuccess) return managed.Error!;
        var c = managed.Value!;
        if (c.Kind is not (CourseKind.Video or CourseKind.Audio or CourseKind.Pdf)) return Error.Validation("file", T["File.KindTakesNone", E["Kind." + c.Kind]]);
        if (c.Status == CourseStatus.Withdrawn) return Error.Conflict("COURSE_WITHDRAWN", T["Course.WithdrawnNoEdit"]);
        return c;
    }

    /// <summary>Stores <paramref name="content"/> (null: it was longer than the limit) as the course's file.</summary>
    public async Task<Result<CourseFileDto>> UploadAsync(Course c, string? fileName, byte[]? content, CancellationToken ct)
    {
        if (content is null || content.LongLength > MaxBytes(c.Kind)) return TooLarge(c.Kind);
        if (content.Length == 0) return Error.Validation("file", T["File.Empty"]);
        var (info, problem) = MediaProbe.Probe(c.Kind, content);
        if (problem == MediaProblem.WrongType) return Error.Validation("file", T["File.WrongType", E["Kind." + c.Kind]]);
        if (problem == MediaProblem.Corrupt || info is null) return Error.Validation("file", T["File.Corrupt", E["Kind." + c.Kind]]);
        var now = clock.GetUtcNow();
        var name = Path.GetFileName(string.IsNullOrWhiteSpace(fileName) ? "course" : fileName.Trim());
        var row = new CourseFile
        {
            Id = Guid.CreateVersion7(now), CourseId = c.Id, Kind = c.Kind, FileName = name.Length > 200 ? name[^200..] : name, ContentType = info.ContentType,
            Size = content.Length, Sha256 = Convert.ToHexStringLower(SHA256.HashData(content)), Seconds = info.Seconds, Content = protector.EncryptBytes(content),
            UploadedBy = access.Me(), UploadedAt = now,
        };
        db.CourseFiles.Add(row);
        c.MediaFileId = row.Id;
        c.MediaSeconds = info.Seconds;
        c.UpdatedAt = now;
        await db.SaveChangesAsync(ct);
        return ToDto(row);
    }

    /// <summary>The file decrypted, if the caller may see its course; 404 otherwise.</summary>
    public async Task<Result<(CourseFile File, byte[] Content)>> DownloadAsync(Guid courseId, Guid fileId, CancellationToken ct)
    {
        var seen = await access.SeeAsync(courseId, ct);
        if (!seen.IsSuccess) return seen.Error!;
        var f = await db.CourseFiles.AsNoTracking().FirstOrDefaultAsync(x => x.Id == fileId && x.CourseId == courseId, ct);
        if (f is null) return Error.NotFound(T["File.NotFound"]);
        return (f, protector.DecryptBytes(f.Content));
    }

    private static CourseFileDto ToDto(CourseFile f) =>
        new(f.Id, f.CourseId, f.Kind, f.FileName, f.ContentType, f.Size, f.Sha256, f.Seconds, CourseAccess.FileUrl(f.CourseId, f.Id), f.UploadedBy, f.UploadedAt);
}
