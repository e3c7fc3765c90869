using System.Net.Http.Headers;
using System.Text;
using System.Text.Json.Nodes;

namespace Dangjian.Tests.Security;

/// <summary>The kinds of bad input the fuzz test sends; every operation gets each family that fits it, once per caller at least.</summary>
public enum FuzzFamily
{
    /// <summary>A body that is not the JSON asked for: cut off, a bare string, an array, empty, null.</summary>
    MalformedJson,

    /// <summary>A body in another content type: text, a form, multipart with and without a boundary, XML.</summary>
    ContentType,

    /// <summary>A body property of the wrong JSON type, or null.</summary>
    WrongType,

    /// <summary>A body string of a million characters.</summary>
    Megabyte,

    /// <summary>A body number outside its type (1e400, 2^63, -2^31-1) or at its edge.</summary>
    Overflow,

    /// <summary>A body date that does not exist (2026-02-30, 0000-00-00, "yesterday") or at the edge of the calendar.</summary>
    ImpossibleDate,

    /// <summary>A body string with control characters or a lone surrogate.</summary>
    ControlCharacters,

    /// <summary>A body array of 10,000 items.</summary>
    HugeArray,

    /// <summary>A body id naming a row of branch B or of another tenant (the one the same property would name there), or no row.</summary>
    ForeignId,

    /// <summary>A route parameter naming branch B's row, another tenant's, a random or empty id, or no id at all.</summary>
    RouteId,

    /// <summary>A query parameter of the wrong type, overflowing, a page out of range, control characters, a very long string.</summary>
    Query,
}

/// <summary>
/// One bad request, described well enough to be sent again by hand. <paramref name="Reaches"/>: routing selects the
/// operation for it — false for an id that does not fit the route's constraint (404) and for a body in a content type the
/// operation does not declare (415), both answered by routing before anyone is signed in.
/// </summary>
public sealed record FuzzRequest(ApiOperation Op, FuzzFamily Family, string Case, string Method, string Url, string? Body, string? ContentType,
    bool Reaches)
{
    public HttpRequestMessage ToMessage()
    {
        var message = new HttpRequestMessage(new HttpMethod(Method), Url);
        if (ContentType is not null)
        {
            message.Content = new StringContent(Body ?? "", Encoding.UTF8);
            message.Content.Headers.ContentType = MediaTypeHeaderValue.Parse(ContentType);
        }
        return message;
    }

    public override string ToString() => $"{Op} [{Family}: {Case}] {Method} {Shorten(Url, 160)}";

    public static string Shorten(string text, int max) => text.Length > max ? text[..max] + $"…({text.Length} chars)" : text;
}

/// <summary>
/// Builds the bad requests for one operation. Each request starts from one that would be taken — the caller's own
/// branch A in the route, the query and the body (<see cref="SiblingWorld.Side.Body"/>) — and spoils one thing: the
/// body as a whole, one body property (from the operation's schema, nested objects and list items included), one route
/// parameter or one query parameter. Route ids come from branch B of the same tenant and from another tenant.
/// </summary>
public sealed class FuzzCases(ApiOperations operations, SiblingWorld world, SiblingWorld otherTenant)
{
    private const string Placeholder = "__fuzz__";
    private const string Json = "application/json; charset=utf-8";

    /// <summary>A million characters, with the rest of a body still under Input:MaxBodyBytes (1 MiB).</summary>
    private static readonly string Megabyte = "\"" + new string('x', 1_000_000) + "\"";

    /// <summary>
    /// The longest text a URL can carry here: .NET's Uri holds at most 65,519 characters (and Kestrel refuses a request
    /// line over 8 KB with 414 before the app sees it), so a route or query value is 60,000 characters, not a megabyte.
    /// </summary>
    private static readonly string LongUrlText = new('x', 60_000);

    private static readonly Guid RandomId = Guid.Parse("5d1f3c52-8a0e-4d43-9b7e-2f6c1a9e0b17");

