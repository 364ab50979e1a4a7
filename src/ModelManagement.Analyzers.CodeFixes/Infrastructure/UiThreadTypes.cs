using Microsoft.CodeAnalysis;

namespace ModelManagement.Analyzers.CodeFixes.Infrastructure;

/// <summary>
/// Types bound to a UI thread: what their code does after an await may touch their controls, which only that thread
/// may do, so the awaits a fix writes into it keep the caller's context (no <c>ConfigureAwait(false)</c>). A real WPF
/// <c>UserControl</c> whose constructor filled a combo box from <c>service.GetAllAsync().Result</c> had the loop run on a
/// pool thread after the factory rewrite's configured await. A view model (a type implementing
/// <c>System.ComponentModel.INotifyPropertyChanged</c>: CommunityToolkit's <c>ObservableObject</c>, Prism's
/// <c>BindableBase</c>, MvvmLight's <c>ViewModelBase</c>, ReactiveUI's <c>ReactiveObject</c>, hand-written bases) counts
/// too: the views bound to it read its collections and properties on their thread (a real WPF view model's
/// <c>Movies.Add(…)</c> ran on a pool thread after a configured await; an MM0001 consumer round).
/// </summary>
internal static class UiThreadTypes
{
    // The roots of the UI frameworks' element hierarchies, by metadata name (the framework need not be referenced).
    private static readonly string[] Roots =
    {
        "System.Windows.Threading.DispatcherObject", // WPF
        "System.Windows.Forms.Control", // Windows Forms
        "Microsoft.UI.Xaml.DependencyObject", // WinUI 3
        "Windows.UI.Xaml.DependencyObject", // UWP
        "Microsoft.Maui.Controls.BindableObject", // .NET MAUI
        "Xamarin.Forms.BindableObject", // Xamarin.Forms
        "Avalonia.AvaloniaObject", // Avalonia
        "Microsoft.AspNetCore.Components.ComponentBase", // Blazor: renders on its dispatcher
    };

    /// <summary>Whether <paramref name="type"/> derives from the root of a UI framework's element hierarchy, or is a view model.</summary>
    public static bool IsBound(INamedTypeSymbol? type)
    {
        if (type is not null)
        {
            foreach (var implemented in type.AllInterfaces)
            {
                if (implemented.MetadataName == "INotifyPropertyChanged" && implemented.ContainingNamespace?.ToDisplayString() == "System.ComponentModel")
                {
                    return true;
                }
            }
        }

        for (var current = type; current is not null; current = current.BaseType)
        {
            if (current.SpecialType == SpecialType.System_Object)
            {
                return false;
            }

            var name = current.MetadataName;
            foreach (var root in Roots)
            {
                if (root.EndsWith(name, System.StringComparison.Ordinal)
                    && root.Length > name.Length && root[root.Length - name.Length - 1] == '.'
                    && current.ContainingNamespace?.ToDisplayString() == root.Substring(0, root.Length - name.Length - 1))
                {
                    return true;
                }
            }
        }

        return false;
    }
}
