using System.Collections.Generic;
using System.Linq;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace DoorbellGuard.CodeFixes;

/// <summary>Fresh local names (<c>status</c>, <c>status2</c>, ...) that clash with nothing visible or declared in the body.</summary>
internal sealed class UniqueNames
{
    private readonly HashSet<string> _taken;

    public UniqueNames(SyntaxNode anchor, SemanticModel model)
    {
        _taken = new HashSet<string>(model.LookupSymbols(anchor.SpanStart).Select(s => s.Name));
        foreach (var node in BodyRoot(anchor).DescendantNodesAndSelf())
        {
            var declared = node switch
            {
                VariableDeclaratorSyntax v => v.Identifier,
                SingleVariableDesignationSyntax d => d.Identifier,
                ParameterSyntax p => p.Identifier,
                ForEachStatementSyntax f => f.Identifier,
                CatchDeclarationSyntax c => c.Identifier,
                LocalFunctionStatementSyntax l => l.Identifier,
                TypeParameterSyntax t => t.Identifier,
                FromClauseSyntax q => q.Identifier,
                LetClauseSyntax q => q.Identifier,
                JoinClauseSyntax q => q.Identifier,
                JoinIntoClauseSyntax q => q.Identifier,
                QueryContinuationSyntax q => q.Identifier,
                LabeledStatementSyntax l => l.Identifier,
                _ => default,
            };
            if (declared.ValueText.Length > 0)
            {
                _taken.Add(declared.ValueText);
            }
        }
    }

    /// <summary>Reserves and returns <paramref name="baseName"/>, or the first of baseName2, baseName3, ... that is free.</summary>
    public string Next(string baseName)
    {
        var name = baseName;
        for (var i = 2; _taken.Contains(name) || SyntaxFacts.GetKeywordKind(name) != SyntaxKind.None; i++)
        {
            name = baseName + i.ToString(System.Globalization.CultureInfo.InvariantCulture);
        }

        _taken.Add(name);
        return name;
    }

    /// <summary>The member (or the whole file, for top-level statements) whose locals share a scope with the anchor's.</summary>
    private static SyntaxNode BodyRoot(SyntaxNode anchor)
    {
        foreach (var ancestor in anchor.AncestorsAndSelf())
        {
            if (ancestor is GlobalStatementSyntax)
            {
                return ancestor.Parent ?? ancestor;
            }

            if (ancestor is MemberDeclarationSyntax and not BaseTypeDeclarationSyntax and not BaseNamespaceDeclarationSyntax)
            {
                return ancestor;
            }
        }

        return anchor.SyntaxTree.GetRoot();
    }
}
