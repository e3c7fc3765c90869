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

/// <summary>Every stored step must match its ledger entry, and every entry must still have its step.</summary>
internal sealed class DevelopmentLedgerAnchor : ILedgerAnchor
{
    public async Task<(long? Sequence, string Reason)?> FindMismatchAsync(AppDbContext db, CancellationToken ct)
    {
        var entries = await db.LedgerEntries.AsNoTracking().Where(e => e.Kind == StepProof.Kind)
            .Select(e => new { e.Sequence, e.Payload }).ToListAsync(ct);
        var byId = new Dictionary<Guid, (long Sequence, string Payload)>();
        foreach (var e in entries)
        {
            var id = JsonSerializer.Deserialize<StepProof>(e.Payload)!.Id;
            byId[id] = (e.Sequence, e.Payload);
        }
        var rows = await db.DevelopmentSteps.AsNoTracking().OrderBy(s => s.RecordedAt).ToListAsync(ct);
        foreach (var row in rows)
        {
            if (!byId.Remove(row.Id, out var entry))
                return (null, $"发展党员步骤记录（{DevelopmentSteps.Label(row.Step)}）没有对应的存证记录，可能是绕过系统写入的");
            if (!string.Equals(StepProof.Of(row).ToPayload(), entry.Payload, StringComparison.Ordinal))
                return (entry.Sequence, $"第 {entry.Sequence} 条存证所记的{DevelopmentSteps.Label(row.Step)}与库中现存记录不符（记录被改动）");
        }
        if (byId.Count > 0)
        {
            var first = byId.Values.MinBy(v => v.Sequence);
            return (first.Sequence, $"第 {first.Sequence} 条存证记录的发展党员步骤已不在库中（记录被删除）");
        }
        return null;
    }
}
