using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.Formatting;
using Microsoft.CodeAnalysis.Testing;
using Microsoft.CodeAnalysis.Text;
using ModelManagement.Analyzers.Tests.Robustness;
using Xunit;

namespace ModelManagement.Analyzers.Tests.CodeFixInfrastructure;

/// <summary>One compiled test file whose markup marks a position (<c>$$</c>) or a span (<c>[|…|]</c>).</summary>
internal sealed class InfrastructureTestCode
{
    private InfrastructureTestCode(SyntaxTree tree, SemanticModel model, int position, TextSpan? span)
    {
        Tree = tree;
        Model = model;
        Position = position;
        Span = span;
    }

    public SyntaxTree Tree { get; }

    public SemanticModel Model { get; }

    public SyntaxNode Root => Tree.GetRoot();

    public int Position { get; }

    public TextSpan? Span { get; }

    /// <summary>The innermost node of type <typeparamref name="TNode"/> holding the marked span (or position).</summary>
    public TNode Node<TNode>()
        where TNode : SyntaxNode
        => Root.FindNode(Span ?? new TextSpan(Position, 0), getInnermostNodeForTie: true).AncestorsAndSelf().OfType<TNode>().First();

    public static async Task<InfrastructureTestCode> CompileAsync(string markup, LanguageVersion languageVersion = LanguageVersion.Latest, DocumentationMode documentation = DocumentationMode.Parse)
    {
        int position;
        TextSpan? span = null;
        string source;
        if (markup.Contains("$$"))
        {
            TestFileMarkupParser.GetPosition(markup, out source, out position);
        }
        else
        {
            TestFileMarkupParser.GetSpan(markup, out source, out var marked);
            span = marked;
            position = marked.Start;
        }

        var tree = CSharpSyntaxTree.ParseText(source, RobustnessHarness.ParseOptions.WithLanguageVersion(languageVersion).WithDocumentationMode(documentation), "Test0.cs");
        var compilation = await RobustnessHarness.CompileAsync(new[] { tree }, NullableFor(languageVersion));
        Assert.Empty(compilation.GetDiagnostics().Where(d => d.Severity == DiagnosticSeverity.Error));
        return new InfrastructureTestCode(tree, compilation.GetSemanticModel(tree), position, span);
    }

    /// <summary>Nullable annotations on where the language version has them (C# 8 and later).</summary>
    public static NullableContextOptions NullableFor(LanguageVersion languageVersion)
        => languageVersion.MapSpecifiedToEffectiveVersion() >= LanguageVersion.CSharp8 ? NullableContextOptions.Enable : NullableContextOptions.Disable;

    /// <summary>Formats what carries the formatter annotation (as a code action's clean-up does) and returns the text.</summary>
    public static string Format(SyntaxNode root)
    {
        using var workspace = new AdhocWorkspace();
        return Formatter.Format(root, Formatter.Annotation, workspace, cancellationToken: CancellationToken.None).ToFullString();
    }
}
