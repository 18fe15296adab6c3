// An async method rings, then awaits the GPU fence and returns without ever reading the status: DBL001.
using System.Threading.Tasks;
using DoorbellGuard;

public sealed class AwaitingQueue
{
    private readonly Doorbell _doorbell;

    public AwaitingQueue(Doorbell doorbell) => _doorbell = doorbell;

    public async Task SubmitAndWaitAsync(ulong tail, Task fenceSignalled)
    {
        {|DBL001:_doorbell.Ring(tail)|};
        await fenceSignalled.ConfigureAwait(false);
    }
}
