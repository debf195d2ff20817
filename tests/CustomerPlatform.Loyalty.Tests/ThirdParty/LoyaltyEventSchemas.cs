using System.Reflection;
using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.Json.Schema;
using System.Text.Json.Serialization;
using System.Text.Json.Serialization.Metadata;
using System.Xml.Linq;
using CustomerPlatform.Contracts.Loyalty;
using MassTransit;
using MassTransit.Serialization;

namespace CustomerPlatform.Loyalty.Tests.ThirdParty;

/// <summary>
/// The JSON Schema of every public loyalty event, as third parties receive it (the "message" of MassTransit's
/// envelope), generated from the contracts with the serializer options MassTransit publishes with and described
/// by the contracts' XML doc summaries. Committed under docs/schemas/loyalty so a contract change shows in review.
/// </summary>
internal static class LoyaltyEventSchemas
{
    public const string Directory = "docs/schemas/loyalty";

    public const string RegenerateCommand =
        "CP_UPDATE_SCHEMAS=1 dotnet test tests/CustomerPlatform.Loyalty.Tests -c Debug --filter FullyQualifiedName~LoyaltyEventSchemaTests";

    // Readable apostrophes in the descriptions: the files are documentation, never embedded in HTML.
    private static readonly JsonSerializerOptions WriteIndented = new()
    {
        WriteIndented = true,
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
    };

    private static readonly Lazy<XmlDocs> Docs = new(() => XmlDocs.Load(typeof(ILoyaltyEvent).Assembly));

    /// <summary>Every public loyalty event: the concrete types in the Contracts assembly implementing ILoyaltyEvent.</summary>
    public static IReadOnlyList<Type> EventTypes { get; } = typeof(ILoyaltyEvent).Assembly.GetTypes()
        .Where(type => type is { IsClass: true, IsAbstract: false } && typeof(ILoyaltyEvent).IsAssignableFrom(type))
        .OrderBy(type => type.Name, StringComparer.Ordinal)
        .ToList();

    /// <summary>The exchange (and schema file name) of an event type: its [EntityName].</summary>
    public static string EntityNameOf(Type type) =>
        type.GetCustomAttribute<EntityNameAttribute>()?.EntityName
        ?? throw new InvalidOperationException($"{type.Name} has no [EntityName]: its exchange must be pinned.");

    public static string RelativePathOf(Type type) => $"{Directory}/{EntityNameOf(type)}.json";

    /// <summary>The schema text as committed: indented, LF line ends, a final newline.</summary>
    public static string Generate(Type type)
    {
        var options = new JsonSerializerOptions(SystemTextJsonMessageSerializer.Options)
        {
            TypeInfoResolver = SystemTextJsonMessageSerializer.Options.TypeInfoResolver ?? new DefaultJsonTypeInfoResolver(),
        };
        var exporterOptions = new JsonSchemaExporterOptions
        {
            // Reference types are nullable on the wire unless annotated otherwise: the contracts are annotated.
            TreatNullObliviousAsNonNullable = true,
            TransformSchemaNode = Describe,
        };
        var body = (JsonObject)options.GetJsonSchemaAsNode(type, exporterOptions);
        body["required"] = AlwaysPresent(body, options);

        var schema = new JsonObject
        {
            ["$schema"] = "https://json-schema.org/draft/2020-12/schema",
            ["$id"] = $"urn:message:{EntityNameOf(type)}",
            ["title"] = type.Name,
        };
        foreach (var (name, value) in body.ToList())
        {
            body.Remove(name);
            schema[name] = value;
        }

        return schema.ToJsonString(WriteIndented).ReplaceLineEndings("\n") + "\n";
    }

    /// <summary>
    /// What a subscriber always finds in a message: the exporter's "required" is what deserializing demands (the
    /// C# required members), but a member with a default (schemaVersion) is on the wire too. Only a null is left
    /// out, when the serializer skips nulls.
    /// </summary>
    private static JsonArray AlwaysPresent(JsonObject schema, JsonSerializerOptions options)
    {
        var skipsNulls = options.DefaultIgnoreCondition is JsonIgnoreCondition.WhenWritingNull or JsonIgnoreCondition.WhenWritingDefault;
        var names = schema["properties"]!.AsObject()
            .Where(property => !skipsNulls || !MayBeNull(property.Value!))
            .Select(property => (JsonNode)property.Key)
            .ToArray();
        return new JsonArray(names);
    }

