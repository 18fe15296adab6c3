using System.Collections.Generic;
using DoorbellGuard.Analyzers.Protocol;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.FlowAnalysis;
using Microsoft.CodeAnalysis.Operations;
using static DoorbellGuard.Analyzers.Translation.OperationFacts;

namespace DoorbellGuard.Analyzers.Translation;

/// <summary>
/// Names expressions as access paths (the keys of the model), and, in a control-flow graph, resolves each flow
/// capture to the key every one of its definitions names (<c>d?.Ring(v)</c>, <c>switch (d)</c>), or to none.
/// </summary>
internal sealed class PathResolver
{
    private readonly Dictionary<CaptureId, AccessPath?> _captures = new();
    private readonly Stack<AccessPath?> _conditionalInstances = new();

    /// <summary>The syntax-directed path: inside <c>x?.…</c>, the receiver stands for what <c>x</c> names.</summary>
    public void EnterConditionalAccess(AccessPath? receiver) => _conditionalInstances.Push(receiver);

    public void LeaveConditionalAccess() => _conditionalInstances.Pop();

    /// <summary>The access path an expression names, or null when it is no local/parameter/this/field/property chain.</summary>
    public AccessPath? TryPath(IOperation? operation, int depth = 0)
    {
        if (depth > AccessPath.MaxSteps)
            return null;
        operation = StripConversions(operation);
        switch (operation)
        {
            case ILocalReferenceOperation local:
                return AccessPath.ForLocal(local.Local);
            case IParameterReferenceOperation parameter:
                return AccessPath.ForParameter(parameter.Parameter);
            case IInstanceReferenceOperation { ReferenceKind: InstanceReferenceKind.ContainingTypeInstance }:
                return AccessPath.ForThis();
            case IFlowCaptureReferenceOperation capture:
                return _captures.TryGetValue(capture.Id, out var captured) ? captured : null;
            case IConditionalAccessInstanceOperation:
                return _conditionalInstances.Count > 0 ? _conditionalInstances.Peek() : null;
            case IFieldReferenceOperation { ConstantValue.HasValue: true }:
                return null;
            case IFieldReferenceOperation field:
                if (field.Field.IsStatic)
                    return AccessPath.ForStatic(field.Field);
                return TryPath(field.Instance, depth + 1)?.Then(field.Field);
            case IPropertyReferenceOperation property when property.Arguments.Length == 0:
                if (property.Property.IsStatic)
                    return AccessPath.ForStatic(property.Property);
                return TryPath(property.Instance, depth + 1)?.Then(property.Property);
            default:
                return null;
        }
    }

    /// <summary>The key a capture stands for; false when it names different things on different paths, or nothing.</summary>
    public bool TryCapturePath(CaptureId id, out AccessPath path)
    {
        path = null!;
        if (!_captures.TryGetValue(id, out var found) || found is null)
            return false;
        path = found;
        return true;
    }

    /// <summary>Resolves every capture of <paramref name="cfg"/>; status captures become holders instead.</summary>
    public void ResolveCaptures(ControlFlowGraph cfg, ProtocolSymbols symbols, HolderTable holders)
    {
        // Two rounds: a capture may be defined from another capture that a later block defines.
        for (var round = 0; round < 2; round++)
        {
            var seen = new Dictionary<CaptureId, AccessPath?>();
            foreach (var block in cfg.Blocks)
            {
                foreach (var operation in block.Operations)
                {
                    if (operation is not IFlowCaptureOperation capture)
                        continue;
                    if (symbols.IsStatus(capture.Value.Type) || symbols.MayTestStatus(capture.Value.Type) && !DerivedLocals.IsDerivingDefinition(capture.Value, symbols.IsStatus))
                    {
                        // A status capture (switch on s, switch on d.ReadStatus()) is a holder, never a key.
                        holders.ForCapture(capture.Id, allocate: true);
                        continue;
                    }

                    var path = TryPath(capture.Value);
                    if (!seen.TryGetValue(capture.Id, out var previous))
                        seen[capture.Id] = path;
                    else if (previous is null || path is null || !previous.Equals(path))
                        seen[capture.Id] = null;
                }
            }

            _captures.Clear();
            foreach (var pair in seen)
                _captures[pair.Key] = pair.Value;
        }
    }
}
