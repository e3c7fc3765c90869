using System.Collections;
using System.Collections.Concurrent;
using System.ComponentModel.DataAnnotations;
using System.Reflection;
using System.Text.Json;
using System.Text.Json.Serialization.Metadata;
using Dangjian.Web.Platform.Errors;
using Microsoft.Extensions.Localization;
using Microsoft.Extensions.Options;

namespace Dangjian.Web.Platform.Input;

/// <summary>How one text field is checked: its limit, whether it may span lines, whether it must be an http(s) link.</summary>
public readonly record struct TextSpec(int MaxLength, bool MultiLine, bool HttpUrl);

/// <summary>One refused value: the field as the client named it (<c>members[2].name</c>) and what is wrong.</summary>
public readonly record struct TextViolation(string Field, TextProblem Problem, int MaxLength);

/// <summary>
/// The one check of the text a request carries, for the API (<see cref="InputEndpointFilter"/>) and the pages (through
/// <see cref="InputCheck"/> in the use cases they call). It walks a value as JSON sees it — records, classes, nested
/// objects, lists, dictionaries — names each field by its JSON path in camelCase, and applies <see cref="TextRules"/>
/// with the field's <see cref="TextSpec"/>: <c>[MaxLength]</c>/<c>[StringLength]</c> on the property or the record's
/// parameter, else <see cref="InputOptions.MaxTextLength"/> (or <see cref="InputOptions.MaxMultiLineLength"/> for a
/// <see cref="MultiLineAttribute"/> field); <see cref="HttpUrlAttribute"/> adds the link rule. Dates and instants on the way
/// must lie in the years of <see cref="DateRules"/>, and no list may carry a null item.
/// </summary>
public sealed class InputLimits
{
    private const int MaxDepth = 32;

    private readonly JsonSerializerOptions json;
    private readonly ConcurrentDictionary<Type, Plan> plans = new();

    public InputLimits(IOptions<InputOptions> options, IOptions<Microsoft.AspNetCore.Http.Json.JsonOptions> json)
    {
        Options = options.Value;
        this.json = json.Value.SerializerOptions;
    }

    public InputOptions Options { get; }

    /// <summary>The spec of a text field without attributes of its own.</summary>
    public TextSpec Default => new(Options.MaxTextLength, false, false);

    /// <summary>The spec of a property or parameter from its attributes, falling back to the settings.</summary>
    public TextSpec SpecOf(params ICustomAttributeProvider?[] providers)
    {
        int? max = null;
        bool multiLine = false, url = false;
        foreach (var provider in providers)
        {
            if (provider is null) continue;
            foreach (var attribute in provider.GetCustomAttributes(true))
            {
                switch (attribute)
                {
                    case MaxLengthAttribute m when m.Length > 0:
                        max ??= m.Length;
                        break;
                    case StringLengthAttribute s:
                        max ??= s.MaximumLength;
                        break;
                    case MultiLineAttribute:
                        multiLine = true;
                        break;
                    case HttpUrlAttribute:
                        url = true;
                        break;
                }
            }
        }
        return new(max ?? (multiLine ? Options.MaxMultiLineLength : Options.MaxTextLength), multiLine, url);
    }

    /// <summary>Checks every text in <paramref name="value"/>; <paramref name="path"/> is its own name ("" for a request body).</summary>
    public void Inspect(object? value, string path, TextSpec spec, List<TextViolation> found) => Walk(value, path, spec, found, 0);

    /// <summary>The text fields of a type as JSON sees them, with the spec of each: what the coverage test reads.</summary>
    public IReadOnlyList<(string Path, TextSpec Spec)> TextFieldsOf(Type type)
    {
        var list = new List<(string, TextSpec)>();
        Fields(type, "", Default, list, 0);
        return list;
    }

    public static Error? ToError(IReadOnlyList<TextViolation> found, IStringLocalizer L)
    {
        if (found.Count == 0) return null;
        var errors = new FieldErrors();
        foreach (var v in found)
        {
            errors.Add(Error.Validation(v.Field, v.Problem switch
            {
                TextProblem.TooLong => L["Validation.TooLong", v.Field, v.MaxLength],
                TextProblem.NotHttpUrl => L["Validation.HttpUrl", v.Field],
                TextProblem.NullItem => L["Validation.Required", v.Field],
                TextProblem.DateOutOfRange => L["Validation.DateOutOfRange", v.Field, DateRules.EarliestYear, DateRules.LatestYear],
                _ => L["Validation.ControlCharacters", v.Field],
            }));
        }
        return errors.ToError();
    }

