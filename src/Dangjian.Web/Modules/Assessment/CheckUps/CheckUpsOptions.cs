namespace Dangjian.Web.Modules.Assessment.CheckUps;

/// <summary>
/// Check-up settings (Rules:Assessment:CheckUps): the window after a quarter (docs/rules/points-and-assessment.md#pa-10)
/// and the thresholds of the early warnings (#pa-11).
/// </summary>
public sealed class CheckUpsOptions
{
    public const string Section = "Rules:Assessment:CheckUps";

    /// <summary>Days after a quarter's last day its check-up may still be submitted.</summary>
    public int GraceDays { get; set; } = 15;

    /// <summary>Meetings missed without leave in a row that raise a warning.</summary>
    public int AbsenceStreak { get; set; } = 3;

    /// <summary>Months back the absences are read (a streak older than this is left to the records).</summary>
    public int AbsenceLookbackMonths { get; set; } = 12;

    /// <summary>Whole months unpaid before the current one that raise a warning.</summary>
    public int ArrearsMonths { get; set; } = 3;
}
