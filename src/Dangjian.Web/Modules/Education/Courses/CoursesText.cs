namespace Dangjian.Web.Modules.Education.Courses;

/// <summary>Marker for the Courses feature's strings: CoursesText.resx (zh-CN, neutral) and CoursesText.en.resx (English).</summary>
public sealed class CoursesText;
