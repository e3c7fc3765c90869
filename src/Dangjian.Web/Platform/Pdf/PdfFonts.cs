using System.Collections.Concurrent;
using Microsoft.Extensions.Options;
using PdfSharp.Fonts;

namespace Dangjian.Web.Platform.Pdf;

/// <summary>Where the Chinese font for PDF documents comes from (ADR 0005).</summary>
public sealed class PdfOptions
{
    public const string Section = "Pdf";

    /// <summary>
    /// Debian's Chinese fonts with TrueType outlines, best first: WenQuanYi Micro Hei (fonts-wqy-microhei, the one
    /// scripts/test.sh installs), WenQuanYi Zen Hei, AR PL UMing, Droid Sans Fallback. Noto CJK is not among them:
    /// its outlines are CFF.
    /// </summary>
    public static readonly IReadOnlyList<string> DefaultFontFiles =
    [
        "/usr/share/fonts/truetype/wqy/wqy-microhei.ttc",
        "/usr/share/fonts/truetype/wqy/wqy-zenhei.ttc",
        "/usr/share/fonts/truetype/arphic/uming.ttc",
        "/usr/share/fonts/truetype/droid/DroidSansFallbackFull.ttf",
    ];

    /// <summary>A .ttf or .ttc file; when set, only this file is tried.</summary>
    public string? FontFile { get; set; }

    /// <summary>The face of a collection (.ttc) to use; 0 is the simplified-Chinese face of the fonts above.</summary>
    public int FontIndex { get; set; }
}

/// <summary>
/// Finds the font once per application and registers it with PDFsharp. When no usable font exists the documents
/// cannot be made: <see cref="Family"/> is null and <see cref="Tried"/> says what was tried and why it failed.
/// </summary>
public sealed class PdfFonts
{
    private readonly Lazy<(string? Family, IReadOnlyList<string> Tried)> found;

    public PdfFonts(IOptions<PdfOptions> options, ILogger<PdfFonts> logger)
    {
        var o = options.Value;
        found = new Lazy<(string?, IReadOnlyList<string>)>(() =>
        {
            var result = Find(string.IsNullOrWhiteSpace(o.FontFile) ? PdfOptions.DefaultFontFiles : [o.FontFile.Trim()], o.FontIndex);
            if (result.Family is null) logger.LogWarning("No font for PDF documents: {Tried}", string.Join("; ", result.Tried));
            return result;
        });
    }

    /// <summary>The family name to create fonts with, or null when no usable font was found.</summary>
    public string? Family => found.Value.Family;

    public IReadOnlyList<string> Tried => found.Value.Tried;

    private static (string? Family, IReadOnlyList<string> Tried) Find(IEnumerable<string> files, int index)
    {
        var tried = new List<string>();
        foreach (var file in files)
        {
            if (!File.Exists(file))
            {
                tried.Add($"{file}: not found");
                continue;
            }
            var (face, problem) = SfntFont.Extract(File.ReadAllBytes(file), index);
            if (face is null)
            {
                tried.Add($"{file}#{index}: {problem}");
                continue;
            }
            return (EmbeddedFontResolver.Register(face), tried);
        }
        return (null, tried);
    }
}

/// <summary>
/// PDFsharp's font resolver is one static setting for the process; it serves the faces registered here by the
/// family names <see cref="Register"/> hands out. Bold is simulated (the Chinese fonts have one weight).
/// </summary>
internal sealed class EmbeddedFontResolver : IFontResolver
{
    private static readonly ConcurrentDictionary<string, byte[]> Faces = new(StringComparer.Ordinal);
    private static readonly Lock Gate = new();
    private static bool installed;

    public static string Register(byte[] face)
    {
        var family = "dj-" + Convert.ToHexString(System.Security.Cryptography.SHA256.HashData(face))[..16];
        Faces.TryAdd(family, face);
        lock (Gate)
        {
            if (!installed)
            {
                // PDFsharp 6.5 refuses to write a document until a licence is chosen: the AGPL one (ADR 0005).
                PdfSharp.PdfSharpLicense.SetAgplLicense();
                GlobalFontSettings.FontResolver = new EmbeddedFontResolver();
                installed = true;
            }
        }
        return family;
    }

    public FontResolverInfo? ResolveTypeface(string familyName, bool bold, bool italic) =>
        Faces.ContainsKey(familyName) ? new FontResolverInfo(familyName, bold, italic) : null;

    public byte[]? GetFont(string faceName) => Faces.GetValueOrDefault(faceName);
}
