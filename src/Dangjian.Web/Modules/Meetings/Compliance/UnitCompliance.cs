using Dangjian.Web.Modules.Organizations.Committees;
using Dangjian.Web.Platform;
using Dangjian.Web.Data;
using Dangjian.Web.Modules.Organizations;
using Dangjian.Web.Platform.Auth;
using Dangjian.Web.Platform.Clock;
using Dangjian.Web.Platform.Errors;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using Microsoft.Extensions.Options;

namespace Dangjian.Web.Modules.Meetings.Compliance;

public sealed record ComplianceRequirementDto(MeetingType Type, PeriodKind Period, string Article, bool Exempt, IReadOnlyList<PeriodStatus> Periods);

public sealed record ComplianceDto(Guid OrgUnitId, string Name, int Year, DateTimeOffset AsOf, IReadOnlyList<ComplianceRequirementDto> Requirements);

/// <summary>An open period of a branch that closes soon with fewer meetings held than required.</summary>
public sealed record DueSoonSlot(Guid OrgUnitId, string UnitName, string UnitPath, MeetingType Type, string Period, DateOnly To, int Required, int Held, string Article);

/// <param name="ParentName">The unit above, so that branches of the same name tell apart (in the ranking; not filled for the roll-ups).</param>
[ModuleContract]
public sealed record BranchComplianceDto(Guid OrgUnitId, string Name, int Green, int Yellow, int Red, int Exempt, string? ParentName = null);

/// <summary>The compliance calendar of a branch for a year, and the red/yellow/green table of the branches under a unit.</summary>
[ModuleContract]
public sealed class UnitCompliance(AppDbContext db, OrgAccess access, TimeProvider clock, IOptions<MeetingOptions> options, IStringLocalizer<SharedResource> L)
{
    public async Task<Result<ComplianceDto>> HandleAsync(Guid unitId, int? year, CancellationToken ct)
    {
        var loaded = await access.LoadAsync(unitId, Permission.ViewMembers, ct);
        if (!loaded.IsSuccess) return loaded.Error!;
        if (year is { } y && y is < 2000 or > 2100) return Error.Validation("year", L["Dev.Plan.Year"]);
        var unit = loaded.Value!;
        var today = clock.Today();
        var theYear = year ?? today.Year;
        var facts = await FactsAsync([unit], theYear, ct);
        var calendar = ComplianceRules.Calendar(Requirements, theYear, today, facts.Committees.Contains(unit.Id), facts.WithGroups.Contains(unit.Id),
            facts.Held.GetValueOrDefault(unit.Id, []), options.Value.DueSoonDays);
        return new ComplianceDto(unit.Id, unit.Name, theYear, clock.GetUtcNow(), calendar.Select(c =>
            new ComplianceRequirementDto(c.Requirement.Type, c.Requirement.Period, c.Requirement.Article, c.Periods.All(p => p.Status == "exempt"), c.Periods)).ToList());
    }

    /// <summary>Every branch under the unit with its counts of green, yellow, red and exempt periods in the year up to today.</summary>
    public async Task<Result<IReadOnlyList<BranchComplianceDto>>> BranchesAsync(Guid unitId, int? year, CancellationToken ct)
    {
        var loaded = await access.LoadAsync(unitId, Permission.ViewMembers, ct);
        if (!loaded.IsSuccess) return loaded.Error!;
        if (year is { } y && y is < 2000 or > 2100) return Error.Validation("year", L["Dev.Plan.Year"]);
        var today = clock.Today();
        var theYear = year ?? today.Year;
        var branches = await db.OrgUnits.AsNoTracking().InSubtree(loaded.Value!.Path).Where(u => u.Kind == OrgUnitKind.Branch && u.DissolvedAt == null)
            .OrderBy(u => u.Path).ToListAsync(ct);
        var parents = await UnitLabels.NamesAsync(db, branches.Where(b => b.ParentId != null).Select(b => b.ParentId!.Value), ct);
        var parentOf = branches.ToDictionary(b => b.Id, b => b.ParentId is { } p ? parents.GetValueOrDefault(p) : null);
        return (await RankAsync(branches, theYear, today, ct)).Select(r => r with { ParentName = parentOf[r.OrgUnitId] }).ToList();
    }

    /// <summary>For the dashboard's roll-ups, without a caller: every branch of the tenant with its counts for the year up to today.</summary>
    public async Task<IReadOnlyList<BranchComplianceDto>> AllBranchesAsync(CancellationToken ct)
    {
        var today = clock.Today();
        var branches = await db.OrgUnits.AsNoTracking().Where(u => u.Kind == OrgUnitKind.Branch && u.DissolvedAt == null).OrderBy(u => u.Path).ToListAsync(ct);
        return await RankAsync(branches, today.Year, today, ct);
    }

