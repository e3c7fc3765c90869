using Dangjian.Web.Data;
using Dangjian.Web.Modules.Members;
using Dangjian.Web.Modules.Organizations;
using Dangjian.Web.Modules.Organizations.Committees;
using Dangjian.Web.Platform.Clock;
using Dangjian.Web.Platform.Privacy;
using Dangjian.Web.Platform.Tenancy;
using Microsoft.EntityFrameworkCore;

namespace Dangjian.Web.Seeding;

public sealed record SeedPlan(string TenantName, int Members, int Seed = 20261122)
{
    /// <summary>
    /// The demo tenant shown to people: ages that fit each stage of the pipeline (probationary members mostly 20–40 when
    /// they joined, applicants and activists young adults) and committees mostly well inside their term. Off for the
    /// synthetic tenants of the benchmarks, whose rosters must stay exactly as they were.
    /// </summary>
    public bool Demo { get; init; }

    public int Branches => Math.Max(8, Members / (Members >= 20_000 ? 25 : 37));
    public int Secondaries => Math.Max(4, Branches / 40);
}

public sealed record SeedResult(Guid TenantId, Guid RootId, int Units, int Members, int Terms);

/// <summary>
/// Builds a realistic tenant: a group 党委, secondary 党委/党总支, branches of every set-up kind, 党小组 under the larger
/// branches, a roster with believable names and dates, and committees whose terms fall on both sides of "today".
/// Deterministic for a given seed, so benchmarks and demos are repeatable.
/// </summary>
public sealed class TenantSeeder(AppDbContext db, TenantContext tenant, TimeProvider clock, PersonalDataProtector protector)
{
    private static readonly string[] Departments =
    [
        "综合办公室", "生产运行部", "设备管理部", "安全环保部", "市场营销部", "技术研发中心", "质量检测中心", "财务资产部",
        "人力资源部", "物资采购部", "工程建设部", "信息中心", "调度指挥中心", "检修车间", "动力车间", "运输车间", "客户服务中心",
        "审计监察部", "党群工作部", "规划发展部",
    ];

    private static readonly string[] DemoSecondaries = ["机关党总支", "第一分公司党委", "第二分公司党委", "研究院党委", "物流公司党委"];

    private readonly List<OrgUnit> units = [];
    private readonly List<Member> members = [];
    private readonly List<CommitteeTerm> terms = [];
    private readonly HashSet<string> idNumbers = [];
    private bool demo;
    private static readonly string[] AreaCodes = ["110101", "110108", "310104", "320102", "330106", "370102", "410105", "420106", "440106", "510107", "610113", "230103"];

    public async Task<SeedResult> SeedAsync(SeedPlan plan, CancellationToken ct = default)
    {
        var r = new Random(plan.Seed);
        demo = plan.Demo;
        var now = clock.GetUtcNow();
        var today = clock.Today();
        var t = new Tenant { Id = Guid.CreateVersion7(now), Name = plan.TenantName, CreatedAt = now };
        tenant.Set(t.Id);
        db.AuditEnabled = false;
        db.ChangeTracker.AutoDetectChangesEnabled = false;
        db.Tenants.Add(t);

        var root = NewUnit(null, plan.TenantName + "党委", OrgUnitKind.PartyCommittee, OrgSetup.Standalone, "公有经济控制企业", now);
        var secondaries = new List<OrgUnit>();
        for (var i = 0; i < plan.Secondaries; i++)
        {
            var name = i < DemoSecondaries.Length ? DemoSecondaries[i] : $"第{i + 1}分公司党委";
            var kind = name.EndsWith("党总支", StringComparison.Ordinal) ? OrgUnitKind.GeneralBranch : OrgUnitKind.PartyCommittee;
            secondaries.Add(NewUnit(root, name, kind, OrgSetup.Standalone, "公有经济控制企业", now));
        }

        var branches = new List<OrgUnit>();
        for (var i = 0; i < plan.Branches; i++)
        {
            var parent = secondaries[i % secondaries.Count];
            var n = i / secondaries.Count;
            var (name, setup) = (i % 23) switch
            {
                7 => ($"驻外机构联合党支部{(n > 0 ? n + 1 : "")}", OrgSetup.Joint),
                15 => ($"重点工程项目临时党支部{(n > 0 ? n + 1 : "")}", OrgSetup.Temporary),
                _ => (n < Departments.Length ? Departments[n] + "党支部" : $"第{n + 1}党支部", OrgSetup.Standalone),
            };
            branches.Add(NewUnit(parent, name, OrgUnitKind.Branch, setup, "公有经济控制企业", now));
        }

        var sizes = RosterSizes(plan.Members, branches.Count, r);
        for (var i = 0; i < branches.Count; i++)
        {
            var branch = branches[i];
            var groups = new List<OrgUnit>();
            if (sizes[i] >= 45)
            {
                for (var g = 0; g < (sizes[i] >= 55 ? 3 : 2); g++)
                {
                    groups.Add(NewUnit(branch, $"第{"一二三"[g]}党小组", OrgUnitKind.Group, OrgSetup.Standalone, branch.HostUnitType, now));
                }
            }
            var roster = new List<Member>();
            for (var k = 0; k < sizes[i]; k++)
            {
                var home = groups.Count > 0 && r.NextDouble() < 0.6 ? groups[r.Next(groups.Count)] : branch;
                // Small branches are rosters of full members, so the "too few full members" case is exact.
                roster.Add(NewMember(r, home, sizes[i] <= 3 ? MemberCategory.Full : null, today, now));
            }
            var full = roster.Count(m => m.Category == MemberCategory.Full);
            // Most branches with ≥ 7 full members have a committee; a few have not yet set one up.
            var hasCommittee = full >= 7 ? i % 11 != 5 : i % 3 != 0;
            if (hasCommittee) AddTerm(r, branch, roster, full >= 7 ? 3 + r.Next(3) : 1, years: 3, today, now);
        }

        foreach (var (s, i) in secondaries.Select((s, i) => (s, i)))
        {
            var pool = members.Where(m => m.OrgPath.StartsWith(s.Path, StringComparison.Ordinal)).Take(40).ToList();
            AddTerm(r, s, pool, 5, s.Kind == OrgUnitKind.PartyCommittee ? 5 : 3, today, now);
        }
        // The group's 党委 of the demo was elected two springs ago; a synthetic tenant's five years ago (its term ending now).
        AddTerm(r, root, members.Take(60).ToList(), 7, years: 5, today, now, start: new DateOnly(today.Year - (demo ? 2 : 5), 3, 18).AddMonths(r.Next(5)));

        db.OrgUnits.AddRange(units);
        await db.SaveChangesAsync(ct);
        db.ChangeTracker.Clear();
        foreach (var chunk in members.Chunk(5000))
        {
            db.Members.AddRange(chunk);
            await db.SaveChangesAsync(ct);
            db.ChangeTracker.Clear();
        }
        db.CommitteeTerms.AddRange(terms);
        await db.SaveChangesAsync(ct);
        db.ChangeTracker.Clear();
        db.ChangeTracker.AutoDetectChangesEnabled = true;
        db.AuditEnabled = true;
        return new SeedResult(t.Id, root.Id, units.Count, members.Count, terms.Count);
    }

