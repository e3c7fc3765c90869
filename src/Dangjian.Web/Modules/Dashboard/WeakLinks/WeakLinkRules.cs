namespace Dangjian.Web.Modules.Dashboard.WeakLinks;

/// <summary>The thresholds of the weak-link rules (Dashboard:WeakLinks); each is a setting, the defaults are the platform's reading.</summary>
public sealed class WeakLinkOptions
{
    public const string Section = "Dashboard:WeakLinks";

    /// <summary>A branch whose sign-in rate over the last three months is below this (and had at least <see cref="MinExpected"/> expected).</summary>
    public decimal MinSignInRate { get; set; } = 60m;

    /// <summary>A branch whose dues collection rate over the last three months is below this.</summary>
    public decimal MinDuesRate { get; set; } = 80m;

    public int MinExpected { get; set; } = 10;

    /// <summary>A member absent (not excused) from this many of their latest meetings in a row.</summary>
    public int AbsentInARow { get; set; } = 3;

    /// <summary>An open development case with no step for this many months.</summary>
    public int StalledMonths { get; set; } = 6;

    /// <summary>A branch this many standard deviations below the sign-in rate of its peers of similar size.</summary>
    public double PeerZ { get; set; } = 2.0;

    /// <summary>A branch (of at least <see cref="MinPointsMembers"/> party members) where fewer than this % earned points in the year.</summary>
    public decimal MinPointsParticipation { get; set; } = 50m;

    public int MinPointsMembers { get; set; } = 5;

    /// <summary>An early warning (政治体检) still open this many days after it was raised.</summary>
    public int WarningsUnhandledDays { get; set; } = 30;

    /// <summary>Peers needed in a size band for the comparison to mean anything.</summary>
    public int MinPeers { get; set; } = 5;
}

/// <summary>One finding before it is stored: what, about whom, why (in words), under which rule, how urgent.</summary>
public sealed record WeakLinkFinding(string Key, Guid OrgUnitId, string OrgPath, string OrgUnitName, Guid? MemberId, string? MemberName, string Rule,
    string Reason, string Article, int Score);

/// <summary>
/// 精准识别薄弱环节: the rules that find branches and members needing attention, and the peer check. Pure: figures in,
/// findings out; the score orders them (higher first).
/// </summary>
public static class WeakLinkRules
{
    public const string Meetings = "meetings-missed";
    public const string Attendance = "low-attendance";
    public const string Dues = "dues-arrears";
    public const string Peers = "below-peers";
    public const string SmallBranch = "small-branch";
    public const string Term = "term-ending";
    public const string OutOfContact = "out-of-contact";
    public const string Absent = "absent-in-a-row";
    public const string Stalled = "development-stalled";
    public const string StudyFarBelow = "study-far-below";
    public const string WarningsUnhandled = "warnings-unhandled";
    public const string AssessmentLow = "assessment-low";
    public const string PointsLow = "points-low-participation";

    /// <summary>
    /// The year whose points participation is judged: until the end of March the year just ended (a new year's points
    /// are still few), then the current one.
    /// </summary>
    public static int PointsYear(DateOnly today) => today.Month <= 3 ? today.Year - 1 : today.Year;

    /// <summary>Open warnings past the time allowed: the more, the higher.</summary>
    public static int WarningsScore(int open) => 15 + Math.Min(15, open);

    /// <summary>A branch in the lowest band of its assessment; vetoed (一票否决) weighs more.</summary>
    public static int AssessmentScore(bool vetoed) => vetoed ? 35 : 25;

    public static int MeetingsScore(int redPeriods) => 30 + 5 * redPeriods;

    /// <summary>Below the threshold: the further below, the higher.</summary>
    public static int? RateScore(decimal? rate, decimal threshold, int expected, int minExpected, int weight) =>
        rate is { } r && expected >= minExpected && r < threshold ? weight + (int)Math.Round(threshold - r, MidpointRounding.AwayFromZero) : null;

    /// <summary>A member far below the pro-rated study target (docs/rules/education.md#e-6): the more hours missing, the higher.</summary>
    public static int StudyScore(double hours, double due) => 10 + (int)Math.Min(20, Math.Round(Math.Max(0, due - hours), MidpointRounding.AwayFromZero));

    /// <summary>The size band of a branch by its party members: peers are compared only within a band.</summary>
    public static int SizeBand(int party) => party switch { < 10 => 0, < 30 => 1, < 50 => 2, _ => 3 };

    /// <summary>How many standard deviations <paramref name="value"/> lies from the mean of <paramref name="peers"/> (population SD); none when they do not vary.</summary>
    public static double? ZScore(double value, IReadOnlyCollection<double> peers)
    {
        if (peers.Count == 0) return null;
        var mean = peers.Average();
        var sd = Math.Sqrt(peers.Sum(p => (p - mean) * (p - mean)) / peers.Count);
        return sd < 1e-9 ? null : (value - mean) / sd;
    }

    /// <summary>
    /// Branches far below the peers of their size band: z below −<paramref name="z"/> among at least <paramref name="minPeers"/>
    /// others. Returns (branch, its rate, the peers' mean, z).
    /// </summary>
    public static IReadOnlyList<(Guid Branch, double Rate, double Mean, double Z)> BelowPeers(IReadOnlyList<(Guid Branch, int Party, double Rate)> branches,
        double z, int minPeers)
    {
        var result = new List<(Guid, double, double, double)>();
        foreach (var band in branches.GroupBy(b => SizeBand(b.Party)))
        {
            var members = band.ToList();
            foreach (var b in members)
            {
                var peers = members.Where(p => p.Branch != b.Branch).Select(p => p.Rate).ToList();
                if (peers.Count < minPeers) continue;
                if (ZScore(b.Rate, peers) is { } score && score < -z) result.Add((b.Branch, b.Rate, peers.Average(), score));
            }
        }
        return result;
    }
}
