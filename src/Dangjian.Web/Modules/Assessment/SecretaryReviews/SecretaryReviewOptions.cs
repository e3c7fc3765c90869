namespace Dangjian.Web.Modules.Assessment.SecretaryReviews;

/// <summary>The rating of secretaries (Rules:Assessment:SecretaryReviews, docs/rules/points-and-assessment.md#pa-22), also per tenant under <c>Tenants:{tenantId}</c>.</summary>
public sealed class SecretaryReviewOptions
{
    public const string Section = "Rules:Assessment:SecretaryReviews";

    /// <summary>The superior's weight in percent; the members have the rest.</summary>
    public int SuperiorWeight { get; set; } = 50;
    public int GoodFrom { get; set; } = 90;
    public int FairlyGoodFrom { get; set; } = 80;
    public int AverageFrom { get; set; } = 60;

    public Dictionary<string, SecretaryReviewTenantSettings> Tenants { get; set; } = [];

    public SecretaryReviewOptions For(Guid tenantId)
    {
        var own = Tenants.FirstOrDefault(t => Guid.TryParse(t.Key, out var id) && id == tenantId).Value;
        if (own is null) return this;
        return new SecretaryReviewOptions
        {
            SuperiorWeight = own.SuperiorWeight ?? SuperiorWeight, GoodFrom = own.GoodFrom ?? GoodFrom, FairlyGoodFrom = own.FairlyGoodFrom ?? FairlyGoodFrom,
            AverageFrom = own.AverageFrom ?? AverageFrom,
        };
    }
}

public sealed class SecretaryReviewTenantSettings
{
    public int? SuperiorWeight { get; set; }
    public int? GoodFrom { get; set; }
    public int? FairlyGoodFrom { get; set; }
    public int? AverageFrom { get; set; }
}
