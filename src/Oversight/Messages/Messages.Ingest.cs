namespace Oversight;

// Ingest: what the sender and the data office read about files, rows and the run.
public static partial class Messages
{
    public static readonly string[] IngestColumns = ["文件", "数据表", "结果", "导入行", "拒绝行", "说明"];

    public const string OutcomeLoaded = "已导入";
    public const string OutcomeSetAside = "已搁置";
    public const string OutcomeDuplicate = "重复文件（已导入过）";
    public const string OutcomeSkipped = "已跳过";
    public const string OutcomeWaiting = "留待下次";

    public static string IngestFileNote(string outcome, string file, string reason) => $"{outcome}：{file}：{reason}";

    public static string IngestTotals(long run, int files, long loaded, long rejected, int setAside, int waiting, int skipped, TimeSpan took) =>
        $"第 {run} 次导入：{files} 个文件，导入 {loaded:N0} 行，拒绝 {rejected:N0} 行，搁置 {setAside} 个文件，" +
        (waiting > 0 ? $"留待下次导入 {waiting} 个文件，" : "") + (skipped > 0 ? $"跳过 {skipped} 个文件，" : "") +
        $"用时 {took.TotalSeconds:F1} 秒。";

    public const string IngestOrderHeading = "导入顺序（参考表在前；同一数据表按文件名中的导出日期，无日期的按修改时间）：";

    public static string IngestWarning(string warning) => $"提示：{warning}";

    public const string IngestSetAsideAdvice = "被搁置的文件已移到收件目录下的 quarantine 文件夹（各附 .reason.txt 说明原因）；改正后重新放入收件目录即可再次导入。";

    public const string IngestRejectsAdvice = "被拒绝的行（文件、行号、列、原因）可用 oversight rejects 或查询视图 api.rejects 查看。";

    public const string Ingesting = "导入";

    // oversight rejects
    public static readonly string[] RejectsColumns = ["文件", "行号", "列", "原因"];

    public static string RejectsShown(int rows) => $"共显示 {rows} 行。";
}

public static partial class Messages
{
    public static string InboxMissing(string path) => $"收件目录不存在：{path}";

    public static string CalendarMissing(int year) => $"{year} 年没有节假日日历（官方日历或“日历”表），该年按周一至周五计算工作日，请报送该年的日历。";

    // A load run's outcome, kept in load_run and shown by status.
    public const string RunCancelled = "已中止";
    public const string RunPartlySetAside = "部分文件被搁置";
    public const string RunSucceeded = "成功";

    public const string ExcelLockFile = "Excel 打开工作簿时留下的临时锁文件，不导入。";
    public const string HiddenFile = "隐藏文件（文件名以“.”开头），不导入；如需导入，请去掉文件名开头的“.”后重新报送。";
    public const string ReasonFileSkipped = "搁置说明文件，不导入。";

    public static string WaitingForWrites(int files, int seconds) => $"等待 {files} 个刚有变化的文件写入完成（{seconds} 秒）";

    public static string StillBeingWritten(TimeSpan settle) =>
        $"文件仍在写入（{settle.TotalSeconds:0} 秒内大小或修改时间仍有变化），本次未导入，留在收件目录待下次导入。";

    public static string NotArchived(string? reason) => $"{reason}（导入后文件已不在收件目录，未归档。）".TrimStart();

    /// <param name="rowsLoaded">The rows that went in before the change was seen; null when the file was not loaded.</param>
    public static string ChangedWhileLoading(long? rowsLoaded) =>
        (rowsLoaded is { } rows ? $"已导入读到的 {rows:N0} 行，但" : "") + "文件在导入期间发生了变化（内容与导入时读到的不同），留在收件目录，下次导入时重新读取。";

    public const string NoReadPermission = "没有读取该文件的权限（文件属主或权限设置不允许本程序读取），未导入。请修改文件权限后重新报送。";

    public const string DuplicateFile = "与已导入的文件内容完全相同，未重复导入。";

    public static string FeedLabel(string name, string chineseName) => $"{name}/{chineseName}";

    /// <param name="feeds">Each feed as <see cref="FeedLabel"/> puts it.</param>
    public static string UnknownFeed(IEnumerable<string> feeds) =>
        "无法从文件名识别数据表：文件名应以表名开头（如 cases_20261123.csv 或 办件_20261123.csv），" + $"可用表名：{string.Join("、", feeds)}。";

    public static string TooManyRejects(long rejected, long read, double threshold, int minRows) =>
        $"被拒绝的行过多：{rejected} / {read} 行（超过 {threshold:P0}；不少于 {minRows} 行的文件才按比例判断），" +
        "判定为导出错误，整个文件未导入。各行原因见拒绝记录（api.rejects）。";

