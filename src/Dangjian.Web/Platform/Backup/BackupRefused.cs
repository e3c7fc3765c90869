namespace Dangjian.Web.Platform.Backup;

/// <summary>
/// A backup or restore that stops, and why: a key of <see cref="BackupText"/> and its arguments, put into words by the
/// command (<see cref="BackupCommand"/>), so the use cases stay free of the console and its language.
/// </summary>
public sealed class BackupRefused(string key, params object[] args) : Exception(key)
{
    public string Key { get; } = key;
    public object[] Args { get; } = args;
}
