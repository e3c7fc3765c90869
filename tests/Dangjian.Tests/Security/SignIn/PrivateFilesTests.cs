using Dangjian.Web.Platform.Privacy;
using Dangjian.Web.Platform.Security;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Logging.Abstractions;

namespace Dangjian.Tests.Security.SignIn;

/// <summary>The data folder 0700, the key and database files 0600 (issue: the personal-data key was 0644).</summary>
[System.Runtime.Versioning.UnsupportedOSPlatform("windows")]
public sealed class PrivateFilesTests : IDisposable
{
    private readonly string root = Path.Combine(Path.GetTempPath(), "dangjian-tests", "private-" + Guid.NewGuid().ToString("N"));

    public void Dispose()
    {
        if (Directory.Exists(root)) Directory.Delete(root, recursive: true);
    }

    private static UnixFileMode Mode(string path) => File.GetUnixFileMode(path) & (UnixFileMode)0x1FF;

    [Fact]
    public void PersonalDataKey_CreatedWhenMissing_IsOwnerOnly_InAnOwnerOnlyFolder()
    {
        if (OperatingSystem.IsWindows()) return;
        var keyFile = Path.Combine(root, "App_Data", "keys", "personal-data.key");
        var config = new ConfigurationBuilder().AddInMemoryCollection([new("PersonalData:KeyFile", keyFile)]).Build();

        var protector = PersonalDataProtector.FromConfiguration(config, root, NullLogger.Instance);

        protector.Decrypt(protector.Encrypt("110101199001011234")).ShouldBe("110101199001011234");
        Mode(keyFile).ShouldBe(UnixFileMode.UserRead | UnixFileMode.UserWrite);
        Mode(Path.GetDirectoryName(keyFile)!).ShouldBe(UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute);
    }

    [Fact]
    public void Narrow_WideFilesAndFolders_BecomeOwnerOnly_NarrowOnesAreLeft()
    {
        if (OperatingSystem.IsWindows()) return;
        var data = Path.Combine(root, "App_Data");
        Directory.CreateDirectory(Path.Combine(data, "keys"));
        var db = Path.Combine(data, "dangjian.db");
        File.WriteAllText(db, "x");
        File.SetUnixFileMode(db, (UnixFileMode)0b110_100_100);          // 0644
        File.SetUnixFileMode(data, (UnixFileMode)0b111_101_101);        // 0755
        PrivateFiles.IsWide(db).ShouldBeTrue();

        PrivateFiles.Narrow(PrivateFiles.Sensitive(data)).ShouldBeEmpty();

        Mode(db).ShouldBe((UnixFileMode)0b110_000_000);
        Mode(data).ShouldBe((UnixFileMode)0b111_000_000);
        Mode(Path.Combine(data, "keys")).ShouldBe((UnixFileMode)0b111_000_000);
        PrivateFiles.Sensitive(data).Where(PrivateFiles.IsWide).ShouldBeEmpty();
    }
}
