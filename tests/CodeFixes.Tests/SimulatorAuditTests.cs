using System;
using System.IO;
using System.Linq;
using System.Reflection;
using System.Runtime.Loader;
using System.Threading.Tasks;
using DoorbellGuard.Simulation;
using Microsoft.CodeAnalysis;

namespace DoorbellGuard.CodeFixes.Tests;

/// <summary>
/// The fixed code is not only quiet but right: the fixers' real output for a submission class is compiled
/// in memory and run against the simulated adapter while doorbells are victimized, the device powers down,
/// an engine goes through F1 and finally the device is lost. The simulator's audit then says, from the GPU's
/// side, which submissions never arrived; each of those must have been reported to the caller by an exception.
/// </summary>
public class SimulatorAuditTests(Xunit.Abstractions.ITestOutputHelper output)
{
    private const string SubmissionCode = """
        using DoorbellGuard;

        namespace Sample;

        public static class Submissions
        {
            public static void Submit(HardwareQueue queue, Doorbell doorbell, byte[] commands)
            {
                var queued = queue.Enqueue(commands);
                doorbell.Ring(queued.WritePointer);
            }

            public static void SubmitAndPeek(HardwareQueue queue, Doorbell doorbell, byte[] commands)
            {
                doorbell.Ring(queue.Enqueue(commands).WritePointer);
                doorbell.ReadStatus();
            }
        }
        """;

    /// <summary>The same submissions through the user's own wrappers over the runtime's Doorbell: an instance wrapper with a status property, and extension and static wrappers.</summary>
    private const string WrapperSubmissionCode = """
        using DoorbellGuard;

        namespace Sample;

        public sealed class Channel
        {
            private readonly Doorbell _d;
            public Channel(Doorbell d) => _d = d;
            [DoorbellRing] public void Kick(ulong tail) => _d.Ring(tail);
            [DoorbellStatusRead] public DoorbellStatus Status => _d.ReadStatus();
            [DoorbellConnect] public void Reconnect() => _d.Connect();
            [DoorbellNotify] public void Tell() => _d.NotifyWorkSubmission();
        }

        public static class Vendor
        {
            [DoorbellRing] public static void Kick(this Doorbell d, ulong tail) => d.Ring(tail);
            [DoorbellStatusRead] public static DoorbellStatus Check(Doorbell d) => d.ReadStatus();
            [DoorbellConnect] public static void Wake(Doorbell d) => d.Connect();
            [DoorbellNotify] public static void Notify(Doorbell d) => d.NotifyWorkSubmission();
        }

        public static class Submissions
        {
            public static void Submit(HardwareQueue queue, Doorbell doorbell, byte[] commands)
            {
                var channel = new Channel(doorbell);
                var queued = queue.Enqueue(commands);
                channel.Kick(queued.WritePointer);
            }

            public static void SubmitAndPeek(HardwareQueue queue, Doorbell doorbell, byte[] commands)
            {
                doorbell.Kick(queue.Enqueue(commands).WritePointer);
                var status = Vendor.Check(doorbell);
            }
        }
        """;

    /// <summary>
    /// The analyzer-only package: no runtime at compile time, the user's own attributes and enum (members spelled their
    /// own way), a doorbell that calls through delegates, which the test binds to a runtime Doorbell on the simulator.
    /// </summary>
    private const string AnalyzerOnlySubmissionCode = """
        using System;

        namespace Sample;

        [AttributeUsage(AttributeTargets.Method)] sealed class DoorbellRingAttribute : Attribute { }
        [AttributeUsage(AttributeTargets.Method)] sealed class DoorbellStatusReadAttribute : Attribute { }
        [AttributeUsage(AttributeTargets.Method)] sealed class DoorbellConnectAttribute : Attribute { }
        [AttributeUsage(AttributeTargets.Method)] sealed class DoorbellNotifyAttribute : Attribute { }

        public enum DoorbellStatus { CONNECTED = 0, CONNECTED_NOTIFY = 1, DISCONNECTED_RETRY = 2, DISCONNECTED_ABORT = 3 }

        public sealed class NativeDoorbell
        {
            private readonly Action<ulong> _ring;
            private readonly Func<int> _status;
            private readonly Action _connect;
            private readonly Action _notify;

            public NativeDoorbell(Action<ulong> ring, Func<int> status, Action connect, Action notify)
            {
                _ring = ring;
                _status = status;
                _connect = connect;
                _notify = notify;
            }

            [DoorbellRing] public void Ring(ulong writePointer) => _ring(writePointer);
            [DoorbellStatusRead] public DoorbellStatus ReadStatus() => (DoorbellStatus)_status();
            [DoorbellConnect] public void Connect() => _connect();
            [DoorbellNotify] public void Notify() => _notify();
        }

        public static class Submissions
        {
            public static void Submit(NativeDoorbell doorbell, ulong writePointer)
            {
                doorbell.Ring(writePointer);
            }

            public static void SubmitAndPeek(NativeDoorbell doorbell, ulong writePointer)
            {
                doorbell.Ring(writePointer);
                doorbell.ReadStatus();
            }
        }
        """;

