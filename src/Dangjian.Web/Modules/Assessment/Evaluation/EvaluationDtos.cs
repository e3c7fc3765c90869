using System.ComponentModel.DataAnnotations;

namespace Dangjian.Web.Modules.Assessment.Evaluation;

public sealed record CreateSchemeRequest(int? Year, [MaxLength(100)] string? Name, [MaxLength(40)] string? Template);

public sealed record UpdateSchemeRequest([MaxLength(100)] string? Name, decimal? TotalPoints, [MaxLength(400)] string? GradeBands,
    [MaxLength(200)] string? StarBands, bool? SkipYoungBranches, DateOnly? ScoringOpensOn, DateOnly? ScoringClosesOn);

public sealed record SaveIndicatorRequest(Guid? ParentId, [MaxLength(100)] string? Name, [MaxLength(40)] string? Kind, decimal? Points,
    [MaxLength(60)] string? SourceKey, decimal? Floor, decimal? Target, int? SuperiorWeight, int? PeersWeight, int? MassesWeight, bool? Ideology);

public sealed record ScoreItem(Guid? IndicatorId, decimal? Score);

public sealed record ScoreSheetRequest(Guid? OrgUnitId, [MaxLength(40)] string? Kind, int? Respondents, [MaxLength(200)] string? Note,
    IReadOnlyList<ScoreItem>? Items);

public sealed record SchemeSummaryDto(Guid Id, Guid OrgUnitId, string UnitName, int Year, string Name, string Template, string Status, decimal TotalPoints,
    DateTimeOffset? ComputedAt, DateTimeOffset? PublishedAt, bool CanManage, Guid? ResultId);

public sealed record IndicatorDto(Guid Id, Guid? ParentId, int Position, int Depth, string Name, string Kind, decimal Points, string? SourceKey,
    decimal? Floor, decimal? Target, int SuperiorWeight, int PeersWeight, int MassesWeight, bool Ideology);

public sealed record SchemeDto(Guid Id, Guid OrgUnitId, string UnitName, int Year, string Name, string Template, string Status, decimal TotalPoints,
    string GradeBands, string? StarBands, bool SkipYoungBranches, DateOnly? ScoringOpensOn, DateOnly? ScoringClosesOn, DateTimeOffset? ComputedAt,
    DateTimeOffset? PublishedAt, bool CanManage, IReadOnlyList<IndicatorDto> Indicators, IReadOnlyList<string> Problems, IReadOnlyList<string> SourceKeys);

public sealed record ComputeSummaryDto(Guid SchemeId, int Branches, DateTimeOffset ComputedAt);

public sealed record ResultRowDto(Guid Id, Guid OrgUnitId, string UnitName, int Rank, decimal Total, string? Grade, int? Stars, bool Vetoed, bool NotGraded);

public sealed record ResultLineDto(Guid IndicatorId, string? GroupName, string Name, string Kind, decimal Points, decimal MaxPoints, string? SourceKey,
    decimal? RawValue, decimal? SuperiorAverage, int SuperiorCount, decimal? PeersAverage, int PeersCount, decimal? MassesAverage, int MassesCount, bool Vetoed);

public sealed record ResultDto(Guid Id, Guid SchemeId, string SchemeName, int Year, string Status, Guid OrgUnitId, string UnitName, decimal Total,
    decimal TotalPoints, string? Grade, int? Stars, bool Vetoed, bool NotGraded, int Rank, int Of, DateTimeOffset ComputedAt, IReadOnlyList<ResultLineDto> Lines);

public sealed record ScoringBranchDto(Guid OrgUnitId, string Name);

public sealed record MyMarkDto(Guid OrgUnitId, Guid IndicatorId, decimal Score, int? Respondents);

public sealed record ScoringSheetDto(Guid SchemeId, string SchemeName, int Year, string Status, bool Open, string Kind, IReadOnlyList<ScoringBranchDto> Branches,
    IReadOnlyList<IndicatorDto> Indicators, IReadOnlyList<MyMarkDto> Marks);

public sealed record ScoreSheetSavedDto(Guid OrgUnitId, string Kind, int Saved);
