using PdfSharp.Drawing;
using PdfSharp.Pdf;

namespace Dangjian.Web.Platform.Pdf;

public enum PdfAlign
{
    Left,
    Center,
    Right,
}

/// <summary>
/// Lays out a simple A4 document top to bottom: titles, wrapped paragraphs, bordered tables, rules and the dashed
/// cut line between the parts of a form (存根 | 介绍信 | 回执). A block that does not fit goes on a new page.
/// Sizes are in points (A4 is 595 × 842).
/// </summary>
public sealed class PdfComposer : IDisposable
{
    private const double SideMargin = 56;
    private const double TopMargin = 48;
    private const double BottomMargin = 48;
    private const double CellPadding = 4;
    private const double LineSpacing = 1.5;

    private readonly string family;
    private readonly PdfDocument document = new();
    private readonly XPen thin = new(XColors.Black, 0.6);
    private readonly Dictionary<(double, bool), XFont> fonts = [];
    private PdfPage page = null!;
    private XGraphics g = null!;
    private double y;

    internal PdfComposer(string family, string title)
    {
        this.family = family;
        document.Info.Title = title;
        document.Info.Creator = "Dangjian";
        NewPage();
    }

    private double Left => SideMargin;
    private double Width => page.Width.Point - 2 * SideMargin;
    private double Bottom => page.Height.Point - BottomMargin;

    public PdfComposer Title(string text, double size = 18) =>
        Paragraph(text, size, PdfAlign.Center, bold: true).Space(size * 0.4);

    /// <summary>Text wrapped to the page width; <paramref name="indent"/> sets the first line in by two characters.</summary>
    public PdfComposer Paragraph(string text, double size = 12, PdfAlign align = PdfAlign.Left, bool indent = false, bool bold = false)
    {
        var font = Font(size, bold);
        var lineHeight = size * LineSpacing;
        var firstIndent = indent ? 2 * size : 0;
        var lines = TextWrap.Lines(text, s => g.MeasureString(s, font).Width, Width, firstIndent);
        for (var i = 0; i < lines.Count; i++)
        {
            EnsureRoom(lineHeight);
            var offset = i == 0 ? firstIndent : 0;
            DrawLine(lines[i], font, Left + offset, Width - offset, align, lineHeight);
            y += lineHeight;
        }
        return this;
    }

    public PdfComposer Space(double points)
    {
        y = Math.Min(y + points, Bottom);
        return this;
    }

    /// <summary>Continues on a new page (after a cover, before a section of its own); at the top of an empty page, nothing.</summary>
    public PdfComposer PageBreak()
    {
        if (y > TopMargin) NewPage();
        return this;
    }

    /// <summary>A thin line across the page.</summary>
    public PdfComposer Rule()
    {
        EnsureRoom(6);
        g.DrawLine(thin, Left, y + 3, Left + Width, y + 3);
        return Space(6);
    }

    /// <summary>A dashed line across the page with a label in its middle, where the parts of a form are cut apart.</summary>
    public PdfComposer CutLine(string label, double size = 9)
    {
        var font = Font(size, false);
        var height = size * 3;
        EnsureRoom(height);
        var mid = y + height / 2;
        var labelWidth = g.MeasureString(label, font).Width + size;
        var dashed = new XPen(XColors.Gray, 0.6) { DashStyle = XDashStyle.Dash };
        var gapStart = Left + (Width - labelWidth) / 2;
        g.DrawLine(dashed, Left - SideMargin / 2, mid, gapStart, mid);
        g.DrawLine(dashed, gapStart + labelWidth, mid, Left + Width + SideMargin / 2, mid);
        g.DrawString(label, font, XBrushes.Gray, new XRect(gapStart, mid - size, labelWidth, size * 2), XStringFormats.Center);
        y += height;
        return this;
    }

    /// <summary>
    /// A bordered table; <paramref name="columns"/> are the relative widths, each cell wraps inside its column. A row
    /// with fewer cells than columns lets its last cell span the rest of the row.
    /// </summary>
    public PdfComposer Table(IReadOnlyList<double> columns, IEnumerable<IReadOnlyList<string>> rows, double size = 11)
    {
        ArgumentNullException.ThrowIfNull(columns);
        ArgumentNullException.ThrowIfNull(rows);
        var font = Font(size, false);
        var lineHeight = size * LineSpacing;
        var total = columns.Sum();
        foreach (var row in rows.Where(r => r.Count > 0))
        {
            var widths = columns.Take(row.Count - 1).Append(columns.Skip(row.Count - 1).Sum()).Select(c => Width * c / total).ToArray();
            var cells = widths.Select((w, i) => TextWrap.Lines(row[i], s => g.MeasureString(s, font).Width, w - 2 * CellPadding, 0))
                .ToList();
            var height = cells.Max(c => Math.Max(1, c.Count)) * lineHeight + 2 * CellPadding;
            EnsureRoom(height);
            var x = Left;
            for (var i = 0; i < widths.Length; i++)
            {
                g.DrawRectangle(thin, x, y, widths[i], height);
                for (var l = 0; l < cells[i].Count; l++)
                {
                    DrawLine(cells[i][l], font, x + CellPadding, widths[i] - 2 * CellPadding, PdfAlign.Left, lineHeight, y + CellPadding + l * lineHeight);
                }
                x += widths[i];
            }
            y += height;
        }
        return this;
    }

    public byte[] ToBytes()
    {
        g.Dispose();
        // Saving closes the document; nothing more can be drawn.
        using var stream = new MemoryStream();
        document.Save(stream, closeStream: false);
        return stream.ToArray();
    }

    public void Dispose()
    {
        g.Dispose();
        document.Dispose();
    }

    private void DrawLine(string text, XFont font, double x, double width, PdfAlign align, double lineHeight, double? top = null)
    {
        var format = align switch
        {
            PdfAlign.Center => XStringFormats.Center,
            PdfAlign.Right => XStringFormats.CenterRight,
            _ => XStringFormats.CenterLeft,
        };
        g.DrawString(text, font, XBrushes.Black, new XRect(x, top ?? y, width, lineHeight), format);
    }

    private void EnsureRoom(double height)
    {
        if (y + height > Bottom && y > TopMargin) NewPage();
    }

    private void NewPage()
    {
        g?.Dispose();
        page = document.AddPage();
        page.Size = PdfSharp.PageSize.A4;
        g = XGraphics.FromPdfPage(page);
        y = TopMargin;
    }

    private XFont Font(double size, bool bold)
    {
        if (!fonts.TryGetValue((size, bold), out var font))
        {
            font = new XFont(family, size, bold ? XFontStyleEx.Bold : XFontStyleEx.Regular, new XPdfFontOptions(PdfFontEncoding.Unicode));
            fonts[(size, bold)] = font;
        }
        return font;
    }
}
