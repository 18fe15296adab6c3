// Clean: the parameter's alias rings and the parameter's status is returned to the caller, who owns it.
using DoorbellGuard;

public static class ReturnThroughOtherName
{
    public static DoorbellStatus Kick(Doorbell doorbell, ulong tail)
    {
        var target = doorbell;
        target.Ring(tail);
        return doorbell.ReadStatus();
    }
}
