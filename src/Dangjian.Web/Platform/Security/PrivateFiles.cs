namespace Dangjian.Web.Platform.Security;

/// <summary>
/// The data folder, the keys and the SQLite database are for the app's own account only: folders 0700, files 0600
/// (docs/security.md). Created so from the start; at start-up anything wider is narrowed where the app owns it, and
/// a warning is logged where it cannot be.
/// </summary>
public static class PrivateFiles
{
    private const UnixFileMode Folder = UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute;
    private const UnixFileMode File = UnixFileMode.UserRead | UnixFileMode.UserWrite;

    public static void CreateFolder(string path)
    {
        if (OperatingSystem.IsWindows()) Directory.CreateDirectory(path);
        else Directory.CreateDirectory(path, Folder);
    }

    /// <summary>Writes a new file readable by the app's account only (no moment in which it is wider).</summary>
    public static void WriteNew(string path, string content)
    {
        CreateFolder(Path.GetDirectoryName(Path.GetFullPath(path))!);
        var options = new FileStreamOptions { Mode = FileMode.CreateNew, Access = FileAccess.Write };
        if (!OperatingSystem.IsWindows()) options.UnixCreateMode = File;
        using var stream = new FileStream(path, options);
        using var writer = new StreamWriter(stream);
        writer.Write(content);
    }

    /// <summary>Group or others may read or enter it.</summary>
    public static bool IsWide(string path)
    {
        if (OperatingSystem.IsWindows() || !Path.Exists(path)) return false;
        var mode = System.IO.File.GetUnixFileMode(path);
        return (mode & (UnixFileMode.GroupRead | UnixFileMode.GroupWrite | UnixFileMode.GroupExecute
                        | UnixFileMode.OtherRead | UnixFileMode.OtherWrite | UnixFileMode.OtherExecute)) != 0;
    }

    /// <summary>Narrows each path that is wider than it should be; answers those it could not narrow.</summary>
    public static IReadOnlyList<string> Narrow(IEnumerable<string> paths)
    {
        var failed = new List<string>();
        if (OperatingSystem.IsWindows()) return failed;
        foreach (var path in paths.Where(IsWide))
        {
            try
            {
                System.IO.File.SetUnixFileMode(path, Directory.Exists(path) ? Folder : File);
            }
            catch (Exception e) when (e is UnauthorizedAccessException or IOException)
            {
                failed.Add(path);
            }
        }
        return failed;
    }

    /// <summary>The data folder, the keys folder and the files in them that hold secrets or personal data.</summary>
    public static IEnumerable<string> Sensitive(string dataFolder)
    {
        if (!Directory.Exists(dataFolder)) yield break;
        yield return dataFolder;
        foreach (var dir in Directory.EnumerateDirectories(dataFolder, "*", SearchOption.AllDirectories)) yield return dir;
        foreach (var file in Directory.EnumerateFiles(dataFolder, "*", SearchOption.AllDirectories)) yield return file;
    }
}
