using Dangjian.Web.Data;
using Dangjian.Web.Platform.Hosting;
using Microsoft.EntityFrameworkCore;

namespace Dangjian.Web.Modules.Meetings;

/// <summary>
/// The statements of a sign-in (<see cref="SignIn"/>), with keys that match no row: the meeting, the expected member of
/// each kind of meeting, the earlier sign-in, and the insert itself inside a transaction that is rolled back.
/// </summary>
internal sealed class SignInWarmUp(TimeProvider clock) : IWarmUp
{
    public async Task WarmAsync(AppDbContext db, CancellationToken ct)
    {
        var now = clock.GetUtcNow();
        var id = Guid.CreateVersion7(now);
        await GetMeeting.FindByIdAsync(db, id, ct);
        foreach (var type in (MeetingType[])[MeetingType.ThemeDay, MeetingType.GroupMeeting, MeetingType.CommitteeMeeting])
        {
            var m = new Meeting { Id = id, OrgUnitId = id, OrgPath = "/warm-up/", Type = type, Topic = "", SignInSecret = "" };
            await ExpectedAttendees.MemberIdOfAsync(db, m, id, ct);
        }
        await db.MeetingSignIns.AsNoTracking().FirstOrDefaultAsync(s => s.MeetingId == id && s.MemberId == id, ct);

        await using var tx = await db.Database.BeginTransactionAsync(ct);
        await BulkInsert.InsertUnlessPresentAsync(db, new MeetingSignIn
        {
            Id = id, TenantId = id, MeetingId = id, MemberId = id, UserId = id, SignedAt = now, Method = SignInMethod.Code,
        }, ct);
        await tx.RollbackAsync(ct);
    }
}
