using System.Linq;
using DoorbellGuard.Analyzers.Protocol;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Operations;

namespace DoorbellGuard.Analyzers.Tests;

/// <summary>The raw D3DKMT vocabulary as pure functions of names, symbols and operations.</summary>
public class RawD3dkmtVocabularyTests
{
    [Theory]
    [InlineData("D3DKMTCreateDoorbell", "Create")]
    [InlineData("D3DKMTConnectDoorbell", "Connect")]
    [InlineData("D3DKMTNotifyWorkSubmission", "Notify")]
    [InlineData("D3DKMTDestroyDoorbell", "None")]
    [InlineData("ConnectDoorbell", "None")]
    [InlineData(null, "None")]
    public void Functions_are_known_by_the_header_names(string? name, string expected) =>
        Assert.Equal(expected, RawD3dkmt.OperationOfFunction(name).ToString());

    [Theory]
    [InlineData("DoorbellCPUVirtualAddress", "Doorbell")]
    [InlineData("DoorbellSecondaryCPUVirtualAddress", "Doorbell")]
    [InlineData("DoorbellStatusCPUVirtualAddress", "Status")]
    [InlineData("HwQueueProgressFenceLastQueuedValueCPUVirtualAddress", "None")]
    [InlineData("PrivateDriverData", "None")]
    public void Address_fields_are_known_by_their_names(string name, string expected) =>
        Assert.Equal(expected, RawD3dkmt.AddressKindOfName(name).ToString());

    [Fact]
    public void A_create_structure_is_known_by_its_fields_whatever_its_name()
    {
        var compilation = Compile("""
            public struct Bindings_CreateDoorbell { public System.IntPtr DoorbellCPUVirtualAddress; public System.IntPtr DoorbellStatusCPUVirtualAddress; public uint hDoorbell; }
            public struct OnlyOneAddress { public System.IntPtr DoorbellCPUVirtualAddress; }
            public class NotAStruct { public System.IntPtr DoorbellCPUVirtualAddress; public System.IntPtr DoorbellStatusCPUVirtualAddress; }
            public enum D3DDDI_DOORBELLSTATUS { Connected }
            """);
        var create = compilation.GetTypeByMetadataName("Bindings_CreateDoorbell")!;
        Assert.True(RawD3dkmt.IsCreateStructure(create));
        Assert.True(RawD3dkmt.IsCreateStructure(compilation.CreatePointerTypeSymbol(create)));
        Assert.False(RawD3dkmt.IsCreateStructure(compilation.GetTypeByMetadataName("OnlyOneAddress")));
        Assert.False(RawD3dkmt.IsCreateStructure(compilation.GetTypeByMetadataName("NotAStruct")));
        Assert.Equal(RawAddressKind.Doorbell, RawD3dkmt.AddressKindOf(create.GetMembers("DoorbellCPUVirtualAddress").OfType<IFieldSymbol>().Single()));
        Assert.Equal(RawAddressKind.None, RawD3dkmt.AddressKindOf(compilation.GetTypeByMetadataName("OnlyOneAddress")!.GetMembers().OfType<IFieldSymbol>().Single()));
        Assert.True(RawD3dkmt.IsStatusEnum(compilation.GetTypeByMetadataName("D3DDDI_DOORBELLSTATUS")));
        Assert.True(RawD3dkmt.IsDeclaredIn(compilation));
        Assert.False(RawD3dkmt.IsDeclaredIn(Compile("class Plain { int Ring; }")));
    }

    [Theory]
    [InlineData("v & 0xFFFFFFFF", true)]
    [InlineData("0xFFFFFFFFUL & v", true)]
    [InlineData("v & uint.MaxValue", true)]
    [InlineData("v & 0xFFFF", false)]
    [InlineData("v | 0xFFFFFFFF", false)]
    [InlineData("(ulong)((long)v & -1L)", false)]
    [InlineData("(ulong)((long)v & 0xFFFFFFFFL)", true)]
    public void The_low_half_mask_is_recognised(string expression, bool masked)
    {
        var operation = OperationOf($"class C {{ ulong M(ulong v) => {expression}; }}");
        while (operation is IConversionOperation or IParenthesizedOperation)
            operation = operation is IConversionOperation conversion ? conversion.Operand : ((IParenthesizedOperation)operation).Operand;
        Assert.Equal(masked, RawD3dkmt.MaskedToLowHalf(operation) is not null);
    }

