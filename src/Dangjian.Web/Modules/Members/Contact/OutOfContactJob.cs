using Dangjian.Web.Data;
using Dangjian.Web.Modules.Organizations;
using Dangjian.Web.Platform.Clock;
using Dangjian.Web.Platform.Jobs;
using Dangjian.Web.Platform.Notifications;
using Microsoft.EntityFrameworkCore;
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
        return $"新增失联党员 {flagged} 名";
    }

    private async Task<int> RunForTenantAsync(IServiceProvider sp, CancellationToken ct)
    {
        var db = sp.GetRequiredService<AppDbContext>();
        var months = sp.GetRequiredService<IOptions<ContactOptions>>().Value.Months;
        var newly = await ContactStatus.RefreshAsync(db, clock.Today(), months, null, ct);
        foreach (var unit in newly.GroupBy(n => (n.OrgUnitId, n.OrgPath)))
        {
            var users = await UnitResponsibles.FindAsync(db, unit.Key.OrgPath, UnitResponsibles.Organisers, ct);
            var names = string.Join("、", unit.Take(10).Select(n => n.Name)) + (unit.Count() > 10 ? $"等 {unit.Count()} 人" : "");
            var key = $"out-of-contact:{unit.Key.OrgUnitId:N}:{ChinaTime.Format(clock.Today())}";
            var already = await db.Notifications.Where(n => n.DedupKey == key).Select(n => n.UserId).ToListAsync(ct);
            foreach (var userId in users.Except(already))
            {
                db.Notifications.Add(new Notification
                {
                    Id = Guid.CreateVersion7(clock.GetUtcNow()), UserId = userId, CreatedAt = clock.GetUtcNow(),
                    Title = $"{unit.Count()} 名党员已失联满 {months} 个月",
                    Body = $"{names}：{months} 个月以来没有交纳党费、参加组织生活或联系上的记录。请尽快查找并登记跟进情况；" +
                           $"经多方查找仍无音讯的，由党组织按规定研究处理（{ContactArticles.Suspension}），系统不会自动处理。",
                    Link = $"/members?unit={unit.Key.OrgUnitId}&outOfContact=true",
                    DedupKey = key,
                });
            }
        }
        await db.SaveChangesAsync(ct);
        return newly.Count;
    }
}
