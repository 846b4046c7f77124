namespace CleanroomsStack.Core.Desired;

/// <summary>Shell-style globs over table names: '*' is any text, '?' one character; everything else literal.</summary>
public static class Glob
{
    public static bool Matches(string pattern, string text)
    {
        // Greedy match with one backtrack point (the last '*'): linear enough for table names, no regex needed.
        int p = 0, t = 0, starP = -1, starT = 0;
        while (t < text.Length)
        {
            if (p < pattern.Length && (pattern[p] == '?' || pattern[p] == text[t]))
            {
                p++;
                t++;
            }
            else if (p < pattern.Length && pattern[p] == '*')
            {
                starP = p++;
                starT = t;
            }
            else if (starP >= 0)
            {
                p = starP + 1;
                t = ++starT;
            }
            else
            {
                return false;
            }
        }
        while (p < pattern.Length && pattern[p] == '*')
            p++;
        return p == pattern.Length;
    }
}
