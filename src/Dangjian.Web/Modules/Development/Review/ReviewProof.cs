using System.Text.Json;

namespace Dangjian.Web.Modules.Development.Review;

/// <summary>What the ledger keeps of a sign-off.</summary>
public sealed record ReviewProof(Guid Id, Guid CaseId, Guid StepRecordId, int Step, string Level, Guid UnitId, string Decision, string? Reason,
    Guid SignedByUserId, string SignedBy)
{
    public const string Kind = "development.review";

    public static ReviewProof Of(DevelopmentReview r) =>
        new(r.Id, r.CaseId, r.StepRecordId, r.Step, r.Level.ToString(), r.UnitId, r.Decision.ToString(), r.Reason, r.SignedByUserId, r.SignedBy);

    public string ToPayload() => JsonSerializer.Serialize(this);
}
