using Dangjian.Web.Data;
using Dangjian.Web.Platform.Clock;
using Dangjian.Web.Platform.Errors;
using Dangjian.Web.Platform.Export;
using Dangjian.Web.Platform.Paging;
using Dangjian.Web.Platform.Pdf;
using Microsoft.Extensions.Localization;

namespace Dangjian.Web.Modules.Dashboard;

/// <summary>
/// The dashboard on paper: every table of it as a workbook (figures, months, units below, weak links), and the page
/// as an A4 PDF with the same tables (ADR 0005). Figures only, no personal data beyond the names in weak links. Read
/// through <see cref="ReadDb"/>, as the dashboard is.
/// </summary>
public sealed class DashboardExport(Dashboard board, WeakLinks.WeakLinks links, ReadDb read, PdfDocuments pdf, IStringLocalizer<SharedResource> L,
    IStringLocalizer<DashboardText> T)
{
    private const int MaxWeakLinks = 200;

    public async Task<Result<(string FileName, byte[] Content)>> WorkbookAsync(Guid unitId, DateOnly? from, DateOnly? to, CancellationToken ct)
    {
        var loaded = await LoadAsync(unitId, from, to, ct);
        if (!loaded.IsSuccess) return loaded.Error!;
        var (d, weak) = loaded.Value;
        using var output = new MemoryStream();
        XlsxWriter.Write(output,
        [
            new XlsxSheet(T["Dashboard.SheetFigures"], [T["Dashboard.Figure"], T["Dashboard.Value"], T["Dashboard.PreviousValue"]],
                Figures(d).Select(f => (IReadOnlyList<object?>)[f.Name, f.Value, f.Previous]).ToList()),
            new XlsxSheet(T["Dashboard.SheetMonths"], MonthHeaders(), d.Months.Select(m => (IReadOnlyList<object?>)
                [m.Month, m.Figures.Meetings, m.Figures.ThemeDays, m.Figures.Expected, m.Figures.SignedIn, m.Figures.OnLeave, m.Figures.SignInRate,
                 m.Figures.DuesBilled, m.Figures.DuesPaid, m.Figures.DuesCollectionRate, m.Figures.DuesPaidFen / 100m]).ToList()),
            new XlsxSheet(T["Dashboard.SheetUnits"], UnitHeaders(), d.Children.Select(c => (IReadOnlyList<object?>)
                [c.Name, L["Kind." + c.Kind].Value, c.Party, c.Branches, c.MeetingCompletion.Red, c.MeetingCompletion.Yellow, c.MeetingCompletion.Green,
                 c.SignInRate, c.DuesCollectionRate, c.OutOfContact]).ToList()),
            new XlsxSheet(T["WeakLink.Title"], WeakHeaders(), weak.Select(w => (IReadOnlyList<object?>)
                [w.Score, w.OrgUnitName, w.MemberName, w.Reason, w.Article, T["WeakLinkStatus." + w.Status].Value, w.AssignedTo]).ToList()),
        ]);
        return (FileName(d, "xlsx"), output.ToArray());
    }

    public async Task<Result<PdfFile>> PdfAsync(Guid unitId, DateOnly? from, DateOnly? to, CancellationToken ct)
    {
        var loaded = await LoadAsync(unitId, from, to, ct);
        if (!loaded.IsSuccess) return loaded.Error!;
        var (d, weak) = loaded.Value;
        var started = pdf.Begin($"{d.Name} {T["Dashboard.Title"]}");
        if (!started.IsSuccess) return started.Error!;
        using var doc = started.Value!;
        doc.Title($"{d.Name} {T["Dashboard.Title"]}", 18).Space(4)
            .Paragraph(T["Dashboard.PdfPeriod", ChinaTime.Format(d.From), ChinaTime.Format(d.To), ChinaTime.Format(d.AsOf)], 10, PdfAlign.Center).Space(8)
            .Table([230, 120, 120], [[T["Dashboard.Figure"], T["Dashboard.Value"], T["Dashboard.PreviousValue"]],
                .. Figures(d).Select(f => (IReadOnlyList<string>)[f.Name, Text(f.Value), Text(f.Previous)])], 9);
        if (d.Months.Count > 0)
        {
            doc.Space(8).Paragraph(T["Dashboard.SheetMonths"], 12, bold: true).Space(2)
                .Table([50, 40, 40, 40, 40, 40, 45, 40, 40, 45, 50], [MonthHeaders(), .. d.Months.Select(m => (IReadOnlyList<string>)
                [
                    m.Month, Text(m.Figures.Meetings), Text(m.Figures.ThemeDays), Text(m.Figures.Expected), Text(m.Figures.SignedIn), Text(m.Figures.OnLeave),
                    Text(m.Figures.SignInRate), Text(m.Figures.DuesBilled), Text(m.Figures.DuesPaid), Text(m.Figures.DuesCollectionRate),
                    (m.Figures.DuesPaidFen / 100m).ToString("0.00", System.Globalization.CultureInfo.InvariantCulture),
                ])], 7);
        }
        if (d.Children.Count > 0)
        {
            doc.Space(8).Paragraph(T["Dashboard.SheetUnits"], 12, bold: true).Space(2)
                .Table([110, 50, 35, 35, 35, 35, 35, 45, 45, 40], [UnitHeaders(), .. d.Children.Select(c => (IReadOnlyList<string>)
                [
                    c.Name, L["Kind." + c.Kind], Text(c.Party), Text(c.Branches), Text(c.MeetingCompletion.Red), Text(c.MeetingCompletion.Yellow),
                    Text(c.MeetingCompletion.Green), Text(c.SignInRate), Text(c.DuesCollectionRate), Text(c.OutOfContact),
                ])], 7);
        }
        if (weak.Count > 0)
        {
            doc.Space(8).Paragraph(T["WeakLink.Title"], 12, bold: true).Space(2)
                .Table([35, 90, 55, 170, 120], [[.. WeakHeaders().Take(5)], .. weak.Select(w => (IReadOnlyList<string>)
                    [Text(w.Score), w.OrgUnitName, w.MemberName ?? "", w.Reason, w.Article])], 7);
        }
        return new PdfFile(doc.ToBytes(), FileName(d, "pdf"));
    }

    private async Task<Result<(DashboardDto, IReadOnlyList<WeakLinks.WeakLinkDto>)>> LoadAsync(Guid unitId, DateOnly? from, DateOnly? to, CancellationToken ct)
    {
        var d = await board.HandleAsync(unitId, from, to, ct);
        if (!d.IsSuccess) return d.Error!;
        var weak = await links.ListFromAsync(read.Db, unitId, null, PageRequest.Of(1, MaxWeakLinks), ct);
        return (d.Value!, weak.Value?.Items ?? []);
    }

    private IEnumerable<(string Name, object? Value, object? Previous)> Figures(DashboardDto d) =>
    [
        (T["Dashboard.Party"], d.Members.Party, null), (T["Category.Full"], d.Members.Full, null), (T["Category.Probationary"], d.Members.Probationary, null),
        (T["Dashboard.Female"], d.Members.Female, null), (T["Dashboard.Under35"], d.Members.Under35, null), (L["Mobile.ListTitle"], d.Members.Mobile, null),
        (T["Dashboard.OutOfContact"], d.OutOfContact, null), (T["Dashboard.Branches"], d.Branches.Total, null), (T["Dashboard.Groups"], d.Branches.Groups, null),
        (T["Dashboard.SmallBranchesShort"], d.Branches.Small, null), (T["Dashboard.RedBranches"], d.MeetingCompletion.Red, null),
        (L["Compliance.Yellow"], d.MeetingCompletion.Yellow, null), (L["Compliance.Green"], d.MeetingCompletion.Green, null),
        (T["Dashboard.TermsExpiring"], d.TermsExpiring, null), (T["Category.Applicant"], d.DevelopmentFunnel.Applicants, null),
        (T["Category.Activist"], d.DevelopmentFunnel.Activists, null), (T["Category.Candidate"], d.DevelopmentFunnel.Candidates, null),
        (L["Attendance.Meetings"], d.Period.Meetings, d.Previous.Meetings), (L["Attendance.SignInRate"], d.Period.SignInRate, d.Previous.SignInRate),
        (L["Attendance.AttendanceRate"], d.Period.AttendanceRate, d.Previous.AttendanceRate),
        (T["Dashboard.DuesRate"], d.Period.DuesCollectionRate, d.Previous.DuesCollectionRate),
        (T["Dashboard.DuesCollected"], d.Period.DuesPaidFen / 100m, d.Previous.DuesPaidFen / 100m),
        (T["Dashboard.HoursPerMember", d.Education.Year], (decimal)d.Education.HoursPerMember, null),
        (T["Dashboard.RequiredCompletion"], d.Education.RequiredCompletionRate, null), (T["Dashboard.ExamPassRate"], d.Education.ExamPassRate, null),
        (T["Dashboard.BelowTarget"], d.Education.BelowTarget, null), (T["Dashboard.FarBelow"], d.Education.FarBelow, null),
    ];

    private IReadOnlyList<string> MonthHeaders() =>
    [
        T["Dashboard.Month"], L["Attendance.Meetings"], T["MeetingType.ThemeDay"], T["Dashboard.Expected"], T["Dashboard.SignedIn"], T["Dashboard.OnLeave"],
        L["Attendance.SignInRate"], T["Dashboard.DuesBilled"], T["Dashboard.DuesPaid"], T["Dashboard.DuesRate"], T["Dashboard.DuesCollected"],
    ];

    private IReadOnlyList<string> UnitHeaders() =>
    [
        L["Member.Unit"], T["Dashboard.Kind"], T["Dashboard.Party"], T["Dashboard.Branches"], L["Compliance.Red"], L["Compliance.Yellow"],
        L["Compliance.Green"], L["Attendance.SignInRate"], T["Dashboard.DuesRate"], T["Dashboard.OutOfContact"],
    ];

    private IReadOnlyList<string> WeakHeaders() =>
        [T["WeakLink.Score"], L["Member.Unit"], L["Member.Name"], T["WeakLink.Reason"], L["Rule.Basis"], L["Dev.Status"], T["WeakLink.AssignTo"]];

    private static string Text(object? v) => v switch
    {
        null => "—",
        decimal m => m.ToString("0.##", System.Globalization.CultureInfo.InvariantCulture),
        _ => Convert.ToString(v, System.Globalization.CultureInfo.InvariantCulture) ?? "",
    };

    private string FileName(DashboardDto d, string ext) => $"{T["Dashboard.FileName", d.Name, ChinaTime.Format(d.From), ChinaTime.Format(d.To)]}.{ext}";
}
