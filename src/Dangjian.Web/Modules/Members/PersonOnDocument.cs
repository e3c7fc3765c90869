using Dangjian.Web.Platform.Pdf;

namespace Dangjian.Web.Modules.Members;

/// <summary>
/// What a letter or a certificate says about the person, in the wording of the paper forms. The forms are official
/// Chinese documents handed to another organisation, so they are Chinese whatever language the screen is in.
/// </summary>
internal sealed record PersonOnDocument(string Name, string Sex, string Age, string Category, string IdNumber)
{
    /// <summary>The wording of the forms (MembersForms.resx): Chinese whatever the UI language.</summary>
    internal static readonly FormWords F = new(typeof(MembersForms));

    /// <summary><paramref name="idNumber"/> is what the caller may see (MemberAccess.IdNumberForDocument); age on <paramref name="on"/>.</summary>
    public static PersonOnDocument Of(Member m, string? idNumber, DateOnly on) =>
        new(m.Name, F[m.Gender == Gender.Female ? "Person.Female" : "Person.Male"], MemberFacts.Age(m.BirthDate, on) is { } age ? F["Person.AgeValue", age] : "—",
            F[m.Category == MemberCategory.Probationary ? "Person.Probationary" : "Person.Full"], idNumber ?? "—");

    /// <summary>The person's rows of a stub table (four columns: label, value, label, value).</summary>
    public IEnumerable<IReadOnlyList<string>> Rows =>
    [
        [F["Person.Name"], Name, F["Person.Sex"], Sex],
        [F["Person.Age"], Age, F["Person.Category"], Category],
        [F["Person.IdNumber"], IdNumber],
    ];

    /// <summary>The relative widths of the four columns of <see cref="Rows"/>.</summary>
    public static readonly double[] Columns = [1.2, 2, 1.2, 2];

    /// <summary>An organisation as it signs: "中共" before the unit's name unless the name has it.</summary>
    public static string Signature(string unitName) => unitName.StartsWith(F["Person.PartyPrefix"], StringComparison.Ordinal) ? unitName : F["Person.PartyPrefix"] + unitName;

    /// <summary>The two closing lines of a letter: who signs and stamps it, and when.</summary>
    public static void Sign(PdfComposer pdf, string unitName, DateOnly on) =>
        pdf.Space(10).Paragraph(F["Person.Seal", Signature(unitName)], align: PdfAlign.Right).Paragraph(Platform.Clock.ChinaTime.Written(on), align: PdfAlign.Right);
}
