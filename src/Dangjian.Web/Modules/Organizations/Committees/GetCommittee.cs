using Dangjian.Web.Data;
using Dangjian.Web.Platform.Auth;
using Dangjian.Web.Platform.Errors;
using Microsoft.EntityFrameworkCore;

namespace Dangjian.Web.Modules.Organizations.Committees;

public sealed record CommitteeMemberDto(Guid Id, string Name, CommitteePost Post, int? VotesReceived, DateOnly? ApprovedOn, DateOnly? LeftOn);

public sealed record CommitteeTermDto(
    Guid Id, int Number, DateOnly StartOn, DateOnly EndOn, DateOnly? ElectedOn, string? ElectionMethod,
    int? VotersEntitled, int? VotersPresent, string? Notes, IReadOnlyList<CommitteeMemberDto> Members);

/// <summary>A unit's terms, newest first, with their committee members.</summary>
public sealed class GetCommittee(AppDbContext db, OrgAccess access)
{
    public async Task<Result<IReadOnlyList<CommitteeTermDto>>> HandleAsync(Guid orgUnitId, CancellationToken ct)
    {
        var loaded = await access.LoadAsync(orgUnitId, Permission.ViewOrg, ct);
        if (!loaded.IsSuccess) return loaded.Error!;
        var terms = await db.CommitteeTerms.AsNoTracking().Include(t => t.Members)
            .Where(t => t.OrgUnitId == orgUnitId).OrderByDescending(t => t.StartOn).ThenByDescending(t => t.Number)
            .ToListAsync(ct);
        return terms.Select(t => new CommitteeTermDto(t.Id, t.Number, t.StartOn, t.EndOn, t.ElectedOn, t.ElectionMethod,
                t.VotersEntitled, t.VotersPresent, t.Notes,
                t.Members.OrderBy(m => m.Post).ThenBy(m => m.Name)
                    .Select(m => new CommitteeMemberDto(m.Id, m.Name, m.Post, m.VotesReceived, m.ApprovedOn, m.LeftOn)).ToList()))
            .ToList();
    }
}
