using Dangjian.Web.Data;
using Dangjian.Web.Modules.Education.Contracts;
using Dangjian.Web.Modules.Education.Courses;
using Dangjian.Web.Modules.Education.Plans;
using Dangjian.Web.Modules.Education.Study.Archive;
using Dangjian.Web.Modules.Members;
using Dangjian.Web.Modules.Organizations;
using Dangjian.Web.Platform.Auth;
using Dangjian.Web.Platform.Clock;
using Dangjian.Web.Platform.Jobs;
using Dangjian.Web.Platform.Notifications;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using Microsoft.Extensions.Options;

namespace Dangjian.Web.Modules.Education.Study.Standing;

/// <summary>
/// 学习提醒, once a day: a member is told of each required course and required plan item due soon and not completed
/// (docs/rules/education.md#e-7), once per course; from the target season's month (the fourth quarter) a member below
/// the yearly target is told their hours and target, and each branch's secretary gets the list of the branch's members
/// below it, once a month (#e-6). Every notice carries a key, so a run repeated the same day or month sends nothing twice.
/// </summary>
internal sealed class StudyReminderJob(TimeProvider clock) : IJob
{
    public string Name => "education-reminders";
    public TimeSpan Interval => TimeSpan.FromHours(24);

    public async Task<string> RunAsync(IServiceProvider services, CancellationToken ct)
    {
        var sent = await EachTenant.RunAsync(services, sp => RunForTenantAsync(sp, ct), ct);
        return services.GetRequiredService<IStringLocalizer<StudyText>>()["Job.StudyReminders", sent];
    }

    private async Task<int> RunForTenantAsync(IServiceProvider sp, CancellationToken ct)
    {
        var db = sp.GetRequiredService<AppDbContext>();
        var T = sp.GetRequiredService<IStringLocalizer<StudyText>>();
        var o = sp.GetRequiredService<IOptions<StandingOptions>>().Value;
        var today = clock.Today();
        var now = clock.GetUtcNow();
        var notices = new List<Notification>();
        await DeadlinesAsync(sp, db, T, o, today, now, notices, ct);
        if (ReminderRules.InTargetSeason(today, o.TargetRemindersFromMonth)) await BelowTargetAsync(sp, db, T, today, now, notices, ct);

        var keys = notices.Select(n => n.DedupKey).Distinct().ToList();
        var already = new HashSet<(Guid, string)>();
        foreach (var chunk in keys.Chunk(500))
        {
            foreach (var n in await db.Notifications.AsNoTracking().Where(n => chunk.Contains(n.DedupKey)).Select(n => new { n.UserId, n.DedupKey }).ToListAsync(ct))
            {
                already.Add((n.UserId, n.DedupKey));
            }
        }
        var fresh = notices.Where(n => already.Add((n.UserId, n.DedupKey))).ToList();
        db.Notifications.AddRange(fresh);
        await db.SaveChangesAsync(ct);
        return fresh.Count;
    }

    /// <summary>Required courses and required plan items due soon, per member not yet done: one notice per member and course.</summary>
    private static async Task DeadlinesAsync(IServiceProvider sp, AppDbContext db, IStringLocalizer<StudyText> T, StandingOptions o, DateOnly today,
        DateTimeOffset now, List<Notification> notices, CancellationToken ct)
    {
        var last = today.AddDays(Math.Max(0, o.DueSoonDays - 1));
        var totals = sp.GetRequiredService<ArchiveTotals>();
        // (course, due) per member: the courses' own deadlines for their subtree, and the plans' items for their audience.
        var due = new Dictionary<(Guid Member, Guid Course), DateOnly>();
        var people = new Dictionary<Guid, (Guid? UserId, string Name)>();
        var courses = await db.Courses.AsNoTracking()
            .Where(c => c.Required && c.Status == CourseStatus.Published && c.DueOn != null && c.DueOn >= today && c.DueOn <= last)
            .Select(c => new { c.Id, c.OrgPath, DueOn = c.DueOn!.Value }).ToListAsync(ct);
        foreach (var c in courses.Where(c => ReminderRules.IsDueSoon(c.DueOn, today, o.DueSoonDays)))
        {
            foreach (var m in await totals.PartyMembers(c.OrgPath).Where(m => m.UserId != null).Select(m => new { m.Id, m.UserId, m.Name }).ToListAsync(ct))
            {
                due[(m.Id, c.Id)] = c.DueOn;
                people[m.Id] = (m.UserId, m.Name);
            }
        }
        var items = await (from i in db.StudyPlanItems.AsNoTracking()
                           join p in db.StudyPlans.AsNoTracking() on i.PlanId equals p.Id
                           join c in db.Courses.AsNoTracking() on i.CourseId equals c.Id
                           where i.Required && p.Year == today.Year && c.Status == CourseStatus.Published
                           select new { i.CourseId, DueOn = i.DueOn ?? c.DueOn, p.Audience, p.OrgPath }).ToListAsync(ct);
        var audiences = sp.GetRequiredService<PlanAudiences>();
        foreach (var i in items.Where(i => i.DueOn is { } d && ReminderRules.IsDueSoon(d, today, o.DueSoonDays)))
        {
            foreach (var m in await audiences.UnderAsync(i.Audience, i.OrgPath, today, ct))
            {
                var key = (m.Id, i.CourseId);
                if (!due.TryGetValue(key, out var d) || i.DueOn!.Value < d) due[key] = i.DueOn!.Value;
            }
        }
        if (due.Count == 0) return;

        var memberIds = due.Keys.Select(k => k.Member).Distinct().ToList();
        var courseIds = due.Keys.Select(k => k.Course).Distinct().ToList();
        var missing = memberIds.Where(id => !people.ContainsKey(id)).ToList();
        foreach (var chunk in missing.Chunk(500))
        {
            foreach (var m in await db.Members.AsNoTracking().Where(m => chunk.Contains(m.Id)).Select(m => new { m.Id, m.UserId, m.Name }).ToListAsync(ct))
            {
                people[m.Id] = (m.UserId, m.Name);
            }
        }
        var done = new HashSet<(Guid, Guid)>();
        foreach (var chunk in memberIds.Chunk(500))
        {
            var rows = await db.StudyProgress.AsNoTracking().Where(p => p.CompletedAt != null && chunk.Contains(p.MemberId) && courseIds.Contains(p.CourseId))
                .Select(p => new { p.MemberId, p.CourseId }).ToListAsync(ct);
            done.UnionWith(rows.Select(r => (r.MemberId, r.CourseId)));
        }
        var titles = await db.Courses.AsNoTracking().Where(c => courseIds.Contains(c.Id)).ToDictionaryAsync(c => c.Id, c => c.Title, ct);
        foreach (var ((memberId, courseId), dueOn) in due.Where(d => !done.Contains(d.Key)))
        {
            if (people.GetValueOrDefault(memberId).UserId is not { } userId) continue;
            notices.Add(Notice(userId, now, T["Reminder.DueTitle", titles[courseId], ChinaTime.Format(dueOn)],
                T["Reminder.DueBody", titles[courseId], ChinaTime.Format(dueOn), ReminderRules.DeadlineArticle],
                $"/education/courses/{courseId}", $"education-due:{courseId:N}:{memberId:N}"));
        }
    }