    /// <summary>
    /// Every bad request for <paramref name="op"/>: each family for every property or parameter it fits, with all its values.
    /// </summary>
    public IEnumerable<FuzzRequest> For(ApiOperation op)
    {
        var a = world.A;
        var route = op.Details.Where(p => p.In == "path").ToDictionary(p => p.Name, p => RouteText(a.RouteValue(op.Path, p.Name)
            ?? throw new ShouldAssertException($"{op}: no id of branch A is known for route parameter '{p.Name}'. Add one to {nameof(SiblingWorld)}.{nameof(SiblingWorld.Side)}.{nameof(SiblingWorld.Side.RouteValue)}.")));
        var query = op.Details.Where(p => p.In == "query" && (p.Required || IsUnitFilter(p.Name)))
            .ToDictionary(p => p.Name, p => QueryValue(p));
        var baseUrl = Url(op, route, query);
        var body = a.Body(operations, op, a.Unit.Id);
        var bodyText = body?.ToJsonString();
        // The same body as it would name B's rows, and the other tenant's: where the foreign ids come from.
        var foreign = (B: world.B.Body(operations, op, world.B.Unit.Id), Other: otherTenant.A.Body(operations, op, otherTenant.A.Unit.Id));

        // The body as a whole.
        foreach (var (name, text) in new[] { ("truncated object", "{"), ("truncated array", "[1,"), ("bare string", "\"x\""), ("array for object", "[{}]"), ("empty", ""), ("null", "null") })
        {
            yield return new(op, FuzzFamily.MalformedJson, name, op.Method, baseUrl, text, Json, true);
        }
        const string file = "--fuzz\r\nContent-Disposition: form-data; name=\"file\"; filename=\"a\u0001.xlsx\"\r\nContent-Type: application/octet-stream\r\n\r\nnot a workbook\r\n--fuzz--\r\n";
        foreach (var (name, type, text) in new[]
                 {
                     ("text/plain", "text/plain; charset=utf-8", bodyText ?? "hello"), ("form", "application/x-www-form-urlencoded", "a=1&b=%00"),
                     ("multipart with a garbage file", "multipart/form-data; boundary=fuzz", file), ("multipart without boundary", "multipart/form-data", file),
                     ("xml", "application/xml", "<a>1</a>"),
                 })
        {
            var declared = op.BodyContentTypes.Count == 0 || op.BodyContentTypes.Contains(type.Split(';')[0], StringComparer.OrdinalIgnoreCase);
            yield return new(op, FuzzFamily.ContentType, name, op.Method, baseUrl, text, type, declared);
        }

        // One body property at a time.
        if (body is not null)
        {
            var properties = Properties(op.BodySchema!, body, "", 0).ToList();
            foreach (var family in BodyFamilies)
            {
                var fitting = properties.Where(p => Fits(family, p.Kind)).ToList();
                // A family with no property of its kind still gets one case, on the first property (or the body itself);
                // not foreign ids, which a text field would take and show as its text.
                if (fitting.Count == 0 && family != FuzzFamily.ForeignId) fitting = [properties.FirstOrDefault() ?? new BodyProperty("", PropertyKind.Object, null)];
                foreach (var property in fitting)
                {
                    foreach (var (name, raw) in family == FuzzFamily.ForeignId ? ForeignIds(property, foreign.B, foreign.Other) : Values(family, property))
                    {
                        yield return new(op, family, $"{(property.Path.Length == 0 ? "body" : property.Path)} = {name}", op.Method, baseUrl,
                            With(body, property.Path, raw), Json, true);
                    }
                }
            }
        }

        // One route parameter at a time.
        var routeParameters = op.Details.Where(p => p.In == "path").ToList();
        foreach (var parameter in routeParameters)
        {
            foreach (var (name, text, matches) in RouteValues(op, parameter))
            {
                var spoiled = new Dictionary<string, string>(route) { [parameter.Name] = text };
                yield return new(op, FuzzFamily.RouteId, $"{parameter.Name} = {name}", op.Method, Url(op, spoiled, query), bodyText, bodyText is null ? null : Json,
                    matches);
            }
        }

        // One query parameter at a time, and paging far out of range on every operation.
        var queryParameters = op.Details.Where(p => p.In == "query").ToList();
        foreach (var parameter in queryParameters)
        {
            foreach (var (name, text) in QueryValues(parameter))
            {
                var spoiled = new Dictionary<string, string>(query) { [parameter.Name] = text };
                yield return new(op, FuzzFamily.Query, $"{parameter.Name} = {name}", op.Method, Url(op, route, spoiled), bodyText, bodyText is null ? null : Json, true);
            }
        }
        var paging = new Dictionary<string, string>(query) { ["page"] = "-1", ["pageSize"] = "1000000" };
        yield return new(op, FuzzFamily.Query, "page=-1&pageSize=1000000", op.Method, Url(op, route, paging), bodyText, bodyText is null ? null : Json, true);
    }

