namespace Dangjian.Web.Platform.Input;

/// <summary>
/// Limits on what a request may carry (settings <c>Input:*</c>). A field's own <c>[MaxLength]</c>/<c>[StringLength]</c>
/// wins over the defaults; the defaults apply to every other text field, <see cref="MaxMultiLineLength"/> to those
/// marked <see cref="MultiLineAttribute"/>.
/// </summary>
public sealed class InputOptions
{
    public const string Section = "Input";

    /// <summary>Characters of a single-line text field without a limit of its own (names, titles, codes, query strings).</summary>
    public int MaxTextLength { get; set; } = 200;

    /// <summary>Characters of a multi-line field (<see cref="MultiLineAttribute"/>) without a limit of its own.</summary>
    public int MaxMultiLineLength { get; set; } = 4000;

    /// <summary>Bytes of a JSON request body; a larger one is answered 413. File uploads keep their own limits.</summary>
    public long MaxBodyBytes { get; set; } = 1024 * 1024;
}
