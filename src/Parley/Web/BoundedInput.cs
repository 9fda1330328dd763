using System.Collections;
using System.Collections.Concurrent;
using System.ComponentModel.DataAnnotations;
using System.Reflection;
using System.Text.Json;

namespace Parley.Web;

/// <summary>
/// Every text an API request carries has a documented maximum: <c>[MaxLength]</c> on its input record, which the
/// OpenAPI document shows as <c>maxLength</c>; every field a request cannot do without is <c>[Required]</c>, which it
/// shows in <c>required</c>. This filter checks them all (nested records and lists included) before an endpoint runs,
/// so nothing longer reaches a use case or the append-only ledger, and answers with every invalid field at once,
/// named as the JSON names it ("names[0].value"). The use cases keep their own checks for pages and the command line.
/// </summary>
public static class BoundedInput
{
    private static readonly ConcurrentDictionary<Type, bool> Bounded = new();

    public static EndpointFilterDelegate Filter(EndpointFilterFactoryContext context, EndpointFilterDelegate next)
    {
        var checks = context.MethodInfo.GetParameters().Select((p, i) => (Index: i, p.ParameterType)).Where(p => IsBounded(p.ParameterType)).ToList();
        if (checks.Count == 0)
            return next;
        return async invocation =>
        {
            var errors = new Dictionary<string, string[]>();
            foreach (var (index, _) in checks)
            {
                foreach (var (field, message) in Violations(invocation.Arguments[index], ""))
                    errors.TryAdd(field, [message]);
            }
            return errors.Count > 0 ? Problems.Invalid(errors) : await next(invocation);
        };
    }

    /// <summary>Every text over its maximum and every required field missing, in the order the record declares them.</summary>
    public static IEnumerable<(string Field, string Message)> Violations(object? value, string prefix)
    {
        if (value is null || !IsBounded(value.GetType()))
            yield break;
        foreach (var bound in BoundsOf(value.GetType()))
        {
            var field = prefix + bound.Name;
            var current = bound.Property.GetValue(value);
            if (bound.Required && (current is null || (current is string blank && string.IsNullOrWhiteSpace(blank))))
            {
                yield return (field, $"{field} is required.");
                continue;
            }
            if (current is string text && bound.Max is { } max && text.Length > max)
                yield return (field, $"{field} can be at most {max:N0} characters; this one has {text.Length:N0}.");
            if (current is IEnumerable items and not string)
            {
                var i = 0;
                foreach (var item in items)
                {
                    if (item is string s && bound.ItemMax is { } each && s.Length > each)
                        yield return ($"{field}[{i}]", $"Each of {field} can be at most {each:N0} characters; item {i + 1} has {s.Length:N0}.");
                    foreach (var nested in Violations(item, $"{field}[{i}]."))
                        yield return nested;
                    i++;
                }
            }
            else
            {
                foreach (var inner in Violations(current, field + "."))
                    yield return inner;
            }
        }
    }

    /// <summary>A property that carries a maximum or leads to one, with its JSON name; worked out once per type, not per request.</summary>
    private sealed record Bound(PropertyInfo Property, string Name, int? Max, int? ItemMax, bool Required);

    private static readonly ConcurrentDictionary<Type, Bound[]> Bounds = new();

    private static Bound[] BoundsOf(Type type) => Bounds.GetOrAdd(type, t => t.GetProperties(BindingFlags.Public | BindingFlags.Instance)
        .Where(p => p.GetIndexParameters().Length == 0)
        .Select(p => new Bound(p, JsonNamingPolicy.CamelCase.ConvertName(p.Name),
            p.GetCustomAttribute<MaxLengthAttribute>()?.Length, p.GetCustomAttribute<ItemMaxLengthAttribute>()?.Length, p.GetCustomAttribute<RequiredAttribute>() is not null))
        .Where(b => b.Max is not null || b.ItemMax is not null || b.Required || IsBounded(b.Property.PropertyType)
            || (b.Property.PropertyType.IsGenericType && b.Property.PropertyType.GetGenericArguments().Any(IsBounded)))
        .ToArray());

    /// <summary>A Parley type with a bounded text somewhere in it (itself, a nested record or a list of them).</summary>
    private static bool IsBounded(Type type) => Bounded.TryGetValue(type, out var known) ? known : Bounded[type] = Search(type, []);

    private static bool Search(Type type, HashSet<Type> seen)
    {
        if (type.Namespace?.StartsWith("Parley", StringComparison.Ordinal) != true || type.IsEnum || !seen.Add(type))
            return false;
        return type.GetProperties(BindingFlags.Public | BindingFlags.Instance).Any(p =>
            p.GetCustomAttribute<MaxLengthAttribute>() is not null || p.GetCustomAttribute<ItemMaxLengthAttribute>() is not null
            || p.GetCustomAttribute<RequiredAttribute>() is not null || Search(p.PropertyType, seen) || (p.PropertyType.IsGenericType && p.PropertyType.GetGenericArguments().Any(a => Search(a, seen))));
    }
}

/// <summary>The maximum length of each text in a list (a letter's topics); the list's own size is the use case's rule.</summary>
[AttributeUsage(AttributeTargets.Property)]
public sealed class ItemMaxLengthAttribute(int length) : Attribute
{
    public int Length { get; } = length;
}

/// <summary>Documents <see cref="ItemMaxLengthAttribute"/> in the OpenAPI document as the items' <c>maxLength</c>.</summary>
public sealed class ItemMaxLengthSchema : Microsoft.AspNetCore.OpenApi.IOpenApiSchemaTransformer
{
    public Task TransformAsync(Microsoft.OpenApi.OpenApiSchema schema, Microsoft.AspNetCore.OpenApi.OpenApiSchemaTransformerContext context, CancellationToken cancellationToken)
    {
        if (context.JsonPropertyInfo?.AttributeProvider?.GetCustomAttributes(typeof(ItemMaxLengthAttribute), true) is [ItemMaxLengthAttribute each, ..]
            && schema.Items is Microsoft.OpenApi.OpenApiSchema items)
            items.MaxLength = each.Length;
        return Task.CompletedTask;
    }
}
