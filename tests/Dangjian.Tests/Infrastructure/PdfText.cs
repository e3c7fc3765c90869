using System.Diagnostics;

namespace Dangjian.Tests.Infrastructure;

/// <summary>
/// Reads a PDF the way an outsider would, with poppler-utils (scripts/test.sh installs them): its text
/// (<c>pdftotext</c>) and its fonts (<c>pdffonts</c>).
/// </summary>
public static class PdfText
{
    public static Task<string> TextAsync(byte[] pdf) => RunAsync("pdftotext", pdf, "-enc UTF-8 {0} -");

    /// <summary>The font table: one line per font with its name, type, encoding and emb/sub/uni flags.</summary>
    public static Task<string> FontsAsync(byte[] pdf) => RunAsync("pdffonts", pdf, "{0}");

    /// <summary>The text with all white space removed, so a phrase can be found whatever line breaks the layout made.</summary>
    public static async Task<string> CompactTextAsync(byte[] pdf) =>
        string.Concat((await TextAsync(pdf)).Where(c => !char.IsWhiteSpace(c)));

    public static async Task<byte[]> ReadPdfAsync(this HttpResponseMessage response)
    {
        var bytes = await response.Content.ReadAsByteArrayAsync();
        response.StatusCode.ShouldBe(System.Net.HttpStatusCode.OK, System.Text.Encoding.UTF8.GetString(bytes));
        response.Content.Headers.ContentType!.MediaType.ShouldBe("application/pdf");
        System.Text.Encoding.ASCII.GetString(bytes, 0, 5).ShouldBe("%PDF-");
        return bytes;
    }

    private static async Task<string> RunAsync(string tool, byte[] pdf, string arguments)
    {
        var file = Path.Combine(Path.GetTempPath(), $"dangjian-{Guid.NewGuid():N}.pdf");
        await File.WriteAllBytesAsync(file, pdf);
        try
        {
            using var process = Process.Start(new ProcessStartInfo(tool, string.Format(System.Globalization.CultureInfo.InvariantCulture, arguments, file))
            {
                RedirectStandardOutput = true, RedirectStandardError = true, StandardOutputEncoding = System.Text.Encoding.UTF8,
            }) ?? throw new InvalidOperationException($"{tool} did not start (apt-get install poppler-utils)");
            var output = process.StandardOutput.ReadToEndAsync();
            var errors = process.StandardError.ReadToEndAsync();
            await Task.WhenAll(output, errors, process.WaitForExitAsync());
            process.ExitCode.ShouldBe(0, $"{tool}: {errors.Result}");
            return output.Result;
        }
        finally
        {
            File.Delete(file);
        }
    }
}
