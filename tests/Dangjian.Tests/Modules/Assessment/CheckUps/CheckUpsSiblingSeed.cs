using System.Text.Json.Nodes;
using Dangjian.Tests.Security;
using Dangjian.Web.Modules.Assessment.CheckUps;

namespace Dangjian.Tests.Modules.Assessment.CheckUps;

/// <summary>Each side's member's submitted check-up of 2026 Q4 (not reviewed) and an open warning.</summary>
public sealed class CheckUpsSiblingSeed : ISiblingSeed
{
    public async Task SeedAsync(AppFixture app, SiblingSeedContext side)
    {
        var now = app.Clock.GetUtcNow();
        var t = side.Tenant.TenantId;
        var checkUp = new CheckUp
        {
            Id = Guid.CreateVersion7(now), TenantId = t, MemberId = side.Member.Id, MemberName = side.Member.Name, OrgUnitId = side.Unit.Id, OrgPath = side.Unit.Path,
            Year = 2026, Quarter = 4, Ideals = $"{side.Label}理想信念{side.Marker}", Discipline = "x", Conduct = "x", Role = "x", Measures = $"{side.Label}整改{side.Marker}",
            CreatedAt = now, SubmittedAt = now,
        };
        var warning = new EarlyWarning
        {
            Id = Guid.CreateVersion7(now), TenantId = t, MemberId = side.Member.Id, MemberName = side.Member.Name, OrgUnitId = side.Unit.Id, OrgPath = side.Unit.Path,
            Kind = WarningKind.DuesArrears, Basis = "2026-07", Evidence = "2026-07", EvidenceNumber = 3, RaisedAt = now, Status = WarningStatus.Open,
        };
        await app.InTenantAsync(t, async db =>
        {
            db.CheckUps.Add(checkUp);
            db.EarlyWarnings.Add(warning);
            await db.SaveChangesAsync();
        });
        side.RouteValues["unitId"] = side.Unit.Id;
        side.RouteValues["checkUpId"] = checkUp.Id;
        side.RouteValues["warningId"] = warning.Id;
        side.RouteValues["year"] = 2026;
        side.RouteValues["quarter"] = 4;
        side.BodyValues["result"] = () => JsonValue.Create("Good");
        side.BodyValues["measure"] = () => JsonValue.Create("Other");
        side.Secrets.AddRange([checkUp.Ideals, checkUp.Measures, checkUp.Id.ToString(), warning.Id.ToString()]);
        side.Items["checkups:checkUp"] = checkUp.Id;
        side.Items["checkups:warning"] = warning.Id;
    }

    public async Task CheckUntouchedAsync(AppFixture app, SiblingSeedContext side)
    {
        var checkUpId = (Guid)side.Items["checkups:checkUp"];
        var warningId = (Guid)side.Items["checkups:warning"];
        var c = await app.InTenantAsync(side.Tenant.TenantId, db => db.CheckUps.AsNoTracking().SingleAsync(x => x.Id == checkUpId));
        c.Result.ShouldBeNull();
        c.Ideals.ShouldBe($"{side.Label}理想信念{side.Marker}");
        var w = await app.InTenantAsync(side.Tenant.TenantId, db => db.EarlyWarnings.AsNoTracking().SingleAsync(x => x.Id == warningId));
        w.Status.ShouldBe(WarningStatus.Open);
    }
}

/// <summary>What the CheckUps feature's request types write.</summary>
public sealed class CheckUpsRequestWrites : IRequestWrites
{
    public IReadOnlyDictionary<string, string[]> Writes { get; } = new Dictionary<string, string[]>
    {
        ["SaveCheckUpRequest"] = ["CheckUp"],
        ["ReviewCheckUpRequest"] = ["result=CheckUp.Result", "comment=CheckUp.ReviewComment"],
        ["HandleWarningRequest"] = ["measure=EarlyWarning.Measure", "note=EarlyWarning.Note"],
        ["DismissWarningRequest"] = ["reason=EarlyWarning.Note"],
    };
}