    [Theory]
    [InlineData("Doorbell.Ring")]
    [InlineData("wrappers")]
    [InlineData("analyzer-only")]
    public async Task Retry_pattern_output_loses_no_submission_under_faults(string code)
    {
        var run = await RunFixedAsync(new CheckStatusAndRetryCodeFixProvider(), code);
        output.WriteLine(run.ToString());

        Assert.True(run.Audit.Victimizations > 0 && run.Audit.PowerDowns > 0 && run.Audit.DeviceLosses == 1, run.Audit.ToString());
        Assert.True(run.Audit.Notifies > 0, "the simulator drew CONNECTED_NOTIFY and the fixed code notified: " + run.Audit);
        AssertNothingSilentlyLost(run);
    }

    [Fact]
    public async Task RingAndConfirm_output_loses_no_submission_under_faults()
    {
        var run = await RunFixedAsync(new UseRingAndConfirmCodeFixProvider(), "Doorbell.Ring");
        output.WriteLine(run.ToString());

        Assert.True(run.Audit.Retries > 0, "RingAndConfirm retried after victimization: " + run.Audit);
        AssertNothingSilentlyLost(run);
    }

    [Fact]
    public async Task The_unfixed_code_does_lose_submissions_in_the_same_scenario()
    {
        // Without this, a scenario too gentle to lose anything would make the two tests above pass for nothing.
        var document = await FixRunner.CreateDocumentAsync(SubmissionCode);
        var run = Run(await CompileAsync(document), analyzerOnly: false);
        output.WriteLine(run.ToString());

        Assert.True(run.Audit.SubmissionsSilentlyLost > run.ThrownAfterQueuing, run.Audit.ToString());
    }

    private static void AssertNothingSilentlyLost(ScenarioResult run)
    {
        var audit = run.Audit;
        Assert.Equal(run.Queued, audit.SubmissionsQueued);

        // The audit counts a submission as surfaced only when HardwareQueue.Submit threw for it; the fixed code
        // throws itself, so every submission the GPU never received must match one exception the caller saw.
        var neverReceived = audit.SubmissionsQueued - audit.SubmissionsExecuted - audit.SubmissionsPending;
        Assert.True(neverReceived == run.ThrownAfterQueuing, $"{neverReceived} submissions never reached the GPU, but the caller was told of {run.ThrownAfterQueuing}: {audit}");
        Assert.True(audit.SubmissionsExecuted > run.Queued / 2, audit.ToString());
    }

    private static async Task<ScenarioResult> RunFixedAsync(DoorbellCodeFixProvider provider, string code)
    {
        var analyzerOnly = code == "analyzer-only";
        var source = code switch { "wrappers" => WrapperSubmissionCode, "analyzer-only" => AnalyzerOnlySubmissionCode, _ => SubmissionCode };
        var document = await FixRunner.CreateDocumentAsync(source, withRuntime: !analyzerOnly);
        Assert.NotEmpty(await FixRunner.DoorbellDiagnosticsAsync(document));

        var fixedDocument = await FixRunner.FixAllInDocumentAsync(document, provider);
        var fixedText = (await fixedDocument.GetTextAsync()).ToString();
        Assert.Empty(await FixRunner.CompilerErrorsAsync(fixedDocument));
        var remaining = await FixRunner.DoorbellDiagnosticsAsync(fixedDocument);
        Assert.True(remaining.IsEmpty, string.Join("\n", remaining) + "\n" + fixedText);

        return Run(await CompileAsync(fixedDocument), analyzerOnly);
    }

