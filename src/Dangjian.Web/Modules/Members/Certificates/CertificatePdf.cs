using Dangjian.Web.Data;
using Dangjian.Web.Platform.Auth;
using Dangjian.Web.Platform.Clock;
using Dangjian.Web.Platform.Errors;
using Dangjian.Web.Platform.Pdf;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;

namespace Dangjian.Web.Modules.Members.Certificates;

/// <summary>
/// GET /api/v1/certificates/{id}/certificate.pdf: the 党员证明信 with its stub, cut apart along a dashed line. The ID
/// number follows the registry's rules (in full only for a caller who may see it, and then logged for the person).
/// </summary>
public sealed class CertificatePdf(AppDbContext db, CertificateAccess access, MemberAccess members, PdfDocuments pdf,
    IStringLocalizer<MembersText> T)
{
    private static readonly FormWords F = PersonOnDocument.F;
    private static readonly string Title = F["Certificate.Title"];

    public async Task<Result<PdfFile>> HandleAsync(Guid certificateId, CancellationToken ct)
    {
        var loaded = await access.LoadAsync(certificateId, Permission.ViewMembers, ct);
        if (!loaded.IsSuccess) return loaded.Error!;
        var c = loaded.Value!;
        var started = pdf.Begin($"{Title} {c.Number}");
        if (!started.IsSuccess) return started.Error!;
        using var doc = started.Value!;

        var member = await db.Members.AsNoTracking().FirstAsync(m => m.Id == c.MemberId, ct);
        var unit = await access.UnitNameAsync(c, ct);
        var person = PersonOnDocument.Of(member, members.IdNumberForDocument(member, T["Certificate.LogPrinted", c.Number]), c.IssuedOn);
        var period = F["Certificate.Period", ChinaTime.Written(c.FromDate), ChinaTime.Written(c.ToDate)];
        var cancelled = c.Status == CertificateStatus.Cancelled;

        doc.Title(Title, 15).Paragraph(F[cancelled ? "Certificate.StubCancelled" : "Form.Stub"], 11, PdfAlign.Center).Paragraph(c.Number, 11, PdfAlign.Right)
            .Table(PersonOnDocument.Columns,
            [
                .. person.Rows,
                [F["Certificate.Unit"], unit],
                [F["Certificate.Destination"], c.Destination],
                [F["Certificate.Reason"], c.Reason ?? ""],
                [F["Certificate.PeriodLabel"], period],
                [F["Form.IssuedOn"], ChinaTime.Written(c.IssuedOn)],
            ])
            .CutLine(F["Form.CutStub"]);

        doc.Title(cancelled ? F["Certificate.TitleCancelled", Title] : Title, 16).Paragraph(c.Number, 11, PdfAlign.Right)
            .Paragraph($"{c.Destination}：")
            .Paragraph(F["Certificate.Body", person.Name, person.Sex, person.Age, person.IdNumber, person.Category, unit,
                c.Reason is null ? "" : F["Certificate.BodyReason", c.Reason], period], indent: true)
            .Paragraph(F["Certificate.Notice"], indent: true)
            .Paragraph(F["Certificate.Validity", ChinaTime.Written(c.ToDate)], indent: true);
        PersonOnDocument.Sign(doc, unit, c.IssuedOn);

        var bytes = doc.ToBytes();
        await db.SaveChangesAsync(ct);  // the access-log entry of a full ID number, if one was printed
        return new PdfFile(bytes, $"{c.Number}.pdf");
    }
}
