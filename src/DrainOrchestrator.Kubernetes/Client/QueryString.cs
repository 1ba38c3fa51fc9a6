using System.Globalization;
using System.Text;

namespace DrainOrchestrator.Kubernetes.Client;

/// <summary>Builds an escaped query string, leaving out unset values.</summary>
internal sealed class QueryString
{
    private readonly StringBuilder _builder = new();

    public QueryString Add(string name, string? value)
    {
        if (!string.IsNullOrEmpty(value))
        {
            _builder.Append(_builder.Length == 0 ? '?' : '&')
                .Append(name).Append('=').Append(Uri.EscapeDataString(value));
        }

        return this;
    }

    public QueryString Add(string name, long? value)
        => Add(name, value?.ToString(CultureInfo.InvariantCulture));

    public override string ToString() => _builder.ToString();
}