    private async Task<List<BranchComplianceDto>> RankAsync(List<OrgUnit> branches, int theYear, DateOnly today, CancellationToken ct)
    {
        var facts = await FactsAsync(branches, theYear, ct);
        var rows = branches.Select(b =>
        {
            var periods = ComplianceRules.Calendar(Requirements, theYear, today, facts.Committees.Contains(b.Id), facts.WithGroups.Contains(b.Id),
                facts.Held.GetValueOrDefault(b.Id, []), options.Value.DueSoonDays).SelectMany(c => c.Periods).Where(p => p.From <= today).ToList();
            return new BranchComplianceDto(b.Id, b.Name, periods.Count(p => p.Status == "green"), periods.Count(p => p.Status == "yellow"),
                periods.Count(p => p.Status == "red"), periods.Count(p => p.Status == "exempt"));
        }).OrderByDescending(r => r.Red).ThenBy(r => r.Name).ToList();
        return rows;
    }

    /// <summary>
    /// For the reminder job, without a caller: every open period of every branch of the tenant that closes within
    /// <see cref="MeetingOptions.DueSoonDays"/> with fewer meetings held than required.
    /// </summary>
    public async Task<IReadOnlyList<DueSoonSlot>> DueSoonAsync(CancellationToken ct)
    {
        var today = clock.Today();
        var branches = await db.OrgUnits.AsNoTracking().Where(u => u.Kind == OrgUnitKind.Branch && u.DissolvedAt == null).OrderBy(u => u.Path).ToListAsync(ct);
        var facts = await FactsAsync(branches, today.Year, ct);
        return branches.SelectMany(b => ComplianceRules.Calendar(Requirements, today.Year, today, facts.Committees.Contains(b.Id), facts.WithGroups.Contains(b.Id),
                facts.Held.GetValueOrDefault(b.Id, []), options.Value.DueSoonDays)
            .SelectMany(c => c.Periods.Where(p => p.DueSoon).Select(p => new DueSoonSlot(b.Id, b.Name, b.Path, c.Requirement.Type, p.Period, p.To, p.Required, p.Held,
                c.Requirement.Article))))
            .ToList();
    }

    private IReadOnlyList<Requirement> Requirements => ComplianceRules.WithSettings(options.Value.Frequencies);

    private sealed record Facts(HashSet<Guid> Committees, HashSet<Guid> WithGroups, Dictionary<Guid, List<(MeetingType, DateOnly)>> Held);

    /// <summary>For the given units, in three queries: which have a committee in office, which have groups, and the meetings held (own or in groups).</summary>
    private async Task<Facts> FactsAsync(IReadOnlyList<OrgUnit> units, int year, CancellationToken ct)
    {
        if (units.Count == 0) return new Facts([], [], []);
        var ids = units.Select(u => u.Id).ToList();
        var committees = await CommitteeRoster.UnitsWithCommitteeAsync(db, ids, ct);
        var withGroups = (await db.OrgUnits.AsNoTracking().Where(u => u.ParentId != null && ids.Contains(u.ParentId.Value) && u.Kind == OrgUnitKind.Group && u.DissolvedAt == null)
            .Select(u => u.ParentId!.Value).Distinct().ToListAsync(ct)).ToHashSet();
        // A year in China time, as instants.
        var from = new DateTimeOffset(year, 1, 1, 0, 0, 0, ChinaTime.Offset).ToUniversalTime();
        // Meetings count once they have started (a planned one is not held yet).
        var to = from.AddYears(1) < clock.GetUtcNow() ? from.AddYears(1) : clock.GetUtcNow().AddTicks(1);
        var prefix = units.Count == 1 ? units[0].Path : CommonPrefix(units.Select(u => u.Path).ToList());
        var meetings = await db.Meetings.AsNoTracking()
            .Where(m => m.StartsAt >= from && m.StartsAt < to && m.Status != MeetingStatus.Cancelled && m.OrgPath.StartsWith(prefix))
            .Select(m => new { m.OrgPath, m.Type, m.StartsAt }).ToListAsync(ct);
        // The branch's own meetings, and its groups' 党小组会 (held by a unit below it): one pass over the meetings.
        var held = units.ToDictionary(u => u.Id, _ => new List<(MeetingType, DateOnly)>());
        var byPath = units.GroupBy(u => u.Path, StringComparer.Ordinal).ToDictionary(g => g.Key, g => g.First().Id, StringComparer.Ordinal);
        foreach (var m in meetings)
        {
            var day = ChinaTime.Date(m.StartsAt);
            if (byPath.TryGetValue(m.OrgPath, out var own)) held[own].Add((m.Type, day));
            if (m.Type != MeetingType.GroupMeeting) continue;
            foreach (var above in GetOrgUnit.AncestorPaths(m.OrgPath))
            {
                if (byPath.TryGetValue(above, out var unit)) held[unit].Add((m.Type, day));
            }
        }
        return new Facts(committees, withGroups, held);
    }

    private static string CommonPrefix(IReadOnlyList<string> paths)
    {
        if (paths.Count == 0) return "";
        var first = paths[0];
        var length = first.Length;
        foreach (var p in paths.Skip(1))
        {
            length = Math.Min(length, p.Length);
            for (var i = 0; i < length; i++)
            {
                if (p[i] != first[i]) { length = i; break; }
            }
        }
        // Cut back to a whole path segment.
        var cut = first[..length];
        var slash = cut.LastIndexOf('/');
        return slash < 0 ? "" : cut[..(slash + 1)];
    }
}
