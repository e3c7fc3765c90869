using Dangjian.Web.Data;
using Dangjian.Web.Modules.Organizations;
using Dangjian.Web.Platform.Clock;
using Dangjian.Web.Platform.Jobs;
using Microsoft.Extensions.Localization;

namespace Dangjian.Web.Modules.Meetings.Compliance;

/// <summary>
/// 到期提醒: once a day, tells the people running each branch (and those above it) which required meetings of a period
/// closing soon are still to be held, once per branch, kind of meeting and period.
/// </summary>
internal sealed class ComplianceReminderJob(TimeProvider clock) : IJob
{
    public string Name => "compliance-reminders";
    public TimeSpan Interval => TimeSpan.FromHours(24);

    public async Task<string> RunAsync(IServiceProvider services, CancellationToken ct)
    {
        var sent = await EachTenant.RunAsync(services, sp => RunForTenantAsync(sp, ct), ct);
        return services.GetRequiredService<IStringLocalizer<MeetingsText>>()["Job.ComplianceReminders", sent];
    }

    private async Task<int> RunForTenantAsync(IServiceProvider sp, CancellationToken ct)
    {
        var db = sp.GetRequiredService<AppDbContext>();
        var T = sp.GetRequiredService<IStringLocalizer<MeetingsText>>();
        var slots = await sp.GetRequiredService<UnitCompliance>().DueSoonAsync(ct);
        var count = 0;
        foreach (var slot in slots)
        {
            var type = T["MeetingType." + slot.Type];
            count += await UnitResponsibles.NotifyOnceAsync(db, slot.UnitPath, $"compliance-due:{slot.OrgUnitId:N}:{slot.Type}:{slot.Period}",
                clock.GetUtcNow(), T["Compliance.ReminderTitle", slot.UnitName, type, ChinaTime.Format(slot.To)],
                T["Compliance.ReminderBody", slot.Period, type, slot.Required, slot.Held, slot.Article],
                $"/meetings/compliance?unit={slot.OrgUnitId}", ct);
        }
        await db.SaveChangesAsync(ct);
        return count;
    }
}
