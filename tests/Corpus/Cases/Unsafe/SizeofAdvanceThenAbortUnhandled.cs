// A draw packet is stored through a cast pointer and the write pointer advances by sizeof(DrawPacket); the retry loop lets DisconnectedAbort through: DBL004.
using DoorbellGuard;

public struct DrawPacket
{
    public uint Header;
    public uint VertexCount;
    public uint InstanceCount;
    public uint FirstVertex;
}

public sealed unsafe class DrawQueue
{
    private readonly Doorbell _doorbell;
    private readonly byte* _ring;
    private ulong _wp;
    private ulong _draws;

    public DrawQueue(Doorbell doorbell, byte* ring)
    {
        _doorbell = doorbell;
        _ring = ring;
    }

    public void Draw(uint vertexCount)
    {
        *(DrawPacket*)(_ring + _wp) = new DrawPacket { Header = 0xC0032D00u, VertexCount = vertexCount, InstanceCount = 1 };
        _wp += (ulong)sizeof(DrawPacket);
        DoorbellStatus status;
        do
        {
            {|DBL004:_doorbell.Ring(_wp)|};
            status = _doorbell.ReadStatus();
            if (status == DoorbellStatus.DisconnectedRetry)
                _doorbell.Connect();
        }
        while (status == DoorbellStatus.DisconnectedRetry);

        if (status == DoorbellStatus.ConnectedNotify)
            _doorbell.NotifyWorkSubmission();
        _draws++;
    }

    public ulong Draws => _draws;
}
