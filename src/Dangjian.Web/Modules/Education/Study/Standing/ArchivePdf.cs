using System.Globalization;
using Dangjian.Web.Modules.Education.Study.Archive;
using Dangjian.Web.Platform.Clock;
using Dangjian.Web.Platform.Errors;
using Dangjian.Web.Platform.Pdf;
using Microsoft.Extensions.Localization;

namespace Dangjian.Web.Modules.Education.Study.Standing;

/// <summary>
/// A member's learning archive of a year on A4 (ADR 0005: the embedded Chinese font; 503 without one): the totals against
/// the target and its rule, hours by category, then every course, meeting and outside month counted. The same archive,
/// and the same access, as the page and the JSON: the member's own, or ViewMembers on their unit or above.
/// </summary>
public sealed class ArchivePdf(LearningArchive archive, PdfDocuments pdf, TimeProvider clock, IStringLocalizer<StudyText> T,
    IStringLocalizer<EducationText> E)
{
    public async Task<Result<PdfFile>> MineAsync(string? year, CancellationToken ct) => Write(await archive.MineAsync(year, ct));

    public async Task<Result<PdfFile>> MemberAsync(Guid memberId, string? year, CancellationToken ct) => Write(await archive.MemberAsync(memberId, year, ct));

    private Result<PdfFile> Write(Result<LearningArchiveDto> loaded)
    {
        if (!loaded.IsSuccess) return loaded.Error!;
        var a = loaded.Value!;
        var title = T["ArchivePdf.Title", a.Name, a.Year];
        var started = pdf.Begin(title);
        if (!started.IsSuccess) return started.Error!;
        using var doc = started.Value!;
        doc.Title(title, 16).Paragraph(T["ArchivePdf.Printed", ChinaTime.Format(clock.GetUtcNow())], 9, PdfAlign.Right).Space(6)
            .Paragraph(T["Archive.Summary", N(a.Hours), a.TargetHours, N(a.GapHours)], 12)
            .Paragraph($"{(a.BelowTarget ? T["Archive.BelowRule", a.TargetHours] : T["Archive.MetRule", a.TargetHours])}（{(a.Leader ? T["Archive.LeaderTarget"] : T["Archive.MemberTarget"])}，{a.Article}）", 10)
            .Space(6)
            .Table([250, 120], [[T["ArchivePdf.Source"], T["Archive.Hours"]],
                [T["Archive.Source.Course"], N(a.CourseHours)], [T["Archive.Source.Meeting"], N(a.MeetingHours)],
                [T["Archive.Source.External"], N(a.ExternalHours)], [T["Archive.Column.Total"], N(a.Hours)]], 10);
        if (a.ByCategory.Count > 0)
        {
            doc.Space(8).Paragraph(T["Archive.ByCategory"], 12, bold: true).Space(2)
                .Table([250, 120], [[T["Archive.Category"], T["Archive.Hours"]], .. a.ByCategory.Select(c => (IReadOnlyList<string>)[E["Category." + c.Category], N(c.Hours)])], 10);
        }
        if (a.Courses.Count > 0)
        {
            doc.Space(8).Paragraph(T["Archive.Source.Course"], 12, bold: true).Space(2)
                .Table([220, 90, 60, 110], [[T["Archive.Course"], T["Archive.Category"], T["Archive.Hours"], T["Archive.Completed"]],
                    .. a.Courses.Select(c => (IReadOnlyList<string>)[c.Title, E["Category." + c.Category], N(c.Hours), c.CompletedAt is { } d ? ChinaTime.Format(d) : ""])], 9);
        }
        if (a.Meetings.Count > 0)
        {
            doc.Space(8).Paragraph(T["Archive.Source.Meeting"], 12, bold: true).Space(2)
                .Table([110, 90, 220, 60], [[T["Archive.When"], T["Archive.Type"], T["Archive.Topic"], T["Archive.Hours"]],
                    .. a.Meetings.Select(m => (IReadOnlyList<string>)[ChinaTime.Format(m.StartsAt), T["MeetingType." + m.Type], m.Topic, N(m.Hours)])], 9);
        }
        if (a.External.Count > 0)
        {
            doc.Space(8).Paragraph(T["Archive.Source.External"], 12, bold: true).Space(2)
                .Table([90, 170, 80, 80], [[T["Archive.Month"], T["Archive.Platform"], T["Archive.Points"], T["Archive.Hours"]],
                    .. a.External.Select(x => (IReadOnlyList<string>)[x.Month, T["ExternalImport.Source." + x.Source], x.Points.ToString(CultureInfo.InvariantCulture), N(x.Hours)])], 9);
        }
        return new PdfFile(doc.ToBytes(), $"{T["Archive.File"]}-{a.Name}-{a.Year.ToString(CultureInfo.InvariantCulture)}.pdf");
    }

    private static string N(double hours) => hours.ToString("0.0", CultureInfo.InvariantCulture);
}
