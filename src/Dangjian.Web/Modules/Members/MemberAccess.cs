using Dangjian.Web.Platform;
using Dangjian.Web.Data;
using Dangjian.Web.Platform.Auth;
using Dangjian.Web.Platform.Errors;
using Dangjian.Web.Platform.Privacy;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;

namespace Dangjian.Web.Modules.Members;

/// <summary>Loads a person's record if the caller's role holds on the person's unit or an ancestor.</summary>
[ModuleContract]
public sealed class MemberAccess(AppDbContext db, CurrentUser user, PersonalDataProtector protector, TimeProvider clock, IStringLocalizer<SharedResource> L, IStringLocalizer<MembersText> T)
{
    public async Task<Result<Member>> LoadAsync(Guid id, Permission permission, CancellationToken ct, bool track = false)
    {
        var query = track ? db.Members : db.Members.AsNoTracking();
        var member = await query.FirstOrDefaultAsync(m => m.Id == id, ct);
        var isSelf = member is not null && IsSelf(member);
        if (member is null || (!isSelf && !user.Can(Permission.ViewMembers, member.OrgPath))) return Error.NotFound(T["Member.NotFound"]);
        if (!isSelf && !user.Can(permission, member.OrgPath)) return Error.Forbidden(L["Auth.Forbidden"]);
        if (isSelf && permission is not (Permission.ViewMembers or Permission.ViewPersonalData)) return Error.Forbidden(L["Auth.Forbidden"]);
        return member;
    }

    /// <summary>Whether the caller may see the person's personal data unmasked: the person themself, or ViewPersonalData on their unit.</summary>
    public bool MayReveal(Member m) => IsSelf(m) || user.Can(Permission.ViewPersonalData, m.OrgPath);

    private bool IsSelf(Member m) => user.IsAuthenticated && m.UserId == user.UserId;

    /// <summary>
    /// The ID number printed on a document: in full when the caller may see it, and then written to the person's
    /// access log unless the person prints their own (the caller saves); masked otherwise.
    /// </summary>
    public string? IdNumberForDocument(Member m, string logDetail)
    {
        if (m.IdNumberEncrypted is null || !MayReveal(m)) return m.IdNumberMasked;
        if (!IsSelf(m)) Log([m.Id], "print", logDetail);
        return protector.Decrypt(m.IdNumberEncrypted);
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