    public static string UnknownColumns(IEnumerable<string> headers) => $"以下列不在接口规范内，已忽略：{string.Join("、", headers)}";

    public static string ReferenceNotSent(long rows, string header, string feedName, string feedChineseName) =>
        $"{rows:N0} 行的{header}尚未报送，请先报送{feedChineseName}表（{feedName}/{feedChineseName}）";

    /// <param name="missing">Each reference as <see cref="ReferenceNotSent"/> puts it.</param>
    public static string SendReferencesFirst(IEnumerable<string> missing) => $"{string.Join("；", missing)}；报送后把本文件原样再次报送即可补上这些行。";

    /// <summary>The .reason.txt beside a file set aside.</summary>
    public static string ReasonFile(string file, string? reason) => $"文件：{file}\n搁置原因：{reason}\n";

    public static string NotMoved(string? reason, string folder) => $"{reason}（该文件无法移到 {folder} 文件夹：权限不足或磁盘错误，仍留在收件目录。）".TrimStart();

    // DuckDB's errors on a file (LoadErrors)
    private static string RowOr(string? row, string otherwise) => row is null ? otherwise : $"第 {row} 行";

    public static string CsvLineTooLong(string? row) => $"CSV 格式错误：{RowOr(row, "有一行")}过长（超过 2 MB），可能是某个单元格内容异常巨大或引号没有配对";

    public static string CsvUnterminatedQuote(string? row) =>
        $"CSV 格式错误：{RowOr(row, "某一行")}的引号没有配对，之后的内容无法分列（可能文件被截断或单元格内有多余的引号）";

    public static string CsvColumnCount(string? row, int header, int found) =>
        $"CSV 格式错误：{RowOr(row, "某一行")}的列数与表头不一致（表头 {header} 列，该行 {found} 列），可能是单元格内有未加引号的逗号";

    public static string CsvError(string? row) => $"CSV 格式错误{(row is null ? "" : "：" + RowOr(row, "") + "无法解析")}（可能文件被截断、引号不配对或列数不一致）";

    public const string DatabaseFileError = "数据库处理该文件时出错";

    public static string FileNotLoaded(string what) => $"{what}，整个文件未导入。";

    public static string FileNotLoaded(string what, string detail) => $"{what}，整个文件未导入。（数据库原始信息：“{detail}”）";

    // What went wrong with the machine (LoadErrors.MachineCause).
    public const string OutOfMemory = "内存不足";
    public const string DiskFull = "磁盘空间已满";
    public const string DiskIoError = "磁盘读写错误（I/O 错误）";
    public const string DiskReadOnly = "磁盘为只读";
    public const string DatabaseIoError = "数据库读写出错（可能磁盘故障或数据库文件损坏）";
    public const string FileIoError = "文件读写出错";

    public const string FreeDiskSpace = "请清理数据库和收件目录所在磁盘的空间";
    public const string FreeMemory = "请关闭其他占用内存的程序或增加内存";
    public const string CheckDisk = "请检查磁盘和数据库文件";

    /// <param name="writingDatabase">It failed writing the database (else reading and decoding the file).</param>
    public static string LoadStopped(string file, string cause, bool writingDatabase, string advice) =>
        $"导入 {file} 时{cause}（{(writingDatabase ? "写入数据库时" : "读取和解码文件时")}），本次导入已停止。这不是该文件的问题：它没有被搁置，和尚未导入的文件一起仍留在收件目录，" +
        $"{advice}后重新运行导入即可（下次会重新读取）。";

    // Inbox entries that are not plain files (InboxEntry)
    public static string NoFileInfo(int errno, string path) => $"无法读取文件信息（错误码 {errno}）：{path}";

    public const string EntryDirectory = "这是一个文件夹：只导入收件目录最上层的文件，文件夹内的文件不会被读取。";
    public const string EntryFifo = "这不是普通文件而是命名管道（FIFO），未读取。请报送普通的 CSV 或 Excel 文件。";
    public const string EntrySocket = "这不是普通文件而是套接字（socket），未读取。请报送普通的 CSV 或 Excel 文件。";
    public const string EntryDevice = "这不是普通文件而是设备文件，未读取。请报送普通的 CSV 或 Excel 文件。";
    public const string EntryDanglingLink = "这是一个指向不存在文件的符号链接（目标已被删除或移走），未读取。请报送文件本身。";
    public const string EntryOutsideLink = "这是一个指向收件目录以外的符号链接，未打开、未读取：只导入放在收件目录中的文件。请报送文件本身。";
    public const string EntryMissing = "文件在读取前已不存在（可能被移走或删除），本次未导入。";
    public const string EntryNotRegular = "这不是普通文件，未读取。请报送普通的 CSV 或 Excel 文件。";
}

