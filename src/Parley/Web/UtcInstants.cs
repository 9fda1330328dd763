using System.Text.Json;
using System.Text.Json.Serialization;
using Microsoft.AspNetCore.OpenApi;
using Microsoft.OpenApi;

namespace Parley.Web;

/// <summary>
/// Instants in API bodies are read as UTC once, here: a value with an offset is converted, one without is
/// taken as UTC (never as the server's local time, which would move it by the server's zone). Forms do the same
/// where they post an instant. Written, every instant carries its "Z": Parley stores instants in UTC, but SQLite gives
/// them back without a kind, and an instant without an offset is no RFC 3339 date-time (the document says it is one).
/// </summary>
public sealed class UtcInstantConverter : JsonConverter<DateTime>
{
    public override DateTime Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options)
    {
        var value = reader.GetDateTime();
        return value.Kind switch
        {
            DateTimeKind.Unspecified => DateTime.SpecifyKind(value, DateTimeKind.Utc),
            DateTimeKind.Local => value.ToUniversalTime(),
            _ => value,
        };
    }

    public override void Write(Utf8JsonWriter writer, DateTime value, JsonSerializerOptions options) =>
        writer.WriteStringValue(value.Kind == DateTimeKind.Local ? value.ToUniversalTime() : DateTime.SpecifyKind(value, DateTimeKind.Utc));
}

/// <summary>
/// A custom converter hides the type from the OpenAPI generator, so instants are described here as what they
/// are on the wire: strings in date-time format (null where optional).
/// </summary>
public sealed class UtcInstantSchema : IOpenApiSchemaTransformer
{
    public Task TransformAsync(OpenApiSchema schema, OpenApiSchemaTransformerContext context, CancellationToken cancellationToken)
    {
        var type = context.JsonTypeInfo.Type;
        if (schema.Type is null && (type == typeof(DateTime) || type == typeof(DateTime?)))
        {
            // Optional body values may be null; query parameters are described without null, as for every other type.
            var query = context.ParameterDescription?.Source == Microsoft.AspNetCore.Mvc.ModelBinding.BindingSource.Query;
            schema.Type = type == typeof(DateTime) || query ? JsonSchemaType.String : JsonSchemaType.String | JsonSchemaType.Null;
            schema.Format = "date-time";
        }
        return Task.CompletedTask;
    }
}

/// <summary>
/// A time of day (a task force's first meeting at 10:00 in its zone) is a wall time, not RFC 3339's full-time, which
/// carries an offset: described as the pattern it is written in, so a validator does not demand the offset.
/// </summary>
public sealed class LocalTimeSchema : IOpenApiSchemaTransformer
{
    public Task TransformAsync(OpenApiSchema schema, OpenApiSchemaTransformerContext context, CancellationToken cancellationToken)
    {
        var type = context.JsonTypeInfo.Type;
        if (type == typeof(TimeOnly) || type == typeof(TimeOnly?))
        {
            schema.Format = null;
            schema.Pattern = @"^\d{2}:\d{2}(:\d{2}(\.\d{1,7})?)?$";
            schema.MaxLength = "hh:mm:ss.fffffff".Length;
            schema.Description ??= "A local time of day (hh:mm:ss), in the zone the record names.";
        }
        return Task.CompletedTask;
    }
}
