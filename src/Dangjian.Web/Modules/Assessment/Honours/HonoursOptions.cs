namespace Dangjian.Web.Modules.Assessment.Honours;

/// <summary>Honours settings (Rules:Assessment:Honours): the shortest public notice (docs/rules/points-and-assessment.md#pa-18).</summary>
public sealed class HonoursOptions
{
    public const string Section = "Rules:Assessment:Honours";

    /// <summary>Working days (Monday to Friday, both ends included) the list of approved nominees stays posted at least.</summary>
    public int NoticeWorkingDays { get; set; } = 5;
}
