using Dangjian.Web.Data;
using Dangjian.Web.Modules.Assessment.Points;
using Dangjian.Web.Modules.Members;
using Dangjian.Web.Platform.Auth;
using Dangjian.Web.Platform.Clock;
using Microsoft.EntityFrameworkCore;

namespace Dangjian.Web.Seeding.Assessment;

/// <summary>
/// The demo tenant's points (deterministic): the default scheme, the automatic points of last year and this year from
/// the demo's meetings, dues, study and exams (the job's own counting), a 党小组长 account on the first group of the first
/// branch that has one (login <see cref="GroupLeaderLogin"/>, the password of Seed:AdminPassword or
/// <see cref="GroupLeaderDefaultPassword"/>), and a few of that leader's claims, approved and pending.
/// </summary>
internal static class PointsDemo
{
    public const string GroupLeaderLogin = "zuzhang";
    public const string GroupLeaderDefaultPassword = "Group-Leader-2026";

    public static async Task SeedAsync(IServiceProvider sp, AppDbContext db, TimeProvider clock, CancellationToken ct)
    {
        var awarder = sp.GetRequiredService<PointsAwarder>();
        var today = clock.Today();
        await awarder.RunAsync(today.Year - 1, ct);
        await awarder.RunAsync(today.Year, ct);

        var branches = await DemoBranches.LoadAsync(db, ct);
        var people = await DemoBranches.PartyAsync(db, ct);
        var group = branches.SelectMany(b => b.Groups).FirstOrDefault(g => people.Count(p => p.OrgUnitId == g.Id) >= 4);
        // The login is the demo's own: a database that already has it (a second demo tenant) gets no second leader.
        if (group is null || await db.Users.IgnoreQueryFilters().AnyAsync(u => u.UserName == GroupLeaderLogin, ct)) return;
        var members = people.Where(p => p.OrgUnitId == group.Id).ToList();
        var config = sp.GetRequiredService<IConfiguration>();
        var password = config["Seed:AdminPassword"] is { Length: > 0 } configured ? configured : GroupLeaderDefaultPassword;
        var leaderMember = await db.Members.FirstAsync(m => m.Id == members[0].Id, ct);
        var leader = await AdminAccount.CreateAsync(sp, db.CurrentTenantId, group.Id, GroupLeaderLogin, $"{leaderMember.Name}（党小组长）", password, AppRole.GroupLeader);
        if (leaderMember.UserId is null)
        {
            leaderMember.UserId = leader.Id;
            await db.SaveChangesAsync(ct);
        }

        var rules = await db.PointsRules.AsNoTracking().Where(r => r.Kind != PointsKind.Auto && r.Active).ToDictionaryAsync(r => r.Code, ct);
        if (!rules.TryGetValue("SERVICE", out var service) || !rules.TryGetValue("PIONEER", out var pioneer)) return;
        var now = clock.GetUtcNow();
        var reasons = new[] { "参加社区志愿服务", "参与疫苗接种点引导服务", "参加义务植树", "参与防汛值守", "看望慰问困难党员", "参加垃圾分类宣传" };
        var approved = new List<PointsEntry>();
        for (var i = 1; i < members.Count && i <= 6; i++)
        {
            var p = members[i];
            var rule = i == 3 ? pioneer : service;
            var day = today.AddDays(-3 * i);
            if (day.Year != today.Year) day = today;
            var id = Guid.CreateVersion7(now.AddSeconds(i));
            var entry = new PointsEntry
            {
                Id = id, MemberId = p.Id, MemberName = p.Name, OrgUnitId = p.OrgUnitId, OrgPath = p.OrgPath, Day = day, Year = day.Year, Month = day.Month,
                RuleId = rule.Id, RuleCode = rule.Code, RuleName = rule.Name, Kind = rule.Kind, Points = rule.Points, Reason = reasons[i - 1],
                SourceKey = "claim:" + id.ToString("N"), Status = i <= 3 ? PointsStatus.Approved : PointsStatus.Pending, ClaimedById = leader.Id,
                ClaimedBy = leader.DisplayName, CreatedAt = now.AddSeconds(i),
            };
            if (entry.Status == PointsStatus.Approved)
            {
                entry.DecidedBy = "支部书记";
                entry.DecidedAt = now.AddSeconds(i);
                approved.Add(entry);
            }
            db.PointsEntries.Add(entry);
        }
        await PointsLedger.ApplyAsync(db, sp.GetRequiredService<Platform.Ledger.Ledger>(), approved, now, ct);
        await db.SaveChangesAsync(ct);
    }
}
