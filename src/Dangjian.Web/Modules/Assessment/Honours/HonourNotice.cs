using Dangjian.Web.Data;
using Dangjian.Web.Platform.Clock;
using Dangjian.Web.Platform.Errors;
using Dangjian.Web.Platform.Export;
using Dangjian.Web.Platform.Pdf;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;

namespace Dangjian.Web.Modules.Assessment.Honours;

public sealed record HonourNoticeItemDto(Guid NominationId, string Kind, string NomineeName, string UnitName, string Reason, string Status);

/// <summary>The public notice (公示): the approved nominees, posted to everyone the campaign concerns, names only.</summary>
public sealed record HonourNoticeDto(HonourCampaignDto Campaign, DateOnly StartsOn, DateOnly EndsOn, int WorkingDays, string Article,
    IReadOnlyList<HonourNoticeItemDto> Items);

/// <summary>The notice as a page, an API answer and a PDF to post; and the workbook of nominees and results for those who run it.</summary>
public sealed class HonourNotice(AppDbContext db, HonoursAccess access, Campaigns campaigns, CampaignDetails details, PdfDocuments pdf, IStringLocalizer<HonoursText> T)
{
    public async Task<Result<HonourNoticeDto>> GetAsync(Guid campaignId, CancellationToken ct)
    {
        var loaded = await access.LoadAsync(campaignId, ct);
        if (!loaded.IsSuccess) return loaded.Error!;
        var c = loaded.Value!;
        if (c.Status is not (HonourCampaignStatus.Notice or HonourCampaignStatus.Awarded)) return Error.Conflict("HONOUR_NO_NOTICE", T["Notice.NotYet"]);
        var rows = await db.HonourNominations.AsNoTracking()
            .Where(n => n.CampaignId == c.Id && (n.Status == HonourNominationStatus.Approved || n.Status == HonourNominationStatus.Awarded))
            .OrderBy(n => n.Kind).ThenBy(n => n.OrgPath).ThenBy(n => n.NomineeName).ToListAsync(ct);
        var names = await campaigns.UnitNamesAsync(rows.Select(n => n.OrgUnitId).Append(c.OrgUnitId), ct);
        return new HonourNoticeDto(Campaigns.ToDto(c, names.GetValueOrDefault(c.OrgUnitId, "")), c.NoticeStartsOn, c.NoticeEndsOn,
            HonourPhaseRules.WorkingDays(c.NoticeStartsOn, c.NoticeEndsOn), HonourPhaseRules.AwardArticle,
            rows.Select(n => new HonourNoticeItemDto(n.Id, n.Kind.ToString(), n.NomineeName, names.GetValueOrDefault(n.OrgUnitId, ""), n.Reason, n.Status.ToString())).ToList());
    }

    public async Task<Result<PdfFile>> PdfAsync(Guid campaignId, CancellationToken ct)
    {
        var loaded = await GetAsync(campaignId, ct);
        if (!loaded.IsSuccess) return loaded.Error!;
        var n = loaded.Value!;
        var started = pdf.Begin(T["Notice.Document", n.Campaign.Title]);
        if (!started.IsSuccess) return started.Error!;
        using var doc = started.Value!;
        doc.Title(T["Notice.Document", n.Campaign.Title], 16)
            .Paragraph(T["Notice.Lead", n.Campaign.UnitName, n.Campaign.Year, ChinaTime.Written(n.StartsOn), ChinaTime.Written(n.EndsOn), n.WorkingDays], 12, indent: true)
            .Space(6)
            .Table([120, 110, 100, 150],
                [[T["Col.Kind"], T["Col.Nominee"], T["Col.Unit"], T["Col.Reason"]], .. n.Items.Select(i => (IReadOnlyList<string>)
                    [T["Kind." + i.Kind], i.NomineeName, i.UnitName, i.Reason])], 10)
            .Space(10)
            .Paragraph(T["Notice.Objections"], 12, indent: true)
            .Space(16)
            .Paragraph(n.Campaign.UnitName, 12, PdfAlign.Right)
            .Paragraph(ChinaTime.Written(n.StartsOn), 12, PdfAlign.Right);
        return new PdfFile(doc.ToBytes(), $"{T["Notice.FileName"]}-{n.Campaign.Title}.pdf");
    }

    /// <summary>Nominees with their tallies and status, and the awards: for those who run the campaign.</summary>
    public async Task<Result<(string FileName, byte[] Content)>> ExportAsync(Guid campaignId, CancellationToken ct)
    {
        var loaded = await access.LoadAsync(campaignId, ct);
        if (!loaded.IsSuccess) return loaded.Error!;
        if (!access.Runs(loaded.Value!)) return Error.Forbidden(T["Campaign.NotYours"]);
        var d = (await details.GetAsync(campaignId, ct)).Value!;
        using var output = new MemoryStream();
        XlsxWriter.Write(output,
        [
            new XlsxSheet(T["Export.Nominees"], [T["Col.Kind"], T["Col.Nominee"], T["Col.Unit"], T["Col.Reason"], T["Col.Yes"], T["Col.No"], T["Col.Status"], T["Col.NominatedAt"]],
                d.Nominations.Select(x => (IReadOnlyList<object?>)[T["Kind." + x.Kind].Value, x.NomineeName, x.UnitName, x.Reason, x.Yes, x.No,
                    T["NominationStatus." + x.Status].Value, ChinaTime.Format(x.NominatedAt)]).ToList()),
            new XlsxSheet(T["Export.Awards"], [T["Col.Kind"], T["Col.Nominee"], T["Col.Year"], T["Col.AwardedOn"]],
                d.Awards.Select(a => (IReadOnlyList<object?>)[T["Kind." + a.Kind].Value, a.NomineeName, a.Year, ChinaTime.Format(a.AwardedOn)]).ToList()),
        ]);
        return ($"{T["Export.FileName"]}-{d.Campaign.Title}.xlsx", output.ToArray());
    }
}
