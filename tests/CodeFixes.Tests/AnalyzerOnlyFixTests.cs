using System.Threading.Tasks;
using static DoorbellGuard.Analyzers.Descriptors;
using VerifyCS = DoorbellGuard.CodeFixes.Tests.CodeFixVerifier<DoorbellGuard.CodeFixes.CheckStatusAndRetryCodeFixProvider>;

namespace DoorbellGuard.CodeFixes.Tests;

/// <summary>
/// The DoorbellGuard.Analyzers package alone: no runtime, the user's own attributes and their own DoorbellStatus enum,
/// whose members the fix names by value (they need not be spelled as the runtime's). Without the runtime's exception
/// the abort throws InvalidOperationException, or the user's own DoorbellAbortedException when they declare one.
/// </summary>
public class AnalyzerOnlyFixTests
{
    private const string NativeDoorbell = """

        namespace Contoso.Gpu
        {
            using System;

            [AttributeUsage(AttributeTargets.Method)] sealed class DoorbellRingAttribute : Attribute { }
            [AttributeUsage(AttributeTargets.Method)] sealed class DoorbellStatusReadAttribute : Attribute { }
            [AttributeUsage(AttributeTargets.Method)] sealed class DoorbellConnectAttribute : Attribute { }
            [AttributeUsage(AttributeTargets.Method)] sealed class DoorbellNotifyAttribute : Attribute { }

            public enum DoorbellStatus { CONNECTED, CONNECTED_NOTIFY, DISCONNECTED_RETRY, DISCONNECTED_ABORT }

            public sealed class NativeDoorbell
            {
                [DoorbellRing] public void Ring(ulong writePointer) { }
                [DoorbellStatusRead] public DoorbellStatus ReadStatus() => DoorbellStatus.CONNECTED;
                [DoorbellConnect] public void Connect() { }
                [DoorbellNotify] public void Notify() { }
            }

            static class Kicks
            {
                [DoorbellRing] public static void Kick(this NativeDoorbell d, ulong tail) => d.Ring(tail);
            }
        }
        """;

    private static readonly ExpectedLoop Native = new("d.Ring(wp);", "d.ReadStatus()", "d.Connect()", "d.Notify()")
    {
        Retry = "DoorbellStatus.DISCONNECTED_RETRY",
        Abort = "DoorbellStatus.DISCONNECTED_ABORT",
        Notified = "DoorbellStatus.CONNECTED_NOTIFY",
        Exception = "System.InvalidOperationException",
    };

    [Fact]
    public async Task Own_attributes_and_own_enum_members_spelled_their_own_way()
    {
        await VerifyCS.VerifyAnalyzerOnlyCodeFixAsync(
            """
            using Contoso.Gpu;

            class Submitter
            {
                void Bare(NativeDoorbell d, ulong wp)
                {
                    {|#0:d.Ring(wp)|};
                }

                void Kicked(NativeDoorbell d, ulong wp)
                {
                    {|#1:d.Kick(wp)|};
                }
            }
            """ + NativeDoorbell,
            [.. VerifyCS.At(0, "d", RingWithoutStatusRead), .. VerifyCS.At(1, "d", RingWithoutStatusRead)],
            $$"""
            using Contoso.Gpu;

            class Submitter
            {
                void Bare(NativeDoorbell d, ulong wp)
                {
            {{Native.At(2)}}
                }

                void Kicked(NativeDoorbell d, ulong wp)
                {
            {{(Native with { Ring = "d.Kick(wp);" }).At(2)}}
                }
            }
            """ + NativeDoorbell);
    }

