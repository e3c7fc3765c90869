using System.ComponentModel.DataAnnotations;

namespace Dangjian.Web.Modules.Assessment.Evaluation;

public sealed record CreateEvaluationSchemeRequest(int? Year, [MaxLength(100)] string? Name, [MaxLength(40)] string? Template);

public sealed record UpdateEvaluationSchemeRequest([MaxLength(100)] string? Name, decimal? TotalPoints, [MaxLength(400)] string? GradeBands,
    [MaxLength(200)] string? StarBands, bool? SkipYoungBranches, DateOnly? ScoringOpensOn, DateOnly? ScoringClosesOn);

public sealed record SaveEvaluationIndicatorRequest(Guid? ParentId, [MaxLength(100)] string? Name, [MaxLength(40)] string? Kind, decimal? Points,
    [MaxLength(60)] string? SourceKey, decimal? Floor, decimal? Target, int? SuperiorWeight, int? PeersWeight, int? MassesWeight, bool? Ideology);

public sealed record EvaluationScoreItem(Guid? IndicatorId, decimal? Score);

public sealed record EvaluationScoreSheetRequest(Guid? OrgUnitId, [MaxLength(40)] string? Kind, int? Respondents, [MaxLength(200)] string? Note,
    IReadOnlyList<EvaluationScoreItem>? Items);

public sealed record EvaluationSchemeSummaryDto(Guid Id, Guid OrgUnitId, string UnitName, int Year, string Name, string Template, string Status, decimal TotalPoints,
    DateTimeOffset? ComputedAt, DateTimeOffset? PublishedAt, bool CanManage, Guid? ResultId);

public sealed record EvaluationIndicatorDto(Guid Id, Guid? ParentId, int Position, int Depth, string Name, string Kind, decimal Points, string? SourceKey,
    decimal? Floor, decimal? Target, int SuperiorWeight, int PeersWeight, int MassesWeight, bool Ideology);

public sealed record EvaluationSchemeDto(Guid Id, Guid OrgUnitId, string UnitName, int Year, string Name, string Template, string Status, decimal TotalPoints,
    string GradeBands, string? StarBands, bool SkipYoungBranches, DateOnly? ScoringOpensOn, DateOnly? ScoringClosesOn, DateTimeOffset? ComputedAt,
    DateTimeOffset? PublishedAt, bool CanManage, IReadOnlyList<EvaluationIndicatorDto> Indicators, IReadOnlyList<string> Problems, IReadOnlyList<string> SourceKeys);

public sealed record EvaluationComputeSummaryDto(Guid SchemeId, int Branches, DateTimeOffset ComputedAt);

public sealed record EvaluationResultRowDto(Guid Id, Guid OrgUnitId, string UnitName, int Rank, decimal Total, string? Grade, int? Stars, bool Vetoed, bool NotGraded);

public sealed record EvaluationResultLineDto(Guid IndicatorId, string? GroupName, string Name, string Kind, decimal Points, decimal MaxPoints, string? SourceKey,
    decimal? RawValue, decimal? SuperiorAverage, int SuperiorCount, decimal? PeersAverage, int PeersCount, decimal? MassesAverage, int MassesCount, bool Vetoed);

public sealed record EvaluationResultDto(Guid Id, Guid SchemeId, string SchemeName, int Year, string Status, Guid OrgUnitId, string UnitName, decimal Total,
    decimal TotalPoints, string? Grade, int? Stars, bool Vetoed, bool NotGraded, int Rank, int Of, DateTimeOffset ComputedAt, IReadOnlyList<EvaluationResultLineDto> Lines);

public sealed record EvaluationScoringBranchDto(Guid OrgUnitId, string Name);

public sealed record EvaluationMyMarkDto(Guid OrgUnitId, Guid IndicatorId, decimal Score, int? Respondents);

public sealed record EvaluationScoringSheetDto(Guid SchemeId, string SchemeName, int Year, string Status, bool Open, string Kind, IReadOnlyList<EvaluationScoringBranchDto> Branches,
    IReadOnlyList<EvaluationIndicatorDto> Indicators, IReadOnlyList<EvaluationMyMarkDto> Marks);

public sealed record EvaluationScoreSheetSavedDto(Guid OrgUnitId, string Kind, int Saved);
