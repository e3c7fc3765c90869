using Dangjian.Web.Data;
using Dangjian.Web.Modules.Members;
using Dangjian.Web.Platform.Auth;
using Dangjian.Web.Platform.Clock;
using Dangjian.Web.Platform.Errors;
using Dangjian.Web.Platform.Input;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using Microsoft.Extensions.Options;

namespace Dangjian.Web.Modules.Dues.Payments;

/// <summary>
/// Records one month's dues paid by a member, under the rules of docs/rules/dues.md: only party members from the month of
/// the 支部大会 resolution (第八条); a month once; back-payment at most BackPaymentMonths and advance payment at most
/// AdvancePaymentMonths before or after the month the money was paid (第十二条; the advance limit is a local rule); at
/// least the month's computed amount (第二条–第六条); by proxy only with the member's consent (第十四条). A voluntary
/// extra of ¥1,000 or more is marked for the Centre (第十一条). Each payment is a "dues.paid" ledger entry.
/// </summary>
public sealed class RecordDuesPayment(AppDbContext db, MemberAccess access, Platform.Ledger.Ledger ledger, CurrentUser user, TimeProvider clock,
    IOptionsSnapshot<DuesOptions> options, IStringLocalizer<DuesText> T, InputCheck inputCheck)
{
    public async Task<Result<DuesPaymentDto>> HandleAsync(Guid memberId, RecordDuesPaymentRequest r, CancellationToken ct)
    {
        if (inputCheck.Check(r) is { } badText) return badText;
        var loaded = await access.LoadAsync(memberId, Permission.ManageMembers, ct);
        if (!loaded.IsSuccess) return loaded.Error!;
        var member = loaded.Value!;
        var o = options.Value;
        var today = clock.Today();

        var errors = new FieldErrors();
        var parsedMonth = errors.Take(DuesInput.Month(r.Month, "month", today.Year + 1, T));
        if (r.AmountFen is null) errors.Add(Error.Validation("amountFen", T["Dues.AmountRequired"]));
        else if (r.AmountFen <= 0) errors.Add(Error.Validation("amountFen", T["Dues.AmountNegative"]));
        if (r.VoluntaryFen < 0) errors.Add(Error.Validation("voluntaryFen", T["Dues.VoluntaryNegative"]));
        DateOnly? paidOn = null;
        if (string.IsNullOrWhiteSpace(r.PaidOn)) errors.Add(Error.Validation("paidOn", T["Dues.PaidOnRequired"]));
        else if (!DuesMonth.TryParseDay(r.PaidOn, out var day)) errors.Add(Error.Validation("paidOn", T["Dues.PaidOnInvalid"]));
        else if (day > today) errors.Add(Error.Validation("paidOn", T["Dues.PaidOnInFuture"]));
        else paidOn = day;
        var method = errors.Take(DuesInput.Method(r.Method, T));
        if (errors.ToError() is { } invalid) return invalid;

        var month = parsedMonth!.Value;
        var paid = paidOn!.Value;
        var amount = r.AmountFen!.Value;
        var voluntary = r.VoluntaryFen ?? 0;
        var consent = r.ProxyConsent == true;
        var label = DuesMonth.Format(month);

        if (await db.DuesPayments.AnyAsync(p => p.MemberId == member.Id && p.Month == month, ct))
        {
            return Error.Conflict("DUES_MONTH_PAID", T["Dues.MonthAlreadyPaid", label]);
        }

        var payer = DuesPayer.Of(member.Category, member.JoinedOn, member.DuesSettledUntil);
        if (!payer.IsPartyMember) return Error.Rule("DUES_NOT_PARTY_MEMBER", T["Dues.NotPartyMember"], DuesArticles.Probationary);
        if (!payer.IsBillable(month))
        {
            return Error.Rule("DUES_BEFORE_FIRST_MONTH", T["Dues.BeforeFirstBill", label, DuesMonth.Format(payer.FirstBillMonth!.Value)], DuesArticles.Probationary);
        }
        if (payer.IsSettledElsewhere(month))
        {
            // 第九条: dues go to the branch that holds the membership relation — for these months, the former organisation.
            return Error.Conflict("DUES_SETTLED_ELSEWHERE", T["Dues.SettledElsewhere", label, DuesMonth.Format(payer.SettledUntil!.Value)], DuesArticles.WherePaid);
        }

        // The windows are counted from the month the money was paid: a payment made in time stays valid when it is entered later.
        if (DuesMonth.Index(month) < DuesMonth.Index(paid) && !DuesRules.IsBackPaymentAllowed(month, paid, o))
        {
            return Error.Rule("DUES_BACK_PAYMENT_TOO_OLD", T["Dues.BackPaymentTooOld", label, o.BackPaymentMonths], DuesArticles.BackPayment);
        }
        if (DuesMonth.Index(month) > DuesMonth.Index(paid) && !DuesRules.IsAdvanceAllowed(month, paid, o))
        {
            return Error.Rule("DUES_ADVANCE_TOO_FAR", T["Dues.AdvanceTooFar", label, o.AdvancePaymentMonths], DuesArticles.BackPayment);
        }

        var bases = DuesMapping.Facts(await db.DuesBases.AsNoTracking().Where(b => b.MemberId == member.Id).ToListAsync(ct));
        if (DuesBilling.InForce(month, bases) is not { } inForce) return Error.Rule("DUES_NO_BASE", T["Dues.NoBase", label], DuesArticles.Base);
        var quote = DuesRules.Calculate(inForce.Category, inForce.BaseFen, o);
        if (amount < quote.AmountFen)
        {
            return Error.Rule("DUES_AMOUNT_TOO_LOW", T["Dues.AmountBelowDue", label, DuesFormat.Yuan(quote.AmountFen), DuesFormat.Yuan(amount)], quote.Rule);
        }
        if (method == DuesPaymentMethod.Proxy && !consent)
        {
            return Error.Rule("DUES_PROXY_WITHOUT_CONSENT", T["Dues.ProxyWithoutConsent"], DuesArticles.NoProxyWithoutConsent);
        }

        var now = clock.GetUtcNow();
        var payment = new DuesPayment
        {
            Id = Guid.CreateVersion7(now), MemberId = member.Id, OrgUnitId = member.OrgUnitId, OrgPath = member.OrgPath, Month = month,
            AmountFen = amount, VoluntaryFen = voluntary, PaidOn = paid, Method = method!.Value, ProxyConsent = consent,
            ToCentre = DuesRules.GoesToCentre(voluntary, o), RecordedByUserId = user.IsAuthenticated ? user.UserId : null, CreatedAt = now,
        };
        db.DuesPayments.Add(payment);
        ledger.Append("dues.paid", member.Id.ToString(), new
        {
            MemberId = member.Id, Month = label, payment.AmountFen, payment.VoluntaryFen, payment.ToCentre, Method = payment.Method.ToString(),
            PaidOn = ChinaTime.Format(payment.PaidOn),
        });
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateException)
        {
            // The same month recorded at the same moment by someone else: the unique index refused this one.
            if (await db.DuesPayments.AsNoTracking().AnyAsync(p => p.MemberId == member.Id && p.Month == month, ct))
            {
                return Error.Conflict("DUES_MONTH_PAID", T["Dues.MonthAlreadyPaid", label]);
            }
            throw;
        }

        var status = DuesBilling.Bill(month, payer, bases, DuesMapping.Paid(payment), today, o).Status;
        return ToDto(payment, status);
    }

    internal static DuesPaymentDto ToDto(DuesPayment p, string status) =>
        new(p.Id, p.MemberId, DuesMonth.Format(p.Month), p.AmountFen, p.VoluntaryFen, p.PaidOn, p.Method, p.ProxyConsent, p.ToCentre, status);
}
