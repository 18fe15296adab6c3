namespace DoorbellGuard.Analyzers.Tests;

/// <summary>
/// D3DKMT bindings as users write them for code that calls the OS itself: the header's structures and status enum,
/// and the four functions in each binding style (DllImport, LibraryImport, a generated bindings class, function
/// pointers, delegates). No DoorbellGuard type and no attribute.
/// </summary>
internal static class RawBindings
{
    /// <summary>The structures of d3dkmthk.h (the reference pages' layouts) and D3DDDI_DOORBELLSTATUS.</summary>
    public const string Structures = """

        namespace Contoso.Umd
        {
            using System;
            using System.Runtime.InteropServices;

            [StructLayout(LayoutKind.Sequential)]
            public struct D3DKMT_CREATE_DOORBELL
            {
                public uint hHwQueue;
                public uint hRingBuffer;
                public uint hRingBufferControl;
                public uint Flags;
                public uint PrivateDriverDataSize;
                public IntPtr PrivateDriverData;
                public IntPtr DoorbellCPUVirtualAddress;
                public IntPtr DoorbellSecondaryCPUVirtualAddress;
                public IntPtr DoorbellStatusCPUVirtualAddress;
                public IntPtr HwQueueProgressFenceLastQueuedValueCPUVirtualAddress;
                public uint hDoorbell;
            }

            public struct D3DKMT_CONNECT_DOORBELL { public uint hDoorbell; public uint Flags; }
            public struct D3DKMT_NOTIFY_WORK_SUBMISSION { public uint hDoorbell; public uint Flags; }
            public struct D3DKMT_DESTROY_DOORBELL { public uint hDoorbell; }

            public enum D3DDDI_DOORBELLSTATUS : uint
            {
                D3DDDI_DOORBELL_STATUS_CONNECTED = 0,
                D3DDDI_DOORBELL_STATUS_CONNECTED_NOTIFY = 1,
                D3DDDI_DOORBELL_STATUS_DISCONNECTED_RETRY = 2,
                D3DDDI_DOORBELL_STATUS_DISCONNECTED_ABORT = 3,
            }
        }
        """;

    /// <summary>The functions as <c>static extern</c> DllImports taking pointers.</summary>
    public const string DllImports = Structures + """

        namespace Contoso.Umd
        {
            using System.Runtime.InteropServices;

            public static unsafe class Gdi
            {
                [DllImport("gdi32.dll")] public static extern int D3DKMTCreateDoorbell(D3DKMT_CREATE_DOORBELL* args);
                [DllImport("gdi32.dll")] public static extern int D3DKMTConnectDoorbell(D3DKMT_CONNECT_DOORBELL* args);
                [DllImport("gdi32.dll")] public static extern int D3DKMTNotifyWorkSubmission(D3DKMT_NOTIFY_WORK_SUBMISSION* args);
                [DllImport("gdi32.dll")] public static extern int D3DKMTDestroyDoorbell(D3DKMT_DESTROY_DOORBELL* args);
            }
        }
        """;

    /// <summary>The functions as LibraryImports taking <c>ref</c> structures (a partial class the source generator would complete: declared extern here).</summary>
    public const string RefImports = Structures + """

        namespace Contoso.Umd
        {
            using System.Runtime.InteropServices;

            public static class Kmt
            {
                [DllImport("gdi32.dll")] public static extern int D3DKMTCreateDoorbell(ref D3DKMT_CREATE_DOORBELL args);
                [DllImport("gdi32.dll")] public static extern int D3DKMTConnectDoorbell(ref D3DKMT_CONNECT_DOORBELL args);
                [DllImport("gdi32.dll")] public static extern int D3DKMTNotifyWorkSubmission(ref D3DKMT_NOTIFY_WORK_SUBMISSION args);
            }
        }
        """;

    /// <summary>The functions as function pointers and delegates resolved at run time (GetProcAddress).</summary>
    public const string Pointers = Structures + """

        namespace Contoso.Umd
        {
            public unsafe delegate int ConnectDoorbell(D3DKMT_CONNECT_DOORBELL* args);

            public static unsafe class Exports
            {
                public static delegate* unmanaged<D3DKMT_CREATE_DOORBELL*, int> D3DKMTCreateDoorbell;
                public static ConnectDoorbell D3DKMTConnectDoorbell = null!;
                public static delegate* unmanaged<D3DKMT_NOTIFY_WORK_SUBMISSION*, int> D3DKMTNotifyWorkSubmission;
            }
        }
        """;
}