    [Theory]
    [InlineData("*(ulong*)c.DoorbellCPUVirtualAddress = v", true)]
    [InlineData("*(ulong*)c.DoorbellSecondaryCPUVirtualAddress = v", true)]
    [InlineData("System.Threading.Volatile.Write(ref *(ulong*)c.DoorbellCPUVirtualAddress, v)", true)]
    [InlineData("System.Runtime.CompilerServices.Unsafe.Write((void*)c.DoorbellCPUVirtualAddress, v)", true)]
    [InlineData("System.Threading.Interlocked.Exchange(ref *(ulong*)c.DoorbellCPUVirtualAddress, v)", true)]
    [InlineData("((ulong*)c.DoorbellCPUVirtualAddress)[0] = v", true)]
    [InlineData("((ulong*)c.DoorbellCPUVirtualAddress)[1] = v", false)]
    [InlineData("*(ulong*)c.DoorbellStatusCPUVirtualAddress = v", false)]
    [InlineData("*(ulong*)c.HwQueueProgressFenceLastQueuedValueCPUVirtualAddress = v", false)]
    [InlineData("System.Threading.Volatile.Read(ref *(ulong*)c.DoorbellCPUVirtualAddress)", false)]
    public void A_ring_store_in_place_is_a_store_through_a_doorbell_address(string statement, bool rings)
    {
        var operation = OperationOf($$"""
            public struct D3DKMT_CREATE_DOORBELL { public System.IntPtr DoorbellCPUVirtualAddress, DoorbellSecondaryCPUVirtualAddress, DoorbellStatusCPUVirtualAddress, HwQueueProgressFenceLastQueuedValueCPUVirtualAddress; }
            unsafe class C { void M(D3DKMT_CREATE_DOORBELL c, ulong v) { {{statement}}; } }
            """);
        Assert.Equal(rings, RawD3dkmt.IsRingStoreInPlace(operation));
    }

    [Theory]
    [InlineData("Gdi.D3DKMTConnectDoorbell(null)", "D3DKMTConnectDoorbell")]
    [InlineData("Gdi.Connect(null)", "D3DKMTConnectDoorbell")]
    [InlineData("D3DKMTNotifyWorkSubmission(null)", "D3DKMTNotifyWorkSubmission")]
    [InlineData("D3DKMTCreateDoorbell(null)", "D3DKMTCreateDoorbell")]
    [InlineData("Gdi.Other(null)", null)]
    public void A_function_is_known_by_its_name_its_entry_point_or_the_name_that_holds_it(string call, string? expected)
    {
        var operation = OperationOf($$"""
            using System.Runtime.InteropServices;
            static unsafe class Gdi
            {
                [DllImport("gdi32.dll")] public static extern int D3DKMTConnectDoorbell(void* args);
                [DllImport("gdi32.dll", EntryPoint = "D3DKMTConnectDoorbell")] public static extern int Connect(void* args);
                [DllImport("gdi32.dll")] public static extern int Other(void* args);
            }
            unsafe delegate int Proc(void* args);
            unsafe class C
            {
                static Proc D3DKMTNotifyWorkSubmission = null!;
                static delegate* unmanaged<void*, int> D3DKMTCreateDoorbell;
                void M() { {{call}}; }
            }
            """);
        Assert.Equal(expected, RawD3dkmt.FunctionCalled(operation));
    }

    [Fact]
    public void Fields_filled_from_a_create_structure_stand_for_its_doorbell()
    {
        var compilation = Compile("""
            public struct D3DKMT_CREATE_DOORBELL { public System.IntPtr DoorbellCPUVirtualAddress, DoorbellStatusCPUVirtualAddress; public uint hDoorbell; }
            unsafe class Submitter
            {
                ulong* _bell; ulong* _status; uint _handle; ulong* _other; D3DKMT_CREATE_DOORBELL _create; ulong* _kept;
                Submitter(D3DKMT_CREATE_DOORBELL create)
                {
                    _status = (ulong*)create.DoorbellStatusCPUVirtualAddress;
                    this._bell = (ulong*)create.DoorbellCPUVirtualAddress;
                    _handle = create.hDoorbell;
                    _other = (ulong*)0;
                    _kept = (ulong*)_create.DoorbellCPUVirtualAddress;
                }
            }
            """);
        var type = compilation.GetTypeByMetadataName("Submitter")!;
        IFieldSymbol Field(string name) => type.GetMembers(name).OfType<IFieldSymbol>().Single();
        var origins = RawFieldOrigins.Of(type, default);
        Assert.True(origins.TryGet(Field("_status"), out var role, out var doorbell));
        Assert.Equal((RawFieldRole.StatusAddress, "_bell"), (role, doorbell.Name));
        Assert.True(origins.TryGet(Field("_handle"), out role, out doorbell));
        Assert.Equal((RawFieldRole.Handle, "_bell"), (role, doorbell.Name));
        Assert.True(origins.TryGet(Field("_kept"), out role, out doorbell));
        Assert.Equal((RawFieldRole.DoorbellAddress, "_create"), (role, doorbell.Name));
        Assert.False(origins.TryGet(Field("_other"), out _, out _));
    }

    private static CSharpCompilation Compile(string source) => CSharpCompilation.Create(
        "Vocabulary",
        new[] { CSharpSyntaxTree.ParseText(source) },
        Verifiers.ModelDump.Compile("class X { }", referenceRuntime: false).References,
        new CSharpCompilationOptions(OutputKind.DynamicallyLinkedLibrary, allowUnsafe: true));

    /// <summary>The operation of the single expression body or expression statement of the last method.</summary>
    private static IOperation OperationOf(string source)
    {
        var compilation = Compile(source);
        var tree = compilation.SyntaxTrees[0];
        var method = tree.GetRoot().DescendantNodes().OfType<MethodDeclarationSyntax>().Last();
        var expression = method.ExpressionBody?.Expression ?? method.Body!.Statements.OfType<ExpressionStatementSyntax>().Single().Expression;
        return compilation.GetSemanticModel(tree).GetOperation(expression)!;
    }
}
