using Dangjian.Web.Data;
using Dangjian.Web.Modules.Dues.Contracts;
using Dangjian.Web.Modules.Education.Contracts;
using Dangjian.Web.Modules.Meetings.Contracts;
using Dangjian.Web.Modules.Organizations;
using Dangjian.Web.Platform.Clock;
using Dangjian.Web.Platform.Jobs;
using Dangjian.Web.Platform.Notifications;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using Microsoft.Extensions.Options;

namespace Dangjian.Web.Modules.Assessment.CheckUps;

/// <summary>
/// 预警, once a day: reads the facts of every party member of a tenant (absences in a row, dues arrears, study far below
/// target, the last closed quarter's check-up, reviews of 需谈心谈话) and raises the warnings <see cref="WarningRules"/>
/// calls for (docs/rules/points-and-assessment.md#pa-11). A member has at most one open warning of a kind and the same
/// evidence raises one warning ever (unique indexes), so a run repeated raises nothing; each new warning tells the people
/// running the member's unit in their inbox, with a link to it. All of a tenant's new warnings and notices are one save.
/// </summary>
internal sealed class CheckUpWarningsJob(TimeProvider clock) : IJob
{
    public string Name => "checkup-warnings";
    public TimeSpan Interval => TimeSpan.FromHours(24);

    public async Task<string> RunAsync(IServiceProvider services, CancellationToken ct)
    {
        var raised = await EachTenant.RunAsync(services, sp => sp.GetRequiredService<WarningRaiser>().RaiseAsync(clock, ct), ct);
        return services.GetRequiredService<IStringLocalizer<CheckUpsText>>()["Job.Warnings", raised];
    }
}

