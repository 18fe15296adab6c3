using System.Linq;
using System.Threading.Tasks;
using Microsoft.CodeAnalysis;
using static DoorbellGuard.Analyzers.Descriptors;
using VerifyCS = DoorbellGuard.CodeFixes.Tests.CodeFixVerifier<DoorbellGuard.CodeFixes.CheckStatusAndRetryCodeFixProvider>;

namespace DoorbellGuard.CodeFixes.Tests;

public class CheckStatusAndRetryTests
{
    [Fact]
    public async Task Ring_alone_becomes_the_documented_loop()
    {
        await VerifyCS.VerifyCodeFixAsync(
            """
            using DoorbellGuard;

            class Submitter
            {
                public void Submit(Doorbell d, ulong value)
                {
                    {|#0:d.Ring(value)|};
                }
            }
            """,
            VerifyCS.At(0, "d", RingWithoutStatusRead),
            """
            using DoorbellGuard;

            class Submitter
            {
                public void Submit(Doorbell d, ulong value)
                {
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
                        throw new DoorbellAbortedException("The device behind doorbell 'd' is lost (DisconnectedAbort): re-create the hardware queue and its doorbell, or fall back to kernel-mode submission.");
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
    public async Task Computed_argument_is_evaluated_once_before_the_loop()
    {
        await VerifyCS.VerifyCodeFixAsync(
            """
            using DoorbellGuard;

            class Submitter
            {
                private ulong _writePointer;

                public void Submit(Doorbell d, ulong size)
                {
                    // Tell the GPU about the new commands.
                    {|#0:d.Ring(_writePointer += size)|}; // the new write pointer
                }
            }
            """,
            VerifyCS.At(0, "d", RingWithoutStatusRead),
            """
            using DoorbellGuard;

            class Submitter
            {
                private ulong _writePointer;

                public void Submit(Doorbell d, ulong size)
                {
                    // Tell the GPU about the new commands.
                    var value = _writePointer += size;
                    DoorbellStatus status;
                    do
                    {
                        d.Ring(value); // the new write pointer
                        status = d.ReadStatus();
                        if (status == DoorbellStatus.DisconnectedRetry)
                        {
                            d.Connect();
                        }
                    }
                    while (status == DoorbellStatus.DisconnectedRetry);
                    if (status == DoorbellStatus.DisconnectedAbort)
                    {
                        throw new DoorbellAbortedException("The device behind doorbell 'd' is lost (DisconnectedAbort): re-create the hardware queue and its doorbell, or fall back to kernel-mode submission.");
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
    public async Task Discarded_read_is_folded_into_the_loop()
    {
        await VerifyCS.VerifyCodeFixAsync(
            """
            using DoorbellGuard;

            class Submitter
            {
                private readonly ulong _writePointer = 64;

                public void Submit(Doorbell d)
                {
                    {|#0:d.Ring(_writePointer)|};
                    d.ReadStatus();
                }
            }
            """,
            VerifyCS.At(0, "d", DisconnectNotRetried, NotifyNotCalled, AbortTreatedAsSuccess),
            """
            using DoorbellGuard;

            class Submitter
            {
                private readonly ulong _writePointer = 64;

                public void Submit(Doorbell d)
                {
                    DoorbellStatus status;
                    do
                    {
                        d.Ring(_writePointer);
                        status = d.ReadStatus();
                        if (status == DoorbellStatus.DisconnectedRetry)
                        {
                            d.Connect();
                        }
                    }
                    while (status == DoorbellStatus.DisconnectedRetry);
                    if (status == DoorbellStatus.DisconnectedAbort)
                    {
                        throw new DoorbellAbortedException("The device behind doorbell 'd' is lost (DisconnectedAbort): re-create the hardware queue and its doorbell, or fall back to kernel-mode submission.");
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
    public async Task Existing_status_local_and_notify_handling_are_kept()
    {
        await VerifyCS.VerifyCodeFixAsync(
            """
            using System;
            using DoorbellGuard;

            class Submitter
            {
                public void Submit(Doorbell d, ulong value)
                {
                    {|#0:d.Ring(value)|};
                    var s = d.ReadStatus(); // what the OS says
                    if (s == DoorbellStatus.ConnectedNotify)
                    {
                        d.NotifyWorkSubmission();
                    }

                    Console.WriteLine("submitted");
                }
            }
            """,
            VerifyCS.At(0, "d", DisconnectNotRetried, AbortTreatedAsSuccess),
            """
            using System;
            using DoorbellGuard;

            class Submitter
            {
                public void Submit(Doorbell d, ulong value)
                {
                    DoorbellStatus s;
                    do
                    {
                        d.Ring(value);
                        s = d.ReadStatus(); // what the OS says
                        if (s == DoorbellStatus.DisconnectedRetry)
                        {
                            d.Connect();
                        }
                    }
                    while (s == DoorbellStatus.DisconnectedRetry);
                    if (s == DoorbellStatus.DisconnectedAbort)
                    {
                        throw new DoorbellAbortedException("The device behind doorbell 'd' is lost (DisconnectedAbort): re-create the hardware queue and its doorbell, or fall back to kernel-mode submission.");
                    }

                    if (s == DoorbellStatus.ConnectedNotify)
                    {
                        d.NotifyWorkSubmission();
                    }

                    Console.WriteLine("submitted");
                }
            }
            """);
    }

    [Fact]
    public async Task Single_retry_is_replaced_by_the_loop()
    {
        await VerifyCS.VerifyCodeFixAsync(
            """
            using DoorbellGuard;

            class Submitter
            {
                public void Submit(Doorbell d, ulong value)
                {
                    {|#0:d.Ring(value)|};
                    var status = d.ReadStatus();
                    // Reconnect once and ring again.
                    if (status == DoorbellStatus.DisconnectedRetry)
                    {
                        d.Connect();
                        {|#1:d.Ring(value)|};
                    }
                }
            }
            """,
            new[] { VerifyCS.At(0, "d", NotifyNotCalled, AbortTreatedAsSuccess), VerifyCS.At(1, "d", RingWithoutStatusRead) }.SelectMany(d => d).ToArray(),
            """
            using DoorbellGuard;

            class Submitter
            {
                public void Submit(Doorbell d, ulong value)
                {
                    DoorbellStatus status;
                    do
                    {
                        d.Ring(value);
                        status = d.ReadStatus();
                        if (status == DoorbellStatus.DisconnectedRetry)
                        {
                            // Reconnect once and ring again.
                            d.Connect();
                        }
                    }
                    while (status == DoorbellStatus.DisconnectedRetry);
                    if (status == DoorbellStatus.DisconnectedAbort)
                    {
                        throw new DoorbellAbortedException("The device behind doorbell 'd' is lost (DisconnectedAbort): re-create the hardware queue and its doorbell, or fall back to kernel-mode submission.");
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
    public async Task Inline_switch_on_the_status_keeps_the_users_abort_case()
    {
        await VerifyCS.VerifyCodeFixAsync(
            """
            using DoorbellGuard;

            class Submitter
            {
                public bool Submit(Doorbell d, ulong value)
                {
                    {|#0:d.Ring(value)|};
                    switch (d.ReadStatus())
                    {
                        case DoorbellStatus.DisconnectedRetry:
                            d.Connect();
                            break;
                        case DoorbellStatus.DisconnectedAbort:
                            return false;
                    }

                    return true;
                }
            }
            """,
            VerifyCS.At(0, "d", DisconnectNotRetried, NotifyNotCalled),
            """
            using DoorbellGuard;

            class Submitter
            {
                public bool Submit(Doorbell d, ulong value)
                {
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
                    if (status == DoorbellStatus.ConnectedNotify)
                    {
                        d.NotifyWorkSubmission();
                    }

                    switch (status)
                    {
                        case DoorbellStatus.DisconnectedAbort:
                            return false;
                    }

                    return true;
                }
            }
            """);
    }

    [Fact]
    public async Task Documented_loop_gets_the_missing_abort_and_notify_checks()
    {
        await VerifyCS.VerifyCodeFixAsync(
            """
            using DoorbellGuard;

            class Submitter
            {
                public void Submit(Doorbell d, ulong value)
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
                }
            }
            """,
            VerifyCS.At(0, "d", NotifyNotCalled, AbortTreatedAsSuccess),
            """
            using DoorbellGuard;

            class Submitter
            {
                public void Submit(Doorbell d, ulong value)
                {
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
                        throw new DoorbellAbortedException("The device behind doorbell 'd' is lost (DisconnectedAbort): re-create the hardware queue and its doorbell, or fall back to kernel-mode submission.");
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
    public async Task Expression_bodied_method_gets_a_block_body()
    {
        await VerifyCS.VerifyCodeFixAsync(
            """
            using DoorbellGuard;

            class Submitter
            {
                private readonly Doorbell _doorbell;

                public Submitter(Doorbell doorbell) => _doorbell = doorbell;

                public void Submit(ulong value) => {|#0:_doorbell.Ring(value)|};
            }
            """,
            VerifyCS.At(0, "_doorbell", RingWithoutStatusRead),
            """
            using DoorbellGuard;

            class Submitter
            {
                private readonly Doorbell _doorbell;

                public Submitter(Doorbell doorbell) => _doorbell = doorbell;

                public void Submit(ulong value)
                {
                    DoorbellStatus status;
                    do
                    {
                        _doorbell.Ring(value);
                        status = _doorbell.ReadStatus();
                        if (status == DoorbellStatus.DisconnectedRetry)
                        {
                            _doorbell.Connect();
                        }
                    }
                    while (status == DoorbellStatus.DisconnectedRetry);
                    if (status == DoorbellStatus.DisconnectedAbort)
                    {
                        throw new DoorbellAbortedException("The device behind doorbell '_doorbell' is lost (DisconnectedAbort): re-create the hardware queue and its doorbell, or fall back to kernel-mode submission.");
                    }

                    if (status == DoorbellStatus.ConnectedNotify)
                    {
                        _doorbell.NotifyWorkSubmission();
                    }
                }
            }
            """);
    }

    [Fact]
    public async Task Lambdas_and_local_functions()
    {
        await VerifyCS.VerifyCodeFixAsync(
            """
            using System;
            using DoorbellGuard;

            class Submitter
            {
                public Action<ulong> Kick(Doorbell d)
                {
                    Action<ulong> statement = value =>
                    {
                        {|#0:d.Ring(value)|};
                    };
                    Action<ulong> expression = value => {|#1:d.Ring(value)|};
                    void Local(ulong value)
                    {
                        {|#2:d.Ring(value)|};
                    }

                    return statement + expression + Local;
                }
            }
            """,
            new[] { VerifyCS.At(0, "d", RingWithoutStatusRead), VerifyCS.At(1, "d", RingWithoutStatusRead), VerifyCS.At(2, "d", RingWithoutStatusRead) }.SelectMany(d => d).ToArray(),
            """
            using System;
            using DoorbellGuard;

            class Submitter
            {
                public Action<ulong> Kick(Doorbell d)
                {
                    Action<ulong> statement = value =>
                    {
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
                            throw new DoorbellAbortedException("The device behind doorbell 'd' is lost (DisconnectedAbort): re-create the hardware queue and its doorbell, or fall back to kernel-mode submission.");
                        }

                        if (status == DoorbellStatus.ConnectedNotify)
                        {
                            d.NotifyWorkSubmission();
                        }
                    };
                    Action<ulong> expression = value =>
                    {
                        DoorbellStatus status2;
                        do
                        {
                            d.Ring(value);
                            status2 = d.ReadStatus();
                            if (status2 == DoorbellStatus.DisconnectedRetry)
                            {
                                d.Connect();
                            }
                        }
                        while (status2 == DoorbellStatus.DisconnectedRetry);
                        if (status2 == DoorbellStatus.DisconnectedAbort)
                        {
                            throw new DoorbellAbortedException("The device behind doorbell 'd' is lost (DisconnectedAbort): re-create the hardware queue and its doorbell, or fall back to kernel-mode submission.");
                        }

                        if (status2 == DoorbellStatus.ConnectedNotify)
                        {
                            d.NotifyWorkSubmission();
                        }
                    };
                    void Local(ulong value)
                    {
                        DoorbellStatus status3;
                        do
                        {
                            d.Ring(value);
                            status3 = d.ReadStatus();
                            if (status3 == DoorbellStatus.DisconnectedRetry)
                            {
                                d.Connect();
                            }
                        }
                        while (status3 == DoorbellStatus.DisconnectedRetry);
                        if (status3 == DoorbellStatus.DisconnectedAbort)
                        {
                            throw new DoorbellAbortedException("The device behind doorbell 'd' is lost (DisconnectedAbort): re-create the hardware queue and its doorbell, or fall back to kernel-mode submission.");
                        }

                        if (status3 == DoorbellStatus.ConnectedNotify)
                        {
                            d.NotifyWorkSubmission();
                        }
                    }

                    return statement + expression + Local;
                }
            }
            """);
    }

    [Fact]
    public async Task Switch_section_if_branch_and_using_block()
    {
        await VerifyCS.VerifyCodeFixAsync(
            """
            using System.IO;
            using DoorbellGuard;

            class Submitter
            {
                public void InSwitchSection(Doorbell d, ulong value, int mode)
                {
                    switch (mode)
                    {
                        case 1:
                            {|#0:d.Ring(value)|};
                            break;
                    }
                }

                public void InIfBranch(Doorbell d, ulong value, int mode)
                {
                    if (mode == 2)
                        {|#1:d.Ring(value)|};
                }

                public void InUsingBlock(Doorbell d, ulong value, Stream log)
                {
                    using (log)
                    {
                        {|#2:d.Ring(value)|};
                    }
                }
            }
            """,
            new[] { VerifyCS.At(0, "d", RingWithoutStatusRead), VerifyCS.At(1, "d", RingWithoutStatusRead), VerifyCS.At(2, "d", RingWithoutStatusRead) }.SelectMany(d => d).ToArray(),
            """
            using System.IO;
            using DoorbellGuard;

            class Submitter
            {
                public void InSwitchSection(Doorbell d, ulong value, int mode)
                {
                    switch (mode)
                    {
                        case 1:
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
                                throw new DoorbellAbortedException("The device behind doorbell 'd' is lost (DisconnectedAbort): re-create the hardware queue and its doorbell, or fall back to kernel-mode submission.");
                            }

                            if (status == DoorbellStatus.ConnectedNotify)
                            {
                                d.NotifyWorkSubmission();
                            }

                            break;
                    }
                }

                public void InIfBranch(Doorbell d, ulong value, int mode)
                {
                    if (mode == 2)
                    {
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
                            throw new DoorbellAbortedException("The device behind doorbell 'd' is lost (DisconnectedAbort): re-create the hardware queue and its doorbell, or fall back to kernel-mode submission.");
                        }

                        if (status == DoorbellStatus.ConnectedNotify)
                        {
                            d.NotifyWorkSubmission();
                        }
                    }
                }

                public void InUsingBlock(Doorbell d, ulong value, Stream log)
                {
                    using (log)
                    {
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
                            throw new DoorbellAbortedException("The device behind doorbell 'd' is lost (DisconnectedAbort): re-create the hardware queue and its doorbell, or fall back to kernel-mode submission.");
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

    [Fact]
    public async Task Top_level_statements()
    {
        await VerifyCS.VerifyCodeFixAsync(
            """
            using DoorbellGuard;

            using var queue = new HardwareQueue();
            var d = queue.CreateDoorbell();
            d.Connect();
            {|#0:d.Ring(64)|};
            """,
            VerifyCS.At(0, "d", RingWithoutStatusRead),
            """
            using DoorbellGuard;

            using var queue = new HardwareQueue();
            var d = queue.CreateDoorbell();
            d.Connect();
            DoorbellStatus status;

            do
            {
                d.Ring(64);
                status = d.ReadStatus();
                if (status == DoorbellStatus.DisconnectedRetry)
                {
                    d.Connect();
                }
            }
            while (status == DoorbellStatus.DisconnectedRetry);

            if (status == DoorbellStatus.DisconnectedAbort)
            {
                throw new DoorbellAbortedException("The device behind doorbell 'd' is lost (DisconnectedAbort): re-create the hardware queue and its doorbell, or fall back to kernel-mode submission.");
            }

            if (status == DoorbellStatus.ConnectedNotify)
            {
                d.NotifyWorkSubmission();
            }
            """, OutputKind.ConsoleApplication);
    }

    [Fact]
    public async Task Missing_using_is_added_and_names_do_not_clash()
    {
        await VerifyCS.VerifyCodeFixAsync(
            """
            namespace Vendor;

            class Submitter
            {
                private int status;

                public void Submit(DoorbellGuard.Doorbell doorbell, ulong value)
                {
                    var status2 = status;
                    {|#0:doorbell.Ring(value)|};
                }
            }
            """,
            VerifyCS.At(0, "doorbell", RingWithoutStatusRead),
            """
            using DoorbellGuard;

            namespace Vendor;

            class Submitter
            {
                private int status;

                public void Submit(DoorbellGuard.Doorbell doorbell, ulong value)
                {
                    var status2 = status;
                    DoorbellStatus status3;
                    do
                    {
                        doorbell.Ring(value);
                        status3 = doorbell.ReadStatus();
                        if (status3 == DoorbellStatus.DisconnectedRetry)
                        {
                            doorbell.Connect();
                        }
                    }
                    while (status3 == DoorbellStatus.DisconnectedRetry);
                    if (status3 == DoorbellStatus.DisconnectedAbort)
                    {
                        throw new DoorbellAbortedException("The device behind doorbell 'doorbell' is lost (DisconnectedAbort): re-create the hardware queue and its doorbell, or fall back to kernel-mode submission.");
                    }

                    if (status3 == DoorbellStatus.ConnectedNotify)
                    {
                        doorbell.NotifyWorkSubmission();
                    }
                }
            }
            """);
    }

    [Fact]
    public async Task Fix_all_fixes_several_rings_in_one_method()
    {
        await VerifyCS.VerifyCodeFixAsync(
            """
            using DoorbellGuard;

            class Submitter
            {
                private readonly Doorbell _doorbell;
                private ulong _writePointer;

                public Submitter(Doorbell doorbell) => _doorbell = doorbell;

                public void Submit(int mode, ulong value)
                {
                    if (mode == 0)
                    {
                        {|#0:_doorbell.Ring(value)|};
                    }
                    else if (mode == 1)
                    {
                        {|#1:this._doorbell.Ring(Advance())|};
                        this._doorbell.ReadStatus();
                    }
                    else
                    {
                        {|#2:_doorbell.Ring(value)|};
                        var status = _doorbell.ReadStatus();
                        if (status == DoorbellStatus.ConnectedNotify)
                        {
                            _doorbell.NotifyWorkSubmission();
                        }
                    }
                }

                private ulong Advance() => ++_writePointer;
            }
            """,
            new[] { VerifyCS.At(0, "_doorbell", RingWithoutStatusRead), VerifyCS.At(1, "this._doorbell", DisconnectNotRetried, NotifyNotCalled, AbortTreatedAsSuccess), VerifyCS.At(2, "_doorbell", DisconnectNotRetried, AbortTreatedAsSuccess) }.SelectMany(d => d).ToArray(),
            """
            using DoorbellGuard;

            class Submitter
            {
                private readonly Doorbell _doorbell;
                private ulong _writePointer;

                public Submitter(Doorbell doorbell) => _doorbell = doorbell;

                public void Submit(int mode, ulong value)
                {
                    if (mode == 0)
                    {
                        DoorbellStatus status2;
                        do
                        {
                            _doorbell.Ring(value);
                            status2 = _doorbell.ReadStatus();
                            if (status2 == DoorbellStatus.DisconnectedRetry)
                            {
                                _doorbell.Connect();
                            }
                        }
                        while (status2 == DoorbellStatus.DisconnectedRetry);
                        if (status2 == DoorbellStatus.DisconnectedAbort)
                        {
                            throw new DoorbellAbortedException("The device behind doorbell '_doorbell' is lost (DisconnectedAbort): re-create the hardware queue and its doorbell, or fall back to kernel-mode submission.");
                        }

                        if (status2 == DoorbellStatus.ConnectedNotify)
                        {
                            _doorbell.NotifyWorkSubmission();
                        }
                    }
                    else if (mode == 1)
                    {
                        var value2 = Advance();
                        DoorbellStatus status3;
                        do
                        {
                            this._doorbell.Ring(value2);
                            status3 = this._doorbell.ReadStatus();
                            if (status3 == DoorbellStatus.DisconnectedRetry)
                            {
                                this._doorbell.Connect();
                            }
                        }
                        while (status3 == DoorbellStatus.DisconnectedRetry);
                        if (status3 == DoorbellStatus.DisconnectedAbort)
                        {
                            throw new DoorbellAbortedException("The device behind doorbell 'this._doorbell' is lost (DisconnectedAbort): re-create the hardware queue and its doorbell, or fall back to kernel-mode submission.");
                        }

                        if (status3 == DoorbellStatus.ConnectedNotify)
                        {
                            this._doorbell.NotifyWorkSubmission();
                        }
                    }
                    else
                    {
                        DoorbellStatus status;
                        do
                        {
                            _doorbell.Ring(value);
                            status = _doorbell.ReadStatus();
                            if (status == DoorbellStatus.DisconnectedRetry)
                            {
                                _doorbell.Connect();
                            }
                        }
                        while (status == DoorbellStatus.DisconnectedRetry);
                        if (status == DoorbellStatus.DisconnectedAbort)
                        {
                            throw new DoorbellAbortedException("The device behind doorbell '_doorbell' is lost (DisconnectedAbort): re-create the hardware queue and its doorbell, or fall back to kernel-mode submission.");
                        }

                        if (status == DoorbellStatus.ConnectedNotify)
                        {
                            _doorbell.NotifyWorkSubmission();
                        }
                    }
                }

                private ulong Advance() => ++_writePointer;
            }
            """);
    }
}
