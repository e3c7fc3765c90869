using System.IO.Compression;
using Dangjian.Web.Platform.Export;
using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Spreadsheet;

namespace Dangjian.Tests.Platform.Export;

/// <summary>
/// The streaming reader on workbooks as Excel and WPS write them (shared strings, rich text, phonetic guides, omitted
/// empty cells and rows), not only as our own writer does (inline strings), and on damaged files.
/// </summary>
public sealed class XlsxReaderTests
{
    private static byte[] ExcelStyleWorkbook(string sheetXmlOverride = "")
    {
        using var stream = new MemoryStream();
        using (var doc = SpreadsheetDocument.Create(stream, SpreadsheetDocumentType.Workbook))
        {
            var workbook = doc.AddWorkbookPart();
            workbook.Workbook = new Workbook();
            var strings = workbook.AddNewPart<SharedStringTablePart>();
            strings.SharedStringTable = new SharedStringTable(
                new SharedStringItem(new Text("姓名")),
                // Rich text in two runs, with a phonetic guide that Excel does not show in the cell.
                new SharedStringItem(
                    new Run(new Text("王")), new Run(new Text("一")),
                    new PhoneticRun(new Text("wáng yī")) { BaseTextStartIndex = 0, EndingBaseIndex = 2 }),
                new SharedStringItem(new Text(" 前后空格 ") { Space = SpaceProcessingModeValues.Preserve }));
            var sheetPart = workbook.AddNewPart<WorksheetPart>();
            sheetPart.Worksheet = new Worksheet(new SheetData(
                new Row(
                    new Cell { CellReference = "A1", DataType = CellValues.SharedString, CellValue = new CellValue("0") },
                    // B1 left out, as Excel does for an empty cell.
                    new Cell { CellReference = "C1", DataType = CellValues.InlineString, InlineString = new InlineString(new Text("行内")) }) { RowIndex = 1 },
                // Row 2 left out.
                new Row(
                    new Cell { CellReference = "A3", CellValue = new CellValue("45292") },
                    new Cell { CellReference = "B3", DataType = CellValues.Boolean, CellValue = new CellValue("1") },
                    new Cell { CellReference = "C3", DataType = CellValues.SharedString, CellValue = new CellValue("1") },
                    new Cell { CellReference = "D3" },
                    new Cell { CellReference = "E3", DataType = CellValues.SharedString, CellValue = new CellValue("2") },
                    new Cell { CellReference = "F3", DataType = CellValues.String, CellFormula = new CellFormula("A3&\"\""), CellValue = new CellValue("45292") }) { RowIndex = 3 }));
            workbook.Workbook.AppendChild(new Sheets(new Sheet { Id = workbook.GetIdOfPart(sheetPart), SheetId = 1, Name = "名册" }));
        }
        if (sheetXmlOverride.Length == 0) return stream.ToArray();

        // Replace the sheet's XML inside the zip (a damaged file).
        using var copy = new MemoryStream();
        copy.Write(stream.ToArray());
        using (var zip = new ZipArchive(copy, ZipArchiveMode.Update, leaveOpen: true))
        {
            var entry = zip.Entries.Single(e => e.FullName.StartsWith("xl/worksheets/", StringComparison.Ordinal));
            var name = entry.FullName;
            entry.Delete();
            using var writer = new StreamWriter(zip.CreateEntry(name).Open());
            writer.Write(sheetXmlOverride);
        }
        return copy.ToArray();
    }

    [Fact]
    public void ReadRows_ExcelStyleWorkbook_SharedAndRichStringsPlacedByReference()
    {
        var rows = XlsxReader.ReadRows(new MemoryStream(ExcelStyleWorkbook())).ToList();

        rows.Count.ShouldBe(2);
        rows[0].RowNumber.ShouldBe(1);
        rows[0].Cells.ShouldBe(["姓名", null, "行内"]);
        rows[1].RowNumber.ShouldBe(3);
        rows[1].Cells.ShouldBe(["45292", "1", "王一", null, " 前后空格 ", "45292"]);
    }

    [Fact]
    public void ReadRows_OwnWriter_RoundTrips()
    {
        using var stream = new MemoryStream();
        XlsxWriter.Write(stream, "x", ["a", "b", "c"], [["一", null, 3], [" 二 ", "", 4.5]]);
        var rows = XlsxReader.ReadRows(new MemoryStream(stream.ToArray())).ToList();
        rows.Select(r => r.RowNumber).ShouldBe([1, 2, 3]);
        rows[1].Cells.ShouldBe(["一", "", "3"]);
        rows[2].Cells.ShouldBe([" 二 ", "", "4.5"]);
    }

    [Fact]
    public void ReadRows_WorkbookOfSeveralSheets_EachReadByItsIndex()
    {
        using var stream = new MemoryStream();
        XlsxWriter.Write(stream, [new XlsxSheet("汇总", ["类型"], [["党课"]]), new XlsxSheet("会议[2026]", ["序号", "主题"], [[1, "主题党日"]])]);
        var bytes = stream.ToArray();
        XlsxReader.ReadRows(new MemoryStream(bytes)).Select(r => r.Cells).ShouldBe([["类型"], ["党课"]]);
        XlsxReader.ReadRows(new MemoryStream(bytes), 1).Select(r => r.Cells).ShouldBe([["序号", "主题"], ["1", "主题党日"]]);
        Should.Throw<XlsxReader.InvalidWorkbookException>(() => XlsxReader.ReadRows(new MemoryStream(bytes), 2).ToList());
        using var doc = SpreadsheetDocument.Open(new MemoryStream(bytes), false);
        doc.WorkbookPart!.Workbook.Sheets!.Elements<Sheet>().Select(s => s.Name!.Value)
            .ShouldBe(["汇总", "会议_2026_"]);  // [ and ] are not allowed in a sheet name
    }

    [Fact]
    public void ReadRows_SheetXmlCutOffAfterTheFirstRow_InvalidWorkbookWhenReached()
    {
        var damaged = ExcelStyleWorkbook(
            """<?xml version="1.0" encoding="utf-8"?><worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData><row r="1"><c r="A1" t="inlineStr"><is><t>姓名</t></is></c></row><row r="2"><c r="A2" t="inl""");
        var rows = XlsxReader.ReadRows(new MemoryStream(damaged)).GetEnumerator();
        rows.MoveNext().ShouldBeTrue();
        rows.Current.Cells.ShouldBe(["姓名"]);
        Should.Throw<XlsxReader.InvalidWorkbookException>(() => rows.MoveNext());
    }

    [Fact]
    public void ReadRows_NotAZip_InvalidWorkbook() =>
        Should.Throw<XlsxReader.InvalidWorkbookException>(() => XlsxReader.ReadRows(new MemoryStream("姓名,公民身份号码"u8.ToArray())).ToList());
}