/// <summary>The job's work for the current tenant, also run by the demo: the warnings the records call for, raised once.</summary>
public sealed class WarningRaiser(AppDbContext db, AbsenceStreaks absences, DuesLatestMonths dues, StudyStanding study,
    IOptions<CheckUpsOptions> options, IStringLocalizer<CheckUpsText> T)
{
    public async Task<int> RaiseAsync(TimeProvider clock, CancellationToken ct)
    {
        var o = options.Value;
        var today = clock.Today();
        var now = clock.GetUtcNow();
        var people = await CheckUpsAccess.PartyMembers(db)
            .Select(m => new Person(m.Id, m.Name, m.OrgUnitId, m.OrgPath, m.JoinedOn)).ToDictionaryAsync(m => m.Id, ct);
        if (people.Count == 0) return 0;
        var candidates = new List<(Guid Member, WarningKind Kind, string Basis, string Evidence, int? Number)>();

        var from = today.AddMonths(-Math.Max(1, o.AbsenceLookbackMonths));
        foreach (var s in await absences.AtLeastAsync(from.Year * 100 + from.Month, Math.Max(1, o.AbsenceStreak), ct))
        {
            if (!WarningRules.Absences(s.Count, o.AbsenceStreak)) continue;
            var since = WarningRules.DayBasis(ChinaTime.Date(s.Since));
            candidates.Add((s.MemberId, WarningKind.Absences, since, since, s.Count));
        }

        foreach (var (memberId, last) in await dues.ForAsync(null, ct))
        {
            var months = WarningRules.ArrearsMonths(last, today);
            if (!WarningRules.Arrears(months, o.ArrearsMonths)) continue;
            var basis = WarningRules.MonthBasis(last);
            candidates.Add((memberId, WarningKind.DuesArrears, basis, basis, months));
        }

        foreach (var m in (await study.MembersAsync(null, today.Year, ct)).Where(m => m.FarBelow))
        {
            var hours = m.Hours.ToString("0.0", System.Globalization.CultureInfo.InvariantCulture);
            var target = m.ProRatedTarget.ToString("0.0", System.Globalization.CultureInfo.InvariantCulture);
            candidates.Add((m.MemberId, WarningKind.StudyFarBelow, today.Year.ToString(System.Globalization.CultureInfo.InvariantCulture),
                $"{hours} / {target}", today.Year));
        }

        var (year, quarter) = CheckUpWindowRule.LastClosed(today, o.GraceDays);
        var lastDay = CheckUpWindowRule.LastDay(year, quarter);
        var quarterBasis = WarningRules.QuarterBasis(year, quarter);
        var submitted = (await db.CheckUps.AsNoTracking().Where(c => c.Year == year && c.Quarter == quarter && c.SubmittedAt != null)
            .Select(c => c.MemberId).ToListAsync(ct)).ToHashSet();
        foreach (var p in people.Values.Where(p => WarningRules.CheckUpMissing(submitted.Contains(p.Id), p.JoinedOn, lastDay)))
        {
            candidates.Add((p.Id, WarningKind.CheckUpMissing, quarterBasis, quarterBasis, null));
        }

        foreach (var c in await db.CheckUps.AsNoTracking().Where(c => c.Result == CheckUpResult.Talk && c.Year >= today.Year - 1)
                     .Select(c => new { c.MemberId, c.Year, c.Quarter, c.Result }).ToListAsync(ct))
        {
            if (!WarningRules.Review(c.Result)) continue;
            var basis = WarningRules.QuarterBasis(c.Year, c.Quarter);
            candidates.Add((c.MemberId, WarningKind.ReviewTalk, basis, basis, null));
        }

        var existing = await db.EarlyWarnings.AsNoTracking().Select(w => new { w.MemberId, w.Kind, w.Basis, w.Status }).ToListAsync(ct);
        var open = existing.Where(w => w.Status == WarningStatus.Open).Select(w => (w.MemberId, w.Kind)).ToHashSet();
        var seen = existing.Select(w => (w.MemberId, w.Kind, w.Basis)).ToHashSet();
        var responsibles = new Dictionary<string, List<Guid>>(StringComparer.Ordinal);
        var count = 0;
        foreach (var c in candidates)
        {
            if (!people.TryGetValue(c.Member, out var p) || open.Contains((c.Member, c.Kind)) || !seen.Add((c.Member, c.Kind, c.Basis))) continue;
            open.Add((c.Member, c.Kind));
            var w = new EarlyWarning
            {
                Id = Guid.CreateVersion7(now), MemberId = p.Id, MemberName = CheckUpsAccess.Trim(p.Name, 100), OrgUnitId = p.OrgUnitId, OrgPath = p.OrgPath,
                Kind = c.Kind, Basis = c.Basis, Evidence = c.Evidence, EvidenceNumber = c.Number, RaisedAt = now, Status = WarningStatus.Open,
            };
            db.EarlyWarnings.Add(w);
            if (!responsibles.TryGetValue(p.OrgPath, out var users))
                responsibles[p.OrgPath] = users = await UnitResponsibles.FindAsync(db, p.OrgPath, UnitResponsibles.Organisers, ct);
            var kind = T["Warning.Kind." + c.Kind].Value;
            var title = CheckUpsAccess.Trim(T["Notice.Title", p.Name, kind], 200);
            var body = T["Notice.Body", p.Name, kind, CheckUpSummary.Evidence(WarningDto.Of(w), T), WarningRules.Article].Value;
            // A new warning's key is new: its notices cannot have been sent before.
            foreach (var userId in users)
            {
                db.Notifications.Add(new Notification
                {
                    Id = Guid.CreateVersion7(now), UserId = userId, CreatedAt = now, Title = title, Body = body, DedupKey = $"checkup-warning:{w.Id:N}",
                    Link = $"/assessment/checkups?unit={p.OrgUnitId}&warning={w.Id}",
                });
            }
            count++;
        }
        if (count > 0) await db.SaveChangesAsync(ct);
        return count;
    }

    private sealed record Person(Guid Id, string Name, Guid OrgUnitId, string OrgPath, DateOnly? JoinedOn);
}
