using System.Resources;

[assembly: NeutralResourcesLanguage("zh-CN")]

namespace Dangjian.Web;

/// <summary>Marker for the shared string table: Resources/SharedResource.resx (zh-CN) and .en.resx (English).</summary>
public sealed class SharedResource;
