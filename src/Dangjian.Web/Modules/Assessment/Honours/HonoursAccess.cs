using Dangjian.Web.Data;
using Dangjian.Web.Modules.Members;
using Dangjian.Web.Platform.Auth;
using Dangjian.Web.Platform.Errors;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;

namespace Dangjian.Web.Modules.Assessment.Honours;

/// <summary>
/// Who the caller is to a campaign: those who manage assessment on its unit run it; those who manage a unit inside it
/// nominate for their part; anyone holding a role inside its subtree (its members) sees its notice, votes and objects.
/// A campaign outside all of these is not found, so its existence is not revealed.
/// </summary>
public sealed class HonoursAccess(AppDbContext db, CurrentUser user, IStringLocalizer<HonoursText> T)
{
    public CurrentUser User => user;

    public string By => string.IsNullOrEmpty(user.DisplayName) ? Cut(user.UserName) : Cut(user.DisplayName);

    private static string Cut(string s) => s.Length > 100 ? s[..100] : s;

    /// <summary>The caller's own member record, or null when the account is not a member's.</summary>
    public Task<Member?> MeAsync(CancellationToken ct) =>
        user.IsAuthenticated ? db.Members.AsNoTracking().FirstOrDefaultAsync(m => m.UserId == user.UserId, ct) : Task.FromResult<Member?>(null);

    public bool Runs(HonourCampaign c) => user.Can(Permission.ManageAssessment, c.OrgPath);

    /// <summary>Holds a role somewhere in the campaign's subtree, or sees its unit.</summary>
    public bool Concerned(HonourCampaign c) =>
        user.Can(Permission.ViewOrg, c.OrgPath) || user.Roles.Any(r => r.OrgPath.StartsWith(c.OrgPath, StringComparison.Ordinal));

    /// <summary>Manages assessment on some unit inside the campaign (a nominating unit).</summary>
    public bool Nominates(HonourCampaign c) =>
        Runs(c) || user.Roles.Any(r => r.Role.Grants(Permission.ManageAssessment) && r.OrgPath.StartsWith(c.OrgPath, StringComparison.Ordinal));

    public Error CampaignNotFound => Error.NotFound(T["Campaign.NotFound"]);

    /// <summary>The campaign when the caller is concerned by it; tracked when it is to be changed.</summary>
    public async Task<Result<HonourCampaign>> LoadAsync(Guid id, CancellationToken ct, bool track = false)
    {
        var q = track ? db.HonourCampaigns : db.HonourCampaigns.AsNoTracking();
        var c = await q.FirstOrDefaultAsync(x => x.Id == id, ct);
        if (c is null || !Concerned(c)) return CampaignNotFound;
        return c;
    }

    /// <summary>The campaign when the caller runs it (manages assessment on its unit): 404 outside, 403 when only concerned.</summary>
    public async Task<Result<HonourCampaign>> LoadToRunAsync(Guid id, CancellationToken ct)
    {
        var loaded = await LoadAsync(id, ct, track: true);
        if (!loaded.IsSuccess) return loaded;
        return Runs(loaded.Value!) ? loaded : Error.Forbidden(T["Campaign.NotYours"]);
    }

    /// <summary>Saves the request's changes; a concurrent identical write (a double click) is a 409, not a second change.</summary>
    public async Task<Error?> SaveAsync(CancellationToken ct)
    {
        try
        {
            await db.SaveChangesAsync(ct);
            return null;
        }
        catch (DbUpdateException e) when (DatabaseConflicts.IsConflict(e))
        {
            return Error.Conflict("HONOUR_CONCURRENT", T["Concurrent"]);
        }
    }

    /// <summary>Refuses a write outside its phase (docs/rules/points-and-assessment.md#pa-17).</summary>
    public Error? InPhase(HonourCampaign c, HonourAction action)
    {
        var phase = HonourPhaseRules.PhaseOf(action);
        return c.Status == phase
            ? null
            : Error.Rule("HONOUR_PHASE", T["Rule.WrongPhase", T["Action." + action], T["Status." + phase], T["Status." + c.Status]], HonourPhaseRules.Article);
    }
}
