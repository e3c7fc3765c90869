using Dangjian.Web.Data;
using Dangjian.Web.Modules.Dues;
using Dangjian.Web.Modules.Organizations;
using Dangjian.Web.Modules.Organizations.Committees;
using Dangjian.Web.Platform.Clock;
using Dangjian.Web.Platform.Privacy;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace Dangjian.Web.Seeding;

/// <summary>
/// The demo tenant built on an empty database: a healthy group with a few weak spots (<see cref="DemoBranches"/>) — the
/// roll with plausible ages, the registry's mobile and out-of-contact members, the development pipeline, a term ending,
/// this year's organisational life and dues for every branch. Run in a scope; the tenant becomes the scope's tenant.
/// </summary>
public static class DemoTenant
{
    public static async Task<SeedResult> SeedAsync(IServiceProvider sp, string name, int members, CancellationToken ct = default)
    {
        var db = sp.GetRequiredService<AppDbContext>();
        var clock = sp.GetRequiredService<TimeProvider>();
        var result = await sp.GetRequiredService<TenantSeeder>().SeedAsync(new SeedPlan(name, members) { Demo = true }, ct);
        await RegistryDemo.SeedAsync(db, sp.GetRequiredService<PersonalDataProtector>(), clock, ct);
        await DevelopmentDemo.SeedAsync(db, clock, ct);
        await TermEndingAsync(db, clock, ct);
        await MeetingsDemo.SeedAsync(db, clock, ct);
        await DuesDemo.SeedAsync(db, clock, sp.GetRequiredService<IOptions<DuesOptions>>().Value, ct);
        await Education.EducationDemo.SeedAsync(db, clock, ct);
        await Assessment.AssessmentDemo.SeedAsync(sp, db, clock, ct);
        return result;
    }

    /// <summary>The committee of the weak spot's branch (or the next one with a committee) was elected three years ago less two months.</summary>
    private static async Task TermEndingAsync(AppDbContext db, TimeProvider clock, CancellationToken ct)
    {
        var today = clock.Today();
        var candidates = (await DemoBranches.LoadAsync(db, ct)).Skip(DemoBranches.TermEnding).Select(b => b.Id).ToList();
        var terms = await db.CommitteeTerms.Include(t => t.Members).Where(t => candidates.Contains(t.OrgUnitId)).ToListAsync(ct);
        var term = candidates.Select(id => terms.Where(t => t.OrgUnitId == id).MaxBy(t => t.Number)).FirstOrDefault(t => t is not null);
        if (term is null) return;
        term.StartOn = today.AddYears(-3).AddMonths(2);
        term.ElectedOn = term.StartOn;
        term.EndOn = TermRules.EndOn(term.StartOn, 3);
        foreach (var m in term.Members) m.ApprovedOn = term.StartOn.AddDays(12);
        var audit = db.AuditEnabled;
        db.AuditEnabled = false;
        try
        {
            await db.SaveChangesAsync(ct);
        }
        finally
        {
            db.AuditEnabled = audit;
        }
        db.ChangeTracker.Clear();
    }
}
