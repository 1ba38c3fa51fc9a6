using System.Text.Json;
using System.Text.Json.Serialization;

namespace DrainOrchestrator.Persistence.Journal.Events;

/// <summary>An enum in a payload as its camelCase name (<c>pause</c>, <c>retaken</c>), as the journal has always written it.</summary>
internal sealed class CamelCaseEnumConverter<TEnum>() : JsonStringEnumConverter<TEnum>(JsonNamingPolicy.CamelCase, allowIntegerValues: false)
    where TEnum : struct, Enum;
