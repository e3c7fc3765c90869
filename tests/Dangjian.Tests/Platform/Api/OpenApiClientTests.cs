using System.Diagnostics;
using System.Text.RegularExpressions;

namespace Dangjian.Tests.Platform.Api;

/// <summary>
/// The OpenAPI document read by a real client generator (openapi-typescript, installed by <c>npm ci</c> in
/// tests/openapi-client): it must accept the document, and the answers of representative operations must come out as
/// named types, not <c>never</c> or <c>unknown</c>.
/// </summary>
public sealed class OpenApiClientTests(AppFixture app) : IClassFixture<AppFixture>
{
    [Fact]
    public async Task Generator_ReadsDocument_AndTypesTheAnswers()
    {
        var types = await GenerateAsync();

        // Path → operation, so the operation blocks below are the ones these routes use.
        PathOperation(types, "/api/v1/meetings/{id}", "get").ShouldBe("GetMeeting");
        PathOperation(types, "/api/v1/meetings", "post").ShouldBe("CreateMeeting");
        PathOperation(types, "/api/v1/org-units/{id}", "get").ShouldBe("GetOrgUnit");

        Answer(types, "GetMeeting", 200, "application/json").ShouldBe("components[\"schemas\"][\"MeetingDto\"]");
        Answer(types, "CreateMeeting", 201, "application/json").ShouldBe("components[\"schemas\"][\"MeetingDto\"]");
        Answer(types, "SignInToMeeting", 201, "application/json").ShouldBe("components[\"schemas\"][\"SignInDto\"]");
        Answer(types, "SignInToMeeting", 200, "application/json").ShouldBe("components[\"schemas\"][\"SignInDto\"]");
        Answer(types, "GetOrgUnit", 200, "application/json").ShouldBe("components[\"schemas\"][\"OrgUnitDetails\"]");
        Answer(types, "ListMeetings", 200, "application/json").ShouldStartWith("components[\"schemas\"]");
        Answer(types, "GetMeeting", 404, "application/problem+json").ShouldBe("components[\"schemas\"][\"ProblemDetails\"]");
        Answer(types, "ExportMeetingBookWorkbook", 200, "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet").ShouldBe("string");
        Answer(types, "PrintMeetingBook", 200, "application/pdf").ShouldBe("string");

        // A named schema is a real object type with the answer's properties, in the JSON names the API writes.
        var meeting = Block(types, "schemas", "MeetingDto");
        meeting.ShouldContain("id: string;");
        meeting.ShouldContain("topic: string;");
    }

    private async Task<string> GenerateAsync()
    {
        var root = RepositoryRoot();
        var cli = Path.Combine(root, "tests", "openapi-client", "node_modules", "openapi-typescript", "bin", "cli.js");
        File.Exists(cli).ShouldBeTrue($"openapi-typescript is not installed: run `npm ci --no-audit --no-fund` in {Path.Combine(root, "tests", "openapi-client")}");

        using var client = app.CreateClient();
        var document = await client.GetStringAsync("/openapi/v1.json");
        var dir = Path.Combine(Path.GetTempPath(), "dangjian-tests", "openapi-" + Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(dir);
        try
        {
            await File.WriteAllTextAsync(Path.Combine(dir, "doc.json"), document);
            var start = new ProcessStartInfo("node") { WorkingDirectory = dir, RedirectStandardOutput = true, RedirectStandardError = true };
            foreach (var arg in (string[])[cli, "doc.json", "-o", "out.ts"]) start.ArgumentList.Add(arg);
            using var process = Process.Start(start) ?? throw new InvalidOperationException("node did not start (apt-get install nodejs)");
            var output = process.StandardOutput.ReadToEndAsync();
            var errors = process.StandardError.ReadToEndAsync();
            using var timeout = new CancellationTokenSource(TimeSpan.FromMinutes(2));
            await process.WaitForExitAsync(timeout.Token);
            process.ExitCode.ShouldBe(0, $"openapi-typescript: {await errors}{await output}");
            return await File.ReadAllTextAsync(Path.Combine(dir, "out.ts"));
        }
        finally
        {
            Directory.Delete(dir, recursive: true);
        }
    }

    /// <summary>The folder holding Dangjian.slnx, found from where the tests run.</summary>
    private static string RepositoryRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "Dangjian.slnx"))) return dir.FullName;
        }
        throw new InvalidOperationException($"No Dangjian.slnx above {AppContext.BaseDirectory}");
    }

    /// <summary>The operation a path's method refers to: <c>get: operations["GetMeeting"];</c>.</summary>
    private static string PathOperation(string types, string path, string method)
    {
        var item = Block(types, "paths", path);
        var m = Regex.Match(item, $@"^\s*{method}: operations\[""(?<op>[^""]+)""\];", RegexOptions.Multiline);
        m.Success.ShouldBeTrue($"{method.ToUpperInvariant()} {path} does not refer to a named operation:\n{item}");
        return m.Groups["op"].Value;
    }

    /// <summary>The type of an operation's answer in one content type, e.g. <c>components["schemas"]["MeetingDto"]</c>.</summary>
    private static string Answer(string types, string operation, int status, string contentType)
    {
        var op = Block(types, "operations", operation);
        var responses = op[op.IndexOf("responses: {", StringComparison.Ordinal)..];
        var m = Regex.Match(responses, $@"^(?<indent>\s*){status}: \{{(?<body>.*?)^\k<indent>\}};", RegexOptions.Multiline | RegexOptions.Singleline);
        m.Success.ShouldBeTrue($"{operation} has no {status} answer:\n{op}");
        var content = Regex.Match(m.Groups["body"].Value, $@"""{Regex.Escape(contentType)}"": (?<type>[^;]+);");
        content.Success.ShouldBeTrue($"{operation} {status} has no {contentType} content:\n{m.Groups["body"].Value}");
        var type = content.Groups["type"].Value.Trim();
        type.ShouldNotBeOneOf(["never", "unknown"], $"{operation} {status} {contentType} is untyped");
        return type;
    }

    /// <summary>The body of a member of one of the generated interfaces (paths, schemas, operations).</summary>
    private static string Block(string types, string section, string name)
    {
        var key = section == "paths" ? $"\"{name}\"" : Regex.IsMatch(name, "^[A-Za-z_][A-Za-z0-9_]*$") ? name : $"\"{name}\"";
        var anchor = section switch
        {
            "paths" => "export interface paths {",
            "operations" => "export interface operations {",
            _ => "schemas: {",
        };
        var from = types.IndexOf(anchor, StringComparison.Ordinal);
        from.ShouldBeGreaterThanOrEqualTo(0, $"no `{anchor}` in the generated types");
        var m = Regex.Match(types[from..], $@"^(?<indent>[ ]+){Regex.Escape(key)}: \{{\n(?<body>.*?)^\k<indent>\}};", RegexOptions.Multiline | RegexOptions.Singleline);
        m.Success.ShouldBeTrue($"no {name} in {section} of the generated types");
        return m.Groups["body"].Value;
    }
}