    /// <summary>The families every request of <paramref name="op"/> is to get (what the test checks was sent).</summary>
    public IReadOnlySet<FuzzFamily> FamiliesOf(ApiOperation op)
    {
        var families = new HashSet<FuzzFamily> { FuzzFamily.MalformedJson, FuzzFamily.ContentType, FuzzFamily.Query };
        if (op.Details.Any(p => p.In == "path")) families.Add(FuzzFamily.RouteId);
        if (world.A.Body(operations, op, world.A.Unit.Id) is { } body)
        {
            families.UnionWith(BodyFamilies.Where(f => f != FuzzFamily.ForeignId));
            if (Properties(op.BodySchema!, body, "", 0).Any(p => p.Kind == PropertyKind.Id)) families.Add(FuzzFamily.ForeignId);
        }
        return families;
    }

    /// <summary>The body families, in the order sent.</summary>
    public static readonly FuzzFamily[] BodyFamilies =
    [
        FuzzFamily.WrongType, FuzzFamily.Megabyte, FuzzFamily.Overflow, FuzzFamily.ImpossibleDate, FuzzFamily.ControlCharacters, FuzzFamily.HugeArray,
        FuzzFamily.ForeignId,
    ];

    private enum PropertyKind { Text, Id, Date, Enum, Number, Boolean, Array, Object }

    /// <summary>A property of a body: its JSON path in the sample body ("" for the body itself), its kind, a sample item for a list.</summary>
    private sealed record BodyProperty(string Path, PropertyKind Kind, JsonNode? Item);

    private static bool Fits(FuzzFamily family, PropertyKind kind) => family switch
    {
        FuzzFamily.WrongType => true,
        FuzzFamily.Megabyte or FuzzFamily.ControlCharacters => kind is PropertyKind.Text or PropertyKind.Id or PropertyKind.Date or PropertyKind.Enum,
        FuzzFamily.Overflow => kind == PropertyKind.Number,
        FuzzFamily.ImpossibleDate => kind == PropertyKind.Date,
        FuzzFamily.HugeArray => kind == PropertyKind.Array,
        FuzzFamily.ForeignId => kind == PropertyKind.Id,
        _ => false,
    };

    private static IEnumerable<(string Name, string Raw)> Values(FuzzFamily family, BodyProperty property) => family switch
    {
        FuzzFamily.WrongType => WrongTypes(property.Kind),
        FuzzFamily.Megabyte => [("1 MB string", Megabyte)],
        FuzzFamily.Overflow =>
        [
            ("1e400", "1e400"), ("2^63", "9223372036854775808"), ("-2^31-1", "-2147483649"), ("int max", "2147483647"), ("long max", "9223372036854775807"),
            ("long min", "-9223372036854775808"), ("-1", "-1"), ("fraction", "0.5"), ("1e400 as a string", "\"1e400\""),
        ],
        FuzzFamily.ImpossibleDate =>
        [
            ("2026-02-30", "\"2026-02-30\""), ("0000-00-00", "\"0000-00-00\""), ("9999-99-99T99:99", "\"9999-99-99T99:99\""), ("yesterday", "\"yesterday\""),
            ("9999-12-31", "\"9999-12-31\""), ("0001-01-01", "\"0001-01-01\""), ("end of time", "\"9999-12-31T23:59:59+00:00\""),
            ("start of time east", "\"0001-01-01T00:00:00+14:00\""),
        ],
        FuzzFamily.ControlCharacters =>
        [
            ("NUL", "\"a\\u0000b\""), ("ANSI escape", "\"\\u001b[31m\""), ("lone surrogate", "\"a\\ud800b\""), ("C1 NEL", "\"a\\u0085b\""),
        ],
        FuzzFamily.HugeArray =>
        [
            ("10,000 items", "[" + string.Join(",", Enumerable.Repeat(property.Item?.ToJsonString() ?? "null", 10_000)) + "]"),
        ],
        _ => [],
    };

