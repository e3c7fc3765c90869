namespace Dangjian.Web.Modules.Meetings.Appraisal;

/// <summary>
/// The appraisal's scheme (Rules:Assessment:Appraisal): the weights of the four scores and the bands of the weighted
/// proposal (docs/rules/organisation.md#o-20), and the cap on 优秀 (docs/rules/organisation.md#o-21). Each may be set per
/// tenant under <c>Tenants:{tenantId}</c>; within a request or a job's tenant scope the options are the tenant's own.
/// </summary>
public sealed class AppraisalOptions
{
    public const string Section = "Rules:Assessment:Appraisal";

    public int SelfWeight { get; set; } = 10;
    public int PeerWeight { get; set; } = 40;
    public int MassesWeight { get; set; } = 20;
    public int OrganisationWeight { get; set; } = 30;

    /// <summary>A weighted score at or above this proposes 优秀.</summary>
    public int ExcellentFrom { get; set; } = 90;
    public int QualifiedFrom { get; set; } = 70;
    public int BasicallyQualifiedFrom { get; set; } = 60;

    /// <summary>At most this share (percent, rounded down) of the members appraised are confirmed 优秀; 100 or more: no cap.</summary>
    public int ExcellentCapPercent { get; set; } = 30;

    public Dictionary<string, AppraisalTenantSettings> Tenants { get; set; } = [];

    public AppraisalWeights Weights => new(SelfWeight, PeerWeight, MassesWeight, OrganisationWeight);

    public AppraisalBands Bands => new(ExcellentFrom, QualifiedFrom, BasicallyQualifiedFrom);

    /// <summary>These settings with the tenant's own put over them.</summary>
    public AppraisalOptions For(Guid tenantId)
    {
        var own = Tenants.FirstOrDefault(t => Guid.TryParse(t.Key, out var id) && id == tenantId).Value;
        if (own is null) return this;
        return new AppraisalOptions
        {
            SelfWeight = own.SelfWeight ?? SelfWeight, PeerWeight = own.PeerWeight ?? PeerWeight, MassesWeight = own.MassesWeight ?? MassesWeight,
            OrganisationWeight = own.OrganisationWeight ?? OrganisationWeight, ExcellentFrom = own.ExcellentFrom ?? ExcellentFrom,
            QualifiedFrom = own.QualifiedFrom ?? QualifiedFrom, BasicallyQualifiedFrom = own.BasicallyQualifiedFrom ?? BasicallyQualifiedFrom,
            ExcellentCapPercent = own.ExcellentCapPercent ?? ExcellentCapPercent,
        };
    }
}

/// <summary>What a tenant may set for itself; anything left out is the installation's.</summary>
public sealed class AppraisalTenantSettings
{
    public int? SelfWeight { get; set; }
    public int? PeerWeight { get; set; }
    public int? MassesWeight { get; set; }
    public int? OrganisationWeight { get; set; }
    public int? ExcellentFrom { get; set; }
    public int? QualifiedFrom { get; set; }
    public int? BasicallyQualifiedFrom { get; set; }
    public int? ExcellentCapPercent { get; set; }
}

public sealed record AppraisalWeights(int Self, int Peers, int Masses, int Organisation)
{
    public bool Off => Self <= 0 && Peers <= 0 && Masses <= 0 && Organisation <= 0;
}

public sealed record AppraisalBands(int ExcellentFrom, int QualifiedFrom, int BasicallyQualifiedFrom);