    [Fact]
    public async Task Existing_handling_is_kept_and_only_what_is_missing_is_added()
    {
        await VerifyCS.VerifyAnalyzerOnlyCodeFixAsync(
            """
            using Contoso.Gpu;

            class Submitter
            {
                void Submit(NativeDoorbell d, ulong wp)
                {
                    {|#0:d.Ring(wp)|};
                    var status = d.ReadStatus(); // read once
                    if (status == DoorbellStatus.DISCONNECTED_ABORT)
                    {
                        throw new System.Exception("lost");
                    }
                }
            }
            """ + NativeDoorbell,
            VerifyCS.At(0, "d", DisconnectNotRetried, NotifyNotCalled),
            """
            using Contoso.Gpu;

            class Submitter
            {
                void Submit(NativeDoorbell d, ulong wp)
                {
                    DoorbellStatus status;
                    do
                    {
                        d.Ring(wp);
                        status = d.ReadStatus(); // read once
                        if (status == DoorbellStatus.DISCONNECTED_RETRY)
                        {
                            d.Connect();
                        }
                    }
                    while (status == DoorbellStatus.DISCONNECTED_RETRY);
                    if (status == DoorbellStatus.CONNECTED_NOTIFY)
                    {
                        d.Notify();
                    }

                    if (status == DoorbellStatus.DISCONNECTED_ABORT)
                    {
                        throw new System.Exception("lost");
                    }
                }
            }
            """ + NativeDoorbell);
    }

    [Fact]
    public async Task Wrappers_named_only_in_editorconfig_and_the_user_s_own_abort_exception()
    {
        const string Vendor = """

            namespace Vendor
            {
                public enum DoorbellStatus { Connected, ConnectedNotify, DisconnectedRetry, DisconnectedAbort }
                public sealed class DoorbellAbortedException : System.Exception
                {
                    public DoorbellAbortedException(string message) : base(message) { }
                }
                public sealed class Queue
                {
                    public void Kick(ulong tail) { }
                    public DoorbellStatus Status() => DoorbellStatus.Connected;
                    public void Reconnect() { }
                    public void Tell() { }
                }
            }
            """;
        await VerifyCS.VerifyAnalyzerOnlyCodeFixAsync(
            """
            using Vendor;

            class Submitter
            {
                void Submit(Queue q) { {|#0:q.Kick(1)|}; }
            }
            """ + Vendor,
            VerifyCS.At(0, "q", RingWithoutStatusRead),
            $$"""
            using Vendor;

            class Submitter
            {
                void Submit(Queue q)
                {
            {{new ExpectedLoop("q.Kick(1);", "q.Status()", "q.Reconnect()", "q.Tell()") { Doorbell = "q" }.At(2)}}
                }
            }
            """ + Vendor,
            """
            root = true

            [*.cs]
            doorbellguard.ring_methods = M:Vendor.Queue.Kick(System.UInt64)
            doorbellguard.status_read_methods = M:Vendor.Queue.Status
            doorbellguard.connect_methods = M:Vendor.Queue.Reconnect
            doorbellguard.notify_methods = M:Vendor.Queue.Tell
            """);
    }

    [Fact]
    public async Task No_fix_when_the_status_enum_lacks_a_value()
    {
        await VerifyCS.VerifyNoFixAsync(
            """
            using System;

            [AttributeUsage(AttributeTargets.Method)] sealed class DoorbellRingAttribute : Attribute { }
            [AttributeUsage(AttributeTargets.Method)] sealed class DoorbellStatusReadAttribute : Attribute { }
            [AttributeUsage(AttributeTargets.Method)] sealed class DoorbellConnectAttribute : Attribute { }
            [AttributeUsage(AttributeTargets.Method)] sealed class DoorbellNotifyAttribute : Attribute { }

            public enum DoorbellStatus { Connected, ConnectedNotify, DisconnectedRetry }

            public sealed class Bell
            {
                [DoorbellRing] public void Ring(ulong writePointer) { }
                [DoorbellStatusRead] public DoorbellStatus ReadStatus() => DoorbellStatus.Connected;
                [DoorbellConnect] public void Connect() { }
                [DoorbellNotify] public void Notify() { }
            }

            class Submitter
            {
                void Submit(Bell b) { {|#0:b.Ring(1)|}; }
            }
            """,
            VerifyCS.At(0, "b", RingWithoutStatusRead),
            withRuntime: false);
    }
}
