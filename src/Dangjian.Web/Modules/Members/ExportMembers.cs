using Dangjian.Web.Data;
using Dangjian.Web.Modules.Organizations;
using Dangjian.Web.Platform.Auth;
using Dangjian.Web.Platform.Clock;
using Dangjian.Web.Platform.Errors;
using Dangjian.Web.Platform.Export;
using Dangjian.Web.Platform.Privacy;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;

namespace Dangjian.Web.Modules.Members;

/// <summary>
/// The filtered roll as .xlsx, in the column names of the national system. With <c>reveal</c> (roles that may see
/// personal data) the full ID and mobile numbers are included; every exported person gets an access-log entry.
/// </summary>
public sealed class ExportMembers(AppDbContext db, MemberQuery members, MemberAccess access, CurrentUser user,
    PersonalDataProtector protector, TimeProvider clock, IStringLocalizer<SharedResource> L, IStringLocalizer<MembersText> T)
{
    public const int MaxRows = 300_000;

    public async Task<Result<(string FileName, byte[] Content)>> HandleAsync(MemberFilter f, bool reveal, CancellationToken ct)
    {
        var today = clock.Today();
        var built = await members.BuildAsync(f, Permission.ViewMembers, today, ct);
        if (!built.IsSuccess) return built.Error!;
        var (q, unit) = built.Value;
        if (reveal && !user.Can(Permission.ViewPersonalData, unit.Path)) return Error.Forbidden(L["Auth.Forbidden"]);

        var rows = await q.OrderBy(m => m.OrgPath).ThenBy(m => m.Name).Take(MaxRows).AsNoTracking().ToListAsync(ct);
        // Units named relative to the exported unit, so the file imports back unambiguously.
        var names = OrgNamePaths.Relative(unit, await db.OrgUnits.AsNoTracking().InSubtree(unit.Path).ToListAsync(ct));

        access.Log(rows.Select(m => m.Id), "export", reveal ? T["Member.LogExportFull"] : T["Member.LogExportMasked"]);
        await db.SaveChangesAsync(ct);

        // Checked per person: a caller may see personal data on some units below and not on others.
        bool Reveal(Member m) => reveal && user.Can(Permission.ViewPersonalData, m.OrgPath);
        using var stream = new MemoryStream();
        XlsxWriter.Write(stream, T["Member.Roster"], MemberColumns.Headers,
            rows.Select(m => (IReadOnlyList<object?>)
            [
                m.Name, m.Gender == Gender.Male ? "男" : "女", m.Ethnicity,
                Reveal(m) ? protector.Decrypt(m.IdNumberEncrypted) : m.IdNumberMasked,
                m.BirthDate is { } b ? ChinaTime.Format(b) : null, m.Education, MemberColumns.CategoryName(m.Category),
                m.OrgUnitId == unit.Id ? "" : names.GetValueOrDefault(m.OrgUnitId),
                m.JoinedOn is { } j ? ChinaTime.Format(j) : null, m.FullMemberOn is { } fm ? ChinaTime.Format(fm) : null, m.JobPost,
                Reveal(m) ? protector.Decrypt(m.MobileEncrypted) : null, m.Telephone,
                m.Status == MembershipStatus.Suspended ? "停止党籍" : "正常",
                m.OutOfContactSince is null ? "否" : "是", m.IsMobile ? "是" : "否", m.MobileDestination,
            ]));
        return ($"{unit.Name}-党员名册-{ChinaTime.Format(today)}.xlsx", stream.ToArray());
    }
}

/// <summary>The roster columns of the national system (docs/rules/registry.md#r-1), shared by export and the import template.</summary>
public static class MemberColumns
{
    public const string Name = "姓名";
    public const string IdNumber = "公民身份号码";

    public static readonly string[] Headers =
    [
        "姓名", "性别", "民族", "公民身份号码", "出生日期", "学历", "人员类别", "所在党支部", "加入党组织日期", "转为正式党员日期",
        "工作岗位", "手机号码", "固定电话", "党籍状态", "是否失联", "是否流动党员", "外出流向",
    ];

    public static string CategoryName(MemberCategory c) => c switch
    {
        MemberCategory.Masses => "群众",
        MemberCategory.Applicant => "入党申请人",
        MemberCategory.Activist => "入党积极分子",
        MemberCategory.Candidate => "发展对象",
        MemberCategory.Probationary => "预备党员",
        _ => "正式党员",
    };
}
