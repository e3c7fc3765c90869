using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Spreadsheet;

namespace Dangjian.Web.Platform.Export;

/// <summary>One sheet of a workbook: its name, a bold header row, then the rows.</summary>
public sealed record XlsxSheet(string Name, IReadOnlyList<string> Headers, IEnumerable<IReadOnlyList<object?>> Rows);

/// <summary>
/// Writes .xlsx workbooks (per sheet a bold header row, then text and number cells) with the OpenXML SDK's streaming
/// writer, so large lists are written without building the whole sheet in memory.
/// </summary>
public static class XlsxWriter
{
    public const string ContentType = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

    // Characters Excel refuses in a sheet name.
    private static readonly char[] NotInSheetNames = ['\\', '/', '?', '*', '[', ']', ':'];

    public static void Write(Stream output, string sheetName, IReadOnlyList<string> headers, IEnumerable<IReadOnlyList<object?>> rows) =>
        Write(output, [new XlsxSheet(sheetName, headers, rows)]);

    /// <summary>A workbook of several sheets, in the order given.</summary>
    public static void Write(Stream output, IReadOnlyList<XlsxSheet> sheets)
    {
        ArgumentNullException.ThrowIfNull(sheets);
        using var doc = SpreadsheetDocument.Create(output, SpreadsheetDocumentType.Workbook);
        var workbook = doc.AddWorkbookPart();
        workbook.Workbook = new Workbook();
        var styles = workbook.AddNewPart<WorkbookStylesPart>();
        styles.Stylesheet = new Stylesheet(
            new Fonts(new Font(), new Font(new Bold())),
            new Fills(new Fill(new PatternFill { PatternType = PatternValues.None }), new Fill(new PatternFill { PatternType = PatternValues.Gray125 })),
            new Borders(new Border()),
            new CellFormats(new CellFormat(), new CellFormat { FontId = 1, ApplyFont = true }));

        var list = new Sheets();
        foreach (var sheet in sheets)
        {
            var sheetPart = workbook.AddNewPart<WorksheetPart>();
            using (var w = OpenXmlWriter.Create(sheetPart))
            {
                w.WriteStartElement(new Worksheet());
                w.WriteStartElement(new SheetData());
                uint index = 1;
                WriteRow(w, index, sheet.Headers.Cast<object?>().ToList(), bold: true);
                foreach (var row in sheet.Rows) WriteRow(w, ++index, row, bold: false);
                w.WriteEndElement();
                w.WriteEndElement();
            }
            list.AppendChild(new Sheet { Id = workbook.GetIdOfPart(sheetPart), SheetId = (uint)list.ChildElements.Count + 1, Name = SheetName(sheet.Name) });
        }
        workbook.Workbook.AppendChild(list);
        workbook.Workbook.Save();
    }

    /// <summary>A name Excel accepts: at most 31 characters, none of \ / ? * [ ] :.</summary>
    private static string SheetName(string name)
    {
        var clean = string.Join("_", name.Split(NotInSheetNames));
        return clean.Length > 31 ? clean[..31] : clean;
    }

    private static void WriteRow(OpenXmlWriter w, uint rowIndex, IReadOnlyList<object?> values, bool bold)
    {
        w.WriteStartElement(new Row { RowIndex = rowIndex });
        for (var i = 0; i < values.Count; i++)
        {
            var value = values[i];
            var cell = value switch
            {
                null => new Cell { DataType = CellValues.InlineString, InlineString = new InlineString(new Text("")) },
                int or long or decimal or double => new Cell
                {
                    DataType = CellValues.Number,
                    CellValue = new CellValue(Convert.ToString(value, System.Globalization.CultureInfo.InvariantCulture)!),
                },
                _ => new Cell { DataType = CellValues.InlineString, InlineString = new InlineString(new Text(value.ToString()!) { Space = SpaceProcessingModeValues.Preserve }) },
            };
            cell.CellReference = ColumnName(i) + rowIndex.ToString(System.Globalization.CultureInfo.InvariantCulture);
            if (bold) cell.StyleIndex = 1;
            w.WriteElement(cell);
        }
        w.WriteEndElement();
    }

    /// <summary>0 → "A", 25 → "Z", 26 → "AA".</summary>
    public static string ColumnName(int index)
    {
        var name = "";
        for (var n = index + 1; n > 0; n = (n - 1) / 26) name = (char)('A' + (n - 1) % 26) + name;
        return name;
    }
}
