namespace Dangjian.Web.Modules.Assessment.SecretaryReviews;

/// <summary>Marker of the SecretaryReviews feature's strings (SecretaryReviewsText.resx, .en.resx).</summary>
public sealed class SecretaryReviewsText;
