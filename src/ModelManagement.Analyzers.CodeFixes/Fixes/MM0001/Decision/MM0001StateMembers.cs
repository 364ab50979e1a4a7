using System.Collections.Generic;
using System.Collections.Immutable;
using System.Threading;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace ModelManagement.Analyzers.CodeFixes.Fixes;

/// <summary>The fields and properties the moved code assigns, and what must change so the assignments compile outside the constructor.</summary>
internal static class MM0001StateMembers
{
    public static (ImmutableArray<MM0001StateMember> Members, MM0001Refusal? Refusal) Collect(MM0001TypeFacts facts, IEnumerable<ISymbol> assigned)
    {
        var members = ImmutableArray.CreateBuilder<MM0001StateMember>();
        foreach (var member in assigned)
        {
            SyntaxNode? declaration = null;
            foreach (var reference in member.DeclaringSyntaxReferences)
            {
                declaration = reference.GetSyntax(CancellationToken.None);
            }

            if (member.IsStatic || declaration is null || facts.FindPart(declaration) is not { } part)
            {
                return (default, new MM0001Refusal(MM0001RefusalReason.StateNotPrivateInstanceMember));
            }

            var movesInitializer = false;
            foreach (var initializer in facts.Initializers)
            {
                movesInitializer |= initializer.Declaration == declaration;
            }

            ITypeSymbol type;
            bool removeReadOnly = false, addSetter = false, hasInitializer;
            switch (member)
            {
                case IFieldSymbol field when declaration is VariableDeclaratorSyntax declarator:
                    type = field.Type;
                    removeReadOnly = field.IsReadOnly;
                    hasInitializer = declarator.Initializer is not null && !movesInitializer;
                    break;
                case IPropertySymbol property when declaration is PropertyDeclarationSyntax { AccessorList: not null } propertySyntax
                    && !IsAutoProperty(propertySyntax):
                    // Accessors with bodies (a view model's `Status { get => _status; set => SetProperty(ref _status, value); }`):
                    // its setter does the assignment, and it can take no initializer (CS8050; a fix-shapes round). Nothing changes.
                    continue;
                case IPropertySymbol property when declaration is PropertyDeclarationSyntax { AccessorList: not null } propertySyntax:
                    type = property.Type;
                    addSetter = property.SetMethod is null or { IsInitOnly: true };
                    hasInitializer = propertySyntax.Initializer is not null && !movesInitializer;
                    break;
                default:
                    return (default, new MM0001Refusal(MM0001RefusalReason.StateNotPrivateInstanceMember));
            }

            var needsNullForgiving = !hasInitializer
                && (part.Model.GetNullableContext(declaration.SpanStart) & NullableContext.WarningsEnabled) != 0
                && type.NullableAnnotation == NullableAnnotation.NotAnnotated
                && (type.IsReferenceType || type is ITypeParameterSymbol { IsValueType: false });
            if (removeReadOnly || addSetter || needsNullForgiving || movesInitializer)
            {
                members.Add(new MM0001StateMember(part.Document.Id, declaration, removeReadOnly, addSetter, needsNullForgiving, type is ITypeParameterSymbol, movesInitializer));
            }
        }

        return (members.ToImmutable(), null);
    }

    private static bool IsAutoProperty(PropertyDeclarationSyntax property)
    {
        foreach (var accessor in property.AccessorList!.Accessors)
        {
            if (accessor.Body is not null || accessor.ExpressionBody is not null)
            {
                return false;
            }
        }

        return true;
    }
}
