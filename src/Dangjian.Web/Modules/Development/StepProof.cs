using System.Globalization;
using System.Text.Json;
using Dangjian.Web.Data;
using Dangjian.Web.Platform.Ledger;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;

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
internal sealed class DevelopmentLedgerAnchor(IStringLocalizer<DevelopmentText> T) : ILedgerAnchor
{
    public async Task<(long? Sequence, string Reason)?> FindMismatchAsync(AppDbContext db, CancellationToken ct)
    {
        var steps = await db.DevelopmentSteps.AsNoTracking().OrderBy(s => s.RecordedAt).ToListAsync(ct);
        var reviews = await db.DevelopmentReviews.AsNoTracking().OrderBy(r => r.SignedAt).ToListAsync(ct);
        return await CompareAsync(db, StepProof.Kind, p => JsonSerializer.Deserialize<StepProof>(p)!.Id,
                   steps.Select(s => (s.Id, StepProof.Of(s).ToPayload(), T.StepLabel(s.Step))), T["Dev.Proof.Anchor.Steps"], ct)
               ?? await CompareAsync(db, Review.ReviewProof.Kind, p => JsonSerializer.Deserialize<Review.ReviewProof>(p)!.Id,
                   reviews.Select(r => (r.Id, Review.ReviewProof.Of(r).ToPayload(), T["Dev.Proof.ReviewLabel", T.StepLabel(r.Step)].Value)), T["Dev.Proof.Anchor.Reviews"], ct);
    }

    private async Task<(long? Sequence, string Reason)?> CompareAsync(AppDbContext db, string kind, Func<string, Guid> idOf,
        IEnumerable<(Guid Id, string Payload, string Label)> rows, string what, CancellationToken ct)
    {
        var entries = await db.LedgerEntries.AsNoTracking().Where(e => e.Kind == kind).Select(e => new { e.Sequence, e.Payload }).ToListAsync(ct);
        var byId = entries.ToDictionary(e => idOf(e.Payload), e => (e.Sequence, e.Payload));
        foreach (var row in rows)
        {
            if (!byId.Remove(row.Id, out var entry))
                return (null, T["Dev.Proof.Anchor.NoEntry", row.Label]);
            if (!string.Equals(row.Payload, entry.Payload, StringComparison.Ordinal))
                return (entry.Sequence, T["Dev.Proof.Anchor.Changed", entry.Sequence, row.Label]);
        }
        if (byId.Count > 0)
        {
            var first = byId.Values.MinBy(v => v.Sequence);
            return (first.Sequence, T["Dev.Proof.Anchor.Deleted", first.Sequence, what]);
        }
        return null;
    }
}
