using System.Linq;
using System.Threading.Tasks;
using Microsoft.CodeAnalysis;
using static DoorbellGuard.Analyzers.Descriptors;
using VerifyCS = DoorbellGuard.CodeFixes.Tests.CodeFixVerifier<DoorbellGuard.CodeFixes.ConnectBeforeFirstRingCodeFixProvider>;

namespace DoorbellGuard.CodeFixes.Tests;

public class ConnectBeforeFirstRingTests
{
    [Fact]
    public async Task Connect_is_inserted_after_the_creation()
    {
        await VerifyCS.VerifyCodeFixAsync(
            """
            using DoorbellGuard;

            class Submitter
            {
                public void Submit(HardwareQueue queue, ulong value)
                {
                    using var d = queue.CreateDoorbell();
                    DoorbellStatus status;
                    do
                    {
                        {|#0:d.Ring(value)|};
                        status = d.ReadStatus();
                        if (status == DoorbellStatus.DisconnectedRetry)
                        {
                            d.Connect();
                        }
                    }
                    while (status == DoorbellStatus.DisconnectedRetry);
                    if (status == DoorbellStatus.DisconnectedAbort)
                    {
                        throw new DoorbellAbortedException("lost");
                    }

                    if (status == DoorbellStatus.ConnectedNotify)
                    {
                        d.NotifyWorkSubmission();
                    }
                }
            }
            """,
            VerifyCS.At(0, "d", RingBeforeConnect),
            """
            using DoorbellGuard;

            class Submitter
            {
                public void Submit(HardwareQueue queue, ulong value)
                {
                    using var d = queue.CreateDoorbell();
                    d.Connect();
                    DoorbellStatus status;
                    do
                    {
                        d.Ring(value);
                        status = d.ReadStatus();
                        if (status == DoorbellStatus.DisconnectedRetry)
                        {
                            d.Connect();
                        }
                    }
                    while (status == DoorbellStatus.DisconnectedRetry);
                    if (status == DoorbellStatus.DisconnectedAbort)
                    {
                        throw new DoorbellAbortedException("lost");
                    }

                    if (status == DoorbellStatus.ConnectedNotify)
                    {
                        d.NotifyWorkSubmission();
                    }
                }
            }
            """);
    }

    [Fact]
    public async Task Connect_goes_first_in_a_using_statement()
    {
        await VerifyCS.VerifyCodeFixAsync(
            """
            using DoorbellGuard;

            class Submitter
            {
                public void Submit(HardwareQueue queue, ulong value)
                {
                    using (var d = queue.CreateDoorbell())
                    {
                        DoorbellStatus status;
                        do
                        {
                            {|#0:d.Ring(value)|};
                            status = d.ReadStatus();
                            if (status == DoorbellStatus.DisconnectedRetry)
                            {
                                d.Connect();
                            }
                        }
                        while (status == DoorbellStatus.DisconnectedRetry);
                        if (status == DoorbellStatus.DisconnectedAbort)
                        {
                            throw new DoorbellAbortedException("lost");
                        }

                        if (status == DoorbellStatus.ConnectedNotify)
                        {
                            d.NotifyWorkSubmission();
                        }
                    }
                }
            }
            """,
            VerifyCS.At(0, "d", RingBeforeConnect),
            """
            using DoorbellGuard;

            class Submitter
            {
                public void Submit(HardwareQueue queue, ulong value)
                {
                    using (var d = queue.CreateDoorbell())
                    {
                        d.Connect();
                        DoorbellStatus status;
                        do
                        {
                            d.Ring(value);
                            status = d.ReadStatus();
                            if (status == DoorbellStatus.DisconnectedRetry)
                            {
                                d.Connect();
                            }
                        }
                        while (status == DoorbellStatus.DisconnectedRetry);
                        if (status == DoorbellStatus.DisconnectedAbort)
                        {
                            throw new DoorbellAbortedException("lost");
                        }

                        if (status == DoorbellStatus.ConnectedNotify)
                        {
                            d.NotifyWorkSubmission();
                        }
                    }
                }
            }
            """);
    }

    private const string Handler = """

        // Code elsewhere (extern: the analysis cannot see into it): what it is handed is its business.
        static class Status
        {
            public static extern void Handle(DoorbellStatus status);
        }
        """;

    [Fact]
    public async Task Lazily_created_field_is_connected_only_when_created()
    {
        await VerifyCS.VerifyCodeFixAsync(
            """
            using DoorbellGuard;

            class Submitter
            {
                private Doorbell? _doorbell;

                public void Submit(HardwareQueue queue, ulong value)
                {
                    _doorbell ??= queue.CreateDoorbell(); // first use
                    {|#0:_doorbell.Ring(value)|};
                    Status.Handle(_doorbell.ReadStatus());
                }
            }
            """ + Handler,
            VerifyCS.At(0, "_doorbell", RingBeforeConnect),
            """
            using DoorbellGuard;

            class Submitter
            {
                private Doorbell? _doorbell;

                public void Submit(HardwareQueue queue, ulong value)
                {
                    if (_doorbell is null)
                    {
                        _doorbell = queue.CreateDoorbell(); // first use
                        _doorbell.Connect();
                    }

                    _doorbell.Ring(value);
                    Status.Handle(_doorbell.ReadStatus());
                }
            }
            """ + Handler);
    }

    [Fact]
    public async Task Field_created_under_a_null_check_and_rung_through_this()
    {
        await VerifyCS.VerifyCodeFixAsync(
            """
            using DoorbellGuard;

            class Submitter
            {
                private Doorbell? _doorbell;

                public void Submit(HardwareQueue queue, ulong value)
                {
                    if (_doorbell == null)
                        _doorbell = queue.CreateDoorbell();
                    {|#0:this._doorbell.Ring(value)|};
                    Status.Handle(_doorbell.ReadStatus());
                }
            }
            """ + Handler,
            VerifyCS.At(0, "this._doorbell", RingBeforeConnect),
            """
            using DoorbellGuard;

            class Submitter
            {
                private Doorbell? _doorbell;

                public void Submit(HardwareQueue queue, ulong value)
                {
                    if (_doorbell == null)
                    {
                        _doorbell = queue.CreateDoorbell();
                        _doorbell.Connect();
                    }

                    this._doorbell.Ring(value);
                    Status.Handle(_doorbell.ReadStatus());
                }
            }
            """ + Handler);
    }

    [Fact]
    public async Task A_wrapper_ring_gets_the_connect_wrapper_beside_it()
    {
        const string Vendor = """

            static class Vendor
            {
                [DoorbellRing] public static void Kick(Doorbell d, ulong tail) => d.Ring(tail);
                [DoorbellConnect] public static void Wake(Doorbell d) => d.Connect();
            }
            """;
        await VerifyCS.VerifyCodeFixAsync(
            """
            using DoorbellGuard;

            class Submitter
            {
                public void Submit(HardwareQueue queue, ulong value)
                {
                    var d = queue.CreateDoorbell();
                    {|#0:Vendor.Kick(d, value)|};
                    Status.Handle(d.ReadStatus());
                }
            }
            """ + Handler + Vendor,
            VerifyCS.At(0, "d", RingBeforeConnect),
            """
            using DoorbellGuard;

            class Submitter
            {
                public void Submit(HardwareQueue queue, ulong value)
                {
                    var d = queue.CreateDoorbell();
                    Vendor.Wake(d);
                    Vendor.Kick(d, value);
                    Status.Handle(d.ReadStatus());
                }
            }
            """ + Handler + Vendor);
    }
}
