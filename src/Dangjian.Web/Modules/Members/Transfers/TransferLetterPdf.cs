using Dangjian.Web.Data;
using Dangjian.Web.Platform.Clock;
using Dangjian.Web.Platform.Errors;
using Dangjian.Web.Platform.Pdf;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;

namespace Dangjian.Web.Modules.Members.Transfers;

/// <summary>
/// GET /api/v1/transfers/{id}/letter.pdf: the 党员组织关系介绍信 as the paper form has it, stub (存根), letter and
/// return slip (回执) cut apart along dashed lines, all carrying the letter number. Whoever sees the transfer may
/// print it; the ID number is in full only for a caller who may see it, and that print is in the person's access log.
/// </summary>
public sealed class TransferLetterPdf(AppDbContext db, TransferAccess access, MemberAccess members, PdfDocuments pdf,
    IStringLocalizer<MembersText> T)
{
    private static readonly FormWords F = PersonOnDocument.F;
    private static readonly string Title = F["Transfer.Title"];

    public async Task<Result<PdfFile>> HandleAsync(Guid transferId, CancellationToken ct)
    {
        var seen = await access.SeeAsync(transferId, ct);
        if (!seen.IsSuccess) return seen.Error!;
        var t = seen.Value!;
        var started = pdf.Begin($"{Title} {t.LetterNumber}");
        if (!started.IsSuccess) return started.Error!;
        using var doc = started.Value!;

        var member = await db.Members.AsNoTracking().FirstAsync(m => m.Id == t.MemberId, ct);
        var from = await access.FromNameAsync(t, ct);
        var person = PersonOnDocument.Of(member, members.IdNumberForDocument(member, T["Transfer.LogLetterPrinted", t.LetterNumber]), t.IssuedOn);
        var duesPaid = F["Transfer.DuesPaid", t.DuesPaidUntil is { } d ? ChinaTime.WrittenMonth(d) : F["Transfer.DuesPaidBlank"]];
        var validity = F["Transfer.Validity", t.ValidUntil.DayNumber - t.IssuedOn.DayNumber, ChinaTime.Written(t.ValidUntil)];

        doc.Title(Title, 15).Paragraph(F["Form.Stub"], 11, PdfAlign.Center).Paragraph(t.LetterNumber, 11, PdfAlign.Right)
            .Table(PersonOnDocument.Columns,
            [
                .. person.Rows,
                [F["Transfer.From"], from],
                [F["Transfer.To"], t.Destination ?? ""],
                [F["Transfer.ValidityLabel"], validity],
                [F["Transfer.Dues"], duesPaid],
                [F["Transfer.Reason"], t.Reason ?? ""],
                [F["Form.IssuedOn"], ChinaTime.Written(t.IssuedOn)],
            ])
            .CutLine(F["Form.CutStub"]);

        doc.Title(Title, 16).Paragraph(t.LetterNumber, 11, PdfAlign.Right)
            .Paragraph($"{t.Destination}：")
            .Paragraph(F["Transfer.Body", person.Name, person.Sex, person.Age, person.Category, person.IdNumber, from], indent: true)
            .Paragraph(F["Transfer.BodyDues", duesPaid], indent: true)
            .Paragraph(F["Transfer.BodyValidity", validity], indent: true);
        PersonOnDocument.Sign(doc, from, t.IssuedOn);
        doc.CutLine(F["Transfer.CutSlip"]);

        doc.Title(F["Transfer.SlipTitle", Title], 15).Paragraph(t.LetterNumber, 11, PdfAlign.Right)
            .Paragraph($"{PersonOnDocument.Signature(from)}：")
            .Paragraph(F["Transfer.SlipBody", t.LetterNumber, person.Name], indent: true)
            .Space(10)
            .Paragraph(F["Transfer.SlipSeal"], align: PdfAlign.Right)
            .Paragraph(F["Transfer.SlipDate"], align: PdfAlign.Right);

        var bytes = doc.ToBytes();
        await db.SaveChangesAsync(ct);  // the access-log entry of a full ID number, if one was printed
        return new PdfFile(bytes, $"{t.LetterNumber}.pdf");
    }
}
