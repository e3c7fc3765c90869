namespace Dangjian.Web.Modules.Education.Courses;

/// <summary>
/// 微党课: a video or audio lesson of at most <c>Rules:Education:MicroLessonMaxMinutes</c> minutes
/// (docs/rules/education.md#e-5). The length is the one read from the file, never one typed in.
/// </summary>
public static class MicroLessonRule
{
    public const string Article = "docs/rules/education.md#e-5";

    /// <summary>The longest a 微党课 may last, in seconds.</summary>
    public static int MaxSeconds(int maxMinutes) => maxMinutes * 60;

    public static bool Is(CourseKind kind, int? mediaSeconds, int maxMinutes) =>
        kind is CourseKind.Video or CourseKind.Audio && mediaSeconds is > 0 && mediaSeconds <= MaxSeconds(maxMinutes);
}
