using Dangjian.Web.Platform.Errors;
using Microsoft.Extensions.Localization;

namespace Dangjian.Web.Modules.Education.Courses;

/// <summary>
/// What a course needs before members see it: a video, audio or document course its file (the length is read from
/// it); a live course its start and end; an article its text. Pure: the course as it stands decides.
/// </summary>
public static class CoursePublishRules
{
    public static Error? Check(Course c, IStringLocalizer<CoursesText> T, IStringLocalizer L)
    {
        if (string.IsNullOrWhiteSpace(c.Title)) return Error.Validation("title", L["Validation.Required", "title"]);
        return c.Kind switch
        {
            CourseKind.Video or CourseKind.Audio or CourseKind.Pdf when c.MediaFileId is null => Error.Validation("file", T["Course.FileMissing"]),
            CourseKind.Live when c.LiveStartsAt is null => Error.Validation("liveStartsAt", L["Validation.Required", "liveStartsAt"]),
            CourseKind.Live when c.LiveEndsAt is null => Error.Validation("liveEndsAt", L["Validation.Required", "liveEndsAt"]),
            CourseKind.Live when c.LiveEndsAt <= c.LiveStartsAt => Error.Validation("liveEndsAt", T["Course.LiveEndBeforeStart"]),
            CourseKind.Article when string.IsNullOrWhiteSpace(c.Body) => Error.Validation("body", L["Validation.Required", "body"]),
            _ => null,
        };
    }
}
