using System.Collections.Generic;

namespace DoorbellGuard.CodeFixes.Tests.Corpus;

/// <summary>DBL005 cases of the fix corpus: where a doorbell is created (local, using, field, lazily with ??=) and how it is rung.</summary>
internal static class CreationCases
{
    private const string Handle = "Status.Handle({read});";

    public static IReadOnlyDictionary<string, string> Bodies { get; } = new Dictionary<string, string>
    {
        ["local"] = "var d = q.CreateDoorbell(); d.Ring(v); " + Handle,
        ["using declaration"] = "using var d = q.CreateDoorbell(); d.Ring(v); " + Handle,
        ["using statement"] = "using (var d = q.CreateDoorbell()) { d.Ring(v); " + Handle + " }",
        ["field"] = "_d = q.CreateDoorbell(); _d.Ring(v); Status.Handle(_d.ReadStatus());",
        ["field through this"] = "_d = q.CreateDoorbell(); this._d.Ring(v); Status.Handle(_d.ReadStatus());",
        ["lazy field"] = "_d ??= q.CreateDoorbell(); _d.Ring(v); Status.Handle(_d.ReadStatus());",
        ["field under a null check"] = "if (_d == null) _d = q.CreateDoorbell(); _d.Ring(v); Status.Handle(_d.ReadStatus());",
        ["connect on one path only"] = "var d = q.CreateDoorbell(); if (mode > 0) d.Connect(); d.Ring(v); " + Handle,
        ["wrapper ring"] = "var d = q.CreateDoorbell(); Vendor.Kick(d, v); " + Handle,
        ["in a lambda"] = "System.Action run = () => { var d = q.CreateDoorbell(); d.Ring(v); " + Handle + " }; run();",
        ["in a loop"] = "var d = q.CreateDoorbell(); for (var i = 0; i < mode; i++) { d.Ring(v); " + Handle + " }",
        ["and an unchecked ring"] = "var d = q.CreateDoorbell(); d.Ring(v);",
    };

    public static string Source(string body) => """
        using DoorbellGuard;

        class Submitter
        {
            private Doorbell? _d;

            public void Submit(HardwareQueue q, ulong v, int mode)
            {
                BODY
            }
        }

        // Code elsewhere (extern: the analysis cannot see into it): what it is handed is its business.
        static class Status
        {
            public static extern void Handle(DoorbellStatus status);
        }

        static class Vendor
        {
            [DoorbellRing] public static void Kick(Doorbell d, ulong tail) => d.Ring(tail);
        }
        """.Replace("BODY", body.Replace("{read}", "d.ReadStatus()", System.StringComparison.Ordinal), System.StringComparison.Ordinal);
}
