using System.Buffers.Binary;
using System.Text;

namespace CustomerPlatform.TestSupport;

/// <summary>
/// Just enough of the protobuf wire format to read OTLP: a dependency on Google.Protobuf plus generated OTLP
/// classes would be far more than the handful of fields tests look at.
/// </summary>
internal sealed class ProtobufReader(ReadOnlyMemory<byte> buffer)
{
    public const int Varint = 0;
    public const int Fixed64 = 1;
    public const int LengthDelimited = 2;
    public const int Fixed32 = 5;

    private int _position;

    /// <summary>Reads the next field's tag; false at the end of the message.</summary>
    public bool TryReadTag(out int fieldNumber, out int wireType)
    {
        if (_position >= buffer.Length)
        {
            fieldNumber = 0;
            wireType = 0;
            return false;
        }

        var tag = ReadVarint();
        fieldNumber = (int)(tag >> 3);
        wireType = (int)(tag & 7);
        return true;
    }

    public ulong ReadVarint()
    {
        var span = buffer.Span;
        ulong result = 0;
        for (var shift = 0; shift < 64; shift += 7)
        {
            if (_position >= span.Length)
            {
                throw new FormatException("Truncated varint.");
            }

            var b = span[_position++];
            result |= (ulong)(b & 0x7F) << shift;
            if ((b & 0x80) == 0)
            {
                return result;
            }
        }

        throw new FormatException("Varint longer than 10 bytes.");
    }

    public ulong ReadFixed64()
    {
        var value = BinaryPrimitives.ReadUInt64LittleEndian(Take(8).Span);
        return value;
    }

    public ReadOnlyMemory<byte> ReadBytes()
    {
        var length = ReadVarint();
        if (length > (ulong)(buffer.Length - _position))
        {
            throw new FormatException("Length-delimited field runs past the end of its message.");
        }

        return Take((int)length);
    }

    public string ReadString() => Encoding.UTF8.GetString(ReadBytes().Span);

    public ProtobufReader ReadMessage() => new(ReadBytes());

    public void Skip(int wireType)
    {
        switch (wireType)
        {
            case Varint:
                ReadVarint();
                break;
            case Fixed64:
                Take(8);
                break;
            case LengthDelimited:
                ReadBytes();
                break;
            case Fixed32:
                Take(4);
                break;
            default:
                // Groups (3, 4) are deprecated and absent from OTLP.
                throw new FormatException($"Unsupported wire type {wireType}.");
        }
    }

    private ReadOnlyMemory<byte> Take(int count)
    {
        if (count > buffer.Length - _position)
        {
            throw new FormatException("Truncated field.");
        }

        var slice = buffer.Slice(_position, count);
        _position += count;
        return slice;
    }
}
