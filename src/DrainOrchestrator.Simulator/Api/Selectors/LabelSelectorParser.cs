namespace DrainOrchestrator.Simulator.Api.Selectors;

/// <summary>
/// Parses the label selector syntax of the <c>labelSelector</c> query parameter:
/// <c>a=b</c>, <c>a==b</c>, <c>a!=b</c>, <c>a in (x,y)</c>, <c>a notin (x)</c>, <c>a</c>, <c>!a</c>, comma-separated.
/// </summary>
internal sealed class LabelSelectorParser
{
    private readonly string _text;
    private int _position;

    private LabelSelectorParser(string text) => _text = text;

    public static IReadOnlyList<LabelRequirement> Parse(string text)
    {
        var parser = new LabelSelectorParser(text);
        var requirements = new List<LabelRequirement>();
        do
        {
            requirements.Add(parser.ParseRequirement());
        }
        while (parser.TryConsume(','));

        parser.SkipSpaces();
        return parser._position == text.Length ? requirements : throw parser.Error("unexpected trailing characters");
    }

    private LabelRequirement ParseRequirement()
    {
        SkipSpaces();
        if (TryConsume('!'))
        {
            return new LabelRequirement(ReadKey(), LabelOperator.DoesNotExist, []);
        }

        var key = ReadKey();
        SkipSpaces();
        if (AtEnd || Peek() == ',')
        {
            return new LabelRequirement(key, LabelOperator.Exists, []);
        }

        if (TryConsume("!="))
        {
            return new LabelRequirement(key, LabelOperator.NotEquals, [ReadValue()]);
        }

        if (TryConsume("==") || TryConsume('='))
        {
            return new LabelRequirement(key, LabelOperator.Equals, [ReadValue()]);
        }

        if (TryConsumeWord("notin"))
        {
            return new LabelRequirement(key, LabelOperator.NotIn, ReadSet());
        }

        return TryConsumeWord("in")
            ? new LabelRequirement(key, LabelOperator.In, ReadSet())
            : throw Error($"found '{Peek()}', expected: in, notin, =, ==, !=, ',' or end of string");
    }

    private List<string> ReadSet()
    {
        if (!TryConsume('('))
        {
            throw Error("expected '('");
        }

        var values = new List<string>();
        do
        {
            values.Add(ReadValue());
        }
        while (TryConsume(','));

        return TryConsume(')') ? values : throw Error("expected ')'");
    }

    private string ReadKey()
    {
        var key = ReadToken();
        return LabelSyntax.IsValidKey(key) ? key : throw Error($"invalid label key \"{key}\"");
    }

    private string ReadValue()
    {
        var value = ReadToken();
        return LabelSyntax.IsValidValue(value) ? value : throw Error($"invalid label value: \"{value}\"");
    }

    private string ReadToken()
    {
        SkipSpaces();
        var start = _position;
        while (!AtEnd && !" ,()=!".Contains(Peek(), StringComparison.Ordinal))
        {
            _position++;
        }

        return _text[start.._position];
    }

    private bool TryConsumeWord(string word)
    {
        SkipSpaces();
        var end = _position + word.Length;
        if (end < _text.Length && string.CompareOrdinal(_text, _position, word, 0, word.Length) == 0 && (_text[end] == ' ' || _text[end] == '('))
        {
            _position = end;
            return true;
        }

        return false;
    }

    private bool TryConsume(string token)
    {
        SkipSpaces();
        if (string.CompareOrdinal(_text, _position, token, 0, token.Length) == 0)
        {
            _position += token.Length;
            return true;
        }

        return false;
    }

    private bool TryConsume(char token) => TryConsume(token.ToString());

    private void SkipSpaces()
    {
        while (!AtEnd && Peek() == ' ')
        {
            _position++;
        }
    }

    private bool AtEnd => _position >= _text.Length;

    private char Peek() => _text[_position];

    private FormatException Error(string what) =>
        new($"unable to parse requirement: {what} (in \"{_text}\" at position {_position})");
}
