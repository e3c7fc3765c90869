using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Wordprocessing;

namespace Dangjian.Web.Modules.Development.Materials;

/// <summary>A checklist item's template as a Word document: its title, what it must contain, and room to write.</summary>
public static class MaterialTemplate
{
    public const string ContentType = "application/vnd.openxmlformats-officedocument.wordprocessingml.document";

    public static byte[] Build(MaterialDefinition m)
    {
        using var stream = new MemoryStream();
        using (var doc = WordprocessingDocument.Create(stream, WordprocessingDocumentType.Document))
        {
            var main = doc.AddMainDocumentPart();
            var body = new Body(
                Paragraph(m.Name, bold: true, size: 36, center: true),
                Paragraph($"（发展党员第{m.Step}步「{DevelopmentSteps.Of(m.Step).Name}」{(m.Required ? "，必备材料" : "")}）", size: 21, center: true),
                Paragraph("应当写明：" + m.Template, size: 24),
                Paragraph("", size: 24));
            for (var i = 0; i < 12; i++) body.Append(Paragraph("________________________________________________________________", size: 24));
            body.Append(Paragraph("签名：________________        日期：______年____月____日", size: 24));
            main.Document = new Document(body);
            main.Document.Save();
        }
        return stream.ToArray();
    }

    private static Paragraph Paragraph(string text, bool bold = false, int size = 24, bool center = false)
    {
        var runProperties = new RunProperties(new RunFonts { EastAsia = "宋体", Ascii = "Times New Roman" }, new FontSize { Val = size.ToString() });
        if (bold) runProperties.Append(new Bold());
        var paragraph = new Paragraph(new Run(runProperties, new Text(text) { Space = SpaceProcessingModeValues.Preserve }));
        if (center) paragraph.PrependChild(new ParagraphProperties(new Justification { Val = JustificationValues.Center }));
        return paragraph;
    }
}
