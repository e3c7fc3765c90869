namespace Dangjian.Web.Platform.Input;

/// <summary>
/// A free-text field that may span lines (notes, minutes, reasons, comments): line breaks and tabs are allowed in it,
/// and without a <c>[MaxLength]</c> of its own it may hold <see cref="InputOptions.MaxMultiLineLength"/> characters.
/// </summary>
[AttributeUsage(AttributeTargets.Property | AttributeTargets.Parameter | AttributeTargets.Field)]
public sealed class MultiLineAttribute : Attribute;

/// <summary>A link a person types that others will open: only an absolute http:// or https:// address is taken (<see cref="Web.SafeLinks"/>).</summary>
[AttributeUsage(AttributeTargets.Property | AttributeTargets.Parameter | AttributeTargets.Field)]
public sealed class HttpUrlAttribute : Attribute;
