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
    private const string Title = "中国共产党党员证明信";

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
        var period = $"{ChinaTime.Written(c.FromDate)}至{ChinaTime.Written(c.ToDate)}";
        var cancelled = c.Status == CertificateStatus.Cancelled;

        doc.Title(Title, 15).Paragraph(cancelled ? "（存　根　·　已作废）" : "（存　根）", 11, PdfAlign.Center).Paragraph(c.Number, 11, PdfAlign.Right)
            .Table(PersonOnDocument.Columns,
            [
                .. person.Rows,
                ["开具党组织", unit],
                ["前往党组织", c.Destination],
                ["外出事由", c.Reason ?? ""],
                ["外出时间", period],
                ["开具日期", ChinaTime.Written(c.IssuedOn)],
            ])
            .CutLine("沿此线剪开（骑缝处盖章）");

        doc.Title(cancelled ? Title + "（已作废）" : Title, 16).Paragraph(c.Number, 11, PdfAlign.Right)
            .Paragraph($"{c.Destination}：")
            .Paragraph($"兹证明{person.Name}同志（{person.Sex}，{person.Age}，公民身份号码：{person.IdNumber}）系中国共产党{person.Category}，"
                       + $"党员组织关系在{unit}。该同志{(c.Reason is null ? "" : "因" + c.Reason + "，")}于{period}在你处，请接洽并安排其参加党的组织生活。", indent: true)
            .Paragraph("本证明信不转移党员组织关系；持证党员可参加所在地党组织的组织生活，不享有表决权、选举权和被选举权。", indent: true)
            .Paragraph($"（有效期至{ChinaTime.Written(c.ToDate)}）", indent: true);
        PersonOnDocument.Sign(doc, unit, c.IssuedOn);

        var bytes = doc.ToBytes();
        await db.SaveChangesAsync(ct);  // the access-log entry of a full ID number, if one was printed
        return new PdfFile(bytes, $"{c.Number}.pdf");
    }
}
