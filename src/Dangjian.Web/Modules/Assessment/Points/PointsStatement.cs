using Dangjian.Web.Data;
using Dangjian.Web.Modules.Members;
using Dangjian.Web.Platform.Auth;
using Dangjian.Web.Platform.Clock;
using Dangjian.Web.Platform.Errors;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;

namespace Dangjian.Web.Modules.Assessment.Points;

public sealed record PointsLineDto(Guid Id, DateOnly Day, Guid RuleId, string RuleCode, string RuleName, string Kind, int Points, string? Reason, string Status,
    string? ClaimedBy, string? DecidedBy, DateTimeOffset? DecidedAt, string? RejectReason);

public sealed record PointsStatementDto(Guid MemberId, string Name, int Year, int Base, int Approved, int Score, int Lines, int Pending,
    IReadOnlyList<PointsLineDto> Items, string Article);

/// <summary>
/// A member's points of a year (docs/rules/points-and-assessment.md#pa-6): the scheme's base, the approved balance and
/// every line with the item it applies, its status and who decided. The member reads their own; those who may see the
/// member's record read theirs.
/// </summary>
public sealed class PointsStatement(AppDbContext db, MemberAccess members, CurrentUser user, PointsSchemes schemes, TimeProvider clock,
    IStringLocalizer<PointsText> T)
{
    public async Task<Result<PointsStatementDto>> ForMemberAsync(Guid memberId, int? year, CancellationToken ct)
    {
        var member = await members.LoadAsync(memberId, Permission.ViewMembers, ct);
        if (!member.IsSuccess) return member.Error!;
        return await BuildAsync(member.Value!, year, ct);
    }

    public async Task<Result<PointsStatementDto>> MineAsync(int? year, CancellationToken ct)
    {
        var me = user.IsAuthenticated ? await db.Members.AsNoTracking().FirstOrDefaultAsync(m => m.UserId == user.UserId, ct) : null;
        if (me is null) return Error.NotFound(T["Mine.NoRecord"]);
        return await BuildAsync(me, year, ct);
    }

    private async Task<Result<PointsStatementDto>> BuildAsync(Member member, int? year, CancellationToken ct)
    {
        var y = year ?? clock.Today().Year;
        if (y is < 2000 or > 9999) return Error.Validation("year", T["Ranking.BadYear"]);
        var (scheme, _) = await schemes.EnsureAsync(ct);
        var balance = await db.PointsBalances.AsNoTracking().FirstOrDefaultAsync(b => b.MemberId == member.Id && b.Year == y, ct);
        var lines = await db.PointsEntries.AsNoTracking().Where(e => e.MemberId == member.Id && e.Year == y)
            .OrderByDescending(e => e.Day).ThenByDescending(e => e.CreatedAt).ThenByDescending(e => e.Id).ToListAsync(ct);
        var approved = balance?.Total ?? 0;
        return new PointsStatementDto(member.Id, member.Name, y, scheme.Base, approved, scheme.Base + approved, balance?.Lines ?? 0,
            lines.Count(l => l.Status == PointsStatus.Pending),
            lines.Select(e => new PointsLineDto(e.Id, e.Day, e.RuleId, e.RuleCode, e.RuleName, e.Kind.ToString(), e.Points, e.Reason, e.Status.ToString(),
                e.ClaimedBy, e.DecidedBy, e.DecidedAt, e.RejectReason)).ToList(), PointsArticles.Lines);
    }
}