    private void Walk(object? value, string path, TextSpec spec, List<TextViolation> found, int depth)
    {
        if (value is null || depth > MaxDepth) return;
        switch (value)
        {
            case string s:
                if (TextRules.Check(s, spec.MaxLength, spec.MultiLine, spec.HttpUrl) is var problem and not TextProblem.None)
                    found.Add(new(path, problem, spec.MaxLength));
                return;
            case JsonElement element:
                WalkJson(element, path, spec, found, depth);
                return;
            case System.Text.Json.Nodes.JsonNode node:
                WalkJson(JsonSerializer.SerializeToElement(node), path, spec, found, depth);
                return;
            case DateOnly or DateTime or DateTimeOffset:
                if (!DateRules.InRange(value)) found.Add(new(path, TextProblem.DateOutOfRange, 0));
                return;
        }

        var plan = PlanOf(value.GetType());
        switch (plan.Kind)
        {
            case JsonTypeInfoKind.Object:
                foreach (var p in plan.Properties) Walk(p.Get(value), Join(path, p.Name), p.Spec, found, depth + 1);
                return;
            case JsonTypeInfoKind.Dictionary when value is IDictionary dictionary:
                foreach (DictionaryEntry entry in dictionary) WalkEntry(entry.Key, entry.Value, path, spec, found, depth);
                return;
            case JsonTypeInfoKind.Dictionary when value is IEnumerable pairs:
                foreach (var pair in pairs)
                {
                    var type = pair!.GetType();
                    WalkEntry(type.GetProperty("Key")?.GetValue(pair), type.GetProperty("Value")?.GetValue(pair), path, spec, found, depth);
                }
                return;
            case JsonTypeInfoKind.Enumerable when value is IEnumerable items:
                var i = 0;
                foreach (var item in items)
                {
                    if (item is null) found.Add(new($"{path}[{i}]", TextProblem.NullItem, 0));
                    else Walk(item, $"{path}[{i}]", spec, found, depth + 1);
                    i++;
                }
                return;
        }
    }

    private void WalkEntry(object? key, object? value, string path, TextSpec spec, List<TextViolation> found, int depth)
    {
        var name = key?.ToString() ?? "";
        var keyPath = $"{path}[{name}]";
        if (TextRules.Check(name, Options.MaxTextLength, false) is var problem and not TextProblem.None) found.Add(new(keyPath, problem, Options.MaxTextLength));
        else Walk(value, keyPath, spec, found, depth + 1);
    }

    private void WalkJson(JsonElement element, string path, TextSpec spec, List<TextViolation> found, int depth)
    {
        if (depth > MaxDepth) return;
        switch (element.ValueKind)
        {
            case JsonValueKind.String:
                Walk(element.GetString(), path, spec, found, depth);
                break;
            case JsonValueKind.Array:
                var i = 0;
                foreach (var item in element.EnumerateArray()) WalkJson(item, $"{path}[{i++}]", spec, found, depth + 1);
                break;
            case JsonValueKind.Object:
                foreach (var property in element.EnumerateObject()) WalkEntry(property.Name, property.Value, path, spec, found, depth);
                break;
        }
    }

    private void Fields(Type type, string path, TextSpec spec, List<(string, TextSpec)> list, int depth)
    {
        if (depth > 8) return;
        if (type == typeof(string))
        {
            list.Add((path, spec));
            return;
        }
        if (type == typeof(object) || type == typeof(JsonElement) || typeof(System.Text.Json.Nodes.JsonNode).IsAssignableFrom(type))
        {
            list.Add((path + "{any}", spec));
            return;
        }
        var plan = PlanOf(type);
        switch (plan.Kind)
        {
            case JsonTypeInfoKind.Object:
                foreach (var p in plan.Properties) Fields(Nullable.GetUnderlyingType(p.Type) ?? p.Type, Join(path, p.Name), p.Spec, list, depth + 1);
                break;
            case JsonTypeInfoKind.Enumerable:
                Fields(plan.ElementType!, path + "[]", spec, list, depth + 1);
                break;
            case JsonTypeInfoKind.Dictionary:
                list.Add((path + "[key]", Default));
                Fields(plan.ElementType!, path + "[key]", spec, list, depth + 1);
                break;
        }
    }

    private Plan PlanOf(Type type) => plans.GetOrAdd(type, t =>
    {
        JsonTypeInfo info;
        try
        {
            info = json.GetTypeInfo(t);
        }
        catch (Exception e) when (e is NotSupportedException or InvalidOperationException or ArgumentException)
        {
            // A type JSON cannot describe (a delegate, a stream) holds no text a client sent.
            return new(JsonTypeInfoKind.None, [], null);
        }
        if (info.Kind != JsonTypeInfoKind.Object) return new(info.Kind, [], info.ElementType);
        var properties = info.Properties.Where(p => p.Get is not null)
            .Select(p => new PropertyPlan(p.Name, p.PropertyType, p.Get!, SpecOf(p.AttributeProvider, p.AssociatedParameter?.AttributeProvider)))
            .ToArray();
        return new(info.Kind, properties, null);
    });

    private static string Join(string path, string name) => path.Length == 0 ? name : $"{path}.{name}";

    private sealed record Plan(JsonTypeInfoKind Kind, PropertyPlan[] Properties, Type? ElementType);

    private sealed record PropertyPlan(string Name, Type Type, Func<object, object?> Get, TextSpec Spec);
}

/// <summary>The same check for a use case that pages call: the request record's texts, with the error in the caller's language.</summary>
public sealed class InputCheck(InputLimits limits, IStringLocalizer<SharedResource> L)
{
    /// <summary>Null when every text of <paramref name="request"/> is within its limits, else a 400 naming each field.</summary>
    public Error? Check(object? request)
    {
        var found = new List<TextViolation>();
        limits.Inspect(request, "", limits.Default, found);
        return InputLimits.ToError(found, L);
    }
}
