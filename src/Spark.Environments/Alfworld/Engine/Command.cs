using Spark.Environments.Alfworld.World;

namespace Spark.Environments.Alfworld.Engine;

/// <summary>Which of ALFWorld's two text grammars: v0.3 (every agent paper) or v0.5 (move/help/"You arrive at {r}.").</summary>
public enum AlfworldGrammar { V03, V05 }

/// <summary>The PDDL actions of alfred.pddl that the text games expose.</summary>
internal enum Verb : byte
{
    Look, Inventory, Help, GoTo, Open, Close, Take, Put, Heat, Cool, Clean, Use, Slice, ExamineReceptacle, ExamineObject,
}

/// <summary>A grounded command. <paramref name="A"/> is the object (or the receptacle for go/open/close/examine
/// receptacle); <paramref name="B"/> is the receptacle of take/put/heat/cool/clean, or the knife of slice.</summary>
internal readonly record struct Command(Verb Verb, int A = -1, int B = -1);

/// <summary>
/// Reads a command string straight into a <see cref="Command"/> by its template and entity names, so a
/// step needs no list of admissible strings. Only the exact template spelling parses (case-sensitive,
/// single spaces), as TextWorld accepts only exact matches of its admissible commands.
/// </summary>
internal static class CommandParser
{
    public static bool TryParse(WorldLayout w, AlfworldGrammar grammar, ReadOnlySpan<char> s, out Command command)
    {
        command = default;
        switch (s)
        {
            case "look": command = new Command(Verb.Look); return true;
            case "inventory": command = new Command(Verb.Inventory); return true;
            case "help" when grammar == AlfworldGrammar.V05: command = new Command(Verb.Help); return true;
        }
        if (Rest(s, "go to ", out var rest)) return Receptacle(w, rest, Verb.GoTo, out command);
        if (Rest(s, "open ", out rest)) return Receptacle(w, rest, Verb.Open, out command);
        if (Rest(s, "close ", out rest)) return Receptacle(w, rest, Verb.Close, out command);
        if (Rest(s, "take ", out rest)) return ObjectAndReceptacle(w, rest, " from ", Verb.Take, out command);
        if (grammar == AlfworldGrammar.V03 && Rest(s, "put ", out rest)) return ObjectAndReceptacle(w, rest, " in/on ", Verb.Put, out command);
        if (grammar == AlfworldGrammar.V05 && Rest(s, "move ", out rest)) return ObjectAndReceptacle(w, rest, " to ", Verb.Put, out command);
        if (Rest(s, "heat ", out rest)) return ObjectAndReceptacle(w, rest, " with ", Verb.Heat, out command);
        if (Rest(s, "cool ", out rest)) return ObjectAndReceptacle(w, rest, " with ", Verb.Cool, out command);
        if (Rest(s, "clean ", out rest)) return ObjectAndReceptacle(w, rest, " with ", Verb.Clean, out command);
        if (Rest(s, "use ", out rest))
        {
            if (!w.TryObject(rest, out int o)) return false;
            command = new Command(Verb.Use, o);
            return true;
        }
        if (Rest(s, "slice ", out rest))
        {
            int sep = rest.IndexOf(" with ", StringComparison.Ordinal);
            if (sep < 0 || !w.TryObject(rest[..sep], out int co) || !w.TryObject(rest[(sep + 6)..], out int ko)) return false;
            command = new Command(Verb.Slice, co, ko);
            return true;
        }
        if (Rest(s, "examine ", out rest))
        {
            if (w.TryReceptacle(rest, out int r)) { command = new Command(Verb.ExamineReceptacle, r); return true; }
            if (w.TryObject(rest, out int o)) { command = new Command(Verb.ExamineObject, o); return true; }
        }
        return false;
    }

    static bool Rest(ReadOnlySpan<char> s, string prefix, out ReadOnlySpan<char> rest)
    {
        bool ok = s.StartsWith(prefix, StringComparison.Ordinal);
        rest = ok ? s[prefix.Length..] : default;
        return ok;
    }

    static bool Receptacle(WorldLayout w, ReadOnlySpan<char> name, Verb verb, out Command command)
    {
        bool ok = w.TryReceptacle(name, out int r);
        command = ok ? new Command(verb, r) : default;
        return ok;
    }

    static bool ObjectAndReceptacle(WorldLayout w, ReadOnlySpan<char> rest, string separator, Verb verb, out Command command)
    {
        command = default;
        int sep = rest.IndexOf(separator, StringComparison.Ordinal);
        if (sep < 0 || !w.TryObject(rest[..sep], out int o) || !w.TryReceptacle(rest[(sep + separator.Length)..], out int r))
            return false;
        command = new Command(verb, o, r);
        return true;
    }
}
