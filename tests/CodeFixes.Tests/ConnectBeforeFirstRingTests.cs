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
}
