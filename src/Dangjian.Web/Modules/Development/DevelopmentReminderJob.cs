using Dangjian.Web.Modules.Members;
using Dangjian.Web.Data;
using Dangjian.Web.Modules.Development.Review;
using Dangjian.Web.Modules.Organizations;
using Dangjian.Web.Platform.Auth;
using Dangjian.Web.Platform.Clock;
using Dangjian.Web.Platform.Jobs;
using Dangjian.Web.Platform.Notifications;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using Microsoft.Extensions.Options;

namespace Dangjian.Web.Modules.Development;

/// <summary>
/// 发展党员提醒: once a day, for every case in progress, tells the people running the person's unit when the next step
/// is due within <see cref="DevelopmentOptions.RemindDaysBefore"/> days or overdue, or has become possible (发展对象,
/// 转正); and tells whoever may sign the awaited level of a joint review. Each notice once per case, step and date.
/// </summary>
internal sealed class DevelopmentReminderJob(TimeProvider clock) : IJob
{
    private static readonly AppRole[] Runners = [AppRole.BranchSecretary, AppRole.OrganizationCommissioner];

    public string Name => "development-reminders";
    public TimeSpan Interval => TimeSpan.FromHours(24);

    public async Task<string> RunAsync(IServiceProvider services, CancellationToken ct)
    {
        var sent = await EachTenant.RunAsync(services, sp => RunForTenantAsync(sp, ct), ct);
        return services.GetRequiredService<IStringLocalizer<DevelopmentText>>()["Dev.Remind.Summary", sent];
    }

    private async Task<int> RunForTenantAsync(IServiceProvider sp, CancellationToken ct)
    {
        var db = sp.GetRequiredService<AppDbContext>();
        var o = sp.GetRequiredService<IOptions<DevelopmentOptions>>().Value;
        var T = sp.GetRequiredService<IStringLocalizer<DevelopmentText>>();
        var today = clock.Today();
        var cases = await db.DevelopmentCases.AsNoTracking().Where(c => c.Status != CaseStatus.Cancelled && c.LastStep < 25).ToListAsync(ct);
        if (cases.Count == 0) return 0;
        var caseIds = cases.Select(c => c.Id).ToList();
        var memberIds = cases.Select(c => c.MemberId).ToList();
        var members = await db.Members.AsNoTracking().Where(m => memberIds.Contains(m.Id)).ToDictionaryAsync(m => m.Id, ct);
        var steps = (await db.DevelopmentSteps.AsNoTracking().Where(s => caseIds.Contains(s.CaseId)).ToListAsync(ct)).ToLookup(s => s.CaseId);
        var reviews = (await db.DevelopmentReviews.AsNoTracking().Where(r => caseIds.Contains(r.CaseId)).ToListAsync(ct)).ToLookup(r => r.CaseId);
        var units = await db.OrgUnits.AsNoTracking().ToDictionaryAsync(u => u.Path, ct);
        var roles = await db.RoleAssignments.AsNoTracking()
            .Join(db.OrgUnits, r => r.OrgUnitId, u => u.Id, (r, u) => new { r.UserId, r.Role, r.Scope, r.OrgUnitId, u.Path }).ToListAsync(ct);
        var rolesByUser = roles.GroupBy(r => r.UserId).ToDictionary(g => g.Key, g => g.Select(r => new ScopedRole(r.Role, r.Scope, r.OrgUnitId, r.Path)).ToList());
        var existing = (await db.Notifications.Where(n => n.DedupKey.StartsWith("dev:")).Select(n => new { n.DedupKey, n.UserId }).ToListAsync(ct))
            .Select(n => n.DedupKey + "|" + n.UserId).ToHashSet();

        var sent = 0;
        foreach (var c in cases)
        {
            if (!members.TryGetValue(c.MemberId, out var m)) continue;
            var chain = GetOrgUnit.AncestorPaths(m.OrgPath).Append(m.OrgPath).Where(units.ContainsKey).Select(p => units[p]).OrderBy(u => u.Depth).ToList();
            var l = new LoadedCase(c, m, steps[c.Id].ToList(), reviews[c.Id].ToList(), JointReviewRules.Levels(chain), o.JointReviewSteps.ToHashSet(), T);
            var link = $"/development/cases/{c.Id}";

            if (l.AwaitedLevel is { } level)
            {
                var step = l.Ordered.Last(s => !l.IsReturned(s.Id));
                var signers = rolesByUser.Where(u => JointReviewRules.CanSign(level, u.Value, u.Key, l.SignsOf(step.Id), T) is null).Select(u => u.Key);
                sent += Notify(signers, $"dev:review:{step.Id:N}:{level.Level}", T["Dev.Remind.ReviewTitle", m.Name, T.StepLabel(step.Step)],
                    T["Dev.Remind.ReviewBody", JointReviewRules.Name(level, T), JointReviewRules.Article], link);
                continue;
            }
            if (DevelopmentRules.NextDue(l.Facts, o) is not { } due) continue;
            var runners = roles.Where(r => Runners.Contains(r.Role) && m.OrgPath.StartsWith(r.Path, StringComparison.Ordinal)
                                           && r.Scope != DataScope.Self && (r.Scope != DataScope.OwnUnit || r.Path == m.OrgPath))
                .Select(r => r.UserId).Distinct();
            var label = T.StepLabel(due.Step);
            if (due.Earliest)
            {
                if (today >= due.Date)
                    sent += Notify(runners, $"dev:open:{c.Id:N}:{due.Step}:{ChinaTime.Format(due.Date)}", T["Dev.Remind.OpenTitle", m.Name, label],
                        T["Dev.Remind.OpenBody", ChinaTime.Format(due.Date), label], link);
            }
            else if (today > due.Date)
            {
                sent += Notify(runners, $"dev:overdue:{c.Id:N}:{due.Step}:{ChinaTime.Format(due.Date)}", T["Dev.Remind.OverdueTitle", m.Name, label],
                    T["Dev.Remind.OverdueBody", label, ChinaTime.Format(due.Date)], link);
            }
            else if (due.Date.DayNumber - today.DayNumber <= o.RemindDaysBefore)
            {
                sent += Notify(runners, $"dev:soon:{c.Id:N}:{due.Step}:{ChinaTime.Format(due.Date)}", T["Dev.Remind.SoonTitle", m.Name, label, ChinaTime.Format(due.Date)],
                    T["Dev.Remind.SoonBody", label, ChinaTime.Format(due.Date)], link);
            }
        }
        await db.SaveChangesAsync(ct);
        return sent;

        int Notify(IEnumerable<Guid> users, string key, string title, string body, string link)
        {
            var n = 0;
            foreach (var userId in users.Where(u => existing.Add(key + "|" + u)))
            {
                db.Notifications.Add(new Notification
                {
                    Id = Guid.CreateVersion7(clock.GetUtcNow()), UserId = userId, CreatedAt = clock.GetUtcNow(), Title = title, Body = body, Link = link,
                    DedupKey = key,
                });
                n++;
            }
            return n;
        }
    }
}