    /// <summary>
    /// Roster sizes per branch, adding up to exactly <paramref name="members"/>: around the average, with two that break
    /// the rules on purpose (branch 1 too large, branch 2 too small), every other branch at 3 or more.
    /// </summary>
    internal static int[] RosterSizes(int members, int branches, Random r)
    {
        var average = (double)members / branches;
        var sizes = Enumerable.Range(0, branches).Select(i => i switch
        {
            1 => 56,
            2 => 2,
            _ => Math.Max(3, (int)(average * (0.5 + r.NextDouble()))),
        }).ToArray();
        var scale = (members - sizes[1] - sizes[2]) / (double)(sizes.Sum() - sizes[1] - sizes[2]);
        for (var i = 0; i < sizes.Length; i++)
        {
            if (i is not (1 or 2)) sizes[i] = Math.Max(3, (int)Math.Round(sizes[i] * scale));
        }

        // Rounding leaves the sum off by up to a few hundred at 200k; spread that over the ordinary branches (±1 each,
        // none below 3) rather than putting it all on one branch, which could leave that branch empty.
        var diff = members - sizes.Sum();
        for (var i = 3; diff != 0 && i < sizes.Length; i++)
        {
            if (diff < 0 && sizes[i] <= 3) continue;
            var step = Math.Sign(diff);
            sizes[i] += step;
            diff -= step;
        }
        sizes[0] = Math.Max(3, sizes[0] + diff); // whatever is left: only a plan too small for its branches
        return sizes;
    }

    private OrgUnit NewUnit(OrgUnit? parent, string name, OrgUnitKind kind, OrgSetup setup, string? host, DateTimeOffset now)
    {
        var key = OrgPaths.NewKey();
        var unit = new OrgUnit
        {
            Id = Guid.CreateVersion7(now),
            ParentId = parent?.Id,
            Key = key,
            Path = parent is null ? OrgPaths.Root(key) : OrgPaths.Child(parent.Path, key),
            Depth = parent is null ? 0 : parent.Depth + 1,
            Name = name,
            Kind = kind,
            Setup = setup,
            HostUnitType = host,
            SortOrder = units.Count(u => u.ParentId == parent?.Id) + 1,
            CreatedAt = now,
        };
        units.Add(unit);
        return unit;
    }

