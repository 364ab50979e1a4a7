using System;
using System.Linq;
using Microsoft.CodeAnalysis;
using ModelManagement.Analyzers.Benchmarks.Harness;

var w = Workload.FromGenerated(int.Parse(args[0]), 6);
var d = w.Fresh().GetDiagnostics();
Console.WriteLine($"{w.Lines} lines, {w.Files} files, errors {d.Count(x => x.Severity == DiagnosticSeverity.Error)}, warnings {d.Count(x => x.Severity == DiagnosticSeverity.Warning)}");
foreach (var g in d.GroupBy(x => x.Id)) Console.WriteLine($"{g.Key} {g.Count()} {g.First()}");
