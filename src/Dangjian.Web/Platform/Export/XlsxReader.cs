using System.Globalization;
using System.Text;
using System.Xml;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Spreadsheet;

namespace Dangjian.Web.Platform.Export;

/// <summary>
/// Reads a sheet of an .xlsx (the first unless told) as rows of text, streaming: the sheet's XML is read node by node
/// straight from the zip entry (no DOM, not even per row), so a 50,000-row roster costs little more than its strings.
/// Cells are placed by their reference (A, B, …), so empty cells keep the columns aligned. Numbers come back as their
/// stored text; callers that expect dates convert Excel serial numbers themselves. A damaged file throws
/// <see cref="InvalidWorkbookException"/>, also when the damage is found part-way through the rows.
/// </summary>
public static class XlsxReader
{
    /// <summary>A damaged file, or one without the sheet asked for (<see cref="NoSheet"/>); the caller tells the user in their language.</summary>
    public sealed class InvalidWorkbookException(string message, Exception? inner = null, bool noSheet = false) : Exception(message, inner)
    {
        public bool NoSheet => noSheet;
    }

    private const string NotAWorkbook = "Not a valid .xlsx workbook";

    /// <param name="sheet">Which sheet, counted from 0 in the workbook's order.</param>
    public static IEnumerable<(int RowNumber, string?[] Cells)> ReadRows(Stream stream, int sheet = 0)
    {
        using var rows = Rows(stream, sheet).GetEnumerator();
        while (true)
        {
            try
            {
                if (!rows.MoveNext()) yield break;
            }
            catch (Exception ex) when (ex is XmlException or InvalidDataException or IOException)
            {
                throw new InvalidWorkbookException(NotAWorkbook, ex);
            }
            yield return rows.Current;
        }
    }

    private static IEnumerable<(int RowNumber, string?[] Cells)> Rows(Stream stream, int sheetIndex)
    {
        SpreadsheetDocument doc;
        try
        {
            doc = SpreadsheetDocument.Open(stream, false);
        }
        catch (Exception ex) when (ex is DocumentFormat.OpenXml.Packaging.OpenXmlPackageException or InvalidDataException or FileFormatException or IOException)
        {
            throw new InvalidWorkbookException(NotAWorkbook, ex);
        }

        using (doc)
        {
            var workbook = doc.WorkbookPart ?? throw new InvalidWorkbookException("The workbook has no sheet", noSheet: true);
            var sheet = workbook.Workbook.Sheets?.Elements<Sheet>().ElementAtOrDefault(sheetIndex)
                        ?? throw new InvalidWorkbookException($"The workbook has no sheet {sheetIndex}", noSheet: true);
            var part = (WorksheetPart)workbook.GetPartById(sheet.Id!);
            var shared = workbook.SharedStringTablePart is { } sst ? SharedStrings(sst) : [];

            using var xml = XmlReader.Create(part.GetStream(FileMode.Open, FileAccess.Read), Settings);
            var sequential = 0;
            var width = 0;
            while (xml.Read())
            {
                if (xml.NodeType != XmlNodeType.Element || xml.LocalName != "row") continue;
                sequential = int.TryParse(xml.GetAttribute("r"), NumberStyles.None, CultureInfo.InvariantCulture, out var r) ? r : sequential + 1;
                var cells = Row(xml, shared, width);
                width = Math.Max(width, cells.Length);
                yield return (sequential, cells);
            }
        }
    }

    private static readonly XmlReaderSettings Settings = new()
    {
        DtdProcessing = DtdProcessing.Prohibit, IgnoreComments = true, IgnoreProcessingInstructions = true, CloseInput = true,
        CheckCharacters = false,   // read only: a stray control character in a cell is the row checks' business
    };

