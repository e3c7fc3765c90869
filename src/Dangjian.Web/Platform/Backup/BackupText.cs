namespace Dangjian.Web.Platform.Backup;

/// <summary>
/// Marker for what the <c>backup</c> and <c>restore</c> commands tell the operator: BackupText.resx (zh-CN, neutral) and
/// BackupText.en.resx (English), chosen by the culture of the shell the command runs in (LANG).
/// </summary>
public sealed class BackupText;
