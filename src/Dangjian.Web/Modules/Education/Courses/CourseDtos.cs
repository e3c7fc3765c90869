using System.ComponentModel.DataAnnotations;
using Dangjian.Web.Platform.Input;

namespace Dangjian.Web.Modules.Education.Courses;

/// <summary>A new course (draft) of a unit, or the changes to one (its unit then stays). <c>CourseKind</c>: Article, Video, Audio, Pdf or Live.</summary>
public sealed record SaveCourseRequest(Guid? OrgUnitId, [MaxLength(200)] string? Title, CourseKind? CourseKind, CourseCategory? Category, CaseKind? CaseKind,
    [MaxLength(200)] string? Tags, [MultiLine, MaxLength(1000)] string? Summary, [MultiLine, MaxLength(20000)] string? Body, bool? Required,
    DateOnly? DueOn, DateTimeOffset? LiveStartsAt, DateTimeOffset? LiveEndsAt, [HttpUrl, MaxLength(400)] string? LiveLink);

public sealed record LiveSignInRequest([MaxLength(6)] string? Code);

public sealed record CourseDto(Guid Id, Guid OrgUnitId, string OrgUnitName, string Title, CourseKind Kind, CourseCategory Category, CaseKind CaseKind,
    IReadOnlyList<string> Tags, string? Summary, string? Body, bool Required, DateOnly? DueOn, DateTimeOffset? LiveStartsAt, DateTimeOffset? LiveEndsAt,
    string? LiveLink, CourseStatus Status, DateTimeOffset? PublishedAt, CourseFileDto? File, int? MediaSeconds, bool MicroLesson, string CreatedBy,
    DateTimeOffset CreatedAt, DateTimeOffset? UpdatedAt, bool CanManage);

/// <summary>The course's current file; <c>Url</c> serves it (with ranges) to whoever may see the course.</summary>
public sealed record CourseFileDto(Guid Id, Guid CourseId, CourseKind Kind, string FileName, string ContentType, long Size, string Sha256, int? Seconds,
    string Url, string UploadedBy, DateTimeOffset UploadedAt);

/// <summary>A line of the managers' list: <c>Own</c> when the unit itself published it, otherwise one above it did.</summary>
public sealed record CourseListItemDto(Guid Id, Guid OrgUnitId, string Title, CourseKind Kind, CourseCategory Category, CaseKind CaseKind,
    IReadOnlyList<string> Tags, bool Required, DateOnly? DueOn, CourseStatus Status, DateTimeOffset? PublishedAt, int? MediaSeconds, bool MicroLesson,
    DateTimeOffset? LiveStartsAt, bool Own);

/// <summary>A member's course with their verified study of it (StudyProgress, every year summed).</summary>
public sealed record MyCourseDto(Guid Id, string Title, CourseKind Kind, CourseCategory Category, CaseKind CaseKind, bool Required, DateOnly? DueOn,
    bool Overdue, bool MicroLesson, int? MediaSeconds, DateTimeOffset? LiveStartsAt, int StudiedSeconds, DateTimeOffset? CompletedAt);

/// <summary>The host's current code of a live course and when it changes.</summary>
public sealed record LiveCodeDto(Guid CourseId, string Code, int SecondsLeft, DateTimeOffset OpensAt, DateTimeOffset EndsAt);

public sealed record LiveSignInDto(Guid CourseId, Guid MemberId, string MemberName, DateTimeOffset SignedAt, int CreditedSeconds);

public sealed record LiveAttendanceDto(Guid CourseId, int Expected, int SignedIn, IReadOnlyList<LiveSignInDto> SignIns);

/// <summary>Filters of the managers' list.</summary>
public sealed record CourseFilter(CourseKind? Kind, CourseCategory? Category, CaseKind? CaseKind, string? Tag, string? Text, bool? MicroOnly);