    private static IEnumerable<(string, string)> WrongTypes(PropertyKind kind) => kind switch
    {
        PropertyKind.Text => [("number", "12345"), ("object", "{\"x\":1}"), ("array", "[true]"), ("null", "null")],
        PropertyKind.Id => [("number", "12345"), ("not a guid", "\"not-a-guid\""), ("object", "{}"), ("null", "null")],
        PropertyKind.Date => [("number", "12345"), ("object", "{}"), ("null", "null")],
        PropertyKind.Enum => [("unknown name", "\"NoSuchValue\""), ("undefined number", "999"), ("negative number", "-1"), ("null", "null")],
        PropertyKind.Number => [("string", "\"abc\""), ("boolean", "true"), ("object", "{}"), ("null", "null")],
        PropertyKind.Boolean => [("array", "[]"), ("string", "\"yes\""), ("number", "1"), ("null", "null")],
        PropertyKind.Array => [("number", "1"), ("object", "{\"a\":1}"), ("null item", "[null]"), ("null", "null")],
        _ => [("string", "\"x\""), ("array", "[1]"), ("null", "null")],
    };

    /// <summary>
    /// Ids of other rows for an id property: what the same property names in B's body and in the other tenant's (when
    /// that is a row, not the empty id of an unknown name), B's unit and the other tenant's, and a random one.
    /// </summary>
    private IEnumerable<(string Name, string Raw)> ForeignIds(BodyProperty property, JsonNode? b, JsonNode? other)
    {
        var ids = new List<(string, Guid)>();
        if (ValueAt(b, property.Path) is { } inB && inB != Guid.Empty) ids.Add(("branch B's", inB));
        if (ValueAt(other, property.Path) is { } inOther && inOther != Guid.Empty) ids.Add(("another tenant's", inOther));
        ids.Add(("branch B's unit", world.B.Unit.Id));
        ids.Add(("branch B's member", world.B.Member.Id));
        ids.Add(("another tenant's unit", otherTenant.A.Unit.Id));
        ids.Add(("random", RandomId));
        return ids.DistinctBy(i => i.Item2).Select(i => (i.Item1, $"\"{i.Item2}\""));
    }

    private static Guid? ValueAt(JsonNode? body, string path)
    {
        var node = body;
        foreach (var part in path.Replace("[", ".[", StringComparison.Ordinal).Split('.', StringSplitOptions.RemoveEmptyEntries))
        {
            node = part.StartsWith('[') ? node is JsonArray a && a.Count > 0 ? a[0] : null : node?[part];
        }
        return node is JsonValue v && v.TryGetValue<string>(out var s) && Guid.TryParse(s, out var g) ? g
            : node is JsonValue w && w.TryGetValue<Guid>(out var h) ? h : null;
    }

    /// <summary>The properties of a schema that the sample body holds, depth first; list items are reached through their first item.</summary>
    private IEnumerable<BodyProperty> Properties(JsonNode schema, JsonNode? sample, string path, int depth)
    {
        if (depth > 4 || sample is null) yield break;
        schema = Effective(schema);
        var kind = KindOf(schema);
        if (kind == PropertyKind.Object && sample is JsonObject obj)
        {
            if (path.Length == 0 && schema["properties"] is null) yield return new BodyProperty("", kind, null);
            foreach (var (name, propertySchema) in schema["properties"]?.AsObject() ?? [])
            {
                var childPath = path.Length == 0 ? name : $"{path}.{name}";
                var child = Effective(propertySchema!);
                var childKind = KindOf(child);
                if (childKind == PropertyKind.Array)
                {
                    yield return new BodyProperty(childPath, childKind, obj[name] is JsonArray { Count: > 0 } items ? items[0] : null);
                    if (child["items"] is { } itemSchema && obj[name] is JsonArray { Count: > 0 } list)
                    {
                        foreach (var p in Properties(itemSchema, list[0], childPath + "[0]", depth + 1)) yield return p;
                    }
                }
                else if (childKind == PropertyKind.Object)
                {
                    yield return new BodyProperty(childPath, childKind, null);
                    foreach (var p in Properties(child, obj[name], childPath, depth + 1)) yield return p;
                }
                else yield return new BodyProperty(childPath, childKind, null);
            }
        }
        else if (path.Length == 0)
        {
            // A body that is itself a list or a value.
            yield return new BodyProperty("", kind, sample is JsonArray { Count: > 0 } items ? items[0] : null);
            if (kind == PropertyKind.Array && schema["items"] is { } itemSchema && sample is JsonArray { Count: > 0 } list)
            {
                foreach (var p in Properties(itemSchema, list[0], "[0]", depth + 1)) yield return p;
            }
        }
    }

