using Dangjian.Web.Data;
using Dangjian.Web.Platform;
using Microsoft.EntityFrameworkCore;

namespace Dangjian.Web.Modules.Members.Records;

/// <summary>
/// The read contract of the record tabs for other modules: who was under a 留党察看 (probation within the Party) on a
/// date, as the 奖惩 tab records it. Member development asks it of mentors and sponsors (docs/rules/development.md).
/// </summary>
[ModuleContract]
public static class MemberSanctions
{
    public static Task<List<Guid>> UnderPartyProbationAsync(AppDbContext db, IReadOnlyCollection<Guid> memberIds, DateOnly date, CancellationToken ct) =>
        db.MemberRecordEntries.AsNoTracking()
            .Where(e => memberIds.Contains(e.MemberId) && e.Kind == RecordKind.RewardPunishment && e.Category == RecordKinds.Punishment && e.Title.Contains(RecordKinds.PartyProbation)
                        && (e.StartedOn == null || e.StartedOn <= date) && (e.EndedOn == null || e.EndedOn >= date))
            .Select(e => e.MemberId).ToListAsync(ct);
}
