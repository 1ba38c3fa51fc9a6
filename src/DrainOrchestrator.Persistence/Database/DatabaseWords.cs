namespace DrainOrchestrator.Persistence.Database;

/// <summary>
/// The words an enum is stored as (the text a CHECK constraint allows), both ways. Each enum declares its pairs once;
/// a value without a word fails when the table is built, not when a row is written.
/// </summary>
internal sealed class DatabaseWords<TEnum>
    where TEnum : struct, Enum
{
    private readonly Dictionary<TEnum, string> _words;
    private readonly Dictionary<string, TEnum> _values;

    public DatabaseWords(params (TEnum Value, string Word)[] pairs)
    {
        _words = pairs.ToDictionary(p => p.Value, p => p.Word);
        _values = pairs.ToDictionary(p => p.Word, p => p.Value, StringComparer.Ordinal);
        var missing = Enum.GetValues<TEnum>().Where(v => !_words.ContainsKey(v)).ToList();
        if (missing.Count > 0)
        {
            throw new InvalidOperationException($"{typeof(TEnum).Name} has no database word for {string.Join(", ", missing)}.");
        }
    }

    public string Word(TEnum value) => _words.TryGetValue(value, out var word)
        ? word
        : throw new ArgumentOutOfRangeException(nameof(value), value, $"not a {typeof(TEnum).Name}");

    public TEnum Parse(string word)
    {
        ArgumentNullException.ThrowIfNull(word);
        return _values.TryGetValue(word, out var value)
            ? value
            : throw new FormatException($"'{word}' is not a {typeof(TEnum).Name} (expected one of {string.Join(", ", _values.Keys)}).");
    }
}
