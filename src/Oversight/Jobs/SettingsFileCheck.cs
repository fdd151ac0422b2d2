using System.Reflection;
using System.Text;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace Oversight.Jobs;

/// <summary>
/// Reads a settings file's top-level entries before it is deserialized, so that a typo is reported in Chinese with
/// the file, the line and the key: a JSON syntax error, a key that is not a setting (with the keys there are), a value
/// of the wrong kind or an empty one. .NET's own messages ("The JSON property 'x' could not be mapped…") name
/// neither the line of an unknown key nor anything a county user can act on.
/// </summary>
internal static class SettingsFileCheck
{
    public static void Check<T>(string file, byte[] bytes, JsonSerializerOptions options)
    {
        var settings = typeof(T).GetProperties(BindingFlags.Public | BindingFlags.Instance)
            .Where(p => p.CanWrite && p.GetCustomAttribute<JsonIgnoreAttribute>() is null)
            .ToDictionary(p => options.PropertyNamingPolicy?.ConvertName(p.Name) ?? p.Name, StringComparer.Ordinal);
        var nullability = new NullabilityInfoContext();
        var text = StripBom(bytes);
        var reader = new Utf8JsonReader(text, new JsonReaderOptions
        {
            CommentHandling = JsonCommentHandling.Skip, AllowTrailingCommas = true,
        });
        try
        {
            if (!reader.Read()) throw new JobException(Messages.ServiceSettingsEmpty(file));
            if (reader.TokenType != JsonTokenType.StartObject)
                throw new JobException(Messages.ServiceSettingsNotObject(file, Line(text, reader.TokenStartIndex)));
            while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
            {
                var key = reader.GetString()!;
                var line = Line(text, reader.TokenStartIndex);
                if (!settings.TryGetValue(key, out var property))
                    throw new JobException(Messages.UnknownServiceSetting(file, line, key, NearestSetting(key, settings.Keys), settings.Keys));
                reader.Read();
                var expected = Expected(property, nullability);
                if (expected is { } kind && !kind.Accepts(ref reader))
                    throw new JobException(Messages.ServiceSettingWrongType(file, line, key, kind.Chinese));
                reader.Skip();
            }
            // Reading on to the end reports a syntax error after the last entry too.
            while (reader.Read()) { }
        }
        catch (JsonException ex)
        {
            throw new JobException(Messages.ServiceSettingsNotJson(file, (ex.LineNumber ?? 0) + 1, (ex.BytePositionInLine ?? 0) + 1), ex);
        }
    }

    private sealed record Kind(string Chinese, Func<Utf8JsonReader, bool> Test)
    {
        public bool Accepts(ref Utf8JsonReader reader) => Test(reader);
    }

    private static Kind? Expected(PropertyInfo property, NullabilityInfoContext nullability)
    {
        var nullable = nullability.Create(property).WriteState == NullabilityState.Nullable;
        var type = Nullable.GetUnderlyingType(property.PropertyType) ?? property.PropertyType;
                // Text that may be null reads "text, or null": saying it must not be empty would suggest null is refused too.
        Kind? kind = type == typeof(string) ? new(nullable ? Messages.SettingKindAnyText : Messages.SettingKindText,
                r => r.TokenType == JsonTokenType.String && r.GetString()!.Trim().Length > 0)
            : type == typeof(int) ? new(Messages.SettingKindInteger, r => r.TokenType == JsonTokenType.Number && r.TryGetInt32(out _))
            : type == typeof(long) ? new(Messages.SettingKindInteger, r => r.TokenType == JsonTokenType.Number && r.TryGetInt64(out _))
            : type == typeof(double) ? new(Messages.SettingKindNumber, r => r.TokenType == JsonTokenType.Number)
            : type == typeof(bool) ? new(Messages.SettingKindBoolean, r => r.TokenType is JsonTokenType.True or JsonTokenType.False)
            : null;
        if (kind is null || !nullable) return kind;
        return new Kind(Messages.SettingKindOrNull(kind.Chinese), r => r.TokenType == JsonTokenType.Null || kind.Test(r));
    }

    private static string? NearestSetting(string key, IEnumerable<string> keys)
    {
        var near = keys.MinBy(k => Distance(k, key.ToLowerInvariant().Replace('-', '_')));
        return near is not null && Distance(near, key.ToLowerInvariant().Replace('-', '_')) <= 2 ? near : null;
    }

    private static int Distance(string a, string b)
    {
        var d = new int[a.Length + 1, b.Length + 1];
        for (var i = 0; i <= a.Length; i++) d[i, 0] = i;
        for (var j = 0; j <= b.Length; j++) d[0, j] = j;
        for (var i = 1; i <= a.Length; i++)
        for (var j = 1; j <= b.Length; j++)
            d[i, j] = Math.Min(Math.Min(d[i - 1, j] + 1, d[i, j - 1] + 1), d[i - 1, j - 1] + (a[i - 1] == b[j - 1] ? 0 : 1));
        return d[a.Length, b.Length];
    }

    private static int Line(ReadOnlySpan<byte> text, long offset) => text[..(int)offset].Count((byte)'\n') + 1;

    private static ReadOnlySpan<byte> StripBom(byte[] bytes) =>
        bytes.AsSpan().StartsWith(Encoding.UTF8.Preamble) ? bytes.AsSpan(3) : bytes;
}
