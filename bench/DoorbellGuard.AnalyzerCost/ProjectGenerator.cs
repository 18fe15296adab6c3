using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using System.Security.Cryptography;
using System.Text;
using System.Text.RegularExpressions;

namespace DoorbellGuard.AnalyzerCost;

/// <summary>One generated source file.</summary>
internal sealed record GeneratedFile(string Path, string Text);

/// <summary>A generated project and what it contains.</summary>
internal sealed record GeneratedProject(
    ProjectFlavor Flavor,
    int Scale,
    IReadOnlyList<GeneratedFile> Files,
    int Lines,
    int DoorbellMethods,
    int OrdinaryMethods,
    IReadOnlyDictionary<string, int> ExpectedDiagnostics,
    IReadOnlyDictionary<string, int> MethodsPerShape,
    string Sha256);

/// <summary>
/// Generates the benchmark project deterministically from a seed: the same seed, flavor and scale give
/// the same text, byte for byte (its SHA-256 is printed so runs can be compared).
/// </summary>
internal static class ProjectGenerator
{
    /// <summary>Files per unit of scale: 1x is about 107,000 lines (doorbell-heavy: 2,400 shape methods).</summary>
    public const int FilesPerScale = 200;

    private const int DoorbellMethodsPerFile = 12;
    private const int OrdinaryClassesPerFile = 2;
    private const int OrdinaryMethodsPerClass = 9;

    /// <summary>The class prelude's members that use a doorbell: the constructor connects, Kick rings, NotifyAndCount notifies.</summary>
    private const int PreludeDoorbellMethods = 3;

    // The typical project: per twenty files, one submission class of 3 + 4 doorbell methods among 20 x 3 x 12 ordinary
    // ones (7 in 727, about one in a hundred), and about as many lines per file as the doorbell-heavy project.
    private const int TypicalSubmissionClassEvery = 20;
    private const int TypicalDoorbellMethodsPerClass = 4;
    private const int TypicalOrdinaryClassesPerFile = 3;
    private const int TypicalOrdinaryMethodsPerClass = 12;

    private const string Usings = """
        using System;
        using System.Collections.Generic;
        using System.Globalization;
        using System.Linq;
        using System.Text;
        using System.Threading;
        using System.Threading.Tasks;
        using DoorbellGuard;

        """;

    /// <summary>A look-alike of DoorbellGuard's API under other names, for the project that does not reference DoorbellGuard.</summary>
    private const string LookAlikeApi = """
        using System;

        namespace Acme.Bells;

        public enum BellStatus { Connected, ConnectedNotify, DisconnectedRetry, DisconnectedAbort }

        public class BellException : Exception
        {
            public BellException(string message) : base(message) { }
        }

        public sealed class BellAbortedException : BellException
        {
            public BellAbortedException(string message) : base(message) { }
        }

        [AttributeUsage(AttributeTargets.Method)]
        public sealed class BellKickAttribute : Attribute { }

        [AttributeUsage(AttributeTargets.Method)]
        public sealed class BellTellAttribute : Attribute { }

        public sealed class Bell : IDisposable
        {
            private ulong _last;
            public void Connect() { }
            public void Ring(ulong value) => _last = value;
            public BellStatus ReadStatus() => _last == 0 ? BellStatus.DisconnectedRetry : BellStatus.Connected;
            public void NotifyWorkSubmission() { }
            public BellStatus RingAndConfirm(ulong value) { Ring(value); return ReadStatus(); }
            public void Dispose() { }
        }

        public sealed class BellQueue : IDisposable
        {
            public Bell CreateBell() => new Bell();
            public ulong Submit(ReadOnlySpan<byte> commands) => (ulong)commands.Length;
            public void Dispose() { }
        }

        """;

    private static readonly (Regex Pattern, string Replacement)[] Renames =
    {
        (new Regex(@"\bDoorbellAbortedException\b"), "BellAbortedException"),
        (new Regex(@"\bDoorbellException\b"), "BellException"),
        (new Regex(@"\bDoorbellStatus\b"), "BellStatus"),
        (new Regex(@"\bDoorbellRing\b"), "BellKick"),
        (new Regex(@"\bDoorbellNotify\b"), "BellTell"),
        (new Regex(@"\bHardwareQueue\b"), "BellQueue"),
        (new Regex(@"\bCreateDoorbell\b"), "CreateBell"),
        (new Regex(@"\bDoorbellGuard\b"), "Acme.Bells"),
        (new Regex(@"\bDoorbell\b"), "Bell"),
    };

    /// <summary>The shape a generated method belongs to: its name without the trailing index ("RetryFor3" is RetryFor).</summary>
    public static string ShapeOfMethod(string methodName) => methodName.TrimEnd('0', '1', '2', '3', '4', '5', '6', '7', '8', '9');

