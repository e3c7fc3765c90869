using Dangjian.Web.Data;
using Dangjian.Web.Modules.Assessment.Honours;
using Dangjian.Web.Modules.Organizations;
using Dangjian.Web.Platform.Clock;
using Dangjian.Web.Platform.Ledger;
using Microsoft.EntityFrameworkCore;

namespace Dangjian.Web.Seeding.Assessment;

/// <summary>
/// The demo tenant's honours (deterministic): last year's 两优一先 of the root unit, finished — quotas for the first
/// branches, their nominees voted on, approved, noticed (one objection, dismissed) and awarded around 七一, each award in
/// the ledger — and this year's campaign in its nomination phase, with quotas and the first nominations.
/// </summary>
internal static class HonoursDemo
{
    private const string By = "党委组织部";

    public static async Task SeedAsync(IServiceProvider sp, AppDbContext db, TimeProvider clock, CancellationToken ct)
    {
        if (await db.HonourCampaigns.AnyAsync(ct)) return;
        var root = await db.OrgUnits.AsNoTracking().Where(u => u.ParentId == null).OrderBy(u => u.SortOrder).Select(u => new { u.Id, u.Path, u.Name })
            .FirstOrDefaultAsync(ct);
        if (root is null) return;
        var branches = (await DemoBranches.LoadAsync(db, ct)).Take(4).ToList();
        var people = await DemoBranches.PartyAsync(db, ct);
        if (branches.Count < 2) return;
        var now = clock.GetUtcNow();
        var today = clock.Today();
        var ledger = new Ledger(db);
        // The first two party members of each branch, in the stable order of the roll.
        var firstOf = branches.ToDictionary(b => b.Id, b => people.Where(p => p.OrgPath.StartsWith(b.Path, StringComparison.Ordinal)).Take(2).ToList());

        var last = today.Year - 1;
        var past = new HonourCampaign
        {
            Id = Guid.CreateVersion7(now.AddDays(-200)), OrgUnitId = root.Id, OrgPath = root.Path, Year = last, Title = $"{last}年度“两优一先”评选表彰",
            ExcellentMembers = branches.Count, ExcellentWorkers = 1, AdvancedOrganisations = 1,
            NominationOpensOn = new DateOnly(last, 5, 6), NominationClosesOn = new DateOnly(last, 5, 20), VoteClosesOn = new DateOnly(last, 5, 27),
            NoticeStartsOn = new DateOnly(last, 6, 2), NoticeEndsOn = new DateOnly(last, 6, 9), AwardOn = new DateOnly(last, 6, 28),
            Status = HonourCampaignStatus.Awarded, CreatedAt = now.AddDays(-200), CreatedBy = By, Version = 1,
        };
        db.HonourCampaigns.Add(past);
        var awardedAt = new DateTimeOffset(past.AwardOn.ToDateTime(new TimeOnly(10, 0)), ChinaTime.Offset).ToUniversalTime();
        var nominatedAt = new DateTimeOffset(past.NominationClosesOn.ToDateTime(new TimeOnly(9, 0)), ChinaTime.Offset).ToUniversalTime();
        var i = 0;
        foreach (var b in branches)
        {
            AddQuota(db, past, b.Id, b.Path, HonourKind.ExcellentMember, 1, now);
            if (firstOf[b.Id].FirstOrDefault() is not { } p) continue;
            var n = Nominate(db, past, HonourKind.ExcellentMember, p.Id, p.Name, p.OrgPath, b.Id, b.Path, Reasons[i++ % Reasons.Length], nominatedAt,
                HonourNominationStatus.Awarded);
            Award(db, ledger, past, n, p.OrgUnitId, awardedAt);
        }
        AddQuota(db, past, branches[0].Id, branches[0].Path, HonourKind.AdvancedOrganisation, 1, now);
        var unitName = await db.OrgUnits.Where(u => u.Id == branches[0].Id).Select(u => u.Name).FirstAsync(ct);
        var org = Nominate(db, past, HonourKind.AdvancedOrganisation, branches[0].Id, unitName, branches[0].Path, branches[0].Id, branches[0].Path,
            "支部组织生活规范，“三会一课”按期召开，党员教育管理扎实。", nominatedAt, HonourNominationStatus.Awarded);
        Award(db, ledger, past, org, branches[0].Id, awardedAt);
        AddQuota(db, past, branches[1].Id, branches[1].Path, HonourKind.ExcellentWorker, 1, now);
        if (firstOf[branches[1].Id].Skip(1).FirstOrDefault() is { } worker)
        {
            var w = Nominate(db, past, HonourKind.ExcellentWorker, worker.Id, worker.Name, worker.OrgPath, branches[1].Id, branches[1].Path,
                "长期从事党务工作，党员发展和党费收缴台账规范。", nominatedAt, HonourNominationStatus.Awarded);
            Award(db, ledger, past, w, worker.OrgUnitId, awardedAt);
            db.HonourObjections.Add(new HonourObjection
            {
                Id = Guid.CreateVersion7(awardedAt.AddDays(-22)), CampaignId = past.Id, CampaignUnitId = root.Id, NominationId = w.Id, LodgedByUserId = Guid.Empty,
                Text = "反映该同志所在支部去年台账有补记情况。", LodgedAt = awardedAt.AddDays(-22), Outcome = HonourObjectionOutcome.Dismissed,
                Answer = "经核查，补记系按规定更正笔误，不影响评选。", AnsweredAt = awardedAt.AddDays(-20), AnsweredBy = By,
            });
        }

        var current = new HonourCampaign
        {
            Id = Guid.CreateVersion7(now.AddDays(-3)), OrgUnitId = root.Id, OrgPath = root.Path, Year = today.Year, Title = $"{today.Year}年度“两优一先”评选表彰",
            ExcellentMembers = branches.Count * 2, ExcellentWorkers = 2, AdvancedOrganisations = 1,
            NominationOpensOn = today.AddDays(-3), NominationClosesOn = today.AddDays(10), VoteClosesOn = today.AddDays(17),
            NoticeStartsOn = today.AddDays(20), NoticeEndsOn = today.AddDays(30), AwardOn = today.AddDays(31),
            Status = HonourCampaignStatus.Nomination, CreatedAt = now.AddDays(-3), CreatedBy = By, Version = 1,
        };
        db.HonourCampaigns.Add(current);
        foreach (var b in branches) AddQuota(db, current, b.Id, b.Path, HonourKind.ExcellentMember, 2, now);
        AddQuota(db, current, branches[0].Id, branches[0].Path, HonourKind.ExcellentWorker, 1, now);
        AddQuota(db, current, branches[1].Id, branches[1].Path, HonourKind.AdvancedOrganisation, 1, now);
        if (firstOf[branches[1].Id].Skip(1).FirstOrDefault() is { } nominee)
            Nominate(db, current, HonourKind.ExcellentMember, nominee.Id, nominee.Name, nominee.OrgPath, branches[1].Id, branches[1].Path, Reasons[1],
                now.AddDays(-1), HonourNominationStatus.Nominated);
        await db.SaveChangesAsync(ct);
    }

