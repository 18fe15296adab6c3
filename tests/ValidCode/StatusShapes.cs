using System;
using DoorbellGuard;

namespace ValidCode.StatusShapes;

/// <summary>The ways people test a status: switch statements and expressions, patterns, relational tests, re-reads.</summary>
public static class Shapes
{
    public static bool SwitchStatement(Doorbell d, ulong v)
    {
        d.Ring(v);
        switch (d.ReadStatus())
        {
            case DoorbellStatus.Connected:
                return true;
            case DoorbellStatus.ConnectedNotify:
                d.NotifyWorkSubmission();
                return true;
            case DoorbellStatus.DisconnectedRetry:
                d.Connect();
                return SwitchStatement(d, v);
            case DoorbellStatus.DisconnectedAbort:
                return false;
            default:
                throw new ArgumentOutOfRangeException(nameof(d));
        }
    }

    public static bool SwitchExpression(Doorbell d, ulong v)
    {
        d.Ring(v);
        var status = d.ReadStatus();
        return status switch
        {
            DoorbellStatus.Connected => true,
            DoorbellStatus.ConnectedNotify => Notified(d),
            DoorbellStatus.DisconnectedRetry => Retried(d, v),
            DoorbellStatus.DisconnectedAbort => false,
            _ => throw new ArgumentOutOfRangeException(nameof(d)),
        };
    }

    private static bool Notified(Doorbell d)
    {
        d.NotifyWorkSubmission();
        return true;
    }

    private static bool Retried(Doorbell d, ulong v)
    {
        d.Connect();
        return d.RingAndConfirm(v) != DoorbellStatus.DisconnectedAbort;
    }

    public static bool Patterns(Doorbell d, ulong v)
    {
        d.Ring(v);
        var s = d.ReadStatus();
        if (s is DoorbellStatus.DisconnectedRetry or DoorbellStatus.DisconnectedAbort)
        {
            if (s is not DoorbellStatus.DisconnectedRetry)
                return false;
            d.Connect();
            return Patterns(d, v);
        }

        if (s is DoorbellStatus.ConnectedNotify)
            d.NotifyWorkSubmission();
        return true;
    }

    public static bool Relational(Doorbell d, ulong v)
    {
        d.Ring(v);
        var s = d.ReadStatus();
        if (s > DoorbellStatus.DisconnectedRetry)
            throw new DoorbellAbortedException("device lost");
        if (s == DoorbellStatus.DisconnectedRetry)
        {
            d.Connect();
            return Relational(d, v);
        }

        if (s != DoorbellStatus.Connected)
            d.NotifyWorkSubmission();
        return true;
    }

    public static bool ReReads(Doorbell d, ulong v)
    {
        d.Ring(v);
        while (d.ReadStatus() == DoorbellStatus.DisconnectedRetry)
        {
            d.Connect();
            d.Ring(v);
        }

        if (d.ReadStatus() == DoorbellStatus.DisconnectedAbort)
            return false;
        if (d.ReadStatus() == DoorbellStatus.ConnectedNotify)
            d.NotifyWorkSubmission();
        return true;
    }

    public static bool Negated(Doorbell d, ulong v)
    {
        d.Ring(v);
        var s = d.ReadStatus();
        if (!(s == DoorbellStatus.Connected || s == DoorbellStatus.ConnectedNotify))
        {
            if (s == DoorbellStatus.DisconnectedRetry)
            {
                d.Connect();
                return Negated(d, v);
            }

            return false;
        }

        if (s == DoorbellStatus.ConnectedNotify)
            d.NotifyWorkSubmission();
        return true;
    }

    public static DoorbellStatus HandOver(Doorbell d, ulong v)
    {
        d.Ring(v);
        return d.ReadStatus(); // the caller handles the status
    }

    public static bool DeclarationPattern(Doorbell d, ulong v)
    {
        d.Ring(v);
        if (d.ReadStatus() is var s && s == DoorbellStatus.DisconnectedAbort)
            return false;
        if (s == DoorbellStatus.ConnectedNotify)
            d.NotifyWorkSubmission();
        if (s == DoorbellStatus.DisconnectedRetry)
        {
            d.Connect();
            return DeclarationPattern(d, v);
        }

        return true;
    }
}
