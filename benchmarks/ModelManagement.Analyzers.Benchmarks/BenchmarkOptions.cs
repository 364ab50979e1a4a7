using System;
using System.Collections.Generic;
using System.Globalization;
using System.IO;
using ModelManagement.Analyzers.Benchmarks.Corpus;

namespace ModelManagement.Analyzers.Benchmarks;

/// <summary>Command-line options of the benchmark.</summary>
internal sealed class BenchmarkOptions
{
    public const string Usage = """
        Usage: dotnet run -c Release --project benchmarks/ModelManagement.Analyzers.Benchmarks -- [options]

          --lines N            generated corpus size in lines (default 200000)
          --seed N             corpus seed (default 6)
          --corpus DIR[,DIR]   analyze the .cs files under these folders (real code) instead of a generated corpus;
                               repeatable
          --exclude-tests      with --corpus: leave out files under a folder whose name contains "Test"
          --references DIR     with --corpus: also reference every .dll directly in DIR (e.g. the project's bin folder),
                               so real code binds to its packages; repeatable
          --iterations N       measured rounds per analyzer set (default 5); medians and best-of-N are reported
          --warmup N           unmeasured warm-up rounds (default 1)
          --sizes A,B,C        also run the linearity table on generated corpora of these sizes (e.g. 50000,200000,800000)
          --fix-iterations N   code-fix latency samples per rule (default 30)
          --fix-warmup N       unmeasured code-fix calls per rule before the samples, so the JIT's tiering has settled as
                               in a long-running IDE process (default 200; the first, cold call is reported on its own)
          --helper-calls N     calls per runtime-helper measurement (default 2000000)
          --no-peers           skip the peer packages (VS Threading, AsyncFixer, Meziantou)
          --no-alone           skip the sets that run one MM analyzer alone
          --only TEXT          measure only compile-only and the sets whose name contains TEXT; repeatable (e.g. to
                               profile one set under dotnet-trace: --only "MM, all" --iterations 1 --warmup 0)
          --marginal           add a set per MM analyzer (and one for all) that runs it next to the do-nothing floor: its
                               allocation and time over the floor's are what it adds once the driver's shared work (the
                               operation trees every operation-block action needs) is paid anyway; plus the floor next
                               to an analyzer that replays the MM rules' diagnostics (what reporting them costs)
          --roslynator         also measure Roslynator.Analyzers
          --skip-analysis | --skip-fixes | --skip-helpers   leave a part out
          --out FILE           write the markdown report there (default artifacts/benchmarks/results.md)
          --quick              fast smoke run: 20000 lines, 1 round, no warm-up, 5 fix samples, 100000 helper calls
        """;

    public int Lines { get; private set; } = 200_000;

    public int Seed { get; private set; } = CorpusGenerator.DefaultSeed;

    /// <summary>Folders of real code to analyze instead of a generated corpus (<c>--corpus</c>, repeatable).</summary>
    public IReadOnlyList<string> CorpusFolders => _corpusFolders;

    /// <summary>Whether test code (paths with a folder whose name contains "Test") is left out of a real corpus.</summary>
    public bool ExcludeTests { get; private set; }

    /// <summary>Folders whose assemblies a real corpus also references (<c>--references</c>, repeatable).</summary>
    public IReadOnlyList<string> ReferenceFolders => _referenceFolders;

    private readonly List<string> _corpusFolders = new();

    private readonly List<string> _referenceFolders = new();

    public int Iterations { get; private set; } = 5;

    public int Warmups { get; private set; } = 1;

    public IReadOnlyList<int> Sizes { get; private set; } = Array.Empty<int>();

    public int FixIterations { get; private set; } = 30;

    public int FixWarmups { get; private set; } = 200;

    public int HelperCalls { get; private set; } = 2_000_000;

    public bool Peers { get; private set; } = true;

    public bool Roslynator { get; private set; }

