// The libstdc++ fix for TorchSharp's native library, shared by the build (an MSBuild inline task,
// see TorchNativeFix.targets) and by Spark.Models at start-up (compiled in with SPARK_LIBRARY_BUILD).
//
// Why: libLibTorchSharp.so from TorchSharp 0.107 declares a need for GLIBCXX_3.4.32 for one symbol,
// std::ios_base_library_init, a marker GCC 13's <iostream> emits that no relocation refers to. Debian 12
// and Ubuntu 22.04 ship libstdc++ up to GLIBCXX_3.4.30, so the dynamic linker refuses the library.
// Setting VER_FLG_WEAK on that one version need turns the refusal into nothing at all. We patch only
// the copy in the build output, only when the system libstdc++ lacks the version, and atomically.
#nullable enable
using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Text;

namespace Spark.Build
{
    /// <summary>What the fix decided for one copy of libLibTorchSharp.so.</summary>
    public enum TorchNativeFixOutcome
    {
        /// <summary>The library does not need the missing version (another TorchSharp build).</summary>
        NotRequired,
        /// <summary>The system libstdc++ defines the version: nothing to do.</summary>
        SystemHasVersion,
        /// <summary>The need is already weak (patched earlier).</summary>
        AlreadyApplied,
        /// <summary>The need was made weak just now.</summary>
        Applied,
        /// <summary>The fix is needed but could not be written.</summary>
        Failed,
    }

    public sealed class TorchNativeFixResult
    {
        public TorchNativeFixResult(TorchNativeFixOutcome outcome, string message)
        {
            Outcome = outcome;
            Message = message;
        }

        public TorchNativeFixOutcome Outcome { get; }
        public string Message { get; }
        public bool Ok => Outcome != TorchNativeFixOutcome.Failed;
    }

    /// <summary>One (library, version) entry of an ELF file's version needs.</summary>
    public sealed class ElfVersionNeed
    {
        public ElfVersionNeed(string library, string version, bool weak, int flagsOffset)
        {
            Library = library;
            Version = version;
            Weak = weak;
            FlagsOffset = flagsOffset;
        }

        public string Library { get; }
        public string Version { get; }
        public bool Weak { get; }
        /// <summary>File offset of the entry's vna_flags field.</summary>
        public int FlagsOffset { get; }
    }

    public static class TorchNativeFix
    {
        public const string LibraryFileName = "libLibTorchSharp.so";
        public const string MissingVersion = "GLIBCXX_3.4.32";
        public const string LibstdcxxSoname = "libstdc++.so.6";
        const ushort VerFlagWeak = 0x2;
        const uint ShtGnuVerdef = 0x6ffffffd;
        const uint ShtGnuVerneed = 0x6ffffffe;

        static readonly string[] LibstdcxxCandidates =
        {
            "/usr/lib/x86_64-linux-gnu/libstdc++.so.6",
            "/lib/x86_64-linux-gnu/libstdc++.so.6",
            "/usr/lib/aarch64-linux-gnu/libstdc++.so.6",
            "/lib/aarch64-linux-gnu/libstdc++.so.6",
            "/usr/lib64/libstdc++.so.6",
            "/lib64/libstdc++.so.6",
            "/usr/lib/libstdc++.so.6",
        };

        /// <summary>
        /// Decides and, when needed, applies the fix to one libLibTorchSharp.so.
        /// <paramref name="systemVersions"/> are the GLIBCXX versions the system libstdc++ defines
        /// (null when no libstdc++ was found, which is treated as "lacks the version").
        /// </summary>
        public static TorchNativeFixResult Apply(string libraryPath, IReadOnlyCollection<string>? systemVersions)
        {
            byte[] bytes;
            try { bytes = File.ReadAllBytes(libraryPath); }
            catch (Exception e) when (e is IOException || e is UnauthorizedAccessException)
            {
                return new TorchNativeFixResult(TorchNativeFixOutcome.Failed,
                    $"cannot read {libraryPath}: {e.Message}");
            }

            var needs = ReadVersionNeeds(bytes)
                .Where(n => n.Library == LibstdcxxSoname && n.Version == MissingVersion).ToList();
            if (needs.Count == 0)
                return new TorchNativeFixResult(TorchNativeFixOutcome.NotRequired,
                    $"{libraryPath} does not need {MissingVersion}");
            if (needs.All(n => n.Weak))
                return new TorchNativeFixResult(TorchNativeFixOutcome.AlreadyApplied,
                    $"{MissingVersion} need already weak in {libraryPath}");
            if (systemVersions != null && systemVersions.Contains(MissingVersion))
                return new TorchNativeFixResult(TorchNativeFixOutcome.SystemHasVersion,
                    $"system libstdc++ has {MissingVersion}; {libraryPath} left as shipped");

            foreach (var need in needs)
                WriteUInt16(bytes, need.FlagsOffset, (ushort)(ReadUInt16(bytes, need.FlagsOffset) | VerFlagWeak));

            // Write beside the original and rename over it: a mapped file is never rewritten in place.
            string temp = libraryPath + ".spark-tmp";
            try
            {
                File.WriteAllBytes(temp, bytes);
                File.Replace(temp, libraryPath, null); // a rename on Unix
            }
            catch (Exception e) when (e is IOException || e is UnauthorizedAccessException)
            {
                try { if (File.Exists(temp)) File.Delete(temp); } catch (IOException) { } catch (UnauthorizedAccessException) { }
                return new TorchNativeFixResult(TorchNativeFixOutcome.Failed, CannotMessage(libraryPath, systemVersions, e.Message));
            }
            return new TorchNativeFixResult(TorchNativeFixOutcome.Applied,
                $"Weakened {MissingVersion} need in {libraryPath}");
        }