    private JsonNode Effective(JsonNode schema)
    {
        schema = operations.Resolve(schema);
        if ((schema["anyOf"] ?? schema["oneOf"]) is { } alternatives)
        {
            var pick = alternatives.AsArray().Select(x => operations.Resolve(x!)).FirstOrDefault(x => !ApiOperations.Types(x).SequenceEqual(["null"]));
            if (pick is not null) return Effective(pick);
        }
        return schema;
    }

    private static PropertyKind KindOf(JsonNode schema)
    {
        if (schema["enum"] is JsonArray { Count: > 0 }) return PropertyKind.Enum;
        var types = ApiOperations.Types(schema);
        if (types.Contains("integer") || types.Contains("number")) return PropertyKind.Number;
        if (types.Contains("boolean")) return PropertyKind.Boolean;
        if (types.Contains("array")) return PropertyKind.Array;
        if (types.Contains("object") || schema["properties"] is not null) return PropertyKind.Object;
        return schema["format"]?.GetValue<string>() switch
        {
            "date" or "date-time" => PropertyKind.Date,
            "uuid" => PropertyKind.Id,
            _ => PropertyKind.Text,
        };
    }

    /// <summary>The sample body with the value at <paramref name="path"/> replaced by raw JSON text.</summary>
    private static string With(JsonNode body, string path, string raw)
    {
        if (path.Length == 0) return raw;
        var copy = body.DeepClone();
        var parts = path.Replace("[", ".[", StringComparison.Ordinal).Split('.', StringSplitOptions.RemoveEmptyEntries);
        var node = copy;
        for (var i = 0; i < parts.Length; i++)
        {
            var last = i == parts.Length - 1;
            if (parts[i].StartsWith('['))
            {
                var index = int.Parse(parts[i][1..^1], System.Globalization.CultureInfo.InvariantCulture);
                if (last) node![index] = Placeholder;
                else node = node![index];
            }
            else if (last) node![parts[i]] = Placeholder;
            else node = node![parts[i]];
        }
        var text = copy.ToJsonString();
        var at = text.IndexOf($"\"{Placeholder}\"", StringComparison.Ordinal);
        return text[..at] + raw + text[(at + Placeholder.Length + 2)..];
    }

    private IEnumerable<(string Name, string Text, bool Matches)> RouteValues(ApiOperation op, ApiParameter parameter)
    {
        var schema = parameter.Schema is null ? null : Effective(parameter.Schema);
        var kind = schema is null ? PropertyKind.Text : KindOf(schema);
        if (kind == PropertyKind.Id)
        {
            var b = world.B;
            yield return ("branch B's", RouteText(b.RouteValue(op.Path, parameter.Name)), true);
            if (b.RouteValue(op.Path, parameter.Name, b.DissolvedGroup!.Id) is Guid dissolved && dissolved == b.DissolvedGroup.Id)
            {
                yield return ("branch B's dissolved group", dissolved.ToString(), true);
            }
            yield return ("another tenant's", RouteText(otherTenant.A.RouteValue(op.Path, parameter.Name)), true);
            yield return ("random", RandomId.ToString(), true);
            yield return ("empty guid", Guid.Empty.ToString(), true);
            yield return ("not a guid", "not-a-guid", false);
            yield return ("overflow integer", "99999999999999999999", false);
        }
        else if (kind == PropertyKind.Number)
        {
            yield return ("2^31", "2147483648", false);
            yield return ("-1", "-1", true);
            yield return ("0", "0", true);
            yield return ("int min", "-2147483648", true);
            yield return ("int max", "2147483647", true);
            yield return ("not a number", "abc", false);
        }
        else
        {
            yield return ("unknown", "no-such-thing", true);
            // (No NUL: the server refuses a path with one before the app, 400 — the test host throws.)
            yield return ("ANSI escape", "a%1B%5B31m", true);
            yield return ("60,000 characters", LongUrlText, true);
            yield return ("dot segments", "..%2F..%2Fappsettings.json", true);
            yield return ("lone surrogate", "a%ED%A0%80b", true);
        }
    }

