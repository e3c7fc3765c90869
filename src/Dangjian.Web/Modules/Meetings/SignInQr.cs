using QRCoder;

namespace Dangjian.Web.Modules.Meetings;

/// <summary>
/// The live QR code shown at a meeting: the meeting page's address with the current code, so a member's phone opens the
/// page with the code filled in and signs in with one tap. It rotates with the code (the host's page refreshes itself).
/// </summary>
public static class SignInQr
{
    public static string Url(string baseUri, Guid meetingId, string code) => $"{baseUri.TrimEnd('/')}/meetings/{meetingId}?code={code}";

    /// <summary>An SVG drawing of the address, scaled by its viewBox to whatever box the page gives it.</summary>
    public static string Svg(string url)
    {
        using var generator = new QRCodeGenerator();
        using var data = generator.CreateQrCode(url, QRCodeGenerator.ECCLevel.M);
        return new SvgQRCode(data).GetGraphic(8, "#000000", "#ffffff", drawQuietZones: true, sizingMode: SvgQRCode.SizingMode.ViewBoxAttribute);
    }
}
