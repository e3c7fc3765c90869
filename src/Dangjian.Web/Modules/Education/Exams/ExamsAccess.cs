using Dangjian.Web.Data;
using Dangjian.Web.Modules.Members;
using Dangjian.Web.Modules.Organizations;
using Dangjian.Web.Platform.Auth;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;

namespace Dangjian.Web.Modules.Education.Exams;

/// <summary>
/// Who the caller is to the exams: the member record they study as (a member acts only on their own attempts), and
/// the units whose bank a unit may use (itself and those above it).
/// </summary>
public sealed class ExamsAccess(AppDbContext db, CurrentUser user, IStringLocalizer<ExamsText> T)
{
    public CurrentUser User => user;

    /// <summary>The caller's own member record, or null when the account is not a member's.</summary>
    public Task<Member?> MeAsync(CancellationToken ct) =>
        user.IsAuthenticated ? db.Members.AsNoTracking().FirstOrDefaultAsync(m => m.UserId == user.UserId, ct) : Task.FromResult<Member?>(null);

    /// <summary>The unit's path and its ancestors': whose bank and exams reach it.</summary>
    public static List<string> UpwardPaths(string path)
    {
        var paths = GetOrgUnit.AncestorPaths(path);
        paths.Add(path);
        return paths;
    }

    public string By => string.IsNullOrEmpty(user.DisplayName) ? user.UserName : user.DisplayName.Length > 100 ? user.DisplayName[..100] : user.DisplayName;

    public Platform.Errors.Error ExamNotFound => Platform.Errors.Error.NotFound(T["Exam.NotFound"]);
}