        public static string CannotMessage(string libraryPath, IReadOnlyCollection<string>? systemVersions, string reason)
        {
            string newest = systemVersions == null || systemVersions.Count == 0
                ? "no libstdc++ found"
                : "newest " + systemVersions.OrderBy(v => v, VersionComparer.Instance).Last();
            return $"TorchSharp's {LibraryFileName} needs {MissingVersion}, which this system's libstdc++ lacks ({newest}). " +
                   $"Spark marks that need weak (its only symbol is an unused marker) but could not write {libraryPath}: {reason}. " +
                   "Remedy: make the build output folder writable and rebuild (dotnet build), " +
                   "or install a libstdc++ that provides " + MissingVersion + " (GCC 13 or newer).";
        }

        /// <summary>The system libstdc++.so.6, or null when none is found in the usual places.</summary>
        public static string? FindSystemLibstdcxx()
        {
            var dirs = (Environment.GetEnvironmentVariable("LD_LIBRARY_PATH") ?? "")
                .Split(new[] { ':' }, StringSplitOptions.RemoveEmptyEntries)
                .Select(d => Path.Combine(d, LibstdcxxSoname));
            return dirs.Concat(LibstdcxxCandidates).FirstOrDefault(File.Exists);
        }

        /// <summary>The GLIBCXX_* versions a libstdc++ defines, or null when the file is missing or unreadable.</summary>
        public static IReadOnlyCollection<string>? ReadSystemVersions(string? libstdcxxPath)
        {
            if (libstdcxxPath == null) return null;
            try { return ReadVersionDefinitions(File.ReadAllBytes(libstdcxxPath)); }
            catch (Exception e) when (e is IOException || e is UnauthorizedAccessException) { return null; }
        }

        /// <summary>Version needs (SHT_GNU_verneed) of an ELF64 little-endian file; empty for anything else.</summary>
        public static IReadOnlyList<ElfVersionNeed> ReadVersionNeeds(byte[] elf)
        {
            var result = new List<ElfVersionNeed>();
            foreach (var (offset, count, strtab) in Sections(elf, ShtGnuVerneed))
            {
                int vn = offset;
                for (int i = 0; i < count && vn + 16 <= elf.Length; i++)
                {
                    int auxCount = ReadUInt16(elf, vn + 2);
                    string file = ReadString(elf, strtab + (int)ReadUInt32(elf, vn + 4));
                    int aux = vn + (int)ReadUInt32(elf, vn + 8);
                    for (int j = 0; j < auxCount && aux + 16 <= elf.Length; j++)
                    {
                        ushort flags = ReadUInt16(elf, aux + 4);
                        string name = ReadString(elf, strtab + (int)ReadUInt32(elf, aux + 8));
                        result.Add(new ElfVersionNeed(file, name, (flags & VerFlagWeak) != 0, aux + 4));
                        uint nextAux = ReadUInt32(elf, aux + 12);
                        if (nextAux == 0) break;
                        aux += (int)nextAux;
                    }
                    uint next = ReadUInt32(elf, vn + 12);
                    if (next == 0) break;
                    vn += (int)next;
                }
            }
            return result;
        }

        /// <summary>Version names (SHT_GNU_verdef) an ELF64 little-endian file defines.</summary>
        public static IReadOnlyCollection<string> ReadVersionDefinitions(byte[] elf)
        {
            var result = new HashSet<string>(StringComparer.Ordinal);
            foreach (var (offset, count, strtab) in Sections(elf, ShtGnuVerdef))
            {
                int vd = offset;
                for (int i = 0; i < count && vd + 20 <= elf.Length; i++)
                {
                    int aux = vd + (int)ReadUInt32(elf, vd + 12);
                    if (aux + 8 <= elf.Length)
                        result.Add(ReadString(elf, strtab + (int)ReadUInt32(elf, aux)));
                    uint next = ReadUInt32(elf, vd + 16);
                    if (next == 0) break;
                    vd += (int)next;
                }
            }
            return result;
        }