    /// <summary>Whether each MM analyzer is also measured alone (<c>--no-alone</c> turns it off).</summary>
    public bool Alone { get; private set; } = true;

    /// <summary>Name fragments of the sets to measure (<c>--only</c>); empty: all sets.</summary>
    public IReadOnlyList<string> Only => _only;

    private readonly List<string> _only = new();

    /// <summary>Whether each MM analyzer is also measured next to the floor (<c>--marginal</c>).</summary>
    public bool Marginal { get; private set; }

    public bool Analysis { get; private set; } = true;

    public bool Fixes { get; private set; } = true;

    public bool Helpers { get; private set; } = true;

    public bool Quick { get; private set; }

    public string Output { get; private set; } = Path.Combine("artifacts", "benchmarks", "results.md");

    public static BenchmarkOptions Parse(string[] args)
    {
        var options = new BenchmarkOptions();
        // --quick first, so explicit options given with it still win.
        if (Array.IndexOf(args, "--quick") >= 0)
        {
            options.Quick = true;
            options.Lines = 20_000;
            options.Iterations = 1;
            options.Warmups = 0;
            options.FixIterations = 5;
            options.FixWarmups = 2;
            options.HelperCalls = 100_000;
        }

        for (var i = 0; i < args.Length; i++)
        {
            string Next() => i + 1 < args.Length ? args[++i] : throw new ArgumentException($"{args[i]} needs a value.");
            switch (args[i])
            {
                case "--quick":
                    break;
                case "--lines":
                    options.Lines = PositiveInt(Next());
                    break;
                case "--seed":
                    options.Seed = int.Parse(Next(), NumberStyles.Integer, CultureInfo.InvariantCulture);
                    break;
                case "--corpus":
                    foreach (var folder in Next().Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
                    {
                        options._corpusFolders.Add(Path.GetFullPath(folder));
                    }

                    break;
                case "--references":
                    foreach (var folder in Next().Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
                    {
                        options._referenceFolders.Add(Path.GetFullPath(folder));
                    }

                    break;
                case "--exclude-tests":
                    options.ExcludeTests = true;
                    break;
                case "--iterations":
                    options.Iterations = PositiveInt(Next());
                    break;
                case "--warmup":
                    options.Warmups = int.Parse(Next(), NumberStyles.Integer, CultureInfo.InvariantCulture);
                    break;
                case "--sizes":
                    var sizes = new List<int>();
                    foreach (var part in Next().Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
                    {
                        sizes.Add(PositiveInt(part));
                    }

                    options.Sizes = sizes;
                    break;
                case "--fix-iterations":
                    options.FixIterations = PositiveInt(Next());
                    break;
                case "--fix-warmup":
                    options.FixWarmups = int.Parse(Next(), NumberStyles.Integer, CultureInfo.InvariantCulture);
                    break;
                case "--helper-calls":
                    options.HelperCalls = PositiveInt(Next());
                    break;
                case "--no-peers":
                    options.Peers = false;
                    break;
                case "--no-alone":
                    options.Alone = false;
                    break;
                case "--only":
                    options._only.Add(Next()); // not split at commas: set names contain them ("MM, all rules (8)")
                    break;
                case "--marginal":
                    options.Marginal = true;
                    break;
                case "--roslynator":
                    options.Roslynator = true;
                    break;
                case "--skip-analysis":
                    options.Analysis = false;
                    break;
                case "--skip-fixes":
                    options.Fixes = false;
                    break;
                case "--skip-helpers":
                    options.Helpers = false;
                    break;
                case "--out":
                    options.Output = Next();
                    break;
                default:
                    throw new ArgumentException($"Unknown option '{args[i]}'.");
            }
        }

        return options;
    }

    private static int PositiveInt(string text)
    {
        var value = int.Parse(text.Replace("_", string.Empty, StringComparison.Ordinal), NumberStyles.Integer, CultureInfo.InvariantCulture);
        return value > 0 ? value : throw new ArgumentException($"'{text}' must be positive.");
    }
}
