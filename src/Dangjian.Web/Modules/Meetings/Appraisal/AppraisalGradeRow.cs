using Dangjian.Web.Platform;

namespace Dangjian.Web.Modules.Meetings.Appraisal;

/// <summary>
/// One year's 民主评议 grade as a person's record shows it (<c>AppraisalGrades</c>): what the registry's pages hold and
/// pass back, not the table's row.
/// </summary>
[ModuleContract]
public sealed record AppraisalGradeRow(int Year, Guid MeetingId, AppraisalGrade Grade, int Voters, int Excellent, int Qualified,
    int BasicallyQualified, int Unqualified);
