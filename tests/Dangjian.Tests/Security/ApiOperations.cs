using System.Text.Json.Nodes;

namespace Dangjian.Tests.Security;

/// <summary>One operation of the OpenAPI document.</summary>
public sealed record ApiOperation(string Method, string Path, IReadOnlyList<(string Name, string In)> Parameters, JsonNode? BodySchema)
{
    /// <summary>Each parameter with its schema (references resolved) and whether it is required.</summary>
    public IReadOnlyList<ApiParameter> Details { get; init; } = [];

    /// <summary>The content types the request body is declared with (empty without a body).</summary>
    public IReadOnlyList<string> BodyContentTypes { get; init; } = [];

    /// <summary>Whether the operation takes a JSON body.</summary>
    public bool TakesJson => BodySchema is not null;

    public override string ToString() => $"{Method} {Path}";
}

/// <summary>A route, query or header parameter of an operation.</summary>
public sealed record ApiParameter(string Name, string In, JsonNode? Schema, bool Required);

/// <summary>Reads every operation out of the app's own OpenAPI document and builds plausible request bodies.</summary>
public sealed class ApiOperations(JsonNode document)
{
    private static readonly string[] Methods = ["get", "post", "put", "patch", "delete"];

    public IReadOnlyList<ApiOperation> All()
    {
        var list = new List<ApiOperation>();
        foreach (var (path, item) in document["paths"]!.AsObject())
        {
            foreach (var method in Methods)
            {
                if (item![method] is not JsonObject op) continue;
                var details = (op["parameters"]?.AsArray() ?? []).Select(p => Resolve(p!))
                    .Select(p => new ApiParameter(p["name"]!.GetValue<string>(), p["in"]!.GetValue<string>(),
                        p["schema"] is { } s ? Resolve(s) : null, p["required"]?.GetValue<bool>() == true)).ToList();
                var parameters = details.Select(p => (p.Name, p.In)).ToList();
                var content = op["requestBody"]?["content"]?.AsObject();
                var schema = content?["application/json"]?["schema"];
                list.Add(new ApiOperation(method.ToUpperInvariant(), path, parameters, schema)
                {
                    Details = details, BodyContentTypes = content?.Select(c => c.Key).ToList() ?? [],
                });
            }
        }
        return list;
    }

    /// <summary>
    /// A body that fills every property the schema declares. <paramref name="byName"/> decides values for property
    /// names it knows (ids, enums, names); everything else gets a value of its declared type.
    /// </summary>
    public JsonNode? Sample(JsonNode? schema, Func<string, JsonNode?, JsonNode?> byName, string? name = null, int depth = 0)
    {
        if (schema is null || depth > 6) return null;
        schema = Resolve(schema);
        if (name is not null && byName(name, schema) is { } known) return known;

        if ((schema["anyOf"] ?? schema["oneOf"]) is { } alternatives)
        {
            var pick = alternatives.AsArray().Select(a => Resolve(a!)).FirstOrDefault(a => !Types(a).SequenceEqual(["null"]));
            return Sample(pick, byName, name, depth + 1);
        }
        if (schema["enum"] is JsonArray values && values.Count > 0) return values[0]!.DeepClone();

        var types = Types(schema);
        if (types.Contains("object") || schema["properties"] is not null)
        {
            var obj = new JsonObject();
            foreach (var (prop, propSchema) in schema["properties"]?.AsObject() ?? [])
            {
                obj[prop] = Sample(propSchema, byName, prop, depth + 1);
            }
            return obj;
        }
        if (types.Contains("array")) return new JsonArray(Sample(schema["items"], byName, null, depth + 1));
        if (types.Contains("integer") || types.Contains("number")) return 1;
        if (types.Contains("boolean")) return false;
        return schema["format"]?.GetValue<string>() switch
        {
            "date" => "2026-11-01",
            "date-time" => "2026-11-22T02:00:00Z",
            "uuid" => Guid.Empty.ToString(),
            _ => "越权测试",
        };
    }

    /// <summary>The types a schema declares, "null" left out unless it is the only one.</summary>
    public static string[] Types(JsonNode schema) => schema["type"] switch
    {
        JsonArray a => a.Select(t => t!.GetValue<string>()).Where(t => t != "null").DefaultIfEmpty("null").ToArray(),
        JsonValue v => [v.GetValue<string>()],
        _ => [],
    };

    /// <summary>The schema a <c>$ref</c> points to (followed through), or the node itself.</summary>
    public JsonNode Resolve(JsonNode node)
    {
        for (var i = 0; i < 10 && node["$ref"]?.GetValue<string>() is { } reference; i++)
        {
            var target = document;
            foreach (var part in reference.TrimStart('#', '/').Split('/')) target = target![part]!;
            node = target!;
        }
        return node;
    }
}
