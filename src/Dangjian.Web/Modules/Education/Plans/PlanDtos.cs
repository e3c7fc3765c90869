namespace Dangjian.Web.Modules.Education.Plans;

public sealed record PlanItemDto(Guid Id, Guid CourseId, string CourseTitle, string Category, string Kind, bool Required, DateOnly? DueOn);

public sealed record PlanTargetDto(string Category, int Hours);

/// <summary>A rule checked on the plan (E-3 today): whether it is met, with the rule's id, message and citation.</summary>
public sealed record PlanCheckDto(string Rule, bool Met, string Message, string Article);

public sealed record PlanLinkedCaseDto(Guid LinkId, Guid CourseId, string Title, string CaseKind);

public sealed record PlanDto(Guid Id, Guid OrgUnitId, string OrgUnitName, int Year, string Title, string Audience, string? Note, DateTimeOffset CreatedAt,
    string CreatedBy, bool CanManage, IReadOnlyList<PlanItemDto> Items, IReadOnlyList<PlanTargetDto> Targets, IReadOnlyList<PlanCheckDto> Checks,
    IReadOnlyList<PlanLinkedCaseDto> Cases);

public sealed record PlanSummaryDto(Guid Id, Guid OrgUnitId, string OrgUnitName, int Year, string Title, string Audience, int Items, bool Own,
    bool ChecksMet);
