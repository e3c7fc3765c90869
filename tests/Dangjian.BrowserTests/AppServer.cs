using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;

namespace Dangjian.BrowserTests;

/// <summary>
/// The real app on Kestrel (random loopback port) with a fresh SQLite file and the demo tenant, and Debian's
/// Chromium driven by Playwright.
/// </summary>
public class AppServer : IAsyncLifetime
{
    public const string AdminPassword = "Guanli-2026-test";
    private readonly string dir = Path.Combine(Path.GetTempPath(), "dj-browser-" + Guid.NewGuid().ToString("N"));
    private WebApplicationFactory<Program>? factory;
    private IPlaywright? playwright;

    public string BaseUrl { get; private set; } = "";

    /// <summary>The running app's services (a journey's own set-up: accounts, the tenant).</summary>
    protected IServiceProvider Services => factory!.Services;

    /// <summary>Settings a journey's server adds to (or overrides in) the ones above.</summary>
    protected virtual IEnumerable<KeyValuePair<string, string>> Settings => [];

    /// <summary>Chromium arguments a journey's server adds.</summary>
    protected virtual IEnumerable<string> BrowserArgs => [];
    public IBrowser Browser { get; private set; } = default!;

    public static string ScreenshotDir
    {
        get
        {
            var d = Environment.GetEnvironmentVariable("DJ_SCREENSHOTS")
                    ?? Path.Combine(RepoRoot(), "artifacts", "screenshots");
            Directory.CreateDirectory(d);
            return d;
        }
    }

    public async Task InitializeAsync()
    {
        Directory.CreateDirectory(dir);
        factory = new WebApplicationFactory<Program>().WithWebHostBuilder(b =>
        {
            b.UseEnvironment("Development");
            b.UseSetting("Database:Provider", "Sqlite");
            b.UseSetting("ConnectionStrings:Sqlite", $"Data Source={Path.Combine(dir, "app.db")}");
            b.UseSetting("Seed:Demo", "true");
            b.UseSetting("Seed:DemoMembers", "1500");
            b.UseSetting("Seed:AdminPassword", AdminPassword);
            b.UseSetting("Jobs:Enabled", "false");
            b.UseSetting("Urls", "http://127.0.0.1:0");
            b.UseSetting("DataProtection:KeysPath", Path.Combine(dir, "keys"));
            b.UseSetting("PersonalData:KeyFile", Path.Combine(dir, "keys", "personal-data.key"));
            foreach (var (key, value) in Settings) b.UseSetting(key, value);
        });
        factory.UseKestrel(0);
        factory.StartServer();
        var addresses = factory.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses;
        BaseUrl = addresses.First().Replace("[::1]", "127.0.0.1", StringComparison.Ordinal).TrimEnd('/');

        playwright = await Playwright.CreateAsync();
        Browser = await playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
        {
            ExecutablePath = Environment.GetEnvironmentVariable("CHROMIUM_PATH") ?? "/usr/bin/chromium",
            Headless = true,
            Args = ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update", "--no-first-run", "--disable-sync",
                .. BrowserArgs],
        });
    }

    public async Task DisposeAsync()
    {
        if (Browser is not null) await Browser.CloseAsync();
        playwright?.Dispose();
        if (factory is not null) await factory.DisposeAsync();
        try
        {
            Directory.Delete(dir, recursive: true);
        }
        catch (IOException)
        {
            // A file still held by SQLite's pool; the temp folder is cleaned by the OS.
        }
    }

    public async Task<IPage> NewPageAsync(int width = 1280, int height = 860)
    {
        var context = await Browser.NewContextAsync(new BrowserNewContextOptions
        {
            BaseURL = BaseUrl,
            ViewportSize = new ViewportSize { Width = width, Height = height },
            Locale = "zh-CN",
        });
        // Generous limits: two journeys run side by side on a two-core machine, each with its own seeded app.
        context.SetDefaultTimeout(60_000);
        context.SetDefaultNavigationTimeout(90_000);
        return await context.NewPageAsync();
    }

    public static async Task ShotAsync(IPage page, string name) =>
        await page.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(ScreenshotDir, name + ".png"), FullPage = true });

    public static string RepoRoot([System.Runtime.CompilerServices.CallerFilePath] string source = "")
    {
        var d = new DirectoryInfo(Path.GetDirectoryName(source) ?? AppContext.BaseDirectory);
        while (d is not null && !File.Exists(Path.Combine(d.FullName, "Dangjian.slnx"))) d = d.Parent;
        return d?.FullName ?? Path.GetTempPath();
    }
}
