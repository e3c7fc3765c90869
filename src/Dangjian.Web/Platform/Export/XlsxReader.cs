using System.Globalization;
using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Spreadsheet;

namespace Dangjian.Web.Platform.Export;

/// <summary>
/// Reads the first sheet of an .xlsx as rows of text, streaming (SAX) so large files do not build a DOM. Cells are
/// placed by their reference (A, B, …), so empty cells keep the columns aligned. Numbers come back as their stored
/// text; callers that expect dates convert Excel serial numbers themselves.
/// </summary>
public static class XlsxReader
{
    public sealed class InvalidWorkbookException(string message, Exception? inner = null) : Exception(message, inner);

    public static IEnumerable<(int RowNumber, string?[] Cells)> ReadRows(Stream stream)
    {
        SpreadsheetDocument doc;
        try
        {
            doc = SpreadsheetDocument.Open(stream, false);
        }
        catch (Exception ex) when (ex is OpenXmlPackageException or InvalidDataException or FileFormatException or IOException)
        {
            throw new InvalidWorkbookException("文件不是有效的 Excel（.xlsx）工作簿", ex);
        }

        using (doc)
        {
            var workbook = doc.WorkbookPart ?? throw new InvalidWorkbookException("工作簿中没有工作表");
            var sheet = workbook.Workbook.Sheets?.Elements<Sheet>().FirstOrDefault() ?? throw new InvalidWorkbookException("工作簿中没有工作表");
            var part = (WorksheetPart)workbook.GetPartById(sheet.Id!);
            var shared = workbook.SharedStringTablePart?.SharedStringTable.Elements<SharedStringItem>().Select(i => i.InnerText).ToArray() ?? [];

            using var reader = OpenXmlReader.Create(part);
            var sequential = 0;
            while (reader.Read())
            {
                if (reader.ElementType != typeof(Row) || !reader.IsStartElement) continue;
                var row = (Row)reader.LoadCurrentElement()!;
                var cells = new List<string?>();
                foreach (var cell in row.Elements<Cell>())
                {
                    var index = ColumnIndex(cell.CellReference?.Value) ?? cells.Count;
                    while (cells.Count < index) cells.Add(null);
                    cells.Add(Text(cell, shared));
                }
                sequential = (int?)row.RowIndex?.Value ?? sequential + 1;
                yield return (sequential, cells.ToArray());
            }
        }
    }

    private static string? Text(Cell cell, string[] shared)
    {
        if (cell.DataType?.Value == CellValues.SharedString)
        {
            return int.TryParse(cell.CellValue?.Text, NumberStyles.Integer, CultureInfo.InvariantCulture, out var i) && i < shared.Length ? shared[i] : null;
        }
        if (cell.DataType?.Value == CellValues.InlineString) return cell.InlineString?.InnerText;
        return cell.CellValue?.Text;
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
