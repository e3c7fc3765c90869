namespace Dangjian.Web.Modules.Organizations;

/// <summary>Marker for the Organizations module's strings: OrganizationsText.resx (zh-CN, neutral) and OrganizationsText.en.resx (English).</summary>
public sealed class OrganizationsText;
