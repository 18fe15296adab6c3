using System;
using System.Collections.Generic;
using System.Linq;
using System.Threading.Tasks;
using DoorbellGuard;

namespace ValidCode.FalsePositiveFamilies;

/// <summary>The shapes that gave CA2000 and IDE0059 their false positives: loops, try/finally, catch, lambdas, local functions, flow captures.</summary>
public sealed class Families
{
    private readonly Doorbell _d;
    private readonly Doorbell? _maybe;

    public Families(Doorbell d, Doorbell? maybe)
    {
        _d = d;
        _maybe = maybe;
    }

    public void Loops(IReadOnlyList<ulong> tails)
    {
        for (var i = 0; i < tails.Count; i++)
        {
            _d.Ring(tails[i]);
            Handle(_d.ReadStatus());
        }

        foreach (var tail in tails)
        {
            _d.Ring(tail);
            if (Handle(_d.ReadStatus()))
                continue;
            break;
        }
    }

    public void TryFinally(ulong tail)
    {
        try
        {
            _d.Ring(tail);
        }
        finally
        {
            Handle(_d.ReadStatus());
        }
    }

    public bool TryFinallyWithReturns(ulong tail, bool early)
    {
        _d.Ring(tail);
        try
        {
            if (early)
                return Handle(_d.ReadStatus());
            Console.WriteLine("late");
        }
        finally
        {
            Console.WriteLine("done");
        }

        return Handle(_d.ReadStatus());
    }

    public bool Catch(ulong tail)
    {
        try
        {
            _d.Ring(tail);
            return Handle(_d.ReadStatus());
        }
        catch (DoorbellException e)
        {
            Console.WriteLine(e.Message);
            return false;
        }
    }

    public bool CatchWithFilter(ulong tail)
    {
        try
        {
            _d.Ring(tail);
        }
        catch (DoorbellException e) when (e.NtStatus is not null)
        {
            return false;
        }

        return Handle(_d.ReadStatus());
    }

    public Func<ulong, bool> Lambdas()
    {
        Func<ulong, bool> submit = tail =>
        {
            _d.Ring(tail);
            return Handle(_d.ReadStatus());
        };
        _d.Ring(1);
        new List<int> { 1 }.ForEach(_ => Handle(_d.ReadStatus()));
        return submit;
    }

    public bool LocalFunctions(ulong tail)
    {
        _d.Ring(tail);
        return Check();

        bool Check() => Handle(_d.ReadStatus());
    }

    public bool FlowCaptures(ulong tail)
    {
        _maybe?.Ring(tail);
        var status = _maybe?.ReadStatus() ?? DoorbellStatus.Connected;
        return _maybe is null || HandleFor(_maybe, status);
    }

    public bool ConditionalReceiver(Doorbell? d, ulong tail)
    {
        if (d is null)
            return false;
        d?.Ring(tail);
        return HandleFor(d!, d!.ReadStatus());
    }

    public async Task<bool> Async(ulong tail)
    {
        _d.Ring(tail);
        await Task.Yield();
        return Handle(_d.ReadStatus());
    }

    public IEnumerable<bool> Iterator(IEnumerable<ulong> tails)
    {
        foreach (var tail in tails)
        {
            _d.Ring(tail);
            yield return Handle(_d.ReadStatus());
        }
    }

    public bool Linq(IEnumerable<ulong> tails) =>
        tails.All(tail =>
        {
            _d.Ring(tail);
            return Handle(_d.ReadStatus());
        });

    // A helper for one doorbell, and one for any: the analysis follows both into their bodies, so each must handle
    // the statuses on the doorbell its caller rang.
    private static bool HandleFor(Doorbell doorbell, DoorbellStatus status)
    {
        switch (status)
        {
            case DoorbellStatus.ConnectedNotify:
                doorbell.NotifyWorkSubmission();
                return true;
            case DoorbellStatus.DisconnectedRetry:
                doorbell.Connect();
                return doorbell.RingAndConfirm(0) != DoorbellStatus.DisconnectedAbort;
            case DoorbellStatus.DisconnectedAbort:
                return false;
            default:
                return true;
        }
    }

    private bool Handle(DoorbellStatus status)
    {
        switch (status)
        {
            case DoorbellStatus.ConnectedNotify:
                _d.NotifyWorkSubmission();
                return true;
            case DoorbellStatus.DisconnectedRetry:
                _d.Connect();
                return _d.RingAndConfirm(0) != DoorbellStatus.DisconnectedAbort;
            case DoorbellStatus.DisconnectedAbort:
                return false;
            default:
                return true;
        }
    }
}
