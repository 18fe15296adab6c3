using System.Collections.Generic;

namespace DoorbellGuard.CodeFixes.Tests.Corpus;

/// <summary>The wrapper shapes of the fix corpus: the runtime's own doorbell, every kind of wrapper, configured methods, the analyzer-only package.</summary>
internal static class WrapperShapes
{
    private const string Submitter = """
        class Submitter
        {
            public void Submit(PARAMETERS)
            {
                BODY
            }
        }
        """;

    private const string OwnAttributes = """
        [System.AttributeUsage(System.AttributeTargets.Method | System.AttributeTargets.Property)] sealed class DoorbellRingAttribute : System.Attribute { }
        [System.AttributeUsage(System.AttributeTargets.Method | System.AttributeTargets.Property)] sealed class DoorbellStatusReadAttribute : System.Attribute { }
        [System.AttributeUsage(System.AttributeTargets.Method | System.AttributeTargets.Property)] sealed class DoorbellConnectAttribute : System.Attribute { }
        [System.AttributeUsage(System.AttributeTargets.Method | System.AttributeTargets.Property)] sealed class DoorbellNotifyAttribute : System.Attribute { }
        public enum DoorbellStatus { Connected = 0, Notify = 1, Retry = 2, Abort = 3 }
        """;

    /// <summary>The .editorconfig that names Vendor.Queue's members as the four wrappers.</summary>
    private const string ConfiguredQueue = """
        root = true
        [*.cs]
        doorbellguard.ring_methods = M:Vendor.Queue.Kick(System.UInt64)
        doorbellguard.status_read_methods = M:Vendor.Queue.Status
        doorbellguard.connect_methods = M:Vendor.Queue.Reconnect
        doorbellguard.notify_methods = M:Vendor.Queue.Tell
        """;