    private static bool MayBeNull(JsonNode property) => property["type"] switch
    {
        JsonArray types => types.Any(type => type?.GetValue<string>() == "null"),
        JsonValue single => single.GetValue<string>() == "null",
        _ => true,
    };

    private static JsonNode Describe(JsonSchemaExporterContext context, JsonNode schema)
    {
        var summary = context.PropertyInfo?.AttributeProvider is PropertyInfo property
            ? Docs.Value.SummaryOf(property)
            : context.Path.IsEmpty ? Docs.Value.SummaryOf(context.TypeInfo.Type) : null;
        if (summary is null || schema is not JsonObject node)
        {
            return schema;
        }

        var described = new JsonObject { ["description"] = summary };
        foreach (var (name, value) in node.ToList())
        {
            node.Remove(name);
            described[name] = value;
        }

        return described;
    }

    /// <summary>The repository root: the directory holding CustomerPlatform.sln above the test binaries.</summary>
    public static string RepositoryRoot()
    {
        for (var directory = new DirectoryInfo(AppContext.BaseDirectory); directory is not null; directory = directory.Parent)
        {
            if (File.Exists(Path.Combine(directory.FullName, "CustomerPlatform.sln")))
            {
                return directory.FullName;
            }
        }

        throw new InvalidOperationException($"No CustomerPlatform.sln above {AppContext.BaseDirectory}.");
    }

    /// <summary>The summaries of a compiled XML documentation file, following &lt;inheritdoc /&gt; to the interfaces.</summary>
    private sealed class XmlDocs(Dictionary<string, XElement> members)
    {
        public static XmlDocs Load(Assembly assembly)
        {
            var path = Path.ChangeExtension(assembly.Location, ".xml");
            if (!File.Exists(path))
            {
                throw new InvalidOperationException($"{path} is missing: the Contracts project generates its XML docs beside the dll.");
            }

            var members = XDocument.Load(path).Descendants("member")
                .Where(member => member.Attribute("name") is not null)
                .ToDictionary(member => member.Attribute("name")!.Value, member => member);
            return new XmlDocs(members);
        }

        public string? SummaryOf(Type type) => Summary($"T:{type.FullName}");

        public string? SummaryOf(PropertyInfo property)
        {
            var own = members.GetValueOrDefault($"P:{property.DeclaringType!.FullName}.{property.Name}");
            if (own is not null && own.Element("inheritdoc") is null)
            {
                return Summary(own);
            }

            // <inheritdoc /> on a contract property means "as the interface says".
            return property.DeclaringType.GetInterfaces()
                .Select(contract => contract.GetProperty(property.Name))
                .Where(declared => declared is not null)
                .Select(declared => Summary($"P:{declared!.DeclaringType!.FullName}.{declared.Name}"))
                .FirstOrDefault(summary => summary is not null);
        }

        private string? Summary(string member) => members.TryGetValue(member, out var element) ? Summary(element) : null;

        private static string? Summary(XElement member)
        {
            var summary = member.Element("summary");
            if (summary is null)
            {
                return null;
            }

            // <see cref="T:X.Y"/> reads as Y; <c>x</c> as x; whitespace from the source's line breaks collapses.
            var text = string.Concat(summary.Nodes().Select(node => node switch
            {
                XElement { Name.LocalName: "see" } see => (see.Attribute("cref")?.Value ?? see.Attribute("langword")?.Value ?? "").Split('.', ':')[^1],
                XElement element => element.Value,
                XText textNode => textNode.Value,
                _ => "",
            }));
            return string.Join(' ', text.Split((char[])[' ', '\n', '\r', '\t'], StringSplitOptions.RemoveEmptyEntries));
        }
    }
}
