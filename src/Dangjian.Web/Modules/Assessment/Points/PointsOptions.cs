namespace Dangjian.Web.Modules.Assessment.Points;

/// <summary>Points settings (Rules:Assessment:Points) that are not part of a tenant's scheme (docs/rules/points-and-assessment.md#pa-6).</summary>
public sealed class PointsOptions
{
    public const string Section = "Rules:Assessment:Points";

    /// <summary>Months after a dues month ends before it counts as unpaid (arrears): the month after it to pay by default.</summary>
    public int ArrearsAfterMonths { get; set; } = 1;
}
