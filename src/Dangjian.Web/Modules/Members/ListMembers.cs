using Dangjian.Web.Modules.Organizations;
using Dangjian.Web.Data;
using Dangjian.Web.Platform.Auth;
using Dangjian.Web.Platform.Clock;
using Dangjian.Web.Platform.Errors;
using Dangjian.Web.Platform.Paging;
using Microsoft.EntityFrameworkCore;

namespace Dangjian.Web.Modules.Members;

/// <summary>A page of the roll under a unit with filters; ID numbers only masked. Read through <see cref="ReadDb"/> (<see cref="MemberQuery"/>).</summary>
public sealed class ListMembers(ReadDb read, MemberQuery members, TimeProvider clock)
{
    public async Task<Result<Page<MemberListItem>>> HandleAsync(MemberFilter f, PageRequest page, CancellationToken ct)
    {
        var today = clock.Today();
        var built = await members.BuildAsync(f, Permission.ViewMembers, today, ct);
        if (!built.IsSuccess) return built.Error!;
        var q = built.Value.Query;
        var total = await q.CountAsync(ct);
        var rows = await q.OrderBy(m => m.OrgPath).ThenBy(m => m.Name).Skip(page.Skip).Take(page.PageSize)
            .Join(read.Db.OrgUnits, m => m.OrgUnitId, u => u.Id, (m, u) => new { m, UnitName = u.Name })
            .ToListAsync(ct);
        var items = rows.Select(r => new MemberListItem(r.m.Id, r.m.Name, r.m.Gender, r.m.Category, r.m.Status, r.m.IdNumberMasked,
            r.m.BirthDate, MemberFacts.Age(r.m.BirthDate, today), r.m.JoinedOn, r.m.Education, r.m.JobPost, r.m.OrgUnitId, r.UnitName,
            r.m.IsMobile, r.m.OutOfContactSince)).ToList();
        return new Page<MemberListItem>(items, page.Page, page.PageSize, total);
    }
}