    private IEnumerable<(string Name, string Text)> QueryValues(ApiParameter parameter)
    {
        var schema = parameter.Schema is null ? null : Effective(parameter.Schema);
        var kind = schema is null ? PropertyKind.Text : KindOf(schema);
        switch (kind)
        {
            case PropertyKind.Number:
                yield return ("not a number", "abc");
                yield return ("2^64", "99999999999999999999");
                yield return ("-2^31-1", "-2147483649");
                yield return ("2^31", "2147483648");
                yield return ("int max", "2147483647");
                yield return ("-1", "-1");
                yield return ("0", "0");
                yield return ("1e400", "1e400");
                yield return ("1000000", "1000000");
                break;
            case PropertyKind.Id:
                yield return ("not a guid", "not-a-guid");
                yield return ("empty guid", Guid.Empty.ToString());
                yield return ("random", RandomId.ToString());
                yield return ("branch B's unit", world.B.Unit.Id.ToString());
                yield return ("branch B's dissolved group", world.B.DissolvedGroup!.Id.ToString());
                yield return ("branch B's member", world.B.Member.Id.ToString());
                yield return ("another tenant's unit", otherTenant.A.Unit.Id.ToString());
                break;
            case PropertyKind.Date:
                foreach (var d in new[] { "2026-02-30", "0000-00-00", "9999-99-99T99:99", "yesterday", "9999-12-31", "0001-01-01" }) yield return (d, Uri.EscapeDataString(d));
                break;
            case PropertyKind.Boolean:
                yield return ("maybe", "maybe");
                yield return ("2", "2");
                break;
            case PropertyKind.Enum:
                yield return ("unknown name", "NoSuchValue");
                yield return ("undefined number", "999");
                yield return ("negative number", "-1");
                break;
        }
        yield return ("NUL", "a%00b");
        yield return ("ANSI escape", "%1B%5B31m");
        yield return ("bad escape", "%zz");
        yield return ("lone surrogate", "a%ED%A0%80b");
        yield return ("60,000 characters", LongUrlText);
    }

    private static bool IsUnitFilter(string name) => name is "orgUnitId" or "parentId";

    private string QueryValue(ApiParameter parameter)
    {
        if (IsUnitFilter(parameter.Name)) return world.A.Unit.Id.ToString();
        if (parameter.Name == "memberId") return world.A.Member.Id.ToString();
        return operations.Sample(parameter.Schema, (_, _) => null) switch
        {
            JsonValue v when v.TryGetValue<string>(out var s) => Uri.EscapeDataString(s),
            JsonValue v => v.ToJsonString(),
            _ => "1",
        };
    }

    private static string RouteText(object? value) => value switch
    {
        null => throw new ShouldAssertException("No route value known."),
        Guid g => g.ToString(),
        _ => Uri.EscapeDataString(Convert.ToString(value, System.Globalization.CultureInfo.InvariantCulture)!),
    };

    private static string Url(ApiOperation op, IReadOnlyDictionary<string, string> route, IReadOnlyDictionary<string, string> query)
    {
        var path = op.Path;
        foreach (var (name, value) in route) path = path.Replace("{" + name + "}", value, StringComparison.Ordinal);
        return query.Count == 0 ? path : path + "?" + string.Join('&', query.Select(q => $"{q.Key}={q.Value}"));
    }
}
