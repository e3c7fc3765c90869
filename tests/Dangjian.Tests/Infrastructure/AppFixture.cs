using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Dangjian.Web.Data;
using Dangjian.Web.Platform.Tenancy;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace Dangjian.Tests.Infrastructure;

/// <summary>
/// The app on a fresh database of the provider under test, with a fixed clock, no demo data and no background jobs.
/// Shared by the tests of one class (IClassFixture); tests that need isolation build their own tenant.
/// </summary>
public class AppFixture : IAsyncLifetime
{
    private TestDatabase? database;
    private Factory? factory;
    private readonly string keysDir = Path.Combine(Path.GetTempPath(), "dangjian-tests", "keys-" + Guid.NewGuid().ToString("N"));

    public AppFixture() : this(new FakeTimeProvider())
    {
    }

    /// <summary>An app on <paramref name="clock"/>: two instances of a test can share one.</summary>
    protected AppFixture(FakeTimeProvider clock)
    {
        Clock = clock;
    }

    public FakeTimeProvider Clock { get; }

    /// <summary>The database the app is started on; a fixture for a special set-up may bring its own.</summary>
    protected virtual Task<TestDatabase> CreateDatabaseAsync() => TestDatabase.CreateAsync();

    /// <summary>
    /// Serve on Kestrel (a loopback port, real HTTP connections) instead of the in-memory test server: for tests that
    /// run several instances or take the database away under load. <see cref="CreateClient"/> then speaks to that port.
    /// </summary>
    protected virtual bool OnKestrel => false;

    /// <summary>Where the app listens when <see cref="OnKestrel"/>.</summary>
    public Uri? BaseAddress { get; private set; }

    /// <summary>A fixed key for personal data, so tests never create a key file in the app's data folder.</summary>
    public static readonly string PersonalDataKey = Convert.ToBase64String(Enumerable.Range(1, 32).Select(i => (byte)i).ToArray());

    /// <summary>Services a fixture for a special set-up replaces (after the app's own registrations).</summary>
    protected virtual void ConfigureServices(IServiceCollection services)
    {
    }

    /// <summary>
    /// The test server has no network connection: a request's client address is taken from this header (default
    /// 127.0.0.1, a loopback proxy), so that tests can speak from several addresses.
    /// </summary>
    public const string ClientAddressHeader = "X-Test-Client-Address";

    /// <summary>Settings a fixture for a special set-up adds to (or changes in) the test host's configuration.</summary>
    protected virtual IEnumerable<KeyValuePair<string, string>> ExtraSettings => [];

    public TestDatabase Database => database ?? throw new InvalidOperationException("Not initialised.");

    public IServiceProvider Services => (factory ?? throw new InvalidOperationException("Not initialised.")).Services;

    public async Task InitializeAsync()
    {
        database = await CreateDatabaseAsync();
        factory = new Factory(this);
        // Starting the server runs the app's own start-up: schema migration on the empty database.
        if (OnKestrel)
        {
            factory.UseKestrel(0);
            factory.StartServer();
            var address = factory.Services.GetRequiredService<Microsoft.AspNetCore.Hosting.Server.IServer>().Features
                .Get<Microsoft.AspNetCore.Hosting.Server.Features.IServerAddressesFeature>()!.Addresses.First();
            BaseAddress = new Uri(address.Replace("[::1]", "127.0.0.1", StringComparison.Ordinal));
        }
        else
        {
            _ = factory.Server;
        }

        // Guard: a test must never run against the developer's App_Data database.
        await using var scope = Services.CreateAsyncScope();
        var used = scope.ServiceProvider.GetRequiredService<AppDbContext>().Database.GetConnectionString();
        // (PostgreSQL: the app adds its pool settings to the connection string, DatabaseSetup.WithPoolDefaults.)
        if (used != database.ConnectionString && used != DatabaseSetup.WithPoolDefaults(database.ConnectionString))
        {
            throw new InvalidOperationException($"The app did not take the test database: {used}");
        }
    }

    public async Task DisposeAsync()
    {
        if (factory is not null) await factory.DisposeAsync();
        if (database is not null) await database.DisposeAsync();
        try
        {
            Directory.Delete(keysDir, recursive: true);
        }
        catch (IOException)
        {
        }
        catch (UnauthorizedAccessException)
        {
        }
    }

