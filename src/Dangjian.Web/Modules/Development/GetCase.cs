using Dangjian.Web.Data;
using Dangjian.Web.Platform.Auth;
using Dangjian.Web.Platform.Clock;
using Dangjian.Web.Platform.Errors;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace Dangjian.Web.Modules.Development;

public sealed record StepDto(Guid Id, int Step, string Name, int Stage, DateOnly Date, StepData Data, IReadOnlyList<string> Warnings, string RecordedBy);

public sealed record NextStepDto(int Step, string Name);

public sealed record DueDto(int Step, string Name, DateOnly Date, bool Earliest, bool Overdue);

public sealed record CaseDto(Guid Id, Guid MemberId, string MemberName, Guid OrgUnitId, string OrgUnitName, CaseStatus Status, int Stage, string StageName,
    DateOnly ApplicationDate, DateOnly? ResolutionOn, DateOnly? ProbationEndsOn, int ExtendedMonths, IReadOnlyList<StepDto> Steps,
    IReadOnlyList<NextStepDto> NextSteps, DueDto? NextDue, IReadOnlyList<string> Warnings);

/// <summary>A case: the steps done with what was recorded, the next step, its due date, and every warning on the record.</summary>
public sealed class GetCase(AppDbContext db, CaseAccess access, TimeProvider clock, IOptions<DevelopmentOptions> options)
{
    public async Task<Result<CaseDto>> HandleAsync(Guid caseId, CancellationToken ct)
    {
        var loaded = await access.LoadAsync(caseId, Permission.ViewMembers, ct);
        if (!loaded.IsSuccess) return loaded.Error!;
        return await ToDtoAsync(loaded.Value!, ct);
    }

    public async Task<CaseDto> ToDtoAsync(LoadedCase l, CancellationToken ct)
    {
        var unitName = await db.OrgUnits.Where(u => u.Id == l.Member.OrgUnitId).Select(u => u.Name).FirstOrDefaultAsync(ct) ?? "";
        var steps = l.Steps.OrderBy(s => s.Date).ThenBy(s => s.RecordedAt).Select(s => new StepDto(s.Id, s.Step, DevelopmentSteps.Of(s.Step).Name,
            DevelopmentSteps.Of(s.Step).Stage, s.Date, CaseAccess.Read(s.Data), s.Warnings?.Split('\n') ?? [], s.RecordedBy)).ToList();
        var facts = l.Facts;
        var today = clock.Today();
        var due = DevelopmentRules.NextDue(facts, options.Value) is { } d
            ? new DueDto(d.Step, DevelopmentSteps.Of(d.Step).Name, d.Date, d.Earliest, !d.Earliest && today > d.Date)
            : null;
        var warnings = steps.SelectMany(s => s.Warnings).ToList();
        if (due is { Overdue: true }) warnings.Add($"{DevelopmentSteps.Label(due.Step)}应于{ChinaTime.Format(due.Date)}前完成，已逾期");
        var stage = steps.Count == 0 ? 1 : steps[^1].Stage;
        return new CaseDto(l.Case.Id, l.Member.Id, l.Member.Name, l.Member.OrgUnitId, unitName, l.Case.Status, stage, DevelopmentSteps.Stages[stage - 1],
            l.Case.ApplicationDate, l.Case.ResolutionOn, l.Case.ProbationEndsOn, l.Case.ExtendedMonths, steps,
            facts.Allowed.Select(n => new NextStepDto(n, DevelopmentSteps.Of(n).Name)).ToList(), due, warnings);
    }
}
