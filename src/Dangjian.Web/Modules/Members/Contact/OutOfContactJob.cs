using Dangjian.Web.Data;
using Dangjian.Web.Modules.Organizations;
using Dangjian.Web.Platform.Clock;
using Dangjian.Web.Platform.Jobs;
using Microsoft.Extensions.Localization;
using Microsoft.Extensions.Options;

namespace Dangjian.Web.Modules.Members.Contact;

/// <summary>
/// 失联排查: once a day, derives who is out of contact in every tenant and tells the people running each unit which of
/// their members newly crossed the line, once per member and date.
/// </summary>
internal sealed class OutOfContactJob(TimeProvider clock) : IJob
{
    public string Name => "out-of-contact";
    public TimeSpan Interval => TimeSpan.FromHours(24);

    public async Task<string> RunAsync(IServiceProvider services, CancellationToken ct)
    {
        var flagged = await EachTenant.RunAsync(services, sp => RunForTenantAsync(sp, ct), ct);
        return services.GetRequiredService<IStringLocalizer<MembersText>>()["Job.OutOfContact", flagged];
    }

    private async Task<int> RunForTenantAsync(IServiceProvider sp, CancellationToken ct)
    {
        var db = sp.GetRequiredService<AppDbContext>();
        var T = sp.GetRequiredService<IStringLocalizer<MembersText>>();
        var months = sp.GetRequiredService<IOptions<ContactOptions>>().Value.Months;
        var newly = await ContactStatus.RefreshAsync(db, clock.Today(), months, null, ct);
        foreach (var unit in newly.GroupBy(n => (n.OrgUnitId, n.OrgPath)))
        {
            var count = unit.Count();
            var names = string.Join("、", unit.Take(10).Select(n => n.Name)) + (count > 10 ? T["Contact.NamesMore", count] : "");
            await UnitResponsibles.NotifyOnceAsync(db, unit.Key.OrgPath, $"out-of-contact:{unit.Key.OrgUnitId:N}:{ChinaTime.Format(clock.Today())}",
                clock.GetUtcNow(), T["Contact.NoticeTitle", count, months], T["Contact.NoticeBody", names, months, ContactArticles.Suspension],
                $"/members?unit={unit.Key.OrgUnitId}&outOfContact=true", ct);
        }
        await db.SaveChangesAsync(ct);
        return newly.Count;
    }
}
