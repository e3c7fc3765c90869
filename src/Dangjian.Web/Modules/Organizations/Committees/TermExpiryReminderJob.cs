using Dangjian.Web.Data;
using Dangjian.Web.Modules.Organizations;
using Dangjian.Web.Platform.Clock;
using Dangjian.Web.Platform.Jobs;
using Dangjian.Web.Platform.Notifications;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace Dangjian.Web.Modules.Organizations.Committees;

/// <summary>
/// 届满提醒: for each current term that ends within the reminder window (6 months) or has ended, tells the people
/// who run the unit or an ancestor (admins, party-affairs workers, secretaries, organisation commissioners) once.
/// </summary>
internal sealed class TermExpiryReminderJob(TimeProvider clock) : IJob
{
    public string Name => "term-expiry-reminders";
    public TimeSpan Interval => TimeSpan.FromHours(6);

    public async Task<string> RunAsync(IServiceProvider services, CancellationToken ct)
    {
        var sent = await EachTenant.RunAsync(services, sp => RunForTenantAsync(sp, ct), ct);
        return $"发送届满提醒 {sent} 条";
    }

    private async Task<int> RunForTenantAsync(IServiceProvider sp, CancellationToken ct)
    {
        var db = sp.GetRequiredService<AppDbContext>();
        var options = sp.GetRequiredService<IOptions<OrgRulesOptions>>().Value;
        var today = clock.Today();
        var horizon = today.AddMonths(options.TermReminderMonths);

        // Current term of each unit = its newest; only those ending within the window and not yet reminded.
        var due = await db.CommitteeTerms
            .Where(t => t.EndOn <= horizon && (t.ReminderStage == null || (t.ReminderStage != "expired" && t.EndOn < today)))
            .Where(t => !db.CommitteeTerms.Any(n => n.OrgUnitId == t.OrgUnitId && n.StartOn > t.StartOn))
            .Join(db.OrgUnits, t => t.OrgUnitId, u => u.Id, (t, u) => new { Term = t, Unit = u })
            .ToListAsync(ct);

        var count = 0;
        foreach (var item in due)
        {
            var users = await UnitResponsibles.FindAsync(db, item.Unit.Path, UnitResponsibles.Organisers, ct);

            var expired = item.Term.EndOn < today;
            var endText = ChinaTime.Format(item.Term.EndOn);
            var stage = expired ? "expired" : "expiring";
            var key = $"term-{stage}:{item.Term.Id:N}:{endText}";
            var already = await db.Notifications.Where(n => n.DedupKey == key).Select(n => n.UserId).ToListAsync(ct);
            foreach (var userId in users.Except(already))
            {
                db.Notifications.Add(new Notification
                {
                    Id = Guid.CreateVersion7(clock.GetUtcNow()),
                    UserId = userId,
                    CreatedAt = clock.GetUtcNow(),
                    Title = expired ? $"{item.Unit.Name}任期已届满" : $"{item.Unit.Name}任期将于{endText}届满",
                    Body = expired
                        ? $"第{item.Term.Number}届委员会任期已于{endText}届满，应按期换届；确需延期须经上级批准，延期不超过1年（《中国共产党基层组织选举工作条例》第三条）。"
                        : $"第{item.Term.Number}届委员会任期将于{endText}届满，请提前做好换届准备（{OrgArticles.TermReminder}）。",
                    Link = $"/org/{item.Unit.Id}",
                    DedupKey = key,
                });
                count++;
            }
            var tracked = await db.CommitteeTerms.FirstAsync(t => t.Id == item.Term.Id, ct);
            tracked.ReminderStage = stage;
            await db.SaveChangesAsync(ct);
        }
        return count;
    }
}
