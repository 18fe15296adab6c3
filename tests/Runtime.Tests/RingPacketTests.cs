using System;
using System.Runtime.InteropServices;

namespace DoorbellGuard.Tests;

/// <summary>The one ring packet format HardwareQueue writes and the simulated GPU reads.</summary>
public unsafe class RingPacketTests
{
    private const int RingSize = 4096;

    [Theory]
    [InlineData(0, 16)]
    [InlineData(1, 24)]
    [InlineData(8, 24)]
    [InlineData(9, 32)]
    public void Size_is_the_header_and_the_payload_padded_to_8_bytes(int payload, int size) =>
        Assert.Equal(size, RingPacket.SizeOf(payload));

    [Theory]
    [InlineData(0UL)]
    [InlineData(4096UL - 16)]      // the payload wraps to the start of the ring
    [InlineData(3 * 4096UL + 40)]  // positions grow without wrapping
    public void What_Write_puts_in_the_ring_TryRead_reads_back(ulong position)
    {
        byte* ring = (byte*)NativeMemory.AllocZeroed(RingSize);
        try
        {
            byte[] payload = [1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11];
            RingPacket.Write(ring, RingSize, position, fence: 42, payload);
            ulong size = (ulong)RingPacket.SizeOf(payload.Length);

            Assert.True(RingPacket.TryRead(ring, RingSize, position, position + size, out ulong fence, out ulong readSize));
            Assert.Equal(42UL, fence);
            Assert.Equal(size, readSize);
            Assert.False(RingPacket.TryRead(ring, RingSize, position, position + size - 1, out _, out _)); // the write pointer cuts it short
            int start = (int)((position + RingPacket.HeaderSize) % RingSize);
            int first = Math.Min(payload.Length, RingSize - start);
            Assert.Equal(payload[..first], new ReadOnlySpan<byte>(ring + start, first).ToArray());
            Assert.Equal(payload[first..], new ReadOnlySpan<byte>(ring, payload.Length - first).ToArray());
        }
        finally
        {
            NativeMemory.Free(ring);
        }
    }

    [Fact]
    public void Anything_without_the_magic_is_not_a_packet()
    {
        byte* ring = (byte*)NativeMemory.AllocZeroed(RingSize);
        try
        {
            Assert.False(RingPacket.TryRead(ring, RingSize, 0, 64, out _, out _));
            RingPacket.Write(ring, RingSize, 0, 1, [1]);
            Assert.False(RingPacket.TryRead(ring, RingSize, 4, 64, out _, out _)); // not 8-byte aligned
        }
        finally
        {
            NativeMemory.Free(ring);
        }
    }
}