// A file's shape and bounds: what cannot be read (TextCsv, XlsxGuard, XlsxToCsv, InputBounds).
public static partial class Messages
{
    private static string N(long n) => Ingest.InputBounds.N(n);

    public const string ExcelCorrupt = "Excel 文件已损坏：工作簿中的压缩数据无法解开，整个文件未导入。请重新导出后报送。";

    public static string ExcelTooManyParts(int parts) => $"Excel 工作簿内含 {N(parts)} 个部件，远超正常工作簿，内容异常，整个文件未导入。";

    /// <param name="item">The shared string's position, from 1.</param>
    public static string ExcelSharedStringTooLong(long item, long maxChars) =>
        $"Excel 工作簿的共享文字表第 {N(item)} 项超过单元格上限 {N(maxChars)} 个字符，内容异常，整个文件未导入。";

    /// <param name="row">The sheet row reached, when the tag is in a sheet.</param>
    public static string ExcelTagTooLong(long? row) => $"Excel 工作簿{(row is { } r ? $"第 {N(r)} 行" : "")}有一个异常巨大的 XML 标记（超过 64 KB），内容异常，整个文件未导入。";

    public static string ExcelSheetTooBig(long gigabytes, long row) =>
        $"Excel 工作表解压后超过 {N(gigabytes)} GB（读到第 {N(row)} 行），超出可导入的大小，整个文件未导入。请按月份分成几个文件报送。";

    public static string ExcelSharedStringsTooBig(long megabytes) =>
        $"Excel 工作簿的共享文字表解压后超过 {N(megabytes)} MB，超出可导入的大小，整个文件未导入。请按月份分成几个文件报送。";

    public static string TooManyColumns(long row, long columns, long maxColumns) =>
        $"第 {N(row)} 行有 {N(columns)} 列，从第 {N(maxColumns + 1)} 列起超过上限（每行至多 {N(maxColumns)} 列）：" +
        "可能是 Excel 把右侧的空白列也导出了，请删除多余的列后重新导出，整个文件未导入。";

    /// <param name="chars">Null when the cell was stopped before its end was read.</param>
    public static string CellTooLong(long row, long column, long? chars, long maxChars) =>
        $"第 {N(row)} 行第 {N(column)} 列的单元格{(chars is { } n ? $"有 {N(n)} 个字符，" : "")}超过 Excel 单元格的上限 {N(maxChars)} 个字符，" +
        "内容异常，整个文件未导入。请检查该单元格后重新导出。";

    public static string CellBeyondColumns(long row, long column, long maxColumns) =>
        $"第 {N(row)} 行第 {N(column)} 列有内容，超过上限（每行至多 {N(maxColumns)} 列），内容异常，整个文件未导入。请删除多余的列后重新导出。";

    public static string RowTooLong(long row, long? column) =>
        $"第 {N(row)} 行{(column is { } c ? $"（第 {N(c)} 列起）" : "")}过长（超过 1 MB），可能是某个单元格内容异常巨大或引号没有配对，整个文件未导入。";

    public static string HeaderTooLong(long row, long bytes, long maxKilobytes) =>
        $"表头（第 {N(row)} 行）长 {N(bytes)} 字节，超过上限 {N(maxKilobytes)} KB，内容异常，整个文件未导入。";

    public const string EmptyFile = "文件为空（0 字节）。";

    public static string UnsupportedFormat(string extension) => $"不支持的文件格式“{extension}”：只接受 CSV（.csv）和 Excel（.xlsx、.xls）。";

    public static string NotAWorkbook(string extension) => $"文件扩展名是 {extension}，但内容不是 Excel 工作簿（可能是改了扩展名的 CSV、网页或其他文件）。";

    public const string CsvIsZip = "文件扩展名是 .csv，但内容是压缩包或 Excel 工作簿，请另存为 CSV 或改用 .xlsx 扩展名。";

    public const string UnknownEncoding = "无法识别文件编码：既不是 UTF-8，也不是 GB18030/GBK。请用 Excel“另存为 CSV UTF-8”后重新报送。";

    public static string CsvRowTooLong(long row) => $"CSV 格式错误：第 {row} 行过长（超过 1 MB），可能是某个单元格内容异常巨大或引号没有配对，整个文件未导入。";

    public static string ExcelUnreadable(string why) => $"Excel 文件无法读取（文件可能已损坏）：{why}";

    public const string ExcelNoHeader = "Excel 工作簿的第一张表开头没有内容，找不到表头。";

