namespace DrainOrchestrator.Kubernetes.Models;

/// <summary>The fast path: exactly <c>yyyy-MM-ddTHH:mm:ss[.fraction](Z|±hh:mm)</c>, as Go's time.RFC3339(Nano) writes it.</summary>
internal static partial class Rfc3339
{
    private static readonly long MaxOffsetTicks = TimeSpan.FromHours(14).Ticks;

    // False for anything outside that exact form, and for values it would have to judge (out of range): Parse decides those.
    private static bool TryParseExact(ReadOnlySpan<byte> text, out DateTimeOffset value)
    {
        value = default;
        if (text.Length < 20
            || !TryDigits(text, 0, 4, out var year) || text[4] != '-' || !TryDigits(text, 5, 2, out var month) || text[7] != '-'
            || !TryDigits(text, 8, 2, out var day) || text[10] != 'T' || !TryDigits(text, 11, 2, out var hour) || text[13] != ':'
            || !TryDigits(text, 14, 2, out var minute) || text[16] != ':' || !TryDigits(text, 17, 2, out var second)
            || year < 1 || month is < 1 or > 12 || day < 1 || day > DateTime.DaysInMonth(year, month)
            || hour > 23 || minute > 59 || second > 59)
        {
            return false;
        }

        var position = 19;
        var fraction = 0L;
        if (text[position] == '.')
        {
            // .NET keeps seven fractional digits (100 ns ticks); Go writes up to nine: the rest is dropped, as Parse does.
            var start = ++position;
            var scale = TimeSpan.TicksPerSecond;
            while (position < text.Length && char.IsAsciiDigit((char)text[position]))
            {
                if (position - start < 7)
                {
                    scale /= 10;
                    fraction += (text[position] - '0') * scale;
                }

                position++;
            }

            if (position == start)
            {
                return false;
            }
        }

        if (!TryOffset(text[position..], out var offsetTicks))
        {
            return false;
        }

        var utcTicks = new DateTime(year, month, day, hour, minute, second).Ticks + fraction - offsetTicks;
        if (utcTicks < DateTime.MinValue.Ticks || utcTicks > DateTime.MaxValue.Ticks)
        {
            return false;
        }

        value = new DateTimeOffset(utcTicks, TimeSpan.Zero);
        return true;
    }

    private static bool TryOffset(ReadOnlySpan<byte> text, out long ticks)
    {
        ticks = 0;
        if (text is [(byte)'Z'])
        {
            return true;
        }

        if (text.Length != 6 || text[0] is not ((byte)'+' or (byte)'-') || !TryDigits(text, 1, 2, out var hours) || text[3] != ':'
            || !TryDigits(text, 4, 2, out var minutes) || minutes > 59)
        {
            return false;
        }

        ticks = (hours * TimeSpan.TicksPerHour) + (minutes * TimeSpan.TicksPerMinute);
        if (ticks > MaxOffsetTicks)
        {
            return false;
        }

        ticks = text[0] == '-' ? -ticks : ticks;
        return true;
    }

    private static bool TryDigits(ReadOnlySpan<byte> text, int start, int count, out int value)
    {
        value = 0;
        for (var i = start; i < start + count; i++)
        {
            var digit = text[i] - '0';
            if ((uint)digit > 9)
            {
                return false;
            }

            value = (value * 10) + digit;
        }

        return true;
    }
}
