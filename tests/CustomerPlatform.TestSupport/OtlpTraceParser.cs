using System.Globalization;

namespace CustomerPlatform.TestSupport;

/// <summary>
/// Reads an OTLP <c>ExportTraceServiceRequest</c> (opentelemetry/proto/collector/trace/v1) into
/// <see cref="ReceivedSpan"/>s. Field numbers are from the OTLP .proto files; unknown fields are skipped, so
/// newer exporters keep working.
/// </summary>
internal static class OtlpTraceParser
{
    private const int Bytes = ProtobufReader.LengthDelimited;

    public static IReadOnlyList<ReceivedSpan> Parse(ReadOnlyMemory<byte> request)
    {
        var spans = new List<ReceivedSpan>();
        var reader = new ProtobufReader(request);
        while (reader.TryReadTag(out var field, out var wireType))
        {
            if (field == 1 && wireType == Bytes)
            {
                ReadResourceSpans(reader.ReadMessage(), spans);
            }
            else
            {
                reader.Skip(wireType);
            }
        }

        return spans;
    }

    private static void ReadResourceSpans(ProtobufReader reader, List<ReceivedSpan> spans)
    {
        var serviceName = string.Empty;
        // Fields may come in any order: the resource is only known for sure at the end of the message.
        var scopeSpans = new List<ProtobufReader>();
        while (reader.TryReadTag(out var field, out var wireType))
        {
            switch (field, wireType)
            {
                case (1, Bytes):
                    var resource = ReadAttributes(reader.ReadMessage(), attributesField: 1);
                    serviceName = resource.GetValueOrDefault("service.name", string.Empty);
                    break;
                case (2, Bytes):
                    scopeSpans.Add(reader.ReadMessage());
                    break;
                default:
                    reader.Skip(wireType);
                    break;
            }
        }

        foreach (var scope in scopeSpans)
        {
            ReadScopeSpans(scope, serviceName, spans);
        }
    }

    private static void ReadScopeSpans(ProtobufReader reader, string serviceName, List<ReceivedSpan> spans)
    {
        var scopeName = string.Empty;
        var spanMessages = new List<ProtobufReader>();
        while (reader.TryReadTag(out var field, out var wireType))
        {
            switch (field, wireType)
            {
                case (1, Bytes):
                    scopeName = ReadScopeName(reader.ReadMessage());
                    break;
                case (2, Bytes):
                    spanMessages.Add(reader.ReadMessage());
                    break;
                default:
                    reader.Skip(wireType);
                    break;
            }
        }

        spans.AddRange(spanMessages.Select(span => ReadSpan(span, serviceName, scopeName)));
    }

    private static string ReadScopeName(ProtobufReader reader)
    {
        var name = string.Empty;
        while (reader.TryReadTag(out var field, out var wireType))
        {
            if (field == 1 && wireType == Bytes)
            {
                name = reader.ReadString();
            }
            else
            {
                reader.Skip(wireType);
            }
        }

        return name;
    }

    private static ReceivedSpan ReadSpan(ProtobufReader reader, string serviceName, string scopeName)
    {
        string traceId = string.Empty, spanId = string.Empty, parentSpanId = string.Empty, name = string.Empty;
        var kind = 0;
        var attributes = new Dictionary<string, string>();
        while (reader.TryReadTag(out var field, out var wireType))
        {
            switch (field, wireType)
            {
                case (1, Bytes):
                    traceId = Convert.ToHexStringLower(reader.ReadBytes().Span);
                    break;
                case (2, Bytes):
                    spanId = Convert.ToHexStringLower(reader.ReadBytes().Span);
                    break;
                case (4, Bytes):
                    parentSpanId = Convert.ToHexStringLower(reader.ReadBytes().Span);
                    break;
                case (5, Bytes):
                    name = reader.ReadString();
                    break;
                case (6, ProtobufReader.Varint):
                    kind = (int)reader.ReadVarint();
                    break;
                case (9, Bytes):
                    if (ReadKeyValue(reader.ReadMessage()) is (string key, string value))
                    {
                        attributes[key] = value;
                    }

                    break;
                default:
                    reader.Skip(wireType);
                    break;
            }
        }

        return new ReceivedSpan(serviceName, scopeName, traceId, spanId, parentSpanId, name, kind, attributes);
    }

    private static Dictionary<string, string> ReadAttributes(ProtobufReader reader, int attributesField)
    {
        var attributes = new Dictionary<string, string>();
        while (reader.TryReadTag(out var field, out var wireType))
        {
            if (field == attributesField && wireType == Bytes
                && ReadKeyValue(reader.ReadMessage()) is (string key, string value))
            {
                attributes[key] = value;
            }
            else if (field != attributesField || wireType != Bytes)
            {
                reader.Skip(wireType);
            }
        }

        return attributes;
    }

    private static (string Key, string Value)? ReadKeyValue(ProtobufReader reader)
    {
        string? key = null, value = null;
        while (reader.TryReadTag(out var field, out var wireType))
        {
            switch (field, wireType)
            {
                case (1, Bytes):
                    key = reader.ReadString();
                    break;
                case (2, Bytes):
                    value = ReadScalar(reader.ReadMessage());
                    break;
                default:
                    reader.Skip(wireType);
                    break;
            }
        }

        return key is not null && value is not null ? (key, value) : null;
    }

    // AnyValue: string = 1, bool = 2, int64 = 3, double = 4; arrays, maps and bytes are left out.
    private static string? ReadScalar(ProtobufReader reader)
    {
        string? value = null;
        while (reader.TryReadTag(out var field, out var wireType))
        {
            switch (field, wireType)
            {
                case (1, Bytes):
                    value = reader.ReadString();
                    break;
                case (2, ProtobufReader.Varint):
                    value = reader.ReadVarint() != 0 ? "true" : "false";
                    break;
                case (3, ProtobufReader.Varint):
                    value = unchecked((long)reader.ReadVarint()).ToString(CultureInfo.InvariantCulture);
                    break;
                case (4, ProtobufReader.Fixed64):
                    value = BitConverter.UInt64BitsToDouble(reader.ReadFixed64()).ToString("R", CultureInfo.InvariantCulture);
                    break;
                default:
                    reader.Skip(wireType);
                    break;
            }
        }

        return value;
    }
}
