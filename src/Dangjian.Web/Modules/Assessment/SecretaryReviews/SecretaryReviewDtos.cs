using System.ComponentModel.DataAnnotations;
using Dangjian.Web.Platform.Input;

namespace Dangjian.Web.Modules.Assessment.SecretaryReviews;

public sealed record CreateSecretaryReviewRequest(Guid? OrgUnitId, int? Year, [MaxLength(200)] string? Title, DateTimeOffset? OpensAt, DateTimeOffset? ClosesAt);

public sealed record SecretaryReportRequest([MultiLine, MaxLength(8000)] string? Report, [MultiLine, MaxLength(2000)] string? KeyFigures);

public sealed record SecretaryScoreRequest(int? ReviewScore, [MultiLine, MaxLength(500)] string? Comment);

public sealed record SecretaryReviewDto(Guid Id, Guid OrgUnitId, int Year, string Title, DateTimeOffset OpensAt, DateTimeOffset ClosesAt, bool Open, bool Ended,
    int Secretaries, int Reported);

/// <summary>
/// One secretary's line. The means, the rating and the rank are for the reviewing unit's managers (and, once the window
/// has closed, for the secretary themselves); a member sees the report and whether they have scored.
/// </summary>
public sealed record SecretaryLineDto(Guid ReportId, Guid BranchId, string BranchName, string SecretaryName, bool Reported, string? Report, string? KeyFigures,
    DateTimeOffset? SubmittedAt, int SuperiorScores, decimal? SuperiorMean, int MemberScores, decimal? MemberMean, decimal? Rating, SecretaryRating? Band, int? Rank,
    bool MayScore, bool Scored, bool IsMine);

public sealed record SecretaryReviewDetailDto(SecretaryReviewDto Review, bool Manager, int SuperiorWeight, string Article, IReadOnlyList<SecretaryLineDto> Secretaries);

/// <summary>What the caller has to do in a campaign: write their report, or score their branch's secretary.</summary>
public sealed record MySecretaryReviewDto(SecretaryReviewDto Review, Guid ReportId, string BranchName, string SecretaryName, bool IsMine, bool Reported, bool Scored);