    private static readonly string[] Reasons =
    [
        "在急难险重任务中冲锋在前，带领团队按期完成攻坚任务。",
        "立足岗位创先争优，主动联系服务群众，群众评价好。",
        "积极参加组织生活，学习教育学时超额完成，发挥先锋模范作用。",
        "担任党小组长期间组织生活规范，帮带新党员成效明显。",
    ];

    private static void AddQuota(AppDbContext db, HonourCampaign c, Guid unitId, string path, HonourKind kind, int number, DateTimeOffset now) =>
        db.HonourQuotas.Add(new HonourQuota { Id = Guid.CreateVersion7(now), CampaignId = c.Id, OrgUnitId = unitId, OrgPath = path, Kind = kind, Number = number });

    private static HonourNomination Nominate(AppDbContext db, HonourCampaign c, HonourKind kind, Guid nomineeId, string name, string nomineePath, Guid unitId,
        string unitPath, string reason, DateTimeOffset at, HonourNominationStatus status)
    {
        var n = new HonourNomination
        {
            Id = Guid.CreateVersion7(at), CampaignId = c.Id, Kind = kind, NomineeId = nomineeId, NomineeName = name, NomineePath = nomineePath, OrgUnitId = unitId,
            OrgPath = unitPath, Reason = reason, Status = status, NominatedAt = at, NominatedBy = By,
            ApprovedAt = status == HonourNominationStatus.Awarded ? at.AddDays(14) : null, ApprovedBy = status == HonourNominationStatus.Awarded ? By : null,
        };
        db.HonourNominations.Add(n);
        return n;
    }

    private static void Award(AppDbContext db, Ledger ledger, HonourCampaign c, HonourNomination n, Guid unitId, DateTimeOffset at)
    {
        var award = new HonourAward
        {
            Id = Guid.CreateVersion7(at), CampaignId = c.Id, NominationId = n.Id, Kind = n.Kind, NomineeId = n.NomineeId, NomineeName = n.NomineeName,
            OrgPath = n.NomineePath, OrgUnitId = unitId, Year = c.Year, CampaignTitle = c.Title, AwardedOn = c.AwardOn, AwardedAt = at,
        };
        db.HonourAwards.Add(award);
        ledger.Append("honour.awarded", award.Id.ToString(), new
        {
            campaign = c.Id, nomination = n.Id, kind = n.Kind.ToString(), nominee = n.NomineeId, name = n.NomineeName, year = c.Year,
            awardedOn = c.AwardOn.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture),
        });
    }
}
