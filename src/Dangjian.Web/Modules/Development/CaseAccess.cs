using System.Text.Json;
using Dangjian.Web.Data;
using Dangjian.Web.Modules.Members;
using Dangjian.Web.Platform.Auth;
using Dangjian.Web.Platform.Errors;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;

namespace Dangjian.Web.Modules.Development;

/// <summary>A case with its person, loaded if the caller's role holds on the person's current unit or an ancestor.</summary>
public sealed record LoadedCase(DevelopmentCase Case, Member Member, IReadOnlyList<DevelopmentStepRecord> Steps)
{
    public CaseFacts Facts => new(Member.BirthDate, Case.ApplicationDate, Case.Status,
        Steps.OrderBy(s => s.Date).ThenBy(s => s.RecordedAt).Select(s => new DoneStep(s.Step, s.Date, CaseAccess.Read(s.Data))).ToList(),
        Case.ResolutionOn, Case.ProbationEndsOn, Case.ExtendedMonths);
}

public sealed class CaseAccess(AppDbContext db, CurrentUser user, IStringLocalizer<SharedResource> L)
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    public static StepData Read(string json) => JsonSerializer.Deserialize<StepData>(json, Json) ?? new StepData();

    public static string Write(StepData data) =>
        JsonSerializer.Serialize(data, new JsonSerializerOptions(Json) { DefaultIgnoreCondition = System.Text.Json.Serialization.JsonIgnoreCondition.WhenWritingNull });

    public async Task<Result<LoadedCase>> LoadAsync(Guid caseId, Permission permission, CancellationToken ct, bool track = false)
    {
        var cases = track ? db.DevelopmentCases : db.DevelopmentCases.AsNoTracking();
        var c = await cases.FirstOrDefaultAsync(x => x.Id == caseId, ct);
        if (c is null) return Error.NotFound(L["Dev.NotFound"]);
        var members = track ? db.Members : db.Members.AsNoTracking();
        var m = await members.FirstAsync(x => x.Id == c.MemberId, ct);
        var isSelf = user.IsAuthenticated && m.UserId == user.UserId;
        if (!isSelf && !user.Can(Permission.ViewMembers, m.OrgPath)) return Error.NotFound(L["Dev.NotFound"]);
        if (!user.Can(permission, m.OrgPath) && !(isSelf && permission == Permission.ViewMembers)) return Error.Forbidden(L["Auth.Forbidden"]);
        var steps = await db.DevelopmentSteps.AsNoTracking().Where(s => s.CaseId == caseId).ToListAsync(ct);
        return new LoadedCase(c, m, steps);
    }
}
