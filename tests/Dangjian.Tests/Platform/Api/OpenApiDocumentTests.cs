using System.Text.Json.Nodes;

namespace Dangjian.Tests.Platform.Api;

/// <summary>
/// The OpenAPI document types every answer: each /api/v1 operation has a name, a summary in Chinese and English, and
/// a schema for its successful answer (JSON) or a declared file type, so that a generated client gets typed answers.
/// </summary>
public sealed class OpenApiDocumentTests(AppFixture app) : IClassFixture<AppFixture>
{
    private static readonly string[] Methods = ["get", "post", "put", "patch", "delete"];

    private async Task<List<(string Operation, JsonObject Op)>> OperationsAsync()
    {
        using var client = app.CreateClient();
        var document = await client.GetJsonAsync("/openapi/v1.json");
        var list = new List<(string, JsonObject)>();
        foreach (var (path, item) in document["paths"]!.AsObject())
        {
            foreach (var method in Methods)
            {
                if (item![method] is JsonObject op) list.Add(($"{method.ToUpperInvariant()} {path}", op));
            }
        }
        list.Count.ShouldBeGreaterThan(100, "the document lists too few operations to mean anything");
        return list;
    }

    [Fact]
    public async Task EveryOperation_HasNameAndBilingualSummary()
    {
        var missing = (await OperationsAsync())
            .Where(o => o.Op["operationId"] is null || o.Op["summary"]?.GetValue<string>() is not { } s
                        || !s.Any(c => c is >= '\u4e00' and <= '\u9fff') || !s.Any(char.IsAsciiLetter))
            .Select(o => o.Operation).ToList();
        missing.ShouldBeEmpty($"{missing.Count} operations without an operationId or a summary in Chinese and English");
    }

    [Fact]
    public async Task EveryOperation_HasATypedSuccessAnswer()
    {
        var untyped = new List<string>();
        foreach (var (operation, op) in await OperationsAsync())
        {
            var success = op["responses"]?.AsObject().Where(r => r.Key.StartsWith('2')).ToList() ?? [];
            var typed = success.Any(r => r.Key == "204"
                                         || r.Value?["content"]?.AsObject().Any(c => c.Value?["schema"] is JsonObject { Count: > 0 }) == true);
            if (!typed) untyped.Add(operation);
        }
        untyped.ShouldBeEmpty($"{untyped.Count} operations whose success answer has no schema");
    }

    [Fact]
    public async Task EveryOperation_DeclaresItsProblemAnswers()
    {
        var bare = (await OperationsAsync())
            .Where(o => o.Op["responses"]?.AsObject().Any(r => r.Key.StartsWith('4')) != true)
            .Select(o => o.Operation).ToList();
        bare.ShouldBeEmpty($"{bare.Count} operations that declare no error answer");
    }

    /// <summary>
    /// Any write can lose to an identical one sent at the same moment, and the loser is answered 409 (the operation's own
    /// conflict, or CONCURRENT_CHANGE when the database refused it: UnhandledExceptionHandler), so every write declares 409.
    /// </summary>
    [Fact]
    public async Task EveryWritingOperation_Declares409()
    {
        var undeclared = (await OperationsAsync())
            .Where(o => !o.Operation.StartsWith("GET ", StringComparison.Ordinal) && o.Op["responses"]?["409"] is null)
            .Select(o => o.Operation).ToList();
        undeclared.ShouldBeEmpty($"{undeclared.Count} writing operations that do not declare 409");
    }
}