    private static async Task<Assembly> CompileAsync(Document document)
    {
        var compilation = await document.Project.GetCompilationAsync() ?? throw new InvalidOperationException("no compilation");
        using var image = new MemoryStream();
        var emit = compilation.Emit(image);
        Assert.True(emit.Success, string.Join("\n", emit.Diagnostics));
        image.Position = 0;

        // A context of its own per run; DoorbellGuard.Runtime still resolves to the copy this test process loaded.
        return new AssemblyLoadContext("fixed-" + Guid.NewGuid().ToString("N"), isCollectible: true).LoadFromStream(image);
    }

    private static ScenarioResult Run(Assembly sample, bool analyzerOnly)
    {
        var submissions = sample.GetType("Sample.Submissions", throwOnError: true)!;
        var submit = submissions.GetMethod("Submit")!;
        var submitAndPeek = submissions.GetMethod("SubmitAndPeek")!;
        var nativeDoorbell = sample.GetType("Sample.NativeDoorbell");

        // One physical doorbell for two queues: every connect victimizes the other queue's doorbell.
        using var adapter = new SimulatedAdapter(new SimulatedAdapterOptions { PhysicalDoorbellCount = 1, NotifyMode = NotifyMode.Random, Seed = 11 });
        using var first = new HardwareQueue(adapter);
        using var second = new HardwareQueue(adapter);
        var firstDoorbell = first.CreateDoorbell();
        firstDoorbell.Connect();
        var secondDoorbell = second.CreateDoorbell();
        secondDoorbell.Connect();

        var faults = new Random(5);
        long queued = 0, thrownAfterQueuing = 0;
        var commands = new byte[] { 1, 2, 3, 4, 5, 6, 7, 8 };
        for (var i = 0; i < 240; i++)
        {
            var useFirst = i % 2 == 0;
            var queue = useFirst ? first : second;
            switch (faults.Next(8))
            {
                case 0:
                    adapter.VictimizeDoorbell(queue);
                    break;
                case 1:
                    adapter.PowerDown();
                    break;
                case 2:
                    adapter.TransitionEngineToF1(0);
                    break;
            }

            if (i == 200)
            {
                adapter.LoseDevice();
            }

            var before = queue.LastQueuedFenceValue;
            try
            {
                var doorbell = useFirst ? firstDoorbell : secondDoorbell;
                var arguments = analyzerOnly
                    ? new object[] { Native(nativeDoorbell!, doorbell), queue.Enqueue(commands).WritePointer }
                    : new object[] { queue, doorbell, commands };
                (i % 3 == 0 ? submitAndPeek : submit).Invoke(null, arguments);
            }
            catch (TargetInvocationException ex) when (ex.InnerException is DoorbellException or InvalidOperationException)
            {
                if (queue.LastQueuedFenceValue != before)
                {
                    thrownAfterQueuing++;
                }
            }

            queued += (long)(queue.LastQueuedFenceValue - before);
            adapter.RunEngine();
        }

        adapter.RunEngine();
        return new ScenarioResult(adapter.Audit, queued, thrownAfterQueuing);
    }

    /// <summary>The analyzer-only code's doorbell, calling through to a runtime Doorbell on the simulator.</summary>
    private static object Native(Type nativeDoorbell, Doorbell doorbell) =>
        Activator.CreateInstance(nativeDoorbell, new Action<ulong>(doorbell.Ring), new Func<int>(() => (int)doorbell.ReadStatus()), new Action(doorbell.Connect), new Action(doorbell.NotifyWorkSubmission))!;

    private sealed record ScenarioResult(SimulationAudit Audit, long Queued, long ThrownAfterQueuing);
}
