using Dangjian.Web.Data;
using Dangjian.Web.Platform.Auth;
using Dangjian.Web.Platform.Errors;
using Dangjian.Web.Platform.Paging;
using Microsoft.EntityFrameworkCore;

namespace Dangjian.Web.Modules.Members;

/// <summary>"谁查看了我的信息": the access log of a person's record, for the person and those who may see personal data.</summary>
public sealed class ReadAccessLog(AppDbContext db, MemberAccess access)
{
    public async Task<Result<Page<MemberAccessLogDto>>> HandleAsync(Guid memberId, PageRequest page, CancellationToken ct)
    {
        var loaded = await access.LoadAsync(memberId, Permission.ViewPersonalData, ct);
        if (!loaded.IsSuccess) return loaded.Error!;
        var q = db.MemberAccessLogs.Where(a => a.MemberId == memberId);
        var total = await q.CountAsync(ct);
        var items = await q.OrderByDescending(a => a.At).Skip(page.Skip).Take(page.PageSize)
            .Select(a => new MemberAccessLogDto(a.At, a.UserName, a.Action, a.Detail)).ToListAsync(ct);
        return new Page<MemberAccessLogDto>(items, page.Page, page.PageSize, total);
    }
}
