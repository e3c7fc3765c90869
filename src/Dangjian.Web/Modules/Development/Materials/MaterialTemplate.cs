using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Wordprocessing;
using Dangjian.Web.Platform.Pdf;

namespace Dangjian.Web.Modules.Development.Materials;

/// <summary>
/// A checklist item's template as a Word document: its title, what it must contain, and room to write. It goes into the
/// dossier, so it is Chinese whatever the UI language (DevelopmentForms, and the names of DevelopmentText in Chinese).
/// </summary>
public static class MaterialTemplate
{
    public const string ContentType = "application/vnd.openxmlformats-officedocument.wordprocessingml.document";

    private static readonly FormWords F = new(typeof(DevelopmentForms));
    private static readonly FormWords Names = new(typeof(DevelopmentText));

    public static byte[] Build(MaterialDefinition m)
    {
        using var stream = new MemoryStream();
        using (var doc = WordprocessingDocument.Create(stream, WordprocessingDocumentType.Document))
        {
            var main = doc.AddMainDocumentPart();
            var body = new Body(
                Paragraph(Names["Dev.Material.Item." + m.Code], bold: true, size: 36, center: true),
                Paragraph(F["Template.Subtitle", m.Step, Names["DevStep." + m.Step], m.Required ? F["Template.Required"] : ""], size: 21, center: true),
                Paragraph(F["Template.Contents", Names["Dev.Material.Item." + m.Code + ".Hint"]], size: 24),
                Paragraph("", size: 24));
            for (var i = 0; i < 12; i++) body.Append(Paragraph("________________________________________________________________", size: 24));
            body.Append(Paragraph(F["Template.Signature"], size: 24));
            main.Document = new Document(body);
            main.Document.Save();
        }
        return stream.ToArray();
    }

    private static Paragraph Paragraph(string text, bool bold = false, int size = 24, bool center = false)
    {
        var runProperties = new RunProperties(new RunFonts { EastAsia = F["Template.Font"], Ascii = "Times New Roman" }, new FontSize { Val = size.ToString() });
        if (bold) runProperties.Append(new Bold());
        var paragraph = new Paragraph(new Run(runProperties, new Text(text) { Space = SpaceProcessingModeValues.Preserve }));
        if (center) paragraph.PrependChild(new ParagraphProperties(new Justification { Val = JustificationValues.Center }));
        return paragraph;
    }
}
