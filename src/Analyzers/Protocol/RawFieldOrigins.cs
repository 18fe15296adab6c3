using System.Collections.Generic;
using System.Linq;
using System.Threading;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace DoorbellGuard.Analyzers.Protocol;

/// <summary>What a field of a type holds, copied from a create structure somewhere in the type: a mapped address or a handle.</summary>
internal enum RawFieldRole
{
    DoorbellAddress,
    StatusAddress,
    Handle,
}

/// <summary>
/// For one type, the fields that hold what a create structure gave (<c>_bell = (ulong*)create.DoorbellCPUVirtualAddress;</c>
/// in a constructor, <c>_handle = create.hDoorbell;</c>), read from the type's syntax once, and the doorbell they stand
/// for in every other method: the create structure itself when it is a field of the type (<c>_create</c>), else the
/// field the doorbell address was copied into (<c>_bell</c>), for every field copied from the same structure in the same
/// member. Pure syntax and symbol names: no semantic model.
/// </summary>
internal sealed class RawFieldOrigins
{
    public static readonly RawFieldOrigins None = new(new Dictionary<IFieldSymbol, (RawFieldRole, IFieldSymbol)>(SymbolEqualityComparer.Default));

    private readonly Dictionary<IFieldSymbol, (RawFieldRole Role, IFieldSymbol Doorbell)> _fields;

    private RawFieldOrigins(Dictionary<IFieldSymbol, (RawFieldRole, IFieldSymbol)> fields) => _fields = fields;

    /// <summary>What <paramref name="field"/> holds and the field whose key names its doorbell (<c>this.&lt;doorbell&gt;</c>).</summary>
    public bool TryGet(IFieldSymbol field, out RawFieldRole role, out IFieldSymbol doorbell)
    {
        if (_fields.TryGetValue(field.OriginalDefinition, out var found))
        {
            (role, doorbell) = found;
            return true;
        }

        role = default;
        doorbell = null!;
        return false;
    }

    /// <summary>Reads the type's declarations for field assignments from a create structure's address or handle fields.</summary>
    public static RawFieldOrigins Of(INamedTypeSymbol type, CancellationToken cancellationToken)
    {
        var copies = new List<(IFieldSymbol Field, RawFieldRole Role, SyntaxNode Member, string Source, IFieldSymbol? SourceField)>();
        foreach (var reference in type.DeclaringSyntaxReferences)
        {
            foreach (var assignment in reference.GetSyntax(cancellationToken).DescendantNodes().OfType<AssignmentExpressionSyntax>())
            {
                if (!assignment.IsKind(SyntaxKind.SimpleAssignmentExpression) || FieldNamed(type, assignment.Left) is not { } field)
                    continue;
                if (Unwrap(assignment.Right) is not MemberAccessExpressionSyntax access || RoleOf(access.Name.Identifier.ValueText) is not { } role)
                    continue;
                var member = assignment.FirstAncestorOrSelf<MemberDeclarationSyntax>();
                if (member is null || member.Parent is not TypeDeclarationSyntax)
                    continue;
                var source = FieldNamed(type, access.Expression);
                copies.Add((field, role, member, access.Expression.ToString(), source is not null && RawD3dkmt.IsCreateStructure(source.Type) ? source : null));
            }
        }

        if (copies.Count == 0)
            return None;
        var fields = new Dictionary<IFieldSymbol, (RawFieldRole, IFieldSymbol)>(SymbolEqualityComparer.Default);
        foreach (var copy in copies)
        {
            var doorbell = copy.SourceField;
            if (doorbell is null)
            {
                // The doorbell address copied from the same structure in the same member stands for the doorbell.
                IFieldSymbol? first = null, ring = null;
                foreach (var other in copies)
                {
                    if (other.Member != copy.Member || other.Source != copy.Source)
                        continue;
                    first ??= other.Field;
                    if (other.Role == RawFieldRole.DoorbellAddress)
                        ring ??= other.Field;
                }

                doorbell = ring ?? first;
            }

            fields[copy.Field] = (copy.Role, doorbell ?? copy.Field);
        }

        return new RawFieldOrigins(fields);
    }

    private static RawFieldRole? RoleOf(string name) => name switch
    {
        RawD3dkmt.DoorbellAddressField or RawD3dkmt.SecondaryDoorbellAddressField => RawFieldRole.DoorbellAddress,
        RawD3dkmt.StatusAddressField => RawFieldRole.StatusAddress,
        RawD3dkmt.DoorbellHandleField => RawFieldRole.Handle,
        _ => null,
    };

    /// <summary><c>_f</c> or <c>this._f</c> naming a field of <paramref name="type"/>.</summary>
    private static IFieldSymbol? FieldNamed(INamedTypeSymbol type, ExpressionSyntax expression)
    {
        var name = Unwrap(expression) switch
        {
            IdentifierNameSyntax identifier => identifier.Identifier.ValueText,
            MemberAccessExpressionSyntax { Expression: ThisExpressionSyntax } access => access.Name.Identifier.ValueText,
            _ => null,
        };
        if (name is null)
            return null;
        foreach (var member in type.GetMembers(name))
        {
            if (member is IFieldSymbol field)
                return field;
        }

        return null;
    }

    private static ExpressionSyntax Unwrap(ExpressionSyntax expression)
    {
        while (true)
        {
            switch (expression)
            {
                case CastExpressionSyntax cast:
                    expression = cast.Expression;
                    break;
                case ParenthesizedExpressionSyntax parenthesized:
                    expression = parenthesized.Expression;
                    break;
                default:
                    return expression;
            }
        }
    }
}
