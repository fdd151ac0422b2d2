using System.Text;
using System.Text.Json;
using Oversight.Warehouse;

namespace Oversight.Ingest;

/// <summary>
/// Maps a platform's own headers and codes onto the contract, from a plain JSON file:
/// <code>
/// { "name": "...", "feeds": { "cases": {
///     "headers": { "SBLSH": "case_id", "申办流水号": "case_id" },
///     "values":  { "status": { "0": "不予受理", "1": "已受理" } } } } }
/// </code>
/// Headers match as <see cref="CsvHeader.Clean"/> leaves them, ignoring case. A value map applies to a column only
/// where the file's header came through this profile, so files in the contract's own shape never change.
/// A key "" in a value map stands for a blank cell.
/// </summary>
public sealed class HeaderProfile
{
    public string Name { get; }
    public string File { get; }

    private readonly Dictionary<(string Feed, string Header), string> _headers;
    private readonly Dictionary<(string Feed, string Column), IReadOnlyDictionary<string, string>> _values;

    private HeaderProfile(string name, string file, Dictionary<(string, string), string> headers,
        Dictionary<(string, string), IReadOnlyDictionary<string, string>> values)
    {
        Name = name;
        File = file;
        _headers = headers;
        _values = values;
    }

    /// <summary>The contract column a (cleaned) header names in this profile, or null.</summary>
    public string? ColumnFor(Feed feed, string header) =>
        _headers.GetValueOrDefault((feed.Name, header.ToUpperInvariant()));

    /// <summary>The value map for a column this profile maps, or null.</summary>
    public IReadOnlyDictionary<string, string>? ValuesFor(Feed feed, string column) =>
        _values.GetValueOrDefault((feed.Name, column));

    /// <summary>The profiles that ship with the product (profiles/*.json beside the binaries), always in use.</summary>
    public static IReadOnlyList<HeaderProfile> Shipped => ShippedLazy.Value;

    private static readonly Lazy<IReadOnlyList<HeaderProfile>> ShippedLazy = new(() =>
    {
        var dir = Path.Combine(AppContext.BaseDirectory, "profiles");
        return Directory.Exists(dir)
            ? Directory.GetFiles(dir, "*.json").Order(StringComparer.Ordinal).Select(Load).ToList()
            : [];
    });

    public static HeaderProfile Load(string path)
    {
        var full = Path.GetFullPath(path);
        if (!System.IO.File.Exists(full)) throw new WarehouseException(Messages.ProfileNotFound(full));
        var bytes = System.IO.File.ReadAllBytes(full);
        if (bytes.AsSpan().StartsWith("\uFEFF"u8)) bytes = bytes[3..]; // Notepad saves UTF-8 with a byte order mark
        if (!System.Text.Unicode.Utf8.IsValid(bytes))
        {
            // Saved as "ANSI" on a Chinese Windows: GB18030, as the CSV feeds may be.
            Encoding.RegisterProvider(CodePagesEncodingProvider.Instance);
            bytes = Encoding.UTF8.GetBytes(Encoding.GetEncoding("GB18030").GetString(bytes));
        }
        if (Encoding.UTF8.GetString(bytes).Trim().Length == 0)
            throw new WarehouseException(Messages.ProfileEmpty(full));
        Node root;
        try
        {
            var reader = new Utf8JsonReader(bytes, new JsonReaderOptions
            {
                CommentHandling = JsonCommentHandling.Skip, AllowTrailingCommas = true,
            });
            reader.Read();
            root = Node.Parse(ref reader);
            reader.Read(); // anything after the root object is a JsonException, with its line
        }
        catch (JsonException ex)
        {
            throw new WarehouseException(
                Messages.ProfileBadJson(full, (ex.LineNumber ?? 0) + 1), ex);
        }
        return new Builder(full, bytes).Build(root);
    }

    /// <summary>A parsed JSON value with the byte offset of where it (or its key) starts, for line numbers.</summary>
    private sealed record Node(long Offset, string? Text, List<(string Key, long KeyOffset, Node Value)>? Properties)
    {
        public static Node Parse(ref Utf8JsonReader reader)
        {
            var offset = reader.TokenStartIndex;
            switch (reader.TokenType)
            {
                case JsonTokenType.StartObject:
                    var props = new List<(string, long, Node)>();
                    while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
                    {
                        var key = reader.GetString()!;
                        var keyOffset = reader.TokenStartIndex;
                        reader.Read();
                        props.Add((key, keyOffset, Parse(ref reader)));
                    }
                    return new Node(offset, null, props);
                case JsonTokenType.String:
                    return new Node(offset, reader.GetString(), null);
                case JsonTokenType.Number or JsonTokenType.True or JsonTokenType.False or JsonTokenType.Null:
                    return new Node(offset, Encoding.UTF8.GetString(reader.ValueSpan), null) { IsScalarNotString = true };
                default:
                    reader.Skip(); // arrays: reported as the wrong kind where they appear
                    return new Node(offset, null, null);
            }
        }

