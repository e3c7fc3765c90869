using Dangjian.Web.Platform.Pdf;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;

namespace Dangjian.Tests.Platform.Pdf;

/// <summary>
/// The shared PDF piece over PDFsharp 6.5 with Debian's fonts (ADR 0005): which fonts it can embed, how text wraps,
/// and a document read back with poppler.
/// </summary>
public sealed class PdfComposerTests
{
    private const string NotoCjk = "/usr/share/fonts/opentype/noto/NotoSansCJK-Regular.ttc";
    private const string WqyMicroHei = "/usr/share/fonts/truetype/wqy/wqy-microhei.ttc";

    private static PdfFonts Fonts(string? file, int index = 0) =>
        new(Options.Create(new PdfOptions { FontFile = file, FontIndex = index }), NullLogger<PdfFonts>.Instance);

    [Fact]
    public void Extract_NotoCjkCollection_RefusedForItsCffOutlines()
    {
        File.Exists(NotoCjk).ShouldBeTrue("scripts/test.sh installs fonts-noto-cjk");
        var (face, problem) = SfntFont.Extract(File.ReadAllBytes(NotoCjk), 0);
        face.ShouldBeNull();
        problem!.ShouldContain("CFF");
    }

    [Fact]
    public void Extract_WqyMicroHeiCollection_StandaloneTrueTypeFace()
    {
        File.Exists(WqyMicroHei).ShouldBeTrue("scripts/test.sh installs fonts-wqy-microhei");
        var file = File.ReadAllBytes(WqyMicroHei);
        System.Text.Encoding.ASCII.GetString(file, 0, 4).ShouldBe("ttcf");
        var (face, problem) = SfntFont.Extract(file, 0);
        problem.ShouldBeNull();
        face.ShouldNotBeNull();
        face.Take(4).ShouldBe(new byte[] { 0, 1, 0, 0 });
        face.Length.ShouldBeLessThan(file.Length);
        SfntFont.Extract(file, 7).Problem!.ShouldContain("no face 7");
    }

    [Theory]
    [InlineData(new byte[] { 1, 2, 3 }, "not a font file")]
    [InlineData(new byte[] { 0x74, 0x74, 0x63, 0x66, 0, 1, 0, 0, 0, 0, 0, 1, 0, 0, 0x10, 0 }, "cut short")]
    public void Extract_NotAFont_SaysWhy(byte[] bytes, string problem) =>
        SfntFont.Extract(bytes, 0).Problem!.ShouldContain(problem);

    [Fact]
    public void Fonts_DefaultSearchList_FindsWqyMicroHei()
    {
        var fonts = Fonts(null);
        fonts.Family.ShouldNotBeNull();
        fonts.Tried.ShouldBeEmpty();  // the first known path is the one scripts/test.sh installs
    }

    [Fact]
    public void Fonts_SettingNamesCffFont_NoFamilyAndSaysWhy()
    {
        var fonts = Fonts(NotoCjk);
        fonts.Family.ShouldBeNull();
        fonts.Tried.ShouldHaveSingleItem().ShouldContain("CFF");
        Fonts("/nowhere/font.ttf").Tried.ShouldHaveSingleItem().ShouldContain("not found");
    }

    [Fact]
    public async Task Compose_ChineseTitleTableAndCutLine_TextReadableAndFontEmbeddedAsSubset()
    {
        var family = Fonts(WqyMicroHei).Family!;
        using var doc = new PdfComposer(family, "测试文档");
        doc.Title("中国共产党党员组织关系介绍信")
            .Table([1, 2, 1, 2], [["姓名", "张三", "性别", "男"], ["公民身份号码", "11010519491231002X"]])
            .CutLine("沿此线剪开")
            .Paragraph("该同志党费交至 2026年10月。", indent: true);
        var pdf = doc.ToBytes();

        var text = await PdfText.CompactTextAsync(pdf);
        text.ShouldContain("中国共产党党员组织关系介绍信");
        text.ShouldContain("11010519491231002X");
        text.ShouldContain("沿此线剪开");
        text.ShouldContain("党费交至2026年10月");
        var fonts = (await PdfText.FontsAsync(pdf)).Split('\n').Where(l => l.Contains("WenQuanYi", StringComparison.Ordinal)).ToList();
        fonts.ShouldHaveSingleItem().ShouldContain("CID TrueType");
        fonts[0].ShouldMatch(@"Identity-H\s+yes\s+yes\s+yes");  // embedded, subset, with a Unicode map
        pdf.Length.ShouldBeLessThan(200_000);  // a subset, not the 5 MB font
    }

    [Fact]
    public async Task Compose_MoreThanAPage_BreaksOntoNewPagesWithoutLosingText()
    {
        using var doc = new PdfComposer(Fonts(WqyMicroHei).Family!, "长文档");
        for (var i = 1; i <= 60; i++) doc.Paragraph($"第{i}段：党员应当按期交纳党费，参加党的组织生活。");
        var pdf = doc.ToBytes();
        var text = await PdfText.TextAsync(pdf);
        text.ShouldContain("第1段");
        text.ShouldContain("第60段");
        text.Count(c => c == '\f').ShouldBeGreaterThanOrEqualTo(2);  // pdftotext ends each page with a form feed
    }

    private static double Measure(string s) => s.Sum(c => c < 0x2E80 ? 5.0 : 10.0);

    [Theory]
    [InlineData("党员组织关系介绍信", 40, 0, "党员组织|关系介绍|信")]
    [InlineData("党员组织关系介绍信", 40, 20, "党员|组织关系|介绍信")]  // first line set in by two characters
    [InlineData("交至2026年10月", 35, 0, "交至|2026年|10月")]  // a number is not cut
    [InlineData("号码1101051949123100", 40, 0, "号码|11010519|49123100")]  // a run longer than a line is cut by characters
    [InlineData("请接洽。谢谢", 40, 0, "请接洽。|谢谢")]  // 。 does not start a line
    [InlineData("第一行\n第二行", 100, 0, "第一行|第二行")]
    [InlineData("", 40, 0, "")]
    public void Lines_Table(string text, double width, double indent, string expected) =>
        string.Join('|', TextWrap.Lines(text, Measure, width, indent)).ShouldBe(expected);
}
