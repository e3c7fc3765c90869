using Dangjian.Web.Modules.Organizations;
using Dangjian.Web.Data;
using Dangjian.Web.Modules.Development.Materials;
using Dangjian.Web.Platform.Auth;
using Dangjian.Web.Platform.Clock;
using Dangjian.Web.Platform.Errors;
using Dangjian.Web.Platform.Pdf;
using Microsoft.EntityFrameworkCore;

namespace Dangjian.Web.Modules.Development;

/// <summary>
/// 入党材料归档: the whole case as one PDF for the dossier — the person, every step with its date and record, the
/// joint reviews, the materials on file with their SHA-256, and the ledger check of the case at the time of printing.
/// </summary>
public sealed class CaseDossierPdf(AppDbContext db, CaseAccess access, GetCase get, CaseProof proof, PdfDocuments pdf)
{
    public async Task<Result<PdfFile>> HandleAsync(Guid caseId, CancellationToken ct)
    {
        var loaded = await access.LoadAsync(caseId, Permission.ViewMembers, ct);
        if (!loaded.IsSuccess) return loaded.Error!;
        var dto = await get.ToDtoAsync(loaded.Value!, ct);
        var check = (await proof.HandleAsync(caseId, ct)).Value!;
        var started = pdf.Begin($"发展党员档案 {dto.MemberName}");
        if (!started.IsSuccess) return started.Error!;
        using var doc = started.Value!;
        var unitName = await db.OrgUnits.Where(u => u.Id == dto.OrgUnitId).Select(u => u.Name).FirstAsync(ct);

        doc.Title("发展党员材料归档目录", 16)
            .Table([110, 360],
            [
                ["姓名", dto.MemberName],
                ["所在党组织", unitName],
                ["收到入党申请书", ChinaTime.Written(dto.ApplicationDate)],
                ["支部大会通过（入党）", dto.ResolutionOn is { } r ? ChinaTime.Written(r) : "—"],
                ["预备期满", dto.ProbationEndsOn is { } p ? ChinaTime.Written(p) : "—"],
                ["当前阶段", $"第{dto.Stage}阶段 {dto.StageName}"],
            ])
            .Space(8).Paragraph("一、发展程序", 13, bold: true)
            .Table([60, 150, 80, 180],
                [["步骤", "名称", "日期", "记录"], .. dto.Steps.Select(s => (IReadOnlyList<string>)
                [
                    $"第{s.Step}步", s.Name + (s.Returned ? "（已退回）" : ""), ChinaTime.Format(s.Date),
                    string.Join("；", new[] { Describe(s.Data), s.People.Count == 0 ? "" : (s.Step == 5 ? "培养联系人：" : "入党介绍人：") + string.Join("、", s.People) }.Concat(s.Warnings).Where(x => !string.IsNullOrEmpty(x))),
                ])], 10);
        if (dto.Review is { } review)
        {
            doc.Space(8).Paragraph($"二、四级联审（第{review.Step}步 {review.StepName}）", 13, bold: true)
                .Table([200, 90, 180], review.Levels.Select(l => (IReadOnlyList<string>)
                    [l.Name, l.Status switch { "Approved" => "同意", "Returned" => "退回", "Awaiting" => "待签署", _ => "未到" },
                        l.SignedBy is null ? "" : $"{l.SignedBy} {ChinaTime.Format(l.SignedAt!.Value)} {l.Reason}"]), 10);
        }
        doc.Space(8).Paragraph("三、入党材料", 13, bold: true)
            .Table([60, 170, 240], dto.Checklist.Select(c => (IReadOnlyList<string>)
            [
                $"第{c.Step}步", c.Name + (c.Required ? "（必备）" : ""),
                string.Join("；", dto.Materials.Where(m => m.Step == c.Step && m.Code == c.Code).Select(m => $"{m.FileName} SHA-256 {m.Sha256}"))
                    is { Length: > 0 } files ? files : "未上传",
            ]), 9);
        doc.Space(8).Paragraph("四、存证核验", 13, bold: true)
            .Paragraph(check.Valid
                ? $"打印时核验通过：本档案 {check.Entries.Count} 条存证记录的哈希均可复算，库中 {check.RecordsStored} 条记录与存证一致。"
                : $"打印时核验未通过：{check.Problem}", 11)
            .Paragraph($"最后一条存证哈希：{check.Entries.LastOrDefault()?.Hash ?? "—"}", 9);

        return new PdfFile(doc.ToBytes(), $"发展党员档案-{dto.MemberName}.pdf");
    }

    private static string Describe(StepData d) => string.Join("；", new[]
    {
        d.Talker is null ? null : "谈话人：" + d.Talker, d.Method,
        d.VettingPassed is { } v ? (v ? "政治审查合格" : "政治审查不合格") : null,
        d.TrainingDays is > 0 || d.TrainingHours is > 0 ? $"培训{d.TrainingDays ?? 0}天{d.TrainingHours ?? 0}学时" : null,
        d.NoticeFrom is { } f && d.NoticeTo is { } t ? $"公示{ChinaTime.Format(f)}至{ChinaTime.Format(t)}" : null,
        d.VotersEntitled is { } e ? $"应到{e}人实到{d.VotersPresent}人赞成{d.VotesYes}人" : null,
        d.Outcome, d.ExtendMonths is { } m ? $"延长{m}个月" : null, d.DelayReason, d.Note,
    }.Where(x => !string.IsNullOrEmpty(x)));
}
