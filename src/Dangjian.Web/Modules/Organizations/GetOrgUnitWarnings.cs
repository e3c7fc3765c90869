using Dangjian.Web.Data;
using Dangjian.Web.Modules.Organizations.Committees;
using Dangjian.Web.Platform.Auth;
using Dangjian.Web.Platform.Clock;
using Dangjian.Web.Platform.Errors;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using Microsoft.Extensions.Options;

namespace Dangjian.Web.Modules.Organizations;

public sealed record OrgUnitWarningDto(string Code, string Message, string Article);

/// <summary>Gathers a unit's facts and explains which set-up and term rules it does not meet.</summary>
public sealed class GetOrgUnitWarnings(AppDbContext db, OrgAccess access, TimeProvider clock, IOptions<OrgRulesOptions> options,
    IStringLocalizer<OrganizationsText> T)
{
    public async Task<Result<IReadOnlyList<OrgUnitWarningDto>>> HandleAsync(Guid id, CancellationToken ct)
    {
        var loaded = await access.LoadAsync(id, Permission.ViewOrg, ct);
        if (!loaded.IsSuccess) return loaded.Error!;
        var unit = loaded.Value!;

        // A branch's own roll is its members and those of its 党小组. Only the branch rules look at the roll
        // (UnitWarningRules.Evaluate), so a 党委's or 党总支's whole subtree is not counted.
        var (party, full) = unit.Kind == OrgUnitKind.Branch
            ? await OrgCounts.PartyAndFullInSubtreeAsync(db, unit.Path, ct)
            : (0, 0);

        var term = await CurrentTerm.FindAsync(db, unit.Id, ct);
        var committeeSize = term is null ? 0 : await db.CommitteeMembers.CountAsync(m => m.TermId == term.Id && m.LeftOn == null, ct);
        var facts = new UnitFacts(unit.Kind, unit.Setup, full, party, committeeSize, term?.EndOn, clock.Today());
        return UnitWarningRules.Evaluate(facts, options.Value)
            .Select(w => new OrgUnitWarningDto(w.Code, T["Rule." + w.Code, w.Args], w.Article))
            .ToList();
    }
}
