using Dangjian.Web.Modules.Dues.Payments;
namespace Dangjian.Web.Modules.Dues;

/// <summary>Entity → DTO helpers shared by the dues use cases.</summary>
internal static class DuesMapping
{
    public static List<(DateOnly EffectiveMonth, DuesCategory Category, long BaseFen)> Facts(IEnumerable<DuesBase> bases) =>
        bases.Select(b => (b.EffectiveMonth, b.Category, b.BaseFen)).ToList();

    public static DuesBaseDto ToDto(DuesBase b, DuesOptions o)
    {
        var quote = DuesRules.Calculate(b.Category, b.BaseFen, o);
        return new DuesBaseDto(b.Id, DuesMonth.Format(b.EffectiveMonth), b.Category, b.BaseFen, quote.AmountFen, quote.Rate, quote.Rule, b.Note);
    }

    public static DuesPaid Paid(DuesPayment p) => new(p.PaidOn, p.AmountFen, p.VoluntaryFen);
}
