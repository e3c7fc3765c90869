using Dangjian.Tests.Security;
using Dangjian.Web.Modules.Meetings.Appraisal;
using Dangjian.Web.Modules.Meetings.Appraisal.Handling;

namespace Dangjian.Tests.Modules.Meetings;

/// <summary>Each side's handling case (its member appraised 不合格 at its meeting), at its first step.</summary>
public sealed class AppraisalSiblingSeed : ISiblingSeed
{
    public async Task SeedAsync(AppFixture app, SiblingSeedContext side)
    {
        var now = app.Clock.GetUtcNow();
        var t = side.Tenant.TenantId;
        var on = side.Tenant.Today;
        var c = new AppraisalCase
        {
            Id = Guid.CreateVersion7(now), TenantId = t, MeetingId = side.Meeting.Id, MemberId = side.Member.Id, OrgUnitId = side.Unit.Id, OrgPath = side.Unit.Path,
            Year = on.Year, Stage = HandlingStep.CorrectionOrdered, Deadline = on.AddDays(1), LastStepOn = on, OpenedAt = now,
        };
        c.Steps.Add(new AppraisalCaseStep
        {
            Id = Guid.CreateVersion7(now), TenantId = t, CaseId = c.Id, OrgUnitId = side.Unit.Id, Step = HandlingStep.CorrectionOrdered, On = on,
            Deadline = on.AddDays(1), DecidedBy = $"{side.Label}支委会{side.Marker}", Note = $"{side.Label}处置说明{side.Marker}", RecordedAt = now,
        });
        await app.InTenantAsync(t, async db =>
        {
            db.AppraisalCases.Add(c);
            await db.SaveChangesAsync();
        });
        side.RouteValues["caseId"] = c.Id;
        side.BodyValues["decidedby"] = () => System.Text.Json.Nodes.JsonValue.Create("支部党员大会");
        side.Secrets.AddRange([$"{side.Label}支委会{side.Marker}", $"{side.Label}处置说明{side.Marker}", c.Id.ToString()]);
        side.Items["appraisal:case"] = c.Id;
    }

    public async Task CheckUntouchedAsync(AppFixture app, SiblingSeedContext side)
    {
        var id = (Guid)side.Items["appraisal:case"];
        var c = await app.InTenantAsync(side.Tenant.TenantId, db => db.AppraisalCases.AsNoTracking().SingleAsync(x => x.Id == id));
        c.Stage.ShouldBe(HandlingStep.CorrectionOrdered);
    }
}

/// <summary>What the appraisal's new request types write.</summary>
public sealed class AppraisalRequestWrites : IRequestWrites
{
    public IReadOnlyDictionary<string, string[]> Writes { get; } = new Dictionary<string, string[]>
    {
        ["AppraisalScoresRequest"] = ["AppraisalScore"],
        ["HandlingStepRequest"] = ["AppraisalCaseStep"],
    };
}
