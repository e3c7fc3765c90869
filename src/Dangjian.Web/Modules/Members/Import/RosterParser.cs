using Dangjian.Web.Modules.Organizations;
using Dangjian.Web.Platform;
using Dangjian.Web.Platform.Import;
using Microsoft.Extensions.Localization;

namespace Dangjian.Web.Modules.Members.Import;

/// <summary>One valid roster row, ready to create or update a record.</summary>
public sealed record RosterRow(
    int Row, string Name, string IdNumber, DateOnly BirthDate, Gender Gender, MemberCategory Category, OrgUnit Unit,
    string? Ethnicity, string? Education, DateOnly? JoinedOn, DateOnly? FullMemberOn, string? JobPost, string? Mobile,
    string? Telephone, MembershipStatus Status, bool IsMobile, string? MobileDestination);

/// <summary>
/// Reads a roster in the column names of the national system (docs/rules/registry.md#r-1) and checks every row: a row is
/// either wholly valid or reported with each failing column and the reason. Nothing is written here.
/// </summary>
public static class RosterParser
{
    private static readonly SheetColumns C = MemberColumns.Columns;

    public static readonly string[] Required = [C["Name"], C["IdNumber"], C["Category"]];

    private static readonly IReadOnlyDictionary<string, MemberCategory> Categories = MemberColumns.Texts.Reading(
        ("Roster.Category.Masses", MemberCategory.Masses), ("Roster.Category.Applicant", MemberCategory.Applicant),
        ("Roster.Category.Applicant.Short", MemberCategory.Applicant), ("Roster.Category.Activist", MemberCategory.Activist),
        ("Roster.Category.Activist.Short", MemberCategory.Activist), ("Roster.Category.Candidate", MemberCategory.Candidate),
        ("Roster.Category.Probationary", MemberCategory.Probationary), ("Roster.Category.Full", MemberCategory.Full));

    private static readonly IReadOnlyDictionary<string, Gender> Genders =
        MemberColumns.Texts.Reading(("Roster.Gender.Male", Gender.Male), ("Roster.Gender.Female", Gender.Female));

    private static readonly IReadOnlyDictionary<string, MembershipStatus> Statuses =
        MemberColumns.Texts.Reading(("Roster.Status.Normal", MembershipStatus.Normal), ("Roster.Status.Suspended", MembershipStatus.Suspended));

    private static readonly IReadOnlyDictionary<string, bool> YesNos = MemberColumns.Texts.Reading(("Roster.Yes", true), ("Roster.No", false));

    public static RosterRow? Parse(int rowNumber, string?[] cells, ImportSheet sheet, OrgUnit target,
        ILookup<string, OrgUnit> unitsByName, DateOnly today, List<ImportError> errors, IStringLocalizer<MembersText> T,
        IReadOnlyDictionary<string, OrgUnit>? unitsByPath = null, Platform.CodeTables.CodeSets? codes = null)
    {
        string? Get(string column) => sheet.Get(cells, C[column]);
        var before = errors.Count;
        void Fail(string column, string reason) => errors.Add(new ImportError(rowNumber, T.Header(column), reason));

        var name = Get("Name");
        if (name is null) Fail("Name", T["Roster.Required", T.Header("Name")]);
        else if (name.Length > 50) Fail("Name", T["Roster.TooLong", T.Header("Name"), 50]);

        var id = IdNumberRules.Check(Get("IdNumber"), today);
        if (!id.IsValid) Fail("IdNumber", id.Problem!);

        MemberCategory category = default;
        var categoryText = Get("Category");
        if (categoryText is null) Fail("Category", T["Roster.Required", T.Header("Category")]);
        else if (!Categories.TryGetValue(categoryText, out category)) Fail("Category", T["Roster.CategoryInvalid", categoryText]);

        if (Get("Gender") is { } sex && id.IsValid)
        {
            if (!Genders.TryGetValue(sex, out var gender)) Fail("Gender", T["Roster.GenderInvalid"]);
            else if (gender != id.Gender) Fail("Gender", T["Roster.GenderMismatch"]);
        }

        var unit = target;
        if (Get("Unit") is { } unitName && unitName != target.Name)
        {
            var matches = unitsByPath is not null && unitsByPath.TryGetValue(unitName, out var exact) ? [exact] : unitsByName[unitName].ToList();
            if (matches.Count == 0) Fail("Unit", T["Roster.UnitNotFound", target.Name, unitName]);
            else if (matches.Count > 1) Fail("Unit", T["Roster.UnitAmbiguous", unitName, matches.Count]);
            else unit = matches[0];
        }

        var joined = Date("JoinedOn");
        var full = Date("FullMemberOn");
        if (Member.IsPartyMember(category) && categoryText is not null && joined is null && errors.Count == before)
            Fail("JoinedOn", T["Member.JoinedOnRequired"]);
        if (joined is { } j && full is { } f && f < j) Fail("FullMemberOn", T["Member.FullBeforeJoined"]);

        var mobile = Get("Mobile");
        if (mobile is not null && (mobile.Length != 11 || !mobile.All(char.IsAsciiDigit) || mobile[0] != '1'))
            Fail("Mobile", T["Member.MobileInvalid"]);

        var status = MembershipStatus.Normal;
        if (Get("Status") is { } st && !Statuses.TryGetValue(st, out status)) Fail("Status", T["Roster.StatusInvalid"]);
        var isMobile = false;
        if (Get("IsMobile") is { } yesNo && !YesNos.TryGetValue(yesNo, out isMobile)) Fail("IsMobile", T["Roster.YesNoInvalid", T.Header("IsMobile")]);

        foreach (var (column, max) in new[] { ("Ethnicity", 30), ("Education", 30), ("JobPost", 60), ("Telephone", 30), ("MobileDestination", 200) })
        {
            if (Get(column) is { } v && v.Length > max) Fail(column, T["Roster.TooLong", T.Header(column), max]);
        }
        foreach (var (column, table) in new[] { ("Ethnicity", Platform.CodeTables.CodeTableCatalog.Ethnicity), ("Education", Platform.CodeTables.CodeTableCatalog.Education),
                     ("JobPost", Platform.CodeTables.CodeTableCatalog.JobPost) })
        {
            if (codes is not null && Get(column) is { Length: <= 60 } v && !codes.Allows(table, v)) Fail(column, T["Roster.NotInCodeTable", v, T.Header(column)]);
        }

        if (errors.Count > before) return null;
        return new RosterRow(rowNumber, name!, id.Normalized!, id.BirthDate!.Value, id.Gender!.Value, category, unit,
            Get("Ethnicity"), Get("Education"), joined, full, Get("JobPost"), mobile, Get("Telephone"), status, isMobile, Get("MobileDestination"));

        DateOnly? Date(string column)
        {
            if (Get(column) is not { } text) return null;
            if (!ImportCells.TryDate(text, out var date))
            {
                Fail(column, T["Roster.DateInvalid", text]);
                return null;
            }
            if (date > today)
            {
                Fail(column, T["Member.DateInFuture"]);
                return null;
            }
            return date;
        }
    }

    /// <summary>A roster column (by its id: "Name", "IdNumber" …) as the user is told about it.</summary>
    public static string Header(this IStringLocalizer<MembersText> T, string column) => T["Roster.Column." + column];
}