    /// <summary>Members below the yearly target, and the list of each branch's to its secretary: once a month in the season.</summary>
    private static async Task BelowTargetAsync(IServiceProvider sp, AppDbContext db, IStringLocalizer<StudyText> T, DateOnly today, DateTimeOffset now,
        List<Notification> notices, CancellationToken ct)
    {
        var month = ReminderRules.MonthKey(today);
        var below = (await sp.GetRequiredService<StudyStanding>().MembersAsync(null, today.Year, ct)).Where(m => m.BelowTarget).ToList();
        if (below.Count == 0) return;
        foreach (var m in below.Where(m => m.UserId is not null))
        {
            notices.Add(Notice(m.UserId!.Value, now, T["Reminder.TargetTitle", today.Year],
                T["Reminder.TargetBody", Hours(m.Hours), m.TargetHours, Hours(Math.Max(0, m.TargetHours - m.Hours)), m.Article],
                $"/education/archive?year={today.Year}", $"education-target:{m.MemberId:N}:{month}"));
        }
        // Each member's branch: the nearest unit of that kind at or above their unit (a 党小组's members are their branch's).
        var units = await db.OrgUnits.AsNoTracking().Where(u => u.DissolvedAt == null).Select(u => new { u.Id, u.Path, u.Kind, u.Name })
            .ToDictionaryAsync(u => u.Path, StringComparer.Ordinal, ct);
        var branches = below.GroupBy(m =>
        {
            var branch = GetOrgUnit.AncestorPaths(m.OrgPath).Append(m.OrgPath).Where(p => units.TryGetValue(p, out var u) && u.Kind == OrgUnitKind.Branch)
                .OrderByDescending(p => p.Length).FirstOrDefault();
            return branch ?? m.OrgPath;
        });
        foreach (var branch in branches)
        {
            if (!units.TryGetValue(branch.Key, out var unit)) continue;
            var list = string.Join(T["Reminder.ListSeparator"], branch.OrderBy(m => m.Hours).ThenBy(m => m.Name, StringComparer.Ordinal)
                .Select(m => T["Reminder.ListEntry", m.Name, Hours(m.Hours), m.TargetHours].Value));
            var body = T["Reminder.BranchBody", branch.Count(), list, ArchiveRules.MemberArticle].Value;
            if (body.Length > 2000) body = body[..1999] + "…";
            foreach (var userId in await UnitResponsibles.FindAsync(db, unit.Path, [AppRole.BranchSecretary], ct))
            {
                notices.Add(Notice(userId, now, T["Reminder.BranchTitle", unit.Name, today.Year], body,
                    $"/education/archive?unit={unit.Id}&year={today.Year}", $"education-target-list:{unit.Id:N}:{month}"));
            }
        }
    }

    private static Notification Notice(Guid userId, DateTimeOffset now, string title, string body, string link, string key) => new()
    {
        Id = Guid.CreateVersion7(now), UserId = userId, CreatedAt = now, Title = title.Length > 200 ? title[..200] : title, Body = body, Link = link, DedupKey = key,
    };

    private static string Hours(double h) => h.ToString("0.0", System.Globalization.CultureInfo.InvariantCulture);
}
