using System;
using System.Collections.Generic;
using System.Linq;
using DoorbellGuard.Analyzers.Protocol;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace DoorbellGuard.CodeFixes;

/// <summary>The status read that follows a ring in its statement list (a call or a status property, the user's own wrapper included).</summary>
internal sealed class StatusReadAfterRing
{
    private static readonly StatusReadAfterRing s_none = new(StatusReadKind.None, null, null, null, Array.Empty<ExpressionSyntax>());

    private StatusReadAfterRing(StatusReadKind kind, StatementSyntax? statement, string? name, TypeSyntax? declaredType, IReadOnlyList<ExpressionSyntax> inlineReads)
    {
        Kind = kind;
        Statement = statement;
        Name = name;
        DeclaredType = declaredType;
        InlineReads = inlineReads;
    }

    public StatusReadKind Kind { get; }

    /// <summary>The statement holding the read (the one after the ring).</summary>
    public StatementSyntax? Statement { get; }

    /// <summary>The user's local that receives the status, for Declaration and Assignment.</summary>
    public string? Name { get; }

    /// <summary>The type the user wrote in the declaration, unless it was <c>var</c>.</summary>
    public TypeSyntax? DeclaredType { get; }

    /// <summary>For Inline: the reads that become the status local.</summary>
    public IReadOnlyList<ExpressionSyntax> InlineReads { get; }

    /// <summary>True when the whole statement is folded into the fix.</summary>
    public bool ConsumesStatement => Kind is StatusReadKind.Discarded or StatusReadKind.Declaration or StatusReadKind.Assignment;

    public static StatusReadAfterRing Find(RingSite site, StatementSyntax? next)
    {
        if (next is null)
        {
            return s_none;
        }

        switch (next)
        {
            case ExpressionStatementSyntax { Expression: InvocationExpressionSyntax read } when IsRead(site, read):
                return new StatusReadAfterRing(StatusReadKind.Discarded, next, null, null, Array.Empty<ExpressionSyntax>());
            case ExpressionStatementSyntax { Expression: AssignmentExpressionSyntax { RawKind: (int)SyntaxKind.SimpleAssignmentExpression } assignment }
                when IsRead(site, ProtocolSyntax.Unparenthesize(assignment.Right)):
                if (assignment.Left is IdentifierNameSyntax { Identifier.ValueText: "_" } discard
                    && site.Model.GetSymbolInfo(discard).Symbol is null or IDiscardSymbol)
                {
                    return new StatusReadAfterRing(StatusReadKind.Discarded, next, null, null, Array.Empty<ExpressionSyntax>());
                }

                if (assignment.Left is IdentifierNameSyntax target
                    && site.Model.GetSymbolInfo(target).Symbol is ILocalSymbol local
                    && site.Context.Symbols.IsStatus(local.Type))
                {
                    return new StatusReadAfterRing(StatusReadKind.Assignment, next, target.Identifier.ValueText, null, Array.Empty<ExpressionSyntax>());
                }

                break;
            case LocalDeclarationStatementSyntax { Declaration.Variables.Count: 1 } declaration
                when declaration.UsingKeyword.IsKind(SyntaxKind.None) && declaration.Modifiers.Count == 0
                && declaration.Declaration.Variables[0].Initializer?.Value is { } value
                && IsRead(site, ProtocolSyntax.Unparenthesize(value))
                && site.Model.GetDeclaredSymbol(declaration.Declaration.Variables[0]) is ILocalSymbol declared
                && site.Context.Symbols.IsStatus(declared.Type):
                var type = declaration.Declaration.Type;
                return new StatusReadAfterRing(
                    StatusReadKind.Declaration,
                    next,
                    declaration.Declaration.Variables[0].Identifier.ValueText,
                    type.IsVar ? null : type.WithoutTrivia(),
                    Array.Empty<ExpressionSyntax>());
        }

        SyntaxNode? head = next switch
        {
            IfStatementSyntax statement => statement.Condition,
            SwitchStatementSyntax statement => statement.Expression,
            ExpressionStatementSyntax or LocalDeclarationStatementSyntax or ReturnStatementSyntax => next,
            _ => null,
        };
        if (head is null || site.ContainsSubmission(head))
        {
            return s_none;
        }

        var reads = ProtocolSyntax.OperationNodes(head).Where(node => IsRead(site, node)).ToList();

        // d?.ReadStatus() has no value of its own to stand for: such a read is left where it is.
        return reads.Count == 0 || reads.Any(r => r.Parent is ConditionalAccessExpressionSyntax) ? s_none : new StatusReadAfterRing(StatusReadKind.Inline, next, null, null, reads);
    }

    /// <summary>The statement with its inline reads replaced by the status local.</summary>
    public StatementSyntax ReplaceInlineReads(StatementSyntax statement, string statusName) =>
        statement.ReplaceNodes(InlineReads, (original, _) => SyntaxFactory.IdentifierName(statusName).WithTriviaFrom(original));

    /// <summary>The node reads this ring's doorbell's status (a call or a status property).</summary>
    public static bool IsRead(RingSite site, ExpressionSyntax node) =>
        node is InvocationExpressionSyntax or MemberAccessExpressionSyntax or IdentifierNameSyntax or MemberBindingExpressionSyntax
        && site.IsOperationOnSameDoorbell(node, ProtocolOperation.ReadStatus);
}
