using System;
using System.Runtime.InteropServices;

namespace DoorbellGuard.Interop;

/// <summary>
/// The four gdi32.dll doorbell entry points as unmanaged function pointers (APIENTRY, that is stdcall; the same as the
/// platform convention on x64 and Arm64). Each takes a pointer to its structure, whose layout the caller picks
/// (<see cref="DoorbellStructLayout"/>), and returns an NTSTATUS. Resolved once from the loaded library, so a missing
/// export is found at construction, never at the first call; tests hand in functions of their own.
/// </summary>
internal readonly unsafe struct D3dkmtEntryPoints
{
    internal const string Library = "gdi32.dll";

    internal static readonly string[] Names =
    [
        "D3DKMTCreateDoorbell",
        "D3DKMTConnectDoorbell",
        "D3DKMTDestroyDoorbell",
        "D3DKMTNotifyWorkSubmission",
    ];

    public D3dkmtEntryPoints(
        delegate* unmanaged[Stdcall]<void*, int> createDoorbell,
        delegate* unmanaged[Stdcall]<void*, int> connectDoorbell,
        delegate* unmanaged[Stdcall]<void*, int> destroyDoorbell,
        delegate* unmanaged[Stdcall]<void*, int> notifyWorkSubmission)
    {
        CreateDoorbell = createDoorbell;
        ConnectDoorbell = connectDoorbell;
        DestroyDoorbell = destroyDoorbell;
        NotifyWorkSubmission = notifyWorkSubmission;
    }

    public delegate* unmanaged[Stdcall]<void*, int> CreateDoorbell { get; }

    public delegate* unmanaged[Stdcall]<void*, int> ConnectDoorbell { get; }

    public delegate* unmanaged[Stdcall]<void*, int> DestroyDoorbell { get; }

    public delegate* unmanaged[Stdcall]<void*, int> NotifyWorkSubmission { get; }

    /// <summary>Resolves the exports from a loaded gdi32.dll; call only after every name was found.</summary>
    public static D3dkmtEntryPoints FromLibrary(IntPtr library) => new(
        (delegate* unmanaged[Stdcall]<void*, int>)NativeLibrary.GetExport(library, Names[0]),
        (delegate* unmanaged[Stdcall]<void*, int>)NativeLibrary.GetExport(library, Names[1]),
        (delegate* unmanaged[Stdcall]<void*, int>)NativeLibrary.GetExport(library, Names[2]),
        (delegate* unmanaged[Stdcall]<void*, int>)NativeLibrary.GetExport(library, Names[3]));
}