        static IEnumerable<(int Offset, int Count, int StrtabOffset)> Sections(byte[] elf, uint type)
        {
            if (elf.Length < 64 || elf[0] != 0x7f || elf[1] != (byte)'E' || elf[2] != (byte)'L' || elf[3] != (byte)'F'
                || elf[4] != 2 || elf[5] != 1)
                yield break;
            long shoff = (long)ReadUInt64(elf, 0x28);
            int shentsize = ReadUInt16(elf, 0x3A);
            int shnum = ReadUInt16(elf, 0x3C);
            if (shentsize < 64 || shoff <= 0 || shoff + (long)shnum * shentsize > elf.Length) yield break;
            for (int i = 0; i < shnum; i++)
            {
                int sh = (int)(shoff + (long)i * shentsize);
                if (ReadUInt32(elf, sh + 4) != type) continue;
                int link = (int)ReadUInt32(elf, sh + 0x28);
                if (link >= shnum) continue;
                int strtab = (int)ReadUInt64(elf, (int)(shoff + (long)link * shentsize) + 0x18);
                yield return ((int)ReadUInt64(elf, sh + 0x18), (int)ReadUInt32(elf, sh + 0x2C), strtab);
            }
        }

        static ushort ReadUInt16(byte[] b, int o) => (ushort)(b[o] | b[o + 1] << 8);
        static void WriteUInt16(byte[] b, int o, ushort v) { b[o] = (byte)v; b[o + 1] = (byte)(v >> 8); }
        static uint ReadUInt32(byte[] b, int o) => (uint)(b[o] | b[o + 1] << 8 | b[o + 2] << 16 | b[o + 3] << 24);
        static ulong ReadUInt64(byte[] b, int o) => ReadUInt32(b, o) | (ulong)ReadUInt32(b, o + 4) << 32;

        static string ReadString(byte[] b, int o)
        {
            if (o < 0 || o >= b.Length) return "";
            int end = o;
            while (end < b.Length && b[end] != 0) end++;
            return Encoding.ASCII.GetString(b, o, end - o);
        }

        /// <summary>Orders "GLIBCXX_3.4.9" before "GLIBCXX_3.4.10".</summary>
        sealed class VersionComparer : IComparer<string>
        {
            public static readonly VersionComparer Instance = new VersionComparer();

            public int Compare(string? x, string? y)
            {
                var a = Numbers(x); var b = Numbers(y);
                for (int i = 0; i < Math.Max(a.Length, b.Length); i++)
                {
                    int c = (i < a.Length ? a[i] : 0).CompareTo(i < b.Length ? b[i] : 0);
                    if (c != 0) return c;
                }
                return 0;
            }

            static int[] Numbers(string? s) => (s ?? "").Split('_').Last().Split('.')
                .Select(p => int.TryParse(p, out int n) ? n : 0).ToArray();
        }
    }

#if !SPARK_LIBRARY_BUILD
    /// <summary>MSBuild task: applies the fix to every libLibTorchSharp.so under a folder.</summary>
    public class WeakenTorchSharpGlibcxx : Microsoft.Build.Utilities.Task
    {
        [Microsoft.Build.Framework.Required]
        public string Directory { get; set; } = "";

        public override bool Execute()
        {
            if (!System.Runtime.InteropServices.RuntimeInformation.IsOSPlatform(System.Runtime.InteropServices.OSPlatform.Linux)
                || !System.IO.Directory.Exists(Directory))
                return true;
            var systemVersions = TorchNativeFix.ReadSystemVersions(TorchNativeFix.FindSystemLibstdcxx());
            bool ok = true;
            foreach (var lib in System.IO.Directory.EnumerateFiles(Directory, TorchNativeFix.LibraryFileName, SearchOption.AllDirectories))
            {
                var result = TorchNativeFix.Apply(lib, systemVersions);
                if (result.Outcome == TorchNativeFixOutcome.Failed)
                {
                    Log.LogError(result.Message);
                    ok = false;
                }
                else if (result.Outcome == TorchNativeFixOutcome.Applied)
                    Log.LogMessage(Microsoft.Build.Framework.MessageImportance.High, result.Message);
                else
                    Log.LogMessage(Microsoft.Build.Framework.MessageImportance.Low, result.Message);
            }
            return ok;
        }
    }
#endif
}
