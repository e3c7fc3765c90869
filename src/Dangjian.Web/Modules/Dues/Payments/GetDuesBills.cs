using Dangjian.Web.Platform;
using Dangjian.Web.Modules.Organizations;
using Microsoft.Extensions.Localization;
using Dangjian.Web.Data;
using Dangjian.Web.Modules.Members;
using Dangjian.Web.Platform.Auth;
using Dangjian.Web.Platform.Clock;
using Dangjian.Web.Platform.Errors;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace Dangjian.Web.Modules.Dues.Payments;

/// <summary>
/// A member's twelve monthly bills of a year: the amount from the base in force each month (DuesRules), and whether
/// it was paid in time, paid late, is unpaid, exempt, not yet due, or lacks a base. The person may read their own.
/// </summary>
[ModuleContract]
public sealed class GetDuesBills(AppDbContext db, MemberAccess access, TimeProvider clock, IOptionsSnapshot<DuesOptions> options, IStringLocalizer<DuesText> T)
{
    public async Task<Result<DuesBillsDto>> HandleAsync(Guid memberId, string? year, CancellationToken ct)
    {
        var loaded = await access.LoadAsync(memberId, Permission.ViewMembers, ct);
        if (!loaded.IsSuccess) return loaded.Error!;
        var member = loaded.Value!;
        var today = clock.Today();
        var parsedYear = DuesInput.Year(year, today.Year, T);
        if (!parsedYear.IsSuccess) return parsedYear.Error!;
        var y = parsedYear.Value;

        var o = options.Value;
        var bases = await db.DuesBases.AsNoTracking().Where(b => b.MemberId == member.Id).OrderBy(b => b.EffectiveMonth).ToListAsync(ct);
        var from = new DateOnly(y, 1, 1);
        var to = new DateOnly(y, 12, 1);
        var payments = await db.DuesPayments.AsNoTracking()
            .Where(p => p.MemberId == member.Id && p.Month >= from && p.Month <= to)
            .ToDictionaryAsync(p => p.Month, ct);

        var facts = DuesMapping.Facts(bases);
        var payer = DuesPayer.Of(member.Category, member.JoinedOn, member.DuesSettledUntil);
        var bills = new List<DuesBillDto>(12);
        for (var m = from; m <= to; m = m.AddMonths(1))
        {
            var payment = payments.GetValueOrDefault(m);
            var bill = DuesBilling.Bill(m, payer, facts, payment is null ? null : DuesMapping.Paid(payment), today, o);
            bills.Add(new DuesBillDto(DuesMonth.Format(m), bill.AmountFen, bill.Status, payment?.PaidOn, payment?.AmountFen,
                payment?.VoluntaryFen ?? 0, payment?.ToCentre ?? false, payment?.Method));
        }

        var unitName = await db.OrgUnits.AsNoTracking().IgnoreQueryFilters([AppDbContext.SoftDeleteFilter])
            .Where(u => u.Id == member.OrgUnitId).Select(u => u.Name).FirstOrDefaultAsync(ct) ?? "";
        return new DuesBillsDto(
            member.Id, member.Name, member.OrgUnitId, unitName, member.Category, y, payer.IsPartyMember,
            payer.IsPartyMember && payer.FirstBillMonth is { } first ? DuesMonth.Format(first) : null,
            bases.Select(b => DuesMapping.ToDto(b, o)).ToList(),
            bills,
            BilledFen: bills.Where(b => DuesBillStatus.IsBilled(b.Status)).Sum(b => b.AmountFen),
            PaidFen: payments.Values.Sum(p => p.AmountFen),
            VoluntaryFen: payments.Values.Sum(p => p.VoluntaryFen),
            SettledElsewhereUntil: payer.SettledUntil is { } settled ? DuesMonth.Format(settled) : null);
    }
}