    /// <summary>The cells of the &lt;row&gt; the reader is on; leaves the reader on the row's end.</summary>
    private static string?[] Row(XmlReader xml, string[] shared, int width)
    {
        if (xml.IsEmptyElement) return [];
        var cells = new List<string?>(width);
        var depth = xml.Depth;
        while (xml.Read() && !(xml.NodeType == XmlNodeType.EndElement && xml.Depth == depth))
        {
            if (xml.NodeType != XmlNodeType.Element || xml.LocalName != "c") continue;
            var index = ColumnIndex(xml.GetAttribute("r")) ?? cells.Count;
            var text = Cell(xml, xml.GetAttribute("t"), shared);
            while (cells.Count < index) cells.Add(null);
            cells.Add(text);
        }
        return cells.ToArray();
    }

    /// <summary>
    /// The text of the &lt;c&gt; the reader is on: a shared string by its index, an inline string, or the stored value
    /// (numbers, booleans, formula results). Leaves the reader on the cell's end.
    /// </summary>
    private static string? Cell(XmlReader xml, string? type, string[] shared)
    {
        if (xml.IsEmptyElement) return null;
        var depth = xml.Depth;
        string? value = null;
        string? inline = null;
        xml.Read();
        while (!(xml.NodeType == XmlNodeType.EndElement && xml.Depth == depth) && !xml.EOF)
        {
            if (xml.NodeType == XmlNodeType.Element && xml.LocalName == "v")
            {
                value = xml.ReadElementContentAsString();
                continue;
            }
            if (xml.NodeType == XmlNodeType.Element && xml.LocalName == "is")
            {
                inline = inline is null ? Text(xml) : inline + Text(xml);
                continue;
            }
            xml.Read();
        }
        return type switch
        {
            "s" => int.TryParse(value, NumberStyles.Integer, CultureInfo.InvariantCulture, out var i) && i >= 0 && i < shared.Length ? shared[i] : null,
            "inlineStr" => inline,
            _ => value,
        };
    }

    /// <summary>
    /// The text runs (&lt;t&gt;) of the string item (&lt;si&gt; or &lt;is&gt;) the reader is on, without phonetic guides
    /// (&lt;rPh&gt;); leaves the reader on the node after the item. Most items have one run: no builder for those.
    /// </summary>
    private static string Text(XmlReader xml)
    {
        if (xml.IsEmptyElement)
        {
            xml.Read();
            return "";
        }
        var depth = xml.Depth;
        string? single = null;
        StringBuilder? many = null;
        xml.Read();
        while (!(xml.NodeType == XmlNodeType.EndElement && xml.Depth == depth) && !xml.EOF)
        {
            if (xml.NodeType == XmlNodeType.Element && xml.LocalName == "rPh")
            {
                xml.Skip();
            }
            else if (xml.NodeType == XmlNodeType.Element && xml.LocalName == "t")
            {
                var run = xml.ReadElementContentAsString();
                if (single is null) single = run;
                else (many ??= new StringBuilder(single)).Append(run);
            }
            else
            {
                xml.Read();
            }
        }
        xml.Read();
        return many?.ToString() ?? single ?? "";
    }

    private static string[] SharedStrings(SharedStringTablePart part)
    {
        var strings = new List<string>();
        using var xml = XmlReader.Create(part.GetStream(FileMode.Open, FileAccess.Read), Settings);
        xml.Read();
        while (!xml.EOF)
        {
            if (xml.NodeType == XmlNodeType.Element && xml.LocalName == "si")
            {
                strings.Add(Text(xml));
                continue;
            }
            xml.Read();
        }
        return strings.ToArray();
    }

    /// <summary>"C7" → 2 (zero-based column).</summary>
    public static int? ColumnIndex(string? reference)
    {
        if (string.IsNullOrEmpty(reference)) return null;
        var n = 0;
        foreach (var ch in reference)
        {
            if (!char.IsAsciiLetterUpper(ch)) break;
            n = n * 26 + (ch - 'A' + 1);
        }
        return n == 0 ? null : n - 1;
    }
}
