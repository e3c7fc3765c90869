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
    /// <summary>The dossier's own wording: Chinese, as the archive keeps it (DevelopmentForms.resx).</summary>
    private static readonly FormWords F = new(typeof(DevelopmentForms));

    public async Task<Result<PdfFile>> HandleAsync(Guid caseId, CancellationToken ct)
    {
        var loaded = await access.LoadAsync(caseId, Permission.ViewMembers, ct);
        if (!loaded.IsSuccess) return loaded.Error!;
        var dto = await get.ToDtoAsync(loaded.Value!, ct);
        var check = (await proof.HandleAsync(caseId, ct)).Value!;
        var started = pdf.Begin(F["Dossier.Document", dto.MemberName]);
        if (!started.IsSuccess) return started.Error!;
        using var doc = started.Value!;
        var unitName = await db.OrgUnits.Where(u => u.Id == dto.OrgUnitId).Select(u => u.Name).FirstAsync(ct);

        doc.Title(F["Dossier.Title"], 16)
            .Table([110, 360],
            [
                [F["Dossier.Name"], dto.MemberName],
                [F["Dossier.Unit"], unitName],
                [F["Dossier.Application"], ChinaTime.Written(dto.ApplicationDate)],
                [F["Dossier.Resolution"], dto.ResolutionOn is { } r ? ChinaTime.Written(r) : "—"],
                [F["Dossier.ProbationEnds"], dto.ProbationEndsOn is { } p ? ChinaTime.Written(p) : "—"],
                [F["Dossier.Stage"], F["Dossier.StageValue", dto.Stage, dto.StageName]],
            ])
            .Space(8).Paragraph(F["Dossier.Steps"], 13, bold: true)
            .Table([60, 150, 80, 180],
                [[F["Dossier.Steps.Step"], F["Dossier.Steps.Name"], F["Dossier.Steps.Date"], F["Dossier.Steps.Record"]], .. dto.Steps.Select(s => (IReadOnlyList<string>)
                [
                    F["Dossier.StepNumber", s.Step], s.Name + (s.Returned ? F["Dossier.Returned"] : ""), ChinaTime.Format(s.Date),
                    string.Join("；", new[] { Describe(s.Data), s.People.Count == 0 ? "" : (s.Step == 5 ? F["Dossier.Contacts"] : F["Dossier.Sponsors"]) + string.Join("、", s.People) }.Concat(s.Warnings).Where(x => !string.IsNullOrEmpty(x))),
                ])], 10);
        if (dto.Review is { } review)
        {
            doc.Space(8).Paragraph(F["Dossier.Review", review.Step, review.StepName], 13, bold: true)
                .Table([200, 90, 180], review.Levels.Select(l => (IReadOnlyList<string>)
                    [l.Name, l.Status switch { "Approved" or "Returned" or "Awaiting" => F["Dossier.Review." + l.Status], _ => F["Dossier.Review.NotYet"] },
                        l.SignedBy is null ? "" : $"{l.SignedBy} {ChinaTime.Format(l.SignedAt!.Value)} {l.Reason}"]), 10);
        }
        doc.Space(8).Paragraph(F["Dossier.Materials"], 13, bold: true)
            .Table([60, 170, 240], dto.Checklist.Select(c => (IReadOnlyList<string>)
            [
                F["Dossier.StepNumber", c.Step], c.Name + (c.Required ? F["Dossier.Materials.Required"] : ""),
                string.Join("；", dto.Materials.Where(m => m.Step == c.Step && m.Code == c.Code).Select(m => $"{m.FileName} SHA-256 {m.Sha256}"))
                    is { Length: > 0 } files ? files : F["Dossier.Materials.None"],
            ]), 9);
        doc.Space(8).Paragraph(F["Dossier.Proof"], 13, bold: true)
            .Paragraph(check.Valid
                ? F["Dossier.Proof.Passed", check.Entries.Count, check.RecordsStored]
                : F["Dossier.Proof.Failed", check.Problem], 11)
            .Paragraph(F["Dossier.Proof.LastHash", check.Entries.LastOrDefault()?.Hash ?? "—"], 9);

        return new PdfFile(doc.ToBytes(), F["Dossier.FileName", dto.MemberName]);
    }

    private static string Describe(StepData d) => string.Join("；", new[]
    {
        d.Talker is null ? null : F["Dossier.Talker", d.Talker], d.Method,
        d.VettingPassed is { } v ? F[v ? "Dossier.Vetting.Passed" : "Dossier.Vetting.Failed"] : null,
        d.TrainingDays is > 0 || d.TrainingHours is > 0 ? F["Dossier.Training", d.TrainingDays ?? 0, d.TrainingHours ?? 0] : null,
        d.NoticeFrom is { } f && d.NoticeTo is { } t ? F["Dossier.Notice", ChinaTime.Format(f), ChinaTime.Format(t)] : null,
        d.VotersEntitled is { } e ? F["Dossier.Votes", e, d.VotersPresent, d.VotesYes] : null,
        d.Outcome, d.ExtendMonths is { } m ? F["Dossier.Extend", m] : null, d.DelayReason, d.Note,
    }.Where(x => !string.IsNullOrEmpty(x)));
}
