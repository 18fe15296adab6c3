using System;

namespace DoorbellGuard;

/// <summary>
/// DoorbellGuard's ring buffer packet, the one definition <see cref="HardwareQueue"/> writes and the simulated GPU
/// reads: a 16-byte header (uint magic "DBG1", uint payload length, ulong fence value) and the payload padded to 8
/// bytes. Positions are byte offsets that grow without wrapping; the place in the ring is the position modulo its size
/// (a power of two), and a packet may wrap around the end.
/// </summary>
internal static unsafe class RingPacket
{
    public const uint Magic = 0x31474244; // "DBG1"
    public const int HeaderSize = 16;

    /// <summary>The bytes a packet with this payload takes in the ring.</summary>
    public static int SizeOf(int payloadLength) => HeaderSize + ((payloadLength + 7) & ~7);

    /// <summary>Writes the packet at <paramref name="position"/>; the caller has checked that it fits.</summary>
    public static void Write(byte* ring, int ringSize, ulong position, ulong fence, ReadOnlySpan<byte> payload)
    {
        ulong mask = (ulong)ringSize - 1;
        // Header words are 8-byte aligned in a ring of at least 4096 bytes, so neither straddles the end.
        *(ulong*)(ring + (position & mask)) = Magic | ((ulong)(uint)payload.Length << 32);
        *(ulong*)(ring + ((position + 8) & mask)) = fence;
        int offset = (int)((position + HeaderSize) & mask);
        int first = Math.Min(payload.Length, ringSize - offset);
        payload.Slice(0, first).CopyTo(new Span<byte>(ring + offset, first));
        if (first < payload.Length)
            payload.Slice(first).CopyTo(new Span<byte>(ring, payload.Length - first));
    }

    /// <summary>Reads the header of the packet at <paramref name="position"/>; false when nothing parsable lies between it and <paramref name="end"/>.</summary>
    public static bool TryRead(byte* ring, int ringSize, ulong position, ulong end, out ulong fence, out ulong size)
    {
        fence = 0;
        size = 0;
        ulong mask = (ulong)ringSize - 1;
        if (end - position < HeaderSize || (position & 7) != 0)
            return false;
        ulong header = *(ulong*)(ring + (position & mask));
        if ((uint)header != Magic)
            return false;
        ulong length = header >> 32;
        size = HeaderSize + ((length + 7) & ~7UL);
        if (size > (ulong)ringSize || end - position < size)
            return false;
        fence = *(ulong*)(ring + ((position + 8) & mask));
        return true;
    }
}
