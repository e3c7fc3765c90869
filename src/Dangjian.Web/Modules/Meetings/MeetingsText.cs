namespace Dangjian.Web.Modules.Meetings;

/// <summary>Marker for the Meetings module's strings: MeetingsText.resx (zh-CN, neutral) and MeetingsText.en.resx (English).</summary>
public sealed class MeetingsText;
