using System;
using System.IO;
using ModelManagement.Patterns;

namespace Contoso.Storytelling
{
    /// <summary>The narrative archive. Only the <see cref="ArchiveProcessor"/> writes it: it de-duplicates and exports.</summary>
    [CentralizedBy(typeof(ArchiveProcessor))]
    public sealed class NarrativeArchive
    {
        private readonly StringWriter _rows = new StringWriter();

        public int Count { get; private set; }

        public void Append(string narrative)
        {
            _rows.WriteLine(narrative);
            Count++;
        }
    }

    /// <summary>
    /// Owns the archive and the archive export file (CentralizedSymbols.txt centralizes File.AppendAllText here, since
    /// the base class library cannot be annotated).
    /// </summary>
    public sealed class ArchiveProcessor
    {
        private readonly NarrativeArchive _archive;

        public ArchiveProcessor(NarrativeArchive archive) => _archive = archive;

        public void Keep(string narrative)
        {
            if (narrative.Length > 0)
            {
                _archive.Append(narrative);
            }
        }

        public void Export(string path) => File.AppendAllText(path, _archive.Count + " narratives" + Environment.NewLine);
    }

    /// <summary>Archives narratives itself instead of going through the <see cref="ArchiveProcessor"/>.</summary>
    public sealed class QuickArchiver
    {
        private readonly NarrativeArchive _archive;

        public QuickArchiver(NarrativeArchive archive) => _archive = archive;

        public int Archived => _archive.Count; // expect: MM0006

        public void Archive(string narrative, string exportPath)
        {
            _archive.Append(narrative); // expect: MM0006
            File.AppendAllText(exportPath, narrative + Environment.NewLine); // expect: MM0006
        }
    }
}
