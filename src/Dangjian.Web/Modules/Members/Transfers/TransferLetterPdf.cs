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
    private const string Title = "中国共产党党员组织关系介绍信";

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
        var duesPaid = "党费交至 " + (t.DuesPaidUntil is { } d ? ChinaTime.WrittenMonth(d) : "____年__月");
        var validity = $"{t.ValidUntil.DayNumber - t.IssuedOn.DayNumber}天（至{ChinaTime.Written(t.ValidUntil)}）";

        doc.Title(Title, 15).Paragraph("（存　根）", 11, PdfAlign.Center).Paragraph(t.LetterNumber, 11, PdfAlign.Right)
            .Table(PersonOnDocument.Columns,
            [
                .. person.Rows,
                ["转出党组织", from],
                ["接收党组织", t.Destination ?? ""],
                ["有效期", validity],
                ["党费", duesPaid],
                ["转接原因", t.Reason ?? ""],
                ["开具日期", ChinaTime.Written(t.IssuedOn)],
            ])
            .CutLine("沿此线剪开（骑缝处盖章）");

        doc.Title(Title, 16).Paragraph(t.LetterNumber, 11, PdfAlign.Right)
            .Paragraph($"{t.Destination}：")
            .Paragraph($"兹介绍{person.Name}同志（{person.Sex}，{person.Age}，{person.Category}，公民身份号码：{person.IdNumber}）的党员组织关系由{from}转去，请接洽。", indent: true)
            .Paragraph($"该同志{duesPaid}。", indent: true)
            .Paragraph($"（有效期{validity}）", indent: true);
        PersonOnDocument.Sign(doc, from, t.IssuedOn);
        doc.CutLine("沿此线剪开，回执由接收党组织填写后寄回");

        doc.Title(Title + "回执", 15).Paragraph(t.LetterNumber, 11, PdfAlign.Right)
            .Paragraph($"{PersonOnDocument.Signature(from)}：")
            .Paragraph($"{t.LetterNumber}介绍信收到，{person.Name}同志的党员组织关系已转入我处。", indent: true)
            .Space(10)
            .Paragraph("接收党组织（盖章）", align: PdfAlign.Right)
            .Paragraph("____年__月__日", align: PdfAlign.Right);

        var bytes = doc.ToBytes();
        await db.SaveChangesAsync(ct);  // the access-log entry of a full ID number, if one was printed
        return new PdfFile(bytes, $"{t.LetterNumber}.pdf");
    }
}