    public static IReadOnlyList<WrapperShape> All { get; } = new[]
    {
        new WrapperShape("Doorbell.Ring", "d.Ring(v)", "d.ReadStatus()", "d.Connect()", "d.NotifyWorkSubmission()", Submitter),
        new WrapperShape("instance wrapper, status property", "e.Kick(v)", "e.Status", "e.Reconnect()", "e.Tell()", Submitter)
        {
            Parameters = "Engine e, ulong v, int mode",
            Declarations = """
                sealed class Engine
                {
                    private readonly Doorbell _d = null!;
                    [DoorbellRing] public void Kick(ulong tail) => _d.Ring(tail);
                    [DoorbellStatusRead] public DoorbellStatus Status => _d.ReadStatus();
                    [DoorbellConnect] public void Reconnect() => _d.Connect();
                    [DoorbellNotify] public void Tell() => _d.NotifyWorkSubmission();
                }
                """,
        },
        new WrapperShape("wrappers on the implicit this", "Kick(v)", "Status", "Reconnect()", "Tell()", """
            sealed class Submitter
            {
                private readonly Doorbell _d = null!;
                [DoorbellRing] public void Kick(ulong tail) => _d.Ring(tail);
                [DoorbellStatusRead] public DoorbellStatus Status => _d.ReadStatus();
                [DoorbellConnect] public void Reconnect() => _d.Connect();
                [DoorbellNotify] public void Tell() => _d.NotifyWorkSubmission();

                public void Submit(PARAMETERS)
                {
                    BODY
                }
            }
            """)
        {
            Parameters = "ulong v, int mode",
        },
        new WrapperShape("extension and static wrappers", "d.Kick(v)", "Vendor.Check(d)", "Vendor.Wake(d)", "d.NotifyWorkSubmission()", Submitter)
        {
            Declarations = """
                static class Vendor
                {
                    [DoorbellRing] public static void Kick(this Doorbell d, ulong tail) => d.Ring(tail);
                    [DoorbellStatusRead] public static DoorbellStatus Check(Doorbell d) => d.ReadStatus();
                    [DoorbellConnect] public static void Wake(Doorbell d) => d.Connect();
                }
                """,
        },
        new WrapperShape("instance wrapper taking the doorbell", "f.Kick(d, v)", "f.Poll(d)", "f.Reconnect(d)", "f.Notify(d)", Submitter)
        {
            Parameters = "Feeder f, Doorbell d, ulong v, int mode",
            Declarations = """
                sealed class Feeder
                {
                    [DoorbellRing] public void Kick(Doorbell doorbell, ulong writePointer) => doorbell.Ring(writePointer);
                    [DoorbellStatusRead] public DoorbellStatus Poll(Doorbell doorbell) => doorbell.ReadStatus();
                    [DoorbellConnect] public void Reconnect(Doorbell doorbell) => doorbell.Connect();
                    [DoorbellNotify] public void Notify(Doorbell doorbell) => doorbell.NotifyWorkSubmission();
                }
                """,
        },
        new WrapperShape("interface members, ring property", "q.Tail = v", "q.Status", "q.Reconnect()", "q.Tell()", Submitter)
        {
            Parameters = "IQueue q, ulong v, int mode",
            Declarations = """
                interface IQueue
                {
                    [DoorbellRing] ulong Tail { set; }
                    [DoorbellStatusRead] DoorbellStatus Status { get; }
                    [DoorbellConnect] void Reconnect();
                    [DoorbellNotify] void Tell();
                }
                """,
        },
        new WrapperShape("methods named in .editorconfig", "q.Kick(v)", "q.Status()", "q.Reconnect()", "q.Tell()", Submitter)
        {
            Parameters = "Vendor.Queue q, ulong v, int mode",
            Declarations = """
                namespace Vendor
                {
                    public sealed class Queue
                    {
                        public void Kick(ulong tail) { }
                        public DoorbellGuard.DoorbellStatus Status() => DoorbellGuard.DoorbellStatus.Connected;
                        public void Reconnect() { }
                        public void Tell() { }
                    }
                }
                """,
            EditorConfig = ConfiguredQueue,
        },
        new WrapperShape("analyzer-only: own attributes and enum", "n.Ring(v)", "n.ReadStatus()", "n.Connect()", "n.Notify()", Submitter)
        {
            WithRuntime = false,
            Parameters = "NativeDoorbell n, ulong v, int mode",
            Retry = "Retry",
            Abort = "Abort",
            Notified = "Notify",
            Declarations = OwnAttributes + """
                public sealed class NativeDoorbell
                {
                    [DoorbellRing] public void Ring(ulong writePointer) { }
                    [DoorbellStatusRead] public DoorbellStatus ReadStatus() => DoorbellStatus.Connected;
                    [DoorbellConnect] public void Connect() { }
                    [DoorbellNotify] public void Notify() { }
                }
                """,
        },
        new WrapperShape("analyzer-only: static wrappers", "Native.Ring(n, v)", "Native.Read(n)", "Native.Connect(n)", "Native.Notify(n)", Submitter)
        {
            WithRuntime = false,
            Parameters = "Handle n, ulong v, int mode",
            Retry = "Retry",
            Abort = "Abort",
            Notified = "Notify",
            Declarations = OwnAttributes + """
                public sealed class Handle { }
                static class Native
                {
                    [DoorbellRing] public static void Ring(Handle h, ulong writePointer) { }
                    [DoorbellStatusRead] public static DoorbellStatus Read(Handle h) => DoorbellStatus.Connected;
                    [DoorbellConnect] public static void Connect(Handle h) { }
                    [DoorbellNotify] public static void Notify(Handle h) { }
                }
                """,
        },
        new WrapperShape("analyzer-only: configured", "q.Kick(v)", "q.Status()", "q.Reconnect()", "q.Tell()", Submitter)
        {
            WithRuntime = false,
            Parameters = "Vendor.Queue q, ulong v, int mode",
            Status = "Vendor.DoorbellStatus",
            Declarations = """
                namespace Vendor
                {
                    public enum DoorbellStatus { Connected, ConnectedNotify, DisconnectedRetry, DisconnectedAbort }
                    public sealed class Queue
                    {
                        public void Kick(ulong tail) { }
                        public DoorbellStatus Status() => DoorbellStatus.Connected;
                        public void Reconnect() { }
                        public void Tell() { }
                    }
                }
                """,
            EditorConfig = ConfiguredQueue,
        },
    };

    /// <summary>What follows the ring, in the shape's vocabulary: from nothing to nearly complete handling.</summary>
    public static IReadOnlyDictionary<string, string> Tails { get; } = new Dictionary<string, string>
    {
        ["alone"] = "",
        ["unused read"] = "var s = {read};",
        ["notify only"] = "var s = {read}; if (s == {N}) { {notify}; }",
        ["abort only"] = "var s = {read}; if (s == {A}) { throw new System.InvalidOperationException(\"lost\"); }",
        ["single inline retry"] = "if ({read} == {R}) { {connect}; {ring}; }",
        ["switch with abort"] = "switch ({read}) { case {R}: {connect}; break; case {A}: return; }",
        ["retry while loop"] = "var s = {read}; while (s == {R}) { {connect}; {ring}; s = {read}; }",
    };

    /// <summary>Where the ring sits in the submission method.</summary>
    public static IReadOnlyDictionary<string, string> Containers { get; } = new Dictionary<string, string>
    {
        ["method"] = "BODY",
        ["if block"] = "if (mode > 0) { BODY }",
        ["statement lambda"] = "System.Action run = () => { BODY }; run();",
    };
}
