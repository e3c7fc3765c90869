using Dangjian.Web.Platform;
using Dangjian.Web.Modules.Members;
using Dangjian.Web.Data;
using Dangjian.Web.Modules.Development.Review;
using Dangjian.Web.Modules.Organizations;
using Dangjian.Web.Platform.Auth;
using Dangjian.Web.Platform.Clock;
using Dangjian.Web.Platform.Errors;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using Microsoft.Extensions.Options;

namespace Dangjian.Web.Modules.Development;

/// <param name="People">The mentors (step 5) or sponsors (step 9) by name.</param>
public sealed record StepDto(Guid Id, int Step, string Name, int Stage, DateOnly Date, StepData Data, IReadOnlyList<string> Warnings, string RecordedBy,
    bool Returned, IReadOnlyList<string> People);

/// <summary>One level of 四级联审 on the step under review: Approved, Returned, Awaiting (its turn) or Later.</summary>
public sealed record ReviewLevelDto(ReviewLevel Level, string Name, Guid UnitId, string Status, string? SignedBy, DateTimeOffset? SignedAt, string? Reason);

public sealed record ReviewDto(Guid StepRecordId, int Step, string StepName, bool Complete, bool Returned, IReadOnlyList<ReviewLevelDto> Levels);

public sealed record NextStepDto(int Step, string Name);

[ModuleContract]
public sealed record DueDto(int Step, string Name, DateOnly Date, bool Earliest, bool Overdue);

[ModuleContract]
public sealed record CaseDto(Guid Id, Guid MemberId, string MemberName, Guid OrgUnitId, string OrgUnitName, CaseStatus Status, int Stage, string StageName,
    DateOnly ApplicationDate, DateOnly? ResolutionOn, DateOnly? ProbationEndsOn, int ExtendedMonths, IReadOnlyList<StepDto> Steps,
    IReadOnlyList<NextStepDto> NextSteps, DueDto? NextDue, IReadOnlyList<string> Warnings, ReviewDto? Review,
    IReadOnlyList<Materials.MaterialDto> Materials, IReadOnlyList<Materials.ChecklistItemDto> Checklist);

/// <summary>A case: the steps done with what was recorded, the next step, its due date, and every warning on the record.</summary>
[ModuleContract]
public sealed class GetCase(AppDbContext db, CaseAccess access, Materials.CaseMaterials materials, TimeProvider clock, IOptions<DevelopmentOptions> options,
    IStringLocalizer<DevelopmentText> T)
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
        var data = l.Ordered.ToDictionary(s => s.Id, s => CaseAccess.Read(s.Data));
        var personIds = data.Values.SelectMany(d => (d.MentorIds ?? []).Concat(d.SponsorIds ?? [])).Distinct().ToList();
        var names = personIds.Count == 0 ? new Dictionary<Guid, string>()
            : await db.Members.AsNoTracking().Where(m => personIds.Contains(m.Id)).ToDictionaryAsync(m => m.Id, m => m.Name, ct);
        var steps = l.Ordered.Select(s => new StepDto(s.Id, s.Step, T.StepName(s.Step),
            DevelopmentSteps.Of(s.Step).Stage, s.Date, data[s.Id], s.Warnings?.Split('\n') ?? [], s.RecordedBy, l.IsReturned(s.Id),
            (data[s.Id].MentorIds ?? data[s.Id].SponsorIds ?? []).Select(id => names.GetValueOrDefault(id, "")).Where(n => n.Length > 0).ToList())).ToList();
        var facts = l.Facts;
        var today = clock.Today();
        var due = DevelopmentRules.NextDue(facts, options.Value) is { } d
            ? new DueDto(d.Step, T.StepName(d.Step), d.Date, d.Earliest, !d.Earliest && today > d.Date)
            : null;
        var warnings = steps.Where(s => !s.Returned).SelectMany(s => s.Warnings).ToList();
        if (due is { Overdue: true }) warnings.Add(T["Dev.Overdue", due.Step, T["DevStep." + due.Step], ChinaTime.Format(due.Date)]);
        var files = await materials.ListAsync(l.Case.Id, ct);
        // The checklist of the steps done and the next ones: what is on file and what is still missing.
        var checklistSteps = steps.Select(s => s.Step).Concat(facts.Allowed).ToHashSet();
        var checklist = Materials.MaterialChecklist.All.Where(m => checklistSteps.Contains(m.Step))
            .Select(m => new Materials.ChecklistItemDto(m.Step, m.Code, T["Dev.Material.Item." + m.Code].Value, m.Required, T["Dev.Material.Item." + m.Code + ".Hint"].Value, files.Any(f => f.Step == m.Step && f.Code == m.Code)))
            .ToList();
        var counted = steps.Where(s => !s.Returned).ToList();
        var stage = counted.Count == 0 ? 1 : counted[^1].Stage;
        return new CaseDto(l.Case.Id, l.Member.Id, l.Member.Name, l.Member.OrgUnitId, unitName, l.Case.Status, stage, T.StageName(stage),
            l.Case.ApplicationDate, l.Case.ResolutionOn, l.Case.ProbationEndsOn, l.Case.ExtendedMonths, steps,
            facts.ReviewAwaiting is null ? facts.Allowed.Select(n => new NextStepDto(n, T.StepName(n))).ToList() : [], due, warnings, Review(l), files, checklist);
    }

    private ReviewDto? Review(LoadedCase l)
    {
        if (l.ReviewedStep is not { } step) return null;
        var reviews = l.Reviews.Where(r => r.StepRecordId == step.Id).OrderBy(r => r.SignedAt).ToList();
        var returned = reviews.FirstOrDefault(r => r.Decision == ReviewDecision.Returned);
        var awaited = returned is null ? JointReviewRules.Next(l.Levels, l.SignsOf(step.Id)) : null;
        var levels = l.Levels.Select(level =>
        {
            var signed = reviews.LastOrDefault(r => r.Level == level.Level);
            var status = signed is not null ? signed.Decision.ToString() : awaited?.Level == level.Level ? "Awaiting" : "Later";
            return new ReviewLevelDto(level.Level, JointReviewRules.Name(level, T), level.UnitId, status, signed?.SignedBy, signed?.SignedAt, signed?.Reason);
        }).ToList();
        return new ReviewDto(step.Id, step.Step, T.StepName(step.Step), returned is null && awaited is null, returned is not null, levels);
    }

    /// <summary>Full members on the roll of the person's unit (and below) in good standing: the choice of mentors and sponsors.</summary>
    public async Task<IReadOnlyList<(Guid Id, string Name)>> FullMembersNearAsync(Members.Member person, CancellationToken ct)
    {
        // From a 党小组, the whole branch.
        var unit = await db.OrgUnits.AsNoTracking().FirstAsync(u => u.Id == person.OrgUnitId, ct);
        var path = unit.Kind == OrgUnitKind.Group && unit.ParentId is { } parentId
            ? await db.OrgUnits.Where(u => u.Id == parentId).Select(u => u.Path).FirstAsync(ct)
            : unit.Path;
        return (await db.Members.InSubtree(path)
            .Where(m => m.Category == Members.MemberCategory.Full && m.Status == Members.MembershipStatus.Normal && m.Id != person.Id)
            .OrderBy(m => m.Name).Take(200).Select(m => new { m.Id, m.Name }).ToListAsync(ct))
        .Select(m => (m.Id, m.Name)).ToList();
    }
}
