using System.ComponentModel.DataAnnotations;
using Dangjian.Web.Platform.Input;

namespace Dangjian.Web.Modules.Assessment.CheckUps;

/// <summary>A check-up as its member and the reviewer read it; <see cref="Result"/> is Good | Attention | Talk once reviewed.</summary>
public sealed record CheckUpDto(Guid Id, Guid MemberId, string MemberName, Guid OrgUnitId, int Year, int Quarter, string? Ideals, string? Discipline,
    string? Conduct, string? Role, string? Measures, DateTimeOffset? SubmittedAt, string? Result, string? ReviewComment, string? ReviewedBy,
    DateTimeOffset? ReviewedAt)
{
    public static CheckUpDto Of(CheckUp c) => new(c.Id, c.MemberId, c.MemberName, c.OrgUnitId, c.Year, c.Quarter, c.Ideals, c.Discipline, c.Conduct,
        c.Role, c.Measures, c.SubmittedAt, c.Result?.ToString(), c.ReviewComment, c.ReviewedBy, c.ReviewedAt);
}

/// <summary>One quarter on the member's own page: its window (NotYetOpen | Open | Closed) and the check-up, if any.</summary>
public sealed record MyQuarterDto(int Year, int Quarter, string Window, DateOnly OpensOn, DateOnly ClosesOn, CheckUpDto? CheckUp);

/// <summary>The five parts of the self-analysis; <c>submit</c> true makes it final (a draft otherwise).</summary>
public sealed record SaveCheckUpRequest(
    [MaxLength(CheckUpConfiguration.PartLength), MultiLine] string? Ideals,
    [MaxLength(CheckUpConfiguration.PartLength), MultiLine] string? Discipline,
    [MaxLength(CheckUpConfiguration.PartLength), MultiLine] string? Conduct,
    [MaxLength(CheckUpConfiguration.PartLength), MultiLine] string? Role,
    [MaxLength(CheckUpConfiguration.PartLength), MultiLine] string? Measures,
    bool? Submit);

/// <summary>The secretary's review: result Good | Attention | Talk and a comment.</summary>
public sealed record ReviewCheckUpRequest([MaxLength(40)] string? Result, [MaxLength(1000), MultiLine] string? Comment);

/// <summary>A warning as the secretary reads it; the evidence is <see cref="Evidence"/> and <see cref="EvidenceNumber"/>, worded by the reader's language.</summary>
public sealed record WarningDto(Guid Id, Guid MemberId, string MemberName, Guid OrgUnitId, string Kind, DateTimeOffset RaisedAt, string Evidence,
    int? EvidenceNumber, string Status, string? Measure, string? Note, string? HandledBy, DateTimeOffset? HandledAt)
{
    public static WarningDto Of(EarlyWarning w) => new(w.Id, w.MemberId, w.MemberName, w.OrgUnitId, w.Kind.ToString(), w.RaisedAt, w.Evidence,
        w.EvidenceNumber, w.Status.ToString(), w.Measure?.ToString(), w.Note, w.HandledBy, w.HandledAt);
}

/// <summary>Handling a warning: measure HeartToHeartTalk | CriticismEducation | RectifyByDeadline | Other, and a note (both required).</summary>
public sealed record HandleWarningRequest([MaxLength(40)] string? Measure, [MaxLength(1000), MultiLine] string? Note);

/// <summary>Dismissing a warning: the reason (required).</summary>
public sealed record DismissWarningRequest([MaxLength(1000), MultiLine] string? Reason);

/// <summary>Warnings of one kind raised in the period, by what became of them.</summary>
public sealed record WarningKindCount(string Kind, int Raised, int Open, int Handled, int Dismissed);

/// <summary>
/// A unit's check-ups of a quarter (or of a year when no quarter is asked): submitted of due, reviewed; the warnings raised
/// in the same period, by kind, and the handling rate (docs/rules/points-and-assessment.md#pa-12; null with nothing to handle).
/// </summary>
public sealed record CheckUpSummaryDto(Guid OrgUnitId, string UnitName, int Year, int? Quarter, int Due, int Submitted, int Reviewed, int Raised,
    int Open, int Handled, int Dismissed, decimal? Rate, IReadOnlyList<WarningKindCount> ByKind);