        public bool IsScalarNotString { get; init; }
    }

    private sealed class Builder(string file, byte[] bytes)
    {
        private readonly Dictionary<(string, string), string> _headers = new();
        private readonly Dictionary<(string, string), IReadOnlyDictionary<string, string>> _values = new();

        public HeaderProfile Build(Node root)
        {
            var name = Path.GetFileNameWithoutExtension(file);
            foreach (var (key, at, value) in Object(root, Messages.ProfileRootNotObject))
            {
                switch (key)
                {
                    case "name": name = Text(value, at, Messages.ProfileNameNotText); break;
                    case "description": break;
                    case "feeds":
                        foreach (var (feedName, feedAt, feedNode) in Object(value, Messages.ProfileFeedsNotObject))
                            ReadFeed(feedName, feedAt, feedNode);
                        break;
                    default: throw Error(at, Messages.ProfileUnknownRootKey(key));
                }
            }
            return new HeaderProfile(name, file, _headers, _values);
        }

        private void ReadFeed(string feedName, long at, Node node)
        {
            var feed = Feed.All.FirstOrDefault(f => f.Name == feedName || f.ChineseName == feedName)
                       ?? throw Error(at, Messages.ProfileUnknownFeed(feedName, Feed.All.Select(f => f.Name)));
            Node? values = null;
            long valuesAt = 0;
            foreach (var (key, keyAt, value) in Object(node, Messages.ProfileFeedNotObject(feedName)))
            {
                if (key == "headers")
                {
                    foreach (var (header, headerAt, target) in Object(value, Messages.ProfileHeadersNotObject))
                    {
                        var column = Column(feed, Text(target, headerAt, Messages.ProfileHeaderNotText(header)), target.Offset);
                        var cleaned = CsvHeader.Clean(header).ToUpperInvariant();
                        if (cleaned.Length == 0) throw Error(headerAt, Messages.ProfileEmptyHeader);
                        if (!_headers.TryAdd((feed.Name, cleaned), column.Name))
                            throw Error(headerAt, Messages.ProfileHeaderTwice(header));
                    }
                }
                else if (key == "values") (values, valuesAt) = (value, keyAt);
                else throw Error(keyAt, Messages.ProfileUnknownFeedKey(key));
            }
            if (values is null) return;
            foreach (var (columnName, columnAt, map) in Object(values, Messages.ProfileValuesNotObject))
            {
                var column = Column(feed, columnName, columnAt);
                if (!_headers.Any(h => h.Key.Item1 == feed.Name && h.Value == column.Name))
                    throw Error(columnAt, Messages.ProfileValuesWithoutHeader(columnName));
                var entries = new Dictionary<string, string>();
                foreach (var (code, codeAt, target) in Object(map, Messages.ProfileValueMapNotObject(columnName)))
                    if (!entries.TryAdd(code.Trim(), Text(target, codeAt, Messages.ProfileCodeNotText(code))))
                        throw Error(codeAt, Messages.ProfileCodeTwice(code));
                _values[(feed.Name, column.Name)] = entries;
            }
        }

        private FeedColumn Column(Feed feed, string name, long at) =>
            feed.Columns.FirstOrDefault(c => c.Name == name || c.ChineseHeader == name)
            ?? throw Error(at, Messages.ProfileUnknownColumn(feed.ChineseName, feed.Name, name, feed.Columns.Select(c => c.Name)));

        private List<(string, long, Node)> Object(Node node, string expected) =>
            node.Properties ?? throw Error(node.Offset, expected);

        private string Text(Node node, long at, string expected) =>
            node.Text is { } t && !node.IsScalarNotString ? t : throw Error(at, expected);

        private WarehouseException Error(long offset, string message)
        {
            var line = 1 + bytes.AsSpan(0, (int)Math.Min(offset, bytes.Length)).Count((byte)'\n');
            return new WarehouseException(Messages.ProfileError(file, line, message));
        }
    }
}
