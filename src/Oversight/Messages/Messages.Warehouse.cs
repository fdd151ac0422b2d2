namespace Oversight;

// The warehouse: opening, upgrading and querying it (Oversight.Warehouse).
public static partial class Messages
{
    public static string DatabaseMissing(string path) => $"数据库文件不存在：{path}。请先运行 oversight init。";

    /// <param name="notes">What the upgrade did to the user's data (the Upgrade… entries below).</param>
    /// <param name="rewritten">The file was copied afresh, so no old bytes remain.</param>
    /// <param name="tightened">The files whose permissions were narrowed to this account.</param>
    public static string DatabaseUpgraded(int from, int to, int migrations, IReadOnlyList<string> notes, bool rewritten, IReadOnlyList<string> tightened) =>
        $"数据库已从结构版本 {from} 升级到 {to}（执行 {migrations} 个迁移）" +
        (notes.Count > 0 ? "：" + string.Join("；", notes) : "") + "。" +
        (rewritten ? "因本次升级删除或改写了个人信息或机密记录，数据库已整体复制到新文件并替换旧文件，旧文件中残留的原值已不复存在。" : "") +
        (tightened.Count > 0
            ? $"数据库文件及模型文件夹已改为仅本账户可读写（此前其他账户可读：{string.Join("、", tightened)}）。"
            : "数据库文件及模型文件夹均为仅本账户可读写。");

    public static string DatabaseLocked(string path, string? pid) =>
        $"数据库 {path} 正被另一个写入进程{(pid is null ? "" : $"（进程号 {pid}）")}占用（可能是 oversight serve 或另一次导入）。请等其结束后再试。";

    public static string DatabaseCorrupt(string path) => $"数据库文件 {path} 已损坏或不是 DuckDB 数据库，无法打开。请从备份恢复，或换一个路径重新 init。";

    public static string DatabaseUnopenable(string path, string why) => $"无法打开数据库 {path}：{why}";

    // What an upgrade did to the user's data (Migrator).
    public const string UpgradeHashesAsBytes = "身份证号和电话的密钥哈希改为按字节存储";
    public const string UpgradeMaskedFreeText = "此前导入的投诉内容、回访意见、备注等文字中的身份证号、电话和银行卡号已遮盖";
    public const string UpgradeNoPlans = "暗访计划记录不再保存在数据库中（库中没有旧记录）";

    public static string UpgradePlansMoved(long plans) => $"数据库中的 {plans} 份旧暗访计划记录已移入受限目录，数据库中不再保存";

    public static string UpgradePlansDropped(long plans) =>
        $"数据库中的 {plans} 份旧暗访计划记录已从数据库删除：本命令不知道受限目录，无法把它们移过去" +
        "（暗访轮换从头开始，仍会在 12 份计划内轮到每个中心；已生成的暗访工作提示文件仍在受限目录）。" +
        "如需保留这些记录，请用升级前的备份恢复数据库，先运行 oversight report inspection 或 oversight serve，它们会先把记录移入受限目录再升级";

    public const string UpgradeMaskedByShape =
        "按号码形状重新遮盖：此前漏掉的写法（全角Ｘ、校验位有误或分组书写的身份证号，用空格、不换行空格、长短横线、点或斜杠分隔的电话，" +
        "紧贴字母的号码，电子邮箱）以及导入记录和日志中文件名里的电话、身份证号已遮盖";

    public static string GeneratedApiView(string feed) => $"api/{feed}（由数据表定义生成）";

    public static string TableMissing(string table, string feed) => $"数据库缺少数据表 {table}（{feed}）";

    public static string ViewFailed(string view, string why) => $"SQL 视图文件 {view} 无法创建：{why}";

    // oversight query: what kind of mistake DuckDB's message is
    public const string QueryChangesSettings = "查询不能更改数据库设置（SET、RESET、PRAGMA 等）";
    public const string QueryOutsideWarehouse = "查询只能读取仓库中的数据，不能读写文件、连接其他数据库或安装、加载扩展";
    public const string QueryWrites = "查询是只读的，不能修改数据或表结构（INSERT、UPDATE、DELETE、CREATE 等）";
    public const string QuerySyntax = "查询语句有语法错误，请检查拼写、引号和逗号";
    public const string QueryUnknownName = "查询用到的表、视图、列或函数不存在（可查询的视图在 api 下，如 api.cases、api.rejects）";
    public const string QueryBinder = "查询语句中的列名或写法有误（可查询的视图在 api 下，如 api.cases、api.rejects）";

    public static string QueryOutOfMemory(string limit) =>
        $"查询所需内存超过上限（{limit}，可用环境变量 OVERSIGHT_MEMORY_LIMIT 调整），请缩小查询范围（加 WHERE 条件或 LIMIT）";

    public const string QueryConversion = "查询中的数据类型转换或取值有误";
    public const string QueryFailed = "查询未能执行";

    /// <param name="what">One of the Query… kinds above.</param>
    public static string QueryError(string what, string duckDb) => $"{what}。DuckDB 的原始说明：{duckDb}";
}

// The SQL folder and the writer lock.
public static partial class Messages
{
    public static string SqlFolderMissing(string path) => $"找不到 SQL 文件夹：{path}";

    /// <param name="holder">What the holder wrote when it took the lock (<see cref="WriterLockHolder"/>); empty when unreadable.</param>
    public static string WriterLockHeld(string database, string holder) =>
        $"数据库 {database} 正由另一个进程写入（{(holder.Length > 0 ? holder : "进程信息不可读")}）。" +
        "同一时间只允许一个写入者：请等它结束，或停止正在运行的 oversight serve 后再试。";

    /// <param name="purpose">What the writer does (e.g. 导入).</param>
    public static string WriterLockHolder(string purpose, int pid, DateTime started) => $"{purpose}，进程号 {pid}，开始于 {started:yyyy-MM-dd HH:mm:ss}";
}
