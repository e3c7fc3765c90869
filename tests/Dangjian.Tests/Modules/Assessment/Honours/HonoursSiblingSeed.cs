using Dangjian.Web.Platform.Clock;
using System.Text.Json.Nodes;
using Dangjian.Tests.Security;
using Dangjian.Web.Modules.Assessment.Honours;

namespace Dangjian.Tests.Modules.Assessment.Honours;

/// <summary>Each side's campaign (in its notice), a quota, its member nominated and approved, an objection and an award.</summary>
public sealed class HonoursSiblingSeed : ISiblingSeed
{
    public async Task SeedAsync(AppFixture app, SiblingSeedContext side)
    {
        var now = app.Clock.GetUtcNow();
        var today = app.Clock.Today();
        var t = side.Tenant.TenantId;
        var campaign = new HonourCampaign
        {
            Id = Guid.CreateVersion7(now), TenantId = t, OrgUnitId = side.Unit.Id, OrgPath = side.Unit.Path, Year = today.Year, Title = $"{side.Label}评选{side.Marker}",
            ExcellentMembers = 1, AdvancedOrganisations = 1, NominationOpensOn = today.AddDays(-20), NominationClosesOn = today.AddDays(-15), VoteClosesOn = today.AddDays(-10),
            NoticeStartsOn = today.AddDays(-1), NoticeEndsOn = today.AddDays(10), AwardOn = today.AddDays(11), Status = HonourCampaignStatus.Notice, CreatedAt = now, CreatedBy = "seed",
        };
        var quota = new HonourQuota { Id = Guid.CreateVersion7(now), TenantId = t, CampaignId = campaign.Id, OrgUnitId = side.Unit.Id, OrgPath = side.Unit.Path, Kind = HonourKind.ExcellentMember, Number = 1 };
        var nomination = new HonourNomination
        {
            Id = Guid.CreateVersion7(now), TenantId = t, CampaignId = campaign.Id, Kind = HonourKind.ExcellentMember, NomineeId = side.Member.Id, NomineeName = side.Member.Name,
            NomineePath = side.Member.OrgPath, OrgUnitId = side.Unit.Id, OrgPath = side.Unit.Path, Reason = $"{side.Label}推荐理由{side.Marker}",
            Status = HonourNominationStatus.Approved, NominatedAt = now, NominatedBy = "seed",
        };
        var objection = new HonourObjection
        {
            Id = Guid.CreateVersion7(now), TenantId = t, CampaignId = campaign.Id, CampaignUnitId = side.Unit.Id, NominationId = nomination.Id, LodgedByUserId = side.Secretary.Id,
            Text = $"{side.Label}异议{side.Marker}", LodgedAt = now, Outcome = HonourObjectionOutcome.Pending,
        };
        var earlier = new HonourCampaign
        {
            Id = Guid.CreateVersion7(now), TenantId = t, OrgUnitId = side.Unit.Id, OrgPath = side.Unit.Path, Year = today.Year - 1, Title = $"{side.Label}往年评选{side.Marker}",
            ExcellentMembers = 1, NominationOpensOn = today.AddYears(-1), NominationClosesOn = today.AddYears(-1), VoteClosesOn = today.AddYears(-1),
            NoticeStartsOn = today.AddYears(-1), NoticeEndsOn = today.AddYears(-1).AddDays(7), AwardOn = today.AddYears(-1).AddDays(8), Status = HonourCampaignStatus.Awarded,
            CreatedAt = now, CreatedBy = "seed",
        };
        var award = new HonourAward
        {
            Id = Guid.CreateVersion7(now), TenantId = t, CampaignId = earlier.Id, NominationId = Guid.NewGuid(), Kind = HonourKind.ExcellentMember, NomineeId = side.Member.Id,
            NomineeName = side.Member.Name, OrgPath = side.Member.OrgPath, OrgUnitId = side.Unit.Id, Year = earlier.Year, CampaignTitle = earlier.Title,
            AwardedOn = earlier.AwardOn, AwardedAt = now,
        };
        await app.InTenantAsync(t, async db =>
        {
            db.HonourCampaigns.AddRange(campaign, earlier);
            db.HonourQuotas.Add(quota);
            db.HonourNominations.Add(nomination);
            db.HonourObjections.Add(objection);
            db.HonourAwards.Add(award);
            await db.SaveChangesAsync();
        });
        side.RouteValues["campaignId"] = campaign.Id;
        side.RouteValues["nominationId"] = nomination.Id;
        side.RouteValues["objectionId"] = objection.Id;
        side.BodyValues["nominationid"] = () => JsonValue.Create(nomination.Id);
        side.BodyValues["nomineeid"] = () => JsonValue.Create(side.Member.Id);
        side.BodyValues["to"] = () => JsonValue.Create("Awarded");
        side.BodyValues["upheld"] = () => JsonValue.Create(true);
        side.BodyValues["yes"] = () => JsonValue.Create(true);
        side.Secrets.AddRange([campaign.Title, earlier.Title, nomination.Reason, objection.Text, campaign.Id.ToString(), nomination.Id.ToString(), objection.Id.ToString()]);
        side.Items["honours:campaign"] = campaign.Id;
        side.Items["honours:objection"] = objection.Id;
    }

    public async Task CheckUntouchedAsync(AppFixture app, SiblingSeedContext side)
    {
        var id = (Guid)side.Items["honours:campaign"];
        var objectionId = (Guid)side.Items["honours:objection"];
        var (c, o, n) = await app.InTenantAsync(side.Tenant.TenantId, async db => (
            await db.HonourCampaigns.AsNoTracking().SingleAsync(x => x.Id == id),
            await db.HonourObjections.AsNoTracking().SingleAsync(x => x.Id == objectionId),
            await db.HonourNominations.AsNoTracking().CountAsync(x => x.CampaignId == id)));
        c.Status.ShouldBe(HonourCampaignStatus.Notice);
        c.Version.ShouldBe(0);
        o.Outcome.ShouldBe(HonourObjectionOutcome.Pending);
        n.ShouldBe(1);
    }
}

/// <summary>What the Honours feature's request types write.</summary>
public sealed class HonoursRequestWrites : IRequestWrites
{
    public IReadOnlyDictionary<string, string[]> Writes { get; } = new Dictionary<string, string[]>
    {
        ["CreateHonourCampaignRequest"] = ["HonourCampaign"],
        ["SetHonourQuotaRequest"] = ["HonourQuota"],
        ["AdvanceHonourCampaignRequest"] = ["to=HonourCampaign.Status"],
        ["NominateForHonourRequest"] = ["HonourNomination"],
        ["LodgeHonourObjectionRequest"] = ["HonourObjection"],
        ["AnswerHonourObjectionRequest"] = ["answer=HonourObjection.Answer"],
    };
}
