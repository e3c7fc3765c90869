namespace Dangjian.Web.Modules.Meetings;

/// <summary>Sign-in settings (Rules:Meetings).</summary>
public sealed class MeetingOptions
{
    public const string Section = "Rules:Meetings";

    /// <summary>How long one 6-digit code is shown; the previous code is still accepted, so a code lives up to twice this.</summary>
    public int CodeWindowSeconds { get; set; } = 30;

    /// <summary>Signing in opens this many minutes before the start.</summary>
    public int SignInOpensMinutesBefore { get; set; } = 30;

    /// <summary>A sign-in later than this many minutes after the start is marked late.</summary>
    public int LateAfterMinutes { get; set; } = 10;

    /// <summary>A meeting's roll (who came, who was on leave, who was absent) is closed this many minutes after its end.</summary>
    public int RollClosesAfterMinutes { get; set; } = 60;

    /// <summary>Overrides of the required frequencies (type → Month, Quarter, Year or None); the defaults are docs/rules/organisation.md#o-10.</summary>
    public Dictionary<string, string> Frequencies { get; set; } = [];

    /// <summary>A period still open is "due soon" this many days before it ends.</summary>
    public int DueSoonDays { get; set; } = 7;

    /// <summary>第一议题: a unit should study a newly published topic within this many hours.</summary>
    public int FirstTopicTargetHours { get; set; } = 24;

    /// <summary>预审报备: how many days before the meeting its plan goes to the organisation above.</summary>
    public int PreApprovalDaysBefore { get; set; } = 7;

    /// <summary>The kinds of meeting whose plan needs the organisation above's approval.</summary>
    public string[] PreApprovalTypes { get; set; } = [];

    /// <summary>Used when <see cref="PreApprovalTypes"/> is not configured: the branch general meeting, the 组织生活会, the 民主评议.</summary>
    public static readonly MeetingType[] DefaultPreApprovalTypes =
        [MeetingType.BranchGeneralMeeting, MeetingType.OrgLifeMeeting, MeetingType.DemocraticAppraisal];

    /// <summary>
    /// Per tenant (key: the tenant's id), settings that differ from the installation's: <c>Rules:Meetings:Tenants:{id}:Frequencies:ThemeDay</c>
    /// and so on. Within a request or a job's tenant scope, <c>IOptions&lt;MeetingOptions&gt;</c> already holds the tenant's values.
    /// </summary>
    public Dictionary<string, MeetingTenantSettings> Tenants { get; set; } = [];

    /// <summary>These settings with the tenant's own put over them.</summary>
    public MeetingOptions For(Guid tenantId)
    {
        var own = Tenants.FirstOrDefault(t => Guid.TryParse(t.Key, out var id) && id == tenantId).Value;
        if (own is null) return this;
        var copy = (MeetingOptions)MemberwiseClone();
        copy.Tenants = [];
        if (own.Frequencies is { Count: > 0 } f) copy.Frequencies = new Dictionary<string, string>(Frequencies.Concat(f).GroupBy(x => x.Key).Select(g => g.Last()));
        copy.DueSoonDays = own.DueSoonDays ?? DueSoonDays;
        copy.PreApprovalTypes = own.PreApprovalTypes ?? PreApprovalTypes;
        copy.PreApprovalDaysBefore = own.PreApprovalDaysBefore ?? PreApprovalDaysBefore;
        copy.FirstTopicTargetHours = own.FirstTopicTargetHours ?? FirstTopicTargetHours;
        copy.LateAfterMinutes = own.LateAfterMinutes ?? LateAfterMinutes;
        return copy;
    }

    public bool NeedsPreApproval(MeetingType type) =>
        PreApprovalTypes.Length == 0 ? DefaultPreApprovalTypes.Contains(type) : PreApprovalTypes.Contains(type.ToString());
}

/// <summary>What a tenant may set for itself; anything left out is the installation's.</summary>
public sealed class MeetingTenantSettings
{
    public Dictionary<string, string>? Frequencies { get; set; }
    public int? DueSoonDays { get; set; }
    public string[]? PreApprovalTypes { get; set; }
    public int? PreApprovalDaysBefore { get; set; }
    public int? FirstTopicTargetHours { get; set; }
    public int? LateAfterMinutes { get; set; }
}
