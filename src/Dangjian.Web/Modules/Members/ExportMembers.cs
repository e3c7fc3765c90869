using System.Resources;
using Dangjian.Web.Data;
using Dangjian.Web.Modules.Organizations;
using Dangjian.Web.Platform.Auth;
using Dangjian.Web.Platform.Clock;
using Dangjian.Web.Platform.Errors;
using Dangjian.Web.Platform.Export;
using Dangjian.Web.Platform.Import;
using Dangjian.Web.Platform.Privacy;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;

namespace Dangjian.Web.Modules.Members;

/// <summary>
/// The filtered roll as .xlsx, in the column names of the national system. With <c>reveal</c> (roles that may see
/// personal data) the full ID and mobile numbers are included; every exported person gets an access-log entry. The
/// roll is read through <see cref="ReadDb"/> (<see cref="MemberQuery"/>), the access log written to the primary.
/// </summary>
public sealed class ExportMembers(AppDbContext db, ReadDb read, MemberQuery members, MemberAccess access, CurrentUser user,
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
        var names = OrgNamePaths.Relative(unit, await read.Db.OrgUnits.InSubtree(unit.Path).ToListAsync(ct));

        access.Log(rows.Select(m => m.Id), "export", reveal ? T["Member.LogExportFull"] : T["Member.LogExportMasked"]);
        await db.SaveChangesAsync(ct);

        // Checked per person: a caller may see personal data on some units below and not on others.
        bool Reveal(Member m) => reveal && user.Can(Permission.ViewPersonalData, m.OrgPath);
        using var stream = new MemoryStream();
        XlsxWriter.Write(stream, T["Member.Roster"], MemberColumns.Columns.Headers(T),
            rows.Select(m => (IReadOnlyList<object?>)
            [
                m.Name, T[m.Gender == Gender.Male ? "Roster.Gender.Male" : "Roster.Gender.Female"].Value, m.Ethnicity,
                Reveal(m) ? protector.Decrypt(m.IdNumberEncrypted) : m.IdNumberMasked,
                m.BirthDate is { } b ? ChinaTime.Format(b) : null, m.Education, T.CategoryName(m.Category),
                m.OrgUnitId == unit.Id ? "" : names.GetValueOrDefault(m.OrgUnitId),
                m.JoinedOn is { } j ? ChinaTime.Format(j) : null, m.FullMemberOn is { } fm ? ChinaTime.Format(fm) : null, m.JobPost,
                Reveal(m) ? protector.Decrypt(m.MobileEncrypted) : null, m.Telephone,
                T[m.Status == MembershipStatus.Suspended ? "Roster.Status.Suspended" : "Roster.Status.Normal"].Value,
                T.YesNo(m.OutOfContactSince is not null), T.YesNo(m.IsMobile), m.MobileDestination,
            ]));
        return (T["Member.ExportFile", unit.Name, ChinaTime.Format(today)], stream.ToArray());
    }
}

/// <summary>
/// The roster columns of the national system (docs/rules/registry.md#r-1) and the fixed words of their cells, shared by
/// export, the import template and the import: MembersText's "Roster.*". Files are read by the Chinese headers
/// (<see cref="Headers"/>, English ones accepted), exports and the template are written in the reader's language.
/// </summary>
public static class MemberColumns
{
    internal static readonly ResourceManager Texts = new(typeof(MembersText));

    internal static readonly SheetColumns Columns = new(Texts, "Roster.Column.",
        "Name", "Gender", "Ethnicity", "IdNumber", "BirthDate", "Education", "Category", "Unit", "JoinedOn", "FullMemberOn",
        "JobPost", "Mobile", "Telephone", "Status", "OutOfContact", "IsMobile", "MobileDestination");

    public static readonly string Name = Columns["Name"];
    public static readonly string IdNumber = Columns["IdNumber"];

    /// <summary>The headers in Chinese, as the national system's files have them.</summary>
    public static readonly IReadOnlyList<string> Headers = Columns.Chinese;

    public static string CategoryName(this IStringLocalizer<MembersText> T, MemberCategory c) => T["Roster.Category." + c];

    public static string YesNo(this IStringLocalizer<MembersText> T, bool yes) => T[yes ? "Roster.Yes" : "Roster.No"];
}
