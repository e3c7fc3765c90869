namespace Dangjian.Web.Platform.Errors;

/// <summary>A business failure: a code, a message a person can act on, and the rule it rests on.</summary>
public sealed record Error(string Code, string Message, int Status, string? Article = null,
    IReadOnlyDictionary<string, string[]>? FieldErrors = null)
{
    public static Error NotFound(string message) => new("not_found", message, StatusCodes.Status404NotFound);
    public static Error Forbidden(string message) => new("forbidden", message, StatusCodes.Status403Forbidden);
    public static Error Conflict(string code, string message, string? article = null) =>
        new(code, message, StatusCodes.Status409Conflict, article);
    public static Error Rule(string code, string message, string article) =>
        new(code, message, StatusCodes.Status422UnprocessableEntity, article);

    public static Error Validation(string field, string message) =>
        new("validation", message, StatusCodes.Status400BadRequest, null,
            new Dictionary<string, string[]> { [field] = [message] });
}

/// <summary>Either a value or an <see cref="Error"/>.</summary>
public readonly record struct Result<T>
{
    public T? Value { get; }
    public Error? Error { get; }
    public bool IsSuccess => Error is null;

    private Result(T? value, Error? error) => (Value, Error) = (value, error);

    public static implicit operator Result<T>(T value) => new(value, null);
    public static implicit operator Result<T>(Error error) => new(default, error);
}
