using Dangjian.Web.Data;
using Dangjian.Web.Modules.Members;
using Dangjian.Web.Modules.Organizations;
using Dangjian.Web.Modules.Organizations.Committees;
using Microsoft.EntityFrameworkCore;

namespace Dangjian.Web.Modules.Education.Plans;

/// <summary>One person of a plan's audience, as the progress and completion lists show them.</summary>
public sealed record AudienceMember(Guid Id, string Name, Guid OrgUnitId, string OrgPath);

/// <summary>
/// Reads the people of an audience from the member records (<see cref="Member"/>) and the committees in office
/// (<see cref="CommitteeRoster"/>), then lets <see cref="AudienceRules"/> decide: the rule stays the one place.
/// </summary>
public sealed class PlanAudiences(AppDbContext db)
{
    /// <summary>The party members under <paramref name="path"/> who are of <paramref name="audience"/> on <paramref name="asOf"/>.</summary>
    public async Task<List<AudienceMember>> UnderAsync(PlanAudience audience, string path, DateOnly asOf, CancellationToken ct)
    {
        var rows = await db.Members.AsNoTracking().InSubtree(path)
            .Where(m => (m.Category == MemberCategory.Full || m.Category == MemberCategory.Probationary) && m.Status == MembershipStatus.Normal)
            .Select(m => new { m.Id, m.Name, m.OrgUnitId, m.OrgPath, m.Category, m.Status, m.JoinedOn, m.FullMemberOn, m.IsMobile, m.JobPost })
            .ToListAsync(ct);
        var sitting = audience == PlanAudience.Leaders ? await SittingAsync(path, ct) : [];
        return rows.Where(m => AudienceRules.Matches(audience,
                new AudienceFacts(m.Category, m.Status, m.JoinedOn, m.FullMemberOn, m.IsMobile, m.JobPost, sitting.Contains(m.Id)), asOf))
            .OrderBy(m => m.OrgPath, StringComparer.Ordinal).ThenBy(m => m.Name, StringComparer.Ordinal)
            .Select(m => new AudienceMember(m.Id, m.Name, m.OrgUnitId, m.OrgPath)).ToList();
    }

    /// <summary>The facts of one member for the rules (their own view of their plans).</summary>
    public async Task<AudienceFacts> FactsAsync(Member m, CancellationToken ct)
    {
        var sits = false;
        foreach (var unitId in await UnitIdsAtAndAboveAsync(m.OrgPath, ct))
        {
            if (await CommitteeRoster.IsSittingAsync(db, unitId, m.Id, ct)) { sits = true; break; }
        }
        return new AudienceFacts(m.Category, m.Status, m.JoinedOn, m.FullMemberOn, m.IsMobile, m.JobPost, sits);
    }

    /// <summary>Who sits on a committee in office of a unit at, above or below <paramref name="path"/>.</summary>
    private async Task<HashSet<Guid>> SittingAsync(string path, CancellationToken ct)
    {
        var unitIds = await UnitIdsAtAndAboveAsync(path, ct);
        unitIds.AddRange(await db.OrgUnits.AsNoTracking().InSubtree(path).Where(u => u.Path != path).Select(u => u.Id).ToListAsync(ct));
        var withCommittee = await CommitteeRoster.UnitsWithCommitteeAsync(db, unitIds, ct);
        var sitting = new HashSet<Guid>();
        foreach (var unitId in withCommittee) sitting.UnionWith(await CommitteeRoster.SittingMemberIds(db, unitId).ToListAsync(ct));
        return sitting;
    }

    private async Task<List<Guid>> UnitIdsAtAndAboveAsync(string path, CancellationToken ct)
    {
        var paths = GetOrgUnit.AncestorPaths(path);
        paths.Add(path);
        return await db.OrgUnits.AsNoTracking().Where(u => paths.Contains(u.Path)).Select(u => u.Id).ToListAsync(ct);
    }
}