    public static string CellFormatNotRestored(string format, long value) => $"其单元格格式“{format}”无法还原为表中显示的文字，已按数值 {value} 导入";

    public const string DigitsLost = "数字超过 15 位，Excel 已丢失末尾的数字，无法还原";

    public static string NotAnIntegerCode(double value) => $"数值 {value.ToString("R", System.Globalization.CultureInfo.InvariantCulture)} 不是整数，无法还原为编码";
}

// Whose county a file is (CountyGuard), its header (ColumnMap), its name (InboxNames) and order (InboxOrder).
public static partial class Messages
{
    public static string CountyLabel(string name, string code) => $"{name}（县区编码 {code}）";

    public static string UnknownCounty(string code) => $"县区编码 {code} 的县（区）";

    /// <param name="counties">Each county as <see cref="CountyLabel"/> or <see cref="UnknownCounty"/> puts it.</param>
    public static string SeveralCounties(IEnumerable<string> counties) =>
        $"文件中的中心属于 {counties.Count()} 个县（区）：{string.Join("、", counties)}。一个数据库只存一个县（区）的数据，" +
        "请按县（区）分开报送，各用自己的数据库（--db）导入。";

    public static string OtherCounty(string county, IEnumerable<string> warehouse) =>
        $"文件中的中心属于{county}，而本数据库是{string.Join("、", warehouse)}的。" +
        "一个数据库只存一个县（区）的数据（演示数据也单独存放在 ./demo/oversight.duckdb）；" +
        "请用另一个数据库导入该县的数据，例如 oversight init --db ./本县/oversight.duckdb，再 ingest --db ./本县/oversight.duckdb。";

    public static string NoCenterOfThisCounty(IEnumerable<string> counties, IEnumerable<string> warehouse) =>
        $"文件中的中心没有一个是本数据库的：中心编码属于{string.Join("、", counties)}，" +
        $"而本数据库是{string.Join("、", warehouse)}的。一个数据库只存一个县（区）的数据；" +
        "请用该县（区）自己的数据库导入（--db），或核对文件是否报错了县。";

    public static string TitleRow(string row, string text) => $"第 {row} 行“{text}”";

    /// <param name="titles">Each title row as <see cref="TitleRow"/> puts it.</param>
    public static string TitleRowsSkipped(string headerRow, IEnumerable<string> titles) =>
        $"表头在第 {headerRow} 行，其上的标题行未作为数据导入：{string.Join("；", titles)}";

    public static string NumericCodeCells(string header, string column, long firstRow, string problem) =>
        $"“{header}”（{column}）列有数字格式的单元格（首见第 {firstRow} 行），{problem}；该列请在 Excel 中设为文本格式后重新导出";

    /// <param name="first">The first of the two columns, counted from 1.</param>
    public static string ColumnTwice(string header, string column, int first, string firstCell, int second, string secondCell) =>
        $"表头中“{header}”（{column}）列出现了两次（第 {first} 列“{firstCell}”和第 {second} 列“{secondCell}”），" +
        "无法确定用哪一列。请删去重复的列后重新报送。";

    public static string ColumnLabel(string header, string column) => $"{header}（{column}）";

    /// <param name="missing">Each column as <see cref="ColumnLabel"/> puts it.</param>
    public static string MissingColumns(IEnumerable<string> missing, string feed, int headerSearchRows) =>
        $"缺少必填列：{string.Join("、", missing)}。" +
        $"“{feed}”表的表头可用英文列名或中文表头（表头须在前 {headerSearchRows} 行内）。";

    public static string GbkFileName(string? maskedName) => $"文件名“{maskedName}”是 GBK 编码（从 Windows 压缩包解出的文件常见），已按 GBK 识别并改为 UTF-8 文件名后导入。";

    public const string UnreadableNamePrefix = "文件名无法识别_";

    public static string UnreadableFileName(string bytes, string renamedTo) =>
        $"文件名既不是 UTF-8 也不是 GBK 编码（文件名字节：{bytes}），无法识别，未读取；已改名为 {renamedTo} 移到 quarantine。" +
        "请用常规的中文或英文文件名重新报送。";

    public static string GbkFileNameTaken(string bytes, string decoded, string renamedTo) =>
        $"文件名是 GBK 编码（文件名字节：{bytes}），识别为“{decoded}”，但收件目录中已有同名文件，未读取；" +
        $"已改名为 {renamedTo} 移到 quarantine。请改名后重新报送。";

    public static string OrderByNameDate(string date) => $"文件名日期 {date}";

    public static string OrderByModified(DateTime modified) =>
        $"文件名无日期，按修改时间 {modified.ToString("yyyy-MM-dd HH:mm:ss", System.Globalization.CultureInfo.InvariantCulture)}";
}