    private Member NewMember(Random r, OrgUnit home, MemberCategory? category, DateOnly today, DateTimeOffset now)
    {
        var male = r.NextDouble() < 0.68;
        var birth = new DateOnly(1956, 1, 1).AddDays(r.Next(0, 47 * 365));
        var roll = r.NextDouble();
        var cat = category ?? roll switch
        {
            < 0.84 => MemberCategory.Full,
            < 0.89 => MemberCategory.Probationary,
            < 0.93 => MemberCategory.Candidate,
            < 0.97 => MemberCategory.Activist,
            _ => MemberCategory.Applicant,
        };
        DateOnly? joined = null, full = null;
        if (cat is MemberCategory.Full or MemberCategory.Probationary)
        {
            var earliest = birth.AddYears(19);
            var span = Math.Max(30, today.DayNumber - earliest.DayNumber - 30);
            joined = cat == MemberCategory.Probationary
                ? today.AddDays(-r.Next(20, 360))
                : earliest.AddDays(r.Next(0, Math.Max(1, span - 400)));
            if (cat == MemberCategory.Full) full = joined.Value.AddYears(1);
        }
        if (demo) birth = PlausibleBirth(birth, cat, joined, today);
        var retired = today.Year - birth.Year >= 60;
        string idNumber;
        do
        {
            var first17 = AreaCodes[r.Next(AreaCodes.Length)] + birth.ToString("yyyyMMdd", System.Globalization.CultureInfo.InvariantCulture)
                          + r.Next(0, 100).ToString("00", System.Globalization.CultureInfo.InvariantCulture) + (male ? 2 * r.Next(5) + 1 : 2 * r.Next(5));
            idNumber = first17 + Modules.Members.IdNumberRules.CheckChar(first17);
        } while (!idNumbers.Add(idNumber));
        var mobile = "1" + "3578"[r.Next(4)] + r.Next(0, 1_000_000_000).ToString("000000000", System.Globalization.CultureInfo.InvariantCulture);
        var m = new Member
        {
            Id = Guid.CreateVersion7(now),
            OrgUnitId = home.Id,
            OrgPath = home.Path,
            Name = ChineseNames.Person(r, male),
            Gender = male ? Gender.Male : Gender.Female,
            Category = cat,
            BirthDate = birth,
            JoinedOn = joined,
            FullMemberOn = full,
            JobPost = retired ? "离退休人员" : ChineseNames.Pick(r, ChineseNames.JobPosts),
            Education = ChineseNames.Pick(r, ChineseNames.Education),
            Ethnicity = ChineseNames.Pick(r, ChineseNames.Ethnicities),
            IdNumberEncrypted = protector.Encrypt(idNumber),
            IdNumberHash = protector.Hash(idNumber),
            IdNumberMasked = Modules.Members.IdNumberRules.Mask(idNumber),
            MobileEncrypted = protector.Encrypt(mobile),
            CreatedAt = now,
        };
        members.Add(m);
        return m;
    }

    /// <summary>
    /// The demo's birth date for a person of the pipeline, derived from the one drawn (no extra draw): probationary
    /// members 20–40 at joining, applicants, activists and candidates 19–38 today; full members keep theirs (their join
    /// date already follows it by at least 19 years).
    /// </summary>
    internal static DateOnly PlausibleBirth(DateOnly drawn, MemberCategory category, DateOnly? joined, DateOnly today)
    {
        var spread = drawn.DayNumber;
        return category switch
        {
            MemberCategory.Probationary when joined is { } j => j.AddYears(-(20 + spread % 21)).AddDays(-(spread / 21 % 360)),
            MemberCategory.Applicant or MemberCategory.Activist or MemberCategory.Candidate => today.AddYears(-(19 + spread % 20)).AddDays(-(spread / 20 % 360)),
            _ => drawn,
        };
    }

    private void AddTerm(Random r, OrgUnit unit, List<Member> pool, int size, int years, DateOnly today, DateTimeOffset now, DateOnly? start = null)
    {
        // Starts spread over the last 3.5 years: some terms run on, some end within 6 months, some have ended.
        // The demo's committees were elected within the last two and a half years, so a term ending is an exception there.
        var begin = start ?? today.AddDays(-(demo ? 60 + r.Next(60, 1300) % 840 : r.Next(60, 1300)));
        var term = new CommitteeTerm
        {
            Id = Guid.CreateVersion7(now),
            OrgUnitId = unit.Id,
            Number = 1 + r.Next(2, 9),
            StartOn = begin,
            EndOn = TermRules.EndOn(begin, years),
            ElectedOn = begin,
            ElectionMethod = "差额选举",
            VotersEntitled = Math.Max(3, pool.Count),
            VotersPresent = Math.Max(2, pool.Count - r.Next(0, Math.Max(1, pool.Count / 8))),
            CreatedAt = now,
        };
        CommitteePost[] posts =
        [
            CommitteePost.Secretary, CommitteePost.OrganizationCommissioner, CommitteePost.PublicityCommissioner,
            CommitteePost.DisciplineCommissioner, CommitteePost.DeputySecretary, CommitteePost.CommitteeMember, CommitteePost.CommitteeMember,
        ];
        var chosen = pool.Where(m => m.Category == MemberCategory.Full).Take(size).ToList();
        for (var i = 0; i < chosen.Count; i++)
        {
            term.Members.Add(new CommitteeMember
            {
                Id = Guid.CreateVersion7(now), OrgUnitId = unit.Id, MemberId = chosen[i].Id, Name = chosen[i].Name, Post = posts[i],
                VotesReceived = term.VotersPresent - r.Next(0, 3), ApprovedOn = begin.AddDays(r.Next(5, 30)),
            });
        }
        terms.Add(term);
    }
}
