using Dangjian.Web.Platform.Clock;
using System.Text.Json.Nodes;
using Dangjian.Tests.Security;
using Dangjian.Web.Modules.Assessment.Points;

namespace Dangjian.Tests.Modules.Assessment.Points;

/// <summary>Each side's points: an item of the tenant's scheme, a pending claim and an approved line of its member, and the member's balance.</summary>
public sealed class PointsSiblingSeed : ISiblingSeed
{
    public async Task SeedAsync(AppFixture app, SiblingSeedContext side)
    {
        var now = app.Clock.GetUtcNow();
        var today = app.Clock.Today();
        var m = side.Member;
        var rule = new PointsRule
        {
            Id = Guid.CreateVersion7(now), Code = "SIB" + Guid.NewGuid().ToString("N")[..12].ToUpperInvariant(), Name = $"{side.Label}积分项", Kind = PointsKind.Claim,
            Source = PointsSource.Service, Points = 3, Active = true, SortOrder = 100, UpdatedAt = now,
        };
        PointsEntry Line(PointsStatus status, string reason)
        {
            var id = Guid.CreateVersion7(now);
            return new PointsEntry
            {
                Id = id, MemberId = m.Id, MemberName = m.Name, OrgUnitId = m.OrgUnitId, OrgPath = m.OrgPath, Day = today, Year = today.Year, Month = today.Month,
                RuleId = rule.Id, RuleCode = rule.Code, RuleName = rule.Name, Kind = PointsKind.Claim, Points = 3, Reason = reason, SourceKey = "claim:" + id.ToString("N"),
                Status = status, ClaimedBy = $"申报人{side.Marker}", CreatedAt = now, DecidedAt = status == PointsStatus.Approved ? now : null,
            };
        }
        var pending = Line(PointsStatus.Pending, $"{side.Label}待审事由{side.Marker}");
        var approved = Line(PointsStatus.Approved, $"{side.Label}已审事由{side.Marker}");
        await app.InTenantAsync(side.Tenant.TenantId, async db =>
        {
            db.PointsRules.Add(rule);
            db.PointsEntries.AddRange(pending, approved);
            db.PointsBalances.Add(new PointsBalance
            {
                Id = Guid.CreateVersion7(now), MemberId = m.Id, MemberName = m.Name, OrgUnitId = m.OrgUnitId, OrgPath = m.OrgPath, Year = today.Year, Total = 3,
                Lines = 1, LastAt = now,
            });
            await db.SaveChangesAsync();
        });
        side.RouteValues["ruleId"] = rule.Id;
        side.RouteValues["claimId"] = pending.Id;
        side.BodyValues["ruleid"] = () => JsonValue.Create(rule.Id);
        side.BodyValues["memberid"] = () => JsonValue.Create(m.Id);
        side.BodyValues["kind"] = () => JsonValue.Create("Claim");
        side.BodyValues["source"] = () => JsonValue.Create("Service");
        side.Secrets.AddRange([pending.Reason!, approved.Reason!, $"申报人{side.Marker}", pending.Id.ToString(), approved.Id.ToString()]);
        side.Items["points:pending"] = pending.Id;
    }

    public async Task CheckUntouchedAsync(AppFixture app, SiblingSeedContext side)
    {
        var id = (Guid)side.Items["points:pending"];
        var line = await app.InTenantAsync(side.Tenant.TenantId, db => db.PointsEntries.AsNoTracking().SingleAsync(e => e.Id == id));
        line.Status.ShouldBe(PointsStatus.Pending);
        var claims = await app.InTenantAsync(side.Tenant.TenantId, db => db.PointsEntries.CountAsync(e => e.MemberId == side.Member.Id));
        claims.ShouldBe(2);
    }
}

/// <summary>What the Points feature's request types write.</summary>
public sealed class PointsRequestWrites : IRequestWrites
{
    public IReadOnlyDictionary<string, string[]> Writes { get; } = new Dictionary<string, string[]>
    {
        ["SaveRuleRequest"] = ["PointsRule"],
        ["RecordClaimRequest"] = ["PointsEntry"],
        ["RejectClaimRequest"] = ["reason=PointsEntry.RejectReason"],
    };
}
