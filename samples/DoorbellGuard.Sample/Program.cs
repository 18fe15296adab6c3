using System;
using System.Collections.Generic;
using System.Globalization;
using DoorbellGuard.Simulation;

namespace DoorbellGuard.Sample;

/// <summary>
/// A small submission program: six hardware queues feed a simulated GPU through doorbells for a few
/// frames while the OS does what it does to doorbells: victimizes them (more queues than physical
/// doorbells), moves an engine to F1 and powers the device down to D3. It ends with the simulator's
/// audit: every submission executed, none lost. No GPU needed.
/// </summary>
internal static class Program
{
    private const int Frames = 8;
    private const int PhysicalDoorbells = 4;

    private static readonly string[] QueueNames = ["graphics", "compute-0", "compute-1", "copy", "video", "overlay"];

    private static int Main()
    {
        var options = new SimulatedAdapterOptions
        {
            PhysicalDoorbellCount = PhysicalDoorbells, // fewer than queues: connecting one victimizes another
            NotifyMode = NotifyMode.Random,            // some doorbells read CONNECTED_NOTIFY and must notify
            EngineCount = 2,
            Seed = 2024,
        };
        using var adapter = new SimulatedAdapter(options);
        var queues = new List<HardwareQueue>();
        for (int i = 0; i < QueueNames.Length; i++)
        {
            queues.Add(new HardwareQueue(adapter, new HardwareQueueOptions { EngineIndex = i % options.EngineCount }));
        }

        Console.WriteLine($"DoorbellGuard sample: {queues.Count} queues, {PhysicalDoorbells} physical doorbells, simulated GPU (no hardware needed)");
        var byHand = new HandCounters();
        var commandBuffer = new byte[256];
        try
        {
            for (int frame = 1; frame <= Frames; frame++)
            {
                SimulationAudit before = adapter.Audit;
                (long rings, long retries, long reconnects) byHandBefore = (byHand.Rings, byHand.Retries, byHand.Reconnects);
                string osEvent = DisturbTheDoorbells(adapter, queues, frame);
                for (int i = 0; i < queues.Count; i++)
                {
                    commandBuffer[0] = (byte)frame;
                    commandBuffer[1] = (byte)i;

                    // The copy queue runs the protocol by hand; the others let the runtime do it.
                    if (QueueNames[i] == "copy")
                    {
                        CorrectSubmission.SubmitByHand(queues[i], commandBuffer, byHand);
                    }
                    else
                    {
                        CorrectSubmission.Submit(queues[i], commandBuffer);
                    }
                }

                SimulationAudit after = adapter.Audit;
                Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                    $"frame {frame}: {osEvent,-40} {after.SubmissionsQueued - before.SubmissionsQueued} submissions, " +
                    $"{after.RingAttempts - before.RingAttempts + byHand.Rings - byHandBefore.rings} rings, " +
                    $"{after.Victimizations - before.Victimizations} victimized, " +
                    $"{after.Retries - before.Retries + byHand.Retries - byHandBefore.retries} retries, " +
                    $"{after.Reconnects - before.Reconnects + byHand.Reconnects - byHandBefore.reconnects} reconnects, " +
                    $"{after.Notifies - before.Notifies} notifies"));
            }
        }
        finally
        {
            foreach (HardwareQueue queue in queues)
            {
                queue.Dispose();
            }
        }

        SimulationAudit audit = adapter.Audit;
        long lost = audit.SubmissionsSilentlyLost + audit.SubmissionsSurfaced;
        Console.WriteLine();
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"rings: {audit.RingAttempts + byHand.Rings}, retries: {audit.Retries + byHand.Retries}, reconnects: {audit.Reconnects + byHand.Reconnects}, " +
            $"notifies: {audit.Notifies}, victimizations: {audit.Victimizations}, engine F1: {audit.EngineF1Transitions}, D3: {audit.PowerDowns}, wakes: {audit.Wakes}"));
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"submissions: {audit.SubmissionsQueued} queued, {audit.SubmissionsExecuted} executed, {audit.SubmissionsPending} pending, {lost} lost"));
        if (lost != 0)
        {
            Console.Error.WriteLine("Work was lost:" + Environment.NewLine + string.Join(Environment.NewLine, audit.Losses));
            return 1;
        }

        return 0;
    }

    /// <summary>The OS's part: what happens to the doorbells before each frame's submissions.</summary>
    private static string DisturbTheDoorbells(SimulatedAdapter adapter, List<HardwareQueue> queues, int frame)
    {
        switch (frame)
        {
            case 1:
                return "first connects (later ones victimize)";
            case 3:
                adapter.VictimizeDoorbell(queues[0]);
                return "OS victimizes the graphics doorbell";
            case 5:
                adapter.TransitionEngineToF1(1);
                return "engine 1 goes to F1";
            case 6:
                adapter.PowerDown();
                return "device powers down to D3";
            default:
                return "steady (connects victimize in turn)";
        }
    }
}
