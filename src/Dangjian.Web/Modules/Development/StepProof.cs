using System.Globalization;
using System.Text.Json;
using Dangjian.Web.Data;
using Dangjian.Web.Platform.Ledger;
using Microsoft.EntityFrameworkCore;

namespace Dangjian.Web.Modules.Development;

/// <summary>What the ledger keeps of a step: the row's content, serialised the same way every time.</summary>
public sealed record StepProof(Guid Id, Guid CaseId, int Step, string Date, string Data, string? Warnings)
{
    public const string Kind = "development.step";

    public static StepProof Of(DevelopmentStepRecord r) =>
        new(r.Id, r.CaseId, r.Step, r.Date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture), r.Data, r.Warnings);

    public string ToPayload() => JsonSerializer.Serialize(this);
}

/// <summary>Every stored step and sign-off must match its ledger entry, and every entry must still have its row.</summary>
internal sealed class DevelopmentLedgerAnchor : ILedgerAnchor
{
    public async Task<(long? Sequence, string Reason)?> FindMismatchAsync(AppDbContext db, CancellationToken ct)
    {
        var steps = await db.DevelopmentSteps.AsNoTracking().OrderBy(s => s.RecordedAt).ToListAsync(ct);
        var reviews = await db.DevelopmentReviews.AsNoTracking().OrderBy(r => r.SignedAt).ToListAsync(ct);
        return await CompareAsync(db, StepProof.Kind, p => JsonSerializer.Deserialize<StepProof>(p)!.Id,
                   steps.Select(s => (s.Id, StepProof.Of(s).ToPayload(), DevelopmentSteps.Label(s.Step))), "发展党员步骤", ct)
               ?? await CompareAsync(db, Review.ReviewProof.Kind, p => JsonSerializer.Deserialize<Review.ReviewProof>(p)!.Id,
                   reviews.Select(r => (r.Id, Review.ReviewProof.Of(r).ToPayload(), $"{DevelopmentSteps.Label(r.Step)}的联审签署")), "联审签署", ct);
    }

    private static async Task<(long? Sequence, string Reason)?> CompareAsync(AppDbContext db, string kind, Func<string, Guid> idOf,
        IEnumerable<(Guid Id, string Payload, string Label)> rows, string what, CancellationToken ct)
    {
        var entries = await db.LedgerEntries.AsNoTracking().Where(e => e.Kind == kind).Select(e => new { e.Sequence, e.Payload }).ToListAsync(ct);
        var byId = entries.ToDictionary(e => idOf(e.Payload), e => (e.Sequence, e.Payload));
        foreach (var row in rows)
        {
            if (!byId.Remove(row.Id, out var entry))
                return (null, $"{row.Label}没有对应的存证记录，可能是绕过系统写入的");
            if (!string.Equals(row.Payload, entry.Payload, StringComparison.Ordinal))
                return (entry.Sequence, $"第 {entry.Sequence} 条存证所记的{row.Label}与库中现存记录不符（记录被改动）");
        }
        if (byId.Count > 0)
        {
            var first = byId.Values.MinBy(v => v.Sequence);
            return (first.Sequence, $"第 {first.Sequence} 条存证记录的{what}已不在库中（记录被删除）");
        }
        return null;
    }
}
