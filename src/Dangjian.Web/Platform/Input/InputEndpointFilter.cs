using System.IO.Pipelines;
using System.Reflection;
using System.Security.Claims;
using Dangjian.Web.Platform.Api;
using Microsoft.AspNetCore.Http.Metadata;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Localization;

namespace Dangjian.Web.Platform.Input;

/// <summary>Marks an endpoint whose arguments pass through <see cref="InputEndpointFilter"/>; the tests look for it on every /api/v1 route.</summary>
public sealed class InputCheckedMetadata
{
    public static readonly InputCheckedMetadata Instance = new();
}

/// <summary>
/// The endpoint filter that applies <see cref="InputLimits"/> to every argument a client sends: the request body (walked
/// through records, nested objects and lists), every string and date bound from the route, the query or a header, and the
/// properties of an <c>[AsParameters]</c> type. A refused value is a 400 ValidationProblem naming each field as the
/// client sent it, before the handler runs. Put on all endpoints at once by <see cref="CheckInput{TBuilder}"/> on the
/// group that Program.cs maps every module through.
/// </summary>
public static class InputEndpointFilter
{
    /// <summary>Adds the filter (and its marker) to every endpoint the builder makes, including those of groups inside it.</summary>
    public static TBuilder CheckInput<TBuilder>(this TBuilder builder) where TBuilder : IEndpointConventionBuilder
    {
        builder.Add(endpoint =>
        {
            endpoint.Metadata.Add(InputCheckedMetadata.Instance);
            endpoint.FilterFactories.Add(Create);
        });
        return builder;
    }

    private static EndpointFilterDelegate Create(EndpointFilterFactoryContext context, EndpointFilterDelegate next)
    {
        var limits = context.ApplicationServices.GetRequiredService<InputLimits>();
        var arguments = ArgumentsOf(context.MethodInfo, limits, context.ApplicationServices.GetRequiredService<IServiceProviderIsService>());
        if (arguments.Count == 0) return next;
        return async invocation =>
        {
            var found = new List<TextViolation>();
            foreach (var a in arguments)
            {
                var value = invocation.Arguments[a.Index];
                if (a.Members is null) limits.Inspect(value, a.Name, a.Spec, found);
                else if (value is not null)
                {
                    foreach (var m in a.Members) limits.Inspect(m.Get(value), m.Name, m.Spec, found);
                }
            }
            if (found.Count == 0) return await next(invocation);
            var L = invocation.HttpContext.RequestServices.GetRequiredService<IStringLocalizer<SharedResource>>();
            return new ApiProblem(InputLimits.ToError(found, L)!);
        };
    }

    /// <summary>One argument to check: its position, the name it was sent under ("" for a body) and, for [AsParameters], its members.</summary>
    public sealed record Argument(int Index, string Name, TextSpec Spec, IReadOnlyList<Member>? Members, Type Type);

    /// <summary>A member of an [AsParameters] argument.</summary>
    public sealed record Member(string Name, TextSpec Spec, Func<object, object?> Get);

    /// <summary>The arguments of a handler a client supplies (not services, not the request's own objects).</summary>
    public static IReadOnlyList<Argument> ArgumentsOf(MethodInfo method, InputLimits limits, IServiceProviderIsService services)
    {
        var list = new List<Argument>();
        foreach (var p in method.GetParameters())
        {
            var type = Nullable.GetUnderlyingType(p.ParameterType) ?? p.ParameterType;
            if (IsServiceOrContext(p, type, services)) continue;
            if (p.GetCustomAttribute<AsParametersAttribute>() is not null)
            {
                var members = type.GetProperties(BindingFlags.Public | BindingFlags.Instance)
                    .Where(m => m.GetMethod is not null && !IsServiceOrContext(m, Nullable.GetUnderlyingType(m.PropertyType) ?? m.PropertyType, services))
                    .Select(m => new Member(m.GetCustomAttributes().OfType<IFromBodyMetadata>().Any() ? "" : BoundName(m, m.Name), limits.SpecOf(m), m.GetValue))
                    .ToList();
                list.Add(new(p.Position, "", limits.Default, members, type));
                continue;
            }
            // A date is checked against the calendar of DateRules; other numbers, ids and enums hold nothing to check.
            if (IsLeaf(type) && !DateRules.IsDate(type)) continue;
            // A string (or a list of them) or a date is named as the route, query or header names it; a complex argument
            // is the body (or a form model), whose fields are named from its root as a client wrote them.
            var text = type == typeof(string) || IsStringList(type) || DateRules.IsDate(type);
            var name = text && !p.GetCustomAttributes().OfType<IFromBodyMetadata>().Any() ? BoundName(p, p.Name!) : "";
            list.Add(new(p.Position, name, text ? limits.SpecOf(p) : limits.Default, null, type));
        }
        return list;
    }

    private static bool IsServiceOrContext(ICustomAttributeProvider p, Type type, IServiceProviderIsService services) =>
        p.GetCustomAttributes(true).Any(a => a is IFromServiceMetadata or FromKeyedServicesAttribute)
        || type == typeof(HttpContext) || type == typeof(HttpRequest) || type == typeof(HttpResponse) || type == typeof(CancellationToken)
        || type == typeof(ClaimsPrincipal) || typeof(IFormFile).IsAssignableFrom(type) || typeof(IFormFileCollection).IsAssignableFrom(type)
        || typeof(IFormCollection).IsAssignableFrom(type) || typeof(Stream).IsAssignableFrom(type) || typeof(PipeReader).IsAssignableFrom(type)
        || services.IsService(type);

    /// <summary>Numbers, dates, ids, enums and other values that hold no free text.</summary>
    private static bool IsLeaf(Type type) =>
        type.IsPrimitive || type.IsEnum || type == typeof(decimal) || type == typeof(Guid) || type == typeof(DateTime) || type == typeof(DateTimeOffset)
        || type == typeof(DateOnly) || type == typeof(TimeOnly) || type == typeof(TimeSpan);

    private static bool IsStringList(Type type) =>
        type.IsArray && type.GetElementType() == typeof(string)
        || type.IsGenericType && type.GetGenericArguments() is [var item] && item == typeof(string) && typeof(System.Collections.IEnumerable).IsAssignableFrom(type);

    /// <summary>The name a route, query or header value is bound from: the attribute's name, else the parameter's.</summary>
    private static string BoundName(ICustomAttributeProvider p, string fallback)
    {
        foreach (var a in p.GetCustomAttributes(true))
        {
            var name = a switch
            {
                IFromQueryMetadata q => q.Name,
                IFromRouteMetadata r => r.Name,
                IFromHeaderMetadata h => h.Name,
                IFromFormMetadata f => f.Name,
                _ => null,
            };
            if (!string.IsNullOrEmpty(name)) return name;
        }
        return fallback.Length > 0 && char.IsUpper(fallback[0]) ? char.ToLowerInvariant(fallback[0]) + fallback[1..] : fallback;
    }
}
