namespace Dangjian.Web.Modules.Assessment.Honours;

/// <summary>Marker for the Honours feature's strings: HonoursText.resx (zh-CN, neutral) and HonoursText.en.resx (English).</summary>
public sealed class HonoursText;
