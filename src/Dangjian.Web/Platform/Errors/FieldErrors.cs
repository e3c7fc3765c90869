namespace Dangjian.Web.Platform.Errors;

/// <summary>Collects validation failures of several fields so one answer names all of them.</summary>
public sealed class FieldErrors
{
    private readonly Dictionary<string, string[]> fields = new(StringComparer.Ordinal);

    public void Add(Error? error)
    {
        if (error?.FieldErrors is null) return;
        foreach (var (field, messages) in error.FieldErrors)
        {
            fields[field] = fields.TryGetValue(field, out var existing) ? [.. existing, .. messages] : messages;
        }
    }

    public T? Take<T>(Result<T> result) where T : struct
    {
        Add(result.Error);
        return result.IsSuccess ? result.Value : null;
    }

    public Error? ToError() => fields.Count == 0
        ? null
        : new Error("validation", string.Join("；", fields.Values.SelectMany(m => m)), StatusCodes.Status400BadRequest, null, fields);
}
