using Dangjian.Web.Data;
using Dangjian.Web.Platform.Auth;
using Dangjian.Web.Platform.Errors;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;

namespace Dangjian.Web.Modules.Members;

/// <summary>Loads a person's record if the caller's role holds on the person's unit or an ancestor.</summary>
public sealed class MemberAccess(AppDbContext db, CurrentUser user, TimeProvider clock, IStringLocalizer<SharedResource> L)
{
    public async Task<Result<Member>> LoadAsync(Guid id, Permission permission, CancellationToken ct, bool track = false)
    {
        var query = track ? db.Members : db.Members.AsNoTracking();
        var member = await query.FirstOrDefaultAsync(m => m.Id == id, ct);
        var isSelf = member is not null && member.UserId == user.UserId && user.IsAuthenticated;
        if (member is null || (!isSelf && !user.Can(Permission.ViewMembers, member.OrgPath))) return Error.NotFound(L["Member.NotFound"]);
        if (!isSelf && !user.Can(permission, member.OrgPath)) return Error.Forbidden(L["Auth.Forbidden"]);
        if (isSelf && permission is not (Permission.ViewMembers or Permission.ViewPersonalData)) return Error.Forbidden(L["Auth.Forbidden"]);
        return member;
    }

    /// <summary>Writes who looked at or exported a person's personal data; the person can read it.</summary>
    public void Log(IEnumerable<Guid> memberIds, string action, string? detail = null)
    {
        var now = clock.GetUtcNow();
        var who = user.IsAuthenticated ? $"{user.DisplayName}（{user.UserName}）" : "system";
        if (who.Length > 100) who = who[..100];
        foreach (var id in memberIds)
        {
            db.MemberAccessLogs.Add(new MemberAccessLog
            {
                Id = Guid.CreateVersion7(now), MemberId = id, At = now, UserId = user.IsAuthenticated ? user.UserId : null,
                UserName = who, Action = action, Detail = detail,
            });
        }
    }
}
