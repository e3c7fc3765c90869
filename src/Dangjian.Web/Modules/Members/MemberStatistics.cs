using Dangjian.Web.Platform.Auth;
using Dangjian.Web.Platform.Clock;
using Dangjian.Web.Platform.Errors;
using Microsoft.EntityFrameworkCore;

namespace Dangjian.Web.Modules.Members;

public sealed record CountItem(string Key, int Count);

public sealed record MemberStatisticsDto(
    int Total, IReadOnlyList<CountItem> ByCategory, IReadOnlyList<CountItem> BySex, IReadOnlyList<CountItem> ByAgeBand,
    IReadOnlyList<CountItem> ByPartyAgeBand, IReadOnlyList<CountItem> ByEducation, IReadOnlyList<CountItem> ByJobPost,
    IReadOnlyList<CountItem> ByEthnicity, int Mobile, int OutOfContact);

/// <summary>党员队伍结构 for any subtree: the party members (full and probationary) counted along each dimension.</summary>
public sealed class MemberStatistics(MemberQuery members, TimeProvider clock)
{
    private static readonly (string Label, int From, int To)[] AgeBands =
        [("30岁及以下", 0, 30), ("31-40岁", 31, 40), ("41-50岁", 41, 50), ("51-60岁", 51, 60), ("61岁及以上", 61, 200)];

    private static readonly (string Label, int From, int To)[] PartyAgeBands =
        [("5年以下", 0, 4), ("5-10年", 5, 10), ("11-20年", 11, 20), ("21-30年", 21, 30), ("30年以上", 31, 200)];

    public async Task<Result<MemberStatisticsDto>> HandleAsync(MemberFilter f, CancellationToken ct)
    {
        var today = clock.Today();
        var built = await members.BuildAsync(f, Permission.ViewMembers, today, ct);
        if (!built.IsSuccess) return built.Error!;
        var all = built.Value.Query;
        var party = all.Where(m => m.Category == MemberCategory.Full || m.Category == MemberCategory.Probationary);

        var byCategory = await all.GroupBy(m => m.Category).Select(g => new { g.Key, Count = g.Count() }).ToListAsync(ct);
        var bySex = await party.GroupBy(m => m.Gender).Select(g => new { g.Key, Count = g.Count() }).ToListAsync(ct);
        var byEducation = await Group(party.GroupBy(m => m.Education ?? ""), ct);
        var byPost = await Group(party.GroupBy(m => m.JobPost ?? ""), ct);
        var byEthnicity = await Group(party.GroupBy(m => m.Ethnicity ?? ""), ct);
        var dates = await party.Select(m => new { m.BirthDate, m.FullMemberOn, m.PartyAgeAdjustmentMonths }).ToListAsync(ct);
        var mobile = await party.CountAsync(m => m.IsMobile, ct);
        var outOfContact = await party.CountAsync(m => m.OutOfContactSince != null, ct);

        var ages = dates.Select(d => MemberFacts.Age(d.BirthDate, today)).Where(a => a is not null).Select(a => a!.Value).ToList();
        var partyAges = dates.Select(d => MemberFacts.PartyAgeYears(d.FullMemberOn, d.PartyAgeAdjustmentMonths, today))
            .Where(a => a is not null).Select(a => a!.Value).ToList();

        return new MemberStatisticsDto(
            dates.Count,
            byCategory.OrderBy(x => x.Key).Select(x => new CountItem(MemberColumns.CategoryName(x.Key), x.Count)).ToList(),
            bySex.OrderBy(x => x.Key).Select(x => new CountItem(x.Key == Gender.Male ? "男" : "女", x.Count)).ToList(),
            AgeBands.Select(b => new CountItem(b.Label, ages.Count(a => a >= b.From && a <= b.To))).ToList(),
            PartyAgeBands.Select(b => new CountItem(b.Label, partyAges.Count(a => a >= b.From && a <= b.To))).ToList(),
            byEducation, byPost, byEthnicity, mobile, outOfContact);
    }

    private static async Task<List<CountItem>> Group(IQueryable<IGrouping<string, Member>> groups, CancellationToken ct) =>
        (await groups.Select(g => new { g.Key, Count = g.Count() }).ToListAsync(ct))
        .OrderByDescending(x => x.Count).Select(x => new CountItem(x.Key.Length == 0 ? "未填写" : x.Key, x.Count)).ToList();
}