    /// <param name="onlyShape">When set, every doorbell method has this shape; the empty string means no doorbell methods at all (only the class preludes).</param>
    /// <param name="fileCount">When set, this many files instead of <see cref="FilesPerScale"/> times the scale.</param>
    public static GeneratedProject Generate(ProjectFlavor flavor, int scale, int seed, string? onlyShape = null, int? fileCount = null)
    {
        if (scale < 1)
        {
            throw new ArgumentOutOfRangeException(nameof(scale), scale, "The scale must be 1 or more.");
        }

        var generated = new List<GeneratedFile>();
        var expected = new SortedDictionary<string, int>(StringComparer.Ordinal);
        var methodsPerShape = new SortedDictionary<string, int>(StringComparer.Ordinal);
        int doorbellMethods = 0, ordinaryMethods = 0, shapeIndex = 0;
        var shapes = onlyShape is null ? DoorbellShapes.All : DoorbellShapes.All.Where(s => s.Name == onlyShape).ToList();
        int files = fileCount ?? FilesPerScale * scale;

        bool typical = flavor == ProjectFlavor.Typical;
        int shapeMethodsPerClass = typical ? TypicalDoorbellMethodsPerClass : DoorbellMethodsPerFile;
        int ordinaryClasses = typical ? TypicalOrdinaryClassesPerFile : OrdinaryClassesPerFile;
        int ordinaryMethodsPerClass = typical ? TypicalOrdinaryMethodsPerClass : OrdinaryMethodsPerClass;
        for (int fileIndex = 0; fileIndex < files; fileIndex++)
        {
            // One generator per file, seeded from the file's index: file N is the same text at every scale.
            var random = new Random(unchecked(seed * 7919 + fileIndex));
            var text = new StringBuilder(32 * 1024);
            text.Append(Usings);
            text.Append("namespace Generated.Area").Append((fileIndex % 25).ToString(CultureInfo.InvariantCulture)).Append(";\n\n");

            var className = "SubmissionPath" + fileIndex.ToString(CultureInfo.InvariantCulture);
            if (!typical || fileIndex % TypicalSubmissionClassEvery == 0)
            {
                text.Append("public sealed class ").Append(className).Append("\n{\n");
                text.Append(DoorbellShapes.ClassPrelude(className, random.Next()));
                doorbellMethods += PreludeDoorbellMethods;
                for (int m = 0; m < shapeMethodsPerClass && shapes.Count > 0; m++)
                {
                    var shape = shapes[shapeIndex++ % shapes.Count];
                    var context = new ShapeContext(random, shape.Name + m.ToString(CultureInfo.InvariantCulture));
                    text.Append(shape.Write(context));
                    doorbellMethods++;
                    methodsPerShape[shape.Name] = methodsPerShape.TryGetValue(shape.Name, out var count) ? count + 1 : 1;
                    foreach (var id in shape.ExpectedDiagnostics)
                    {
                        expected[id] = expected.TryGetValue(id, out var n) ? n + 1 : 1;
                    }
                }
                text.Append("}\n\n");
            }

            for (int c = 0; c < ordinaryClasses; c++)
            {
                text.Append(OrdinaryCode.Class(random, "Ledger" + fileIndex.ToString(CultureInfo.InvariantCulture) + "_" + c.ToString(CultureInfo.InvariantCulture), ordinaryMethodsPerClass));
                ordinaryMethods += ordinaryMethodsPerClass;
            }

            var source = text.ToString();
            if (flavor == ProjectFlavor.WithoutDoorbellGuard)
            {
                source = Rename(source);
            }
            var fileName = typical && fileIndex % TypicalSubmissionClassEvery != 0 ? "Ledgers" + fileIndex.ToString(CultureInfo.InvariantCulture) : className;
            generated.Add(new GeneratedFile($"Area{fileIndex % 25}/{fileName}.cs", source));
        }

        if (flavor == ProjectFlavor.WithoutDoorbellGuard)
        {
            // The look-alike API is not DoorbellGuard: nothing here uses a doorbell, nothing is expected.
            generated.Add(new GeneratedFile("Acme/Bells.cs", LookAlikeApi));
            expected.Clear();
            methodsPerShape.Clear();
            doorbellMethods = 0;
        }

        int lines = generated.Sum(f => CountLines(f.Text));
        return new GeneratedProject(flavor, scale, generated, lines, doorbellMethods, ordinaryMethods, expected, methodsPerShape, Hash(generated));
    }

    private static string Rename(string source)
    {
        foreach (var (pattern, replacement) in Renames)
        {
            source = pattern.Replace(source, replacement);
        }
        return source;
    }

    private static int CountLines(string text)
    {
        int lines = 0;
        foreach (var ch in text)
        {
            if (ch == '\n')
            {
                lines++;
            }
        }
        return lines;
    }

    private static string Hash(IEnumerable<GeneratedFile> files)
    {
        using var sha = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        foreach (var file in files)
        {
            sha.AppendData(Encoding.UTF8.GetBytes(file.Path + "\n" + file.Text));
        }
        return Convert.ToHexString(sha.GetHashAndReset()).Substring(0, 16).ToLowerInvariant();
    }
}