    /// <summary>An anonymous client; redirects and cookies are left to the test.</summary>
    public HttpClient CreateClient() => BaseAddress is { } kestrel
        ? new HttpClient(new SocketsHttpHandler { AllowAutoRedirect = false, UseCookies = false }) { BaseAddress = kestrel }
        : factory!.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false, HandleCookies = false });

    /// <summary>The sign-in cookie ("name=value") of <paramref name="user"/>, from the login page.</summary>
    public async Task<string> SignInCookieAsync(TestUser user)
    {
        using var browser = CreateClient();
        using var login = await browser.PostFormAsync("/login", "login", new() { ["Input.UserName"] = user.UserName, ["Input.Password"] = user.Password });
        return login.Headers.GetValues("Set-Cookie").Single(c => c.StartsWith("dangjian.auth=", StringComparison.Ordinal)).Split(';')[0];
    }

    /// <summary>A client carrying a bearer token obtained through the token endpoint.</summary>
    public async Task<HttpClient> ClientForAsync(TestUser user)
    {
        var client = CreateClient();
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", await TokenAsync(user.UserName, user.Password));
        return client;
    }

    public HttpClient ClientWithToken(string token)
    {
        var client = CreateClient();
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token);
        return client;
    }

    public async Task<string> TokenAsync(string userName, string password)
    {
        using var client = CreateClient();
        using var response = await client.PostAsJsonAsync("/api/v1/auth/token", new { userName, password });
        var body = await response.Content.ReadAsStringAsync();
        response.IsSuccessStatusCode.ShouldBeTrue($"token for {userName}: {(int)response.StatusCode} {body}");
        return JsonNode.Parse(body)!["accessToken"]!.GetValue<string>();
    }

    /// <summary>A service scope working inside one tenant, as a request of that tenant's user would.</summary>
    public AsyncServiceScope Scope(Guid tenantId)
    {
        var scope = Services.CreateAsyncScope();
        scope.ServiceProvider.GetRequiredService<TenantContext>().Set(tenantId);
        return scope;
    }

    public async Task<T> InTenantAsync<T>(Guid tenantId, Func<AppDbContext, Task<T>> work)
    {
        await using var scope = Scope(tenantId);
        return await work(scope.ServiceProvider.GetRequiredService<AppDbContext>());
    }

    public async Task InTenantAsync(Guid tenantId, Func<AppDbContext, Task> work)
    {
        await using var scope = Scope(tenantId);
        await work(scope.ServiceProvider.GetRequiredService<AppDbContext>());
    }

    private sealed class Factory(AppFixture owner) : WebApplicationFactory<Program>
    {
        protected override void ConfigureWebHost(IWebHostBuilder builder)
        {
            var provider = TestDatabase.Provider.ToString();
            builder.UseEnvironment("Testing");
            builder.UseSetting("Database:Provider", provider);
            builder.UseSetting($"ConnectionStrings:{provider}", owner.Database.ConnectionString);
            builder.UseSetting("Seed:Demo", "false");
            builder.UseSetting("Jobs:Enabled", "false");
            // The start-up warm-up has its own test (WarmUpTests); each test host would pay for it again.
            builder.UseSetting("Startup:WarmUp:Enabled", "false");
            builder.UseSetting("DataProtection:KeysPath", owner.keysDir);
            builder.UseSetting("PersonalData:Key", PersonalDataKey);
            builder.UseSetting("Logging:LogLevel:Default", "Warning");
            builder.UseSetting("Logging:LogLevel:Microsoft.AspNetCore", "Warning");
            builder.UseSetting("Logging:LogLevel:Microsoft.EntityFrameworkCore", "Warning");
            // Every test class signs many users in from one (test) address: the per-address limits are tested on their own
            // (SecurityLimitTests), with the defaults.
            builder.UseSetting("RateLimits:LoginPerAddress", "100000");
            builder.UseSetting("RateLimits:UploadsPerUser", "100000");
            foreach (var (key, value) in owner.ExtraSettings) builder.UseSetting(key, value);
            builder.ConfigureTestServices(services =>
            {
                services.RemoveAll<TimeProvider>();
                services.AddSingleton<TimeProvider>(owner.Clock);
                services.AddSingleton<IStartupFilter, ClientAddressFilter>();
                owner.ConfigureServices(services);
            });
        }
    }

    private sealed class ClientAddressFilter : IStartupFilter
    {
        public Action<IApplicationBuilder> Configure(Action<IApplicationBuilder> next) => app =>
        {
            app.Use((ctx, nextMiddleware) =>
            {
                ctx.Connection.RemoteIpAddress = System.Net.IPAddress.TryParse(ctx.Request.Headers[ClientAddressHeader].ToString(), out var a)
                    ? a
                    : System.Net.IPAddress.Loopback;
                return nextMiddleware(ctx);
            });
            next(app);
        };
    }
}
