using Dangjian.Web.Data;
using Dangjian.Web.Modules.Organizations;
using Dangjian.Web.Platform.Clock;
using Dangjian.Web.Platform.Jobs;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
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
        return services.GetRequiredService<IStringLocalizer<OrganizationsText>>()["Job.TermReminders", sent];
    }

    private async Task<int> RunForTenantAsync(IServiceProvider sp, CancellationToken ct)
    {
        var db = sp.GetRequiredService<AppDbContext>();
        var options = sp.GetRequiredService<IOptions<OrgRulesOptions>>().Value;
        var T = sp.GetRequiredService<IStringLocalizer<OrganizationsText>>();
        var today = clock.Today();
        var horizon = today.AddMonths(options.TermReminderMonths);

        // Current term of each unit = its newest; only those ending within the window and not yet reminded.
        var due = await db.CommitteeTerms
            .Where(t => t.EndOn <= horizon && (t.ReminderStage == null || (t.ReminderStage != "expired" && t.EndOn < today)))
            .Where(t => !db.Set<Dangjian.Web.Modules.Organizations.Committees.CommitteeTerm>().Any(n => n.OrgUnitId == t.OrgUnitId && n.StartOn > t.StartOn))
            .Join(db.OrgUnits, t => t.OrgUnitId, u => u.Id, (t, u) => new { Term = t, Unit = u })
            .ToListAsync(ct);

        var count = 0;
        foreach (var item in due)
        {
            var expired = item.Term.EndOn < today;
            var endText = ChinaTime.Format(item.Term.EndOn);
            var stage = expired ? "expired" : "expiring";
            count += await UnitResponsibles.NotifyOnceAsync(db, item.Unit.Path, $"term-{stage}:{item.Term.Id:N}:{endText}", clock.GetUtcNow(),
                expired ? T["Term.ExpiredTitle", item.Unit.Name] : T["Term.ExpiringTitle", item.Unit.Name, endText],
                expired ? T["Term.ExpiredBody", item.Term.Number, endText] : T["Term.ExpiringBody", item.Term.Number, endText, OrgArticles.TermReminder],
                $"/org/{item.Unit.Id}", ct);
            var tracked = await db.CommitteeTerms.FirstAsync(t => t.Id == item.Term.Id, ct);
            tracked.ReminderStage = stage;
            await db.SaveChangesAsync(ct);
        }
        return count;
    }
}
