using Dangjian.Web.Platform.Auth;
using Dangjian.Web.Platform.Clock;
using Dangjian.Web.Platform.Errors;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;

namespace Dangjian.Web.Modules.Members;

public sealed record CountItem(string Key, int Count);

public sealed record MemberStatisticsDto(
    int Total, IReadOnlyList<CountItem> ByCategory, IReadOnlyList<CountItem> BySex, IReadOnlyList<CountItem> ByAgeBand,
    IReadOnlyList<CountItem> ByPartyAgeBand, IReadOnlyList<CountItem> ByEducation, IReadOnlyList<CountItem> ByJobPost,
    IReadOnlyList<CountItem> ByEthnicity, int Mobile, int OutOfContact);

/// <summary>党员队伍结构 for any subtree: the party members (full and probationary) counted along each dimension.</summary>
public sealed class MemberStatistics(MemberQuery members, TimeProvider clock, IStringLocalizer<SharedResource> L, IStringLocalizer<MembersText> T)
{
    // Band labels from MembersText: "Stats.Age.*" and "Stats.PartyAge.*" with the bounds as arguments.
    private static readonly (string Key, int From, int To)[] AgeBands =
        [("Stats.Age.UpTo", 0, 30), ("Stats.Age.Range", 31, 40), ("Stats.Age.Range", 41, 50), ("Stats.Age.Range", 51, 60), ("Stats.Age.From", 61, 200)];

    private static readonly (string Key, int From, int To)[] PartyAgeBands =
        [("Stats.PartyAge.Under", 0, 4), ("Stats.PartyAge.Range", 5, 10), ("Stats.PartyAge.Range", 11, 20), ("Stats.PartyAge.Range", 21, 30), ("Stats.PartyAge.Over", 31, 200)];

    private string Label((string Key, int From, int To) band) => band.Key switch
    {
        "Stats.Age.From" or "Stats.PartyAge.Over" => T[band.Key, band.Key == "Stats.PartyAge.Over" ? band.From - 1 : band.From],
        "Stats.PartyAge.Under" => T[band.Key, band.To + 1],
        "Stats.Age.UpTo" => T[band.Key, band.To],
        _ => T[band.Key, band.From, band.To],
    };

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
            byCategory.OrderBy(x => x.Key).Select(x => new CountItem(L["Category." + x.Key].Value, x.Count)).ToList(),
            bySex.OrderBy(x => x.Key).Select(x => new CountItem(T["Gender." + x.Key].Value, x.Count)).ToList(),
            AgeBands.Select(b => new CountItem(Label(b), ages.Count(a => a >= b.From && a <= b.To))).ToList(),
            PartyAgeBands.Select(b => new CountItem(Label(b), partyAges.Count(a => a >= b.From && a <= b.To))).ToList(),
            byEducation, byPost, byEthnicity, mobile, outOfContact);
    }

    private async Task<List<CountItem>> Group(IQueryable<IGrouping<string, Member>> groups, CancellationToken ct) =>
        (await groups.Select(g => new { g.Key, Count = g.Count() }).ToListAsync(ct))
        .OrderByDescending(x => x.Count).Select(x => new CountItem(x.Key.Length == 0 ? T["Stats.NotFilled"].Value : x.Key, x.Count)).ToList();
}
