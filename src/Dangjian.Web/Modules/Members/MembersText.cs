namespace Dangjian.Web.Modules.Members;

/// <summary>Marker for the Members module's strings: MembersText.resx (zh-CN, neutral) and MembersText.en.resx (English).</summary>
public sealed class MembersText;
