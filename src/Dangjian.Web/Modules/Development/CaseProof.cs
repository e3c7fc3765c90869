using Dangjian.Web.Data;
using Dangjian.Web.Platform.Auth;
using Dangjian.Web.Platform.Errors;
using Dangjian.Web.Platform.Ledger;
using Microsoft.EntityFrameworkCore;

namespace Dangjian.Web.Modules.Development;

public sealed record ProofEntry(long Sequence, DateTimeOffset At, string Kind, string SubjectId, string Payload, string PreviousHash, string Hash,
    bool HashValid, bool RowMatches);

/// <summary>
/// What an outsider needs to check a case offline: every ledger entry of the case with its fields, how the hash is
/// formed, whether each entry's hash recomputes and whether the stored step still says what the entry says.
/// </summary>
public sealed record CaseProofDto(Guid CaseId, Guid TenantId, string Algorithm, string CanonicalForm, IReadOnlyList<ProofEntry> Entries,
    int RecordsStored, bool Valid, string? Problem);

public sealed class CaseProof(AppDbContext db, CaseAccess access, Microsoft.Extensions.Localization.IStringLocalizer<DevelopmentText> T)
{
    public const string Algorithm = "SHA-256, lower-case hex, over the UTF-8 bytes of the canonical form";

    public const string CanonicalForm =
        "tenantId (32 hex digits, no dashes) \\n sequence \\n at (UTC, yyyy-MM-ddTHH:mm:ss.ffffffZ) \\n kind \\n subjectId \\n payload \\n previousHash; " +
        "the first entry's previousHash is 64 zeros; each entry's previousHash is the hash of the entry before it in the tenant's chain";

    public async Task<Result<CaseProofDto>> HandleAsync(Guid caseId, CancellationToken ct)
    {
        var loaded = await access.LoadAsync(caseId, Permission.ViewMembers, ct);
        if (!loaded.IsSuccess) return loaded.Error!;
        var subject = caseId.ToString();
        var entries = await db.LedgerEntries.AsNoTracking().Where(e => e.SubjectId == subject).OrderBy(e => e.Sequence).ToListAsync(ct);
        var rows = loaded.Value!.Steps.ToDictionary(s => s.Id, s => (Payload: StepProof.Of(s).ToPayload(), Label: T.StepLabel(s.Step)));
        foreach (var review in loaded.Value.Reviews)
            rows[review.Id] = (Review.ReviewProof.Of(review).ToPayload(), T["Dev.Proof.ReviewLabel", T.StepLabel(review.Step)].Value);
        var proof = new List<ProofEntry>();
        string? problem = null;
        var matched = new HashSet<Guid>();
        foreach (var e in entries)
        {
            var hashValid = string.Equals(LedgerHash.Compute(e), e.Hash, StringComparison.Ordinal);
            var rowMatches = true;
            Guid? id = e.Kind switch
            {
                StepProof.Kind => System.Text.Json.JsonSerializer.Deserialize<StepProof>(e.Payload)!.Id,
                Review.ReviewProof.Kind => System.Text.Json.JsonSerializer.Deserialize<Review.ReviewProof>(e.Payload)!.Id,
                _ => null,
            };
            if (id is { } rowId)
            {
                rowMatches = rows.TryGetValue(rowId, out var row) && row.Payload == e.Payload;
                if (rowMatches) matched.Add(rowId);
            }
            if (!hashValid) problem ??= T["Dev.Proof.HashMismatch", e.Sequence];
            if (!rowMatches) problem ??= T["Dev.Proof.RowMismatch", e.Sequence];
            proof.Add(new ProofEntry(e.Sequence, e.At, e.Kind, e.SubjectId, e.Payload, e.PreviousHash, e.Hash, hashValid, rowMatches));
        }
        if (rows.Keys.FirstOrDefault(id => !matched.Contains(id)) is var unmatched && unmatched != Guid.Empty)
            problem ??= T["Dev.Proof.Unmatched", rows[unmatched].Label];
        return new CaseProofDto(caseId, loaded.Value!.Case.TenantId, Algorithm, CanonicalForm, proof, rows.Count, problem is null, problem);
    }
}
