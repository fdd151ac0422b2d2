namespace Oversight;

// The personal-data key and the warehouse's file permissions (Oversight.Privacy).
public static partial class Messages
{
    /// <param name="why"><see cref="KeyFingerprintRecorded"/> or <see cref="HoldsHashedData"/>.</param>
    public static string KeyMissingForOldWarehouse(string path, string database, string why) =>
        $"找不到个人信息加密密钥文件 {path}，而数据库 {database} {why}。" +
        "为避免同一号码前后哈希不一致（重复投诉人等关联会悄悄失效），程序不会自动生成新密钥。" +
        "请从备份恢复原密钥文件到上述位置后再试；确需作废旧数据重新开始时，请改用新的数据库路径。";

    public const string KeyFingerprintRecorded = "记录着它所用密钥的指纹";
    public const string HoldsHashedData = "已有用原密钥加密的身份证号或电话号码";

    public static string KeyMissing(string path) =>
        $"找不到个人信息加密密钥文件 {path}。新建的数据库请先运行 oversight init；已有数据的数据库请从备份恢复该密钥文件（密钥丢失后已入库的哈希无法再关联）。";

    /// <param name="problem">One of the Key… problems below.</param>
    public static string KeyInvalid(string path, string problem) =>
        $"个人信息加密密钥文件 {path} 无效：{problem}。这样的密钥不能保护身份证号和电话号码，程序拒绝使用。" +
        "请从备份恢复原密钥文件；全新的数据库可删除该文件后运行 oversight init 生成新密钥。";

    public const string KeyEmpty = "文件是空的";
    public const string KeyNotHex = "内容不是十六进制字符（应只含 0-9、A-F）";

    public static string KeyWrongLength(int bytes, int chars) => $"长度不对：应为 {bytes} 字节（{bytes * 2} 个十六进制字符），实际为 {chars} 个字符";

    public static string KeyNotRandom(int distinct) => $"内容不是随机生成的（32 个字节中只有 {distinct} 种不同的值，像是重复的图案）";

    public const string KeyFileMissing = "文件不存在";

    /// <param name="kind"><see cref="Fifo"/>, <see cref="DeviceFile"/>, <see cref="Folder"/>, <see cref="Socket"/> or <see cref="SpecialFile"/>.</param>
    public static string KeyNotRegular(string kind) => $"这不是普通文件而是{kind}，没有打开";

    public const string Fifo = "命名管道（FIFO）";
    public const string DeviceFile = "设备文件";
    public const string Folder = "文件夹";
    public const string Socket = "套接字";
    public const string SpecialFile = "特殊文件";

    public const string KeyOtherOwner = "文件属于其他用户，应属于运行本程序的用户";
    public const string KeyReadableByOthers = "其他用户可以读取该文件（应为仅所有者可读写，权限 0600），且无法改为仅所有者可读写";

    public static string KeyTooLarge(long bytes) => $"文件过大（{bytes:N0} 字节），密钥文件只有 64 个十六进制字符";

    public const string KeyTooLargeUnknownSize = "文件过大，密钥文件只有 64 个十六进制字符";

    /// <param name="keyPath">The key file, when the key came from one.</param>
    public static string WrongKey(string? keyPath, string recorded, string current) =>
        $"个人信息加密密钥{(keyPath is null ? "" : $"文件 {keyPath} ")}不是本数据库所用的密钥（数据库记录的密钥指纹 {recorded}…，" +
        $"当前密钥 {current}…）。用另一个密钥继续导入，同一号码会得到不同的哈希，重复投诉人、回访与办件的关联会悄悄失效，" +
        "因此本次操作已拒绝，数据库未作改动。请从备份恢复本数据库原来的密钥文件。";

    // status: who may read the warehouse's files
    public const string DatabaseFile = "数据库文件";
    public const string DatabaseWal = "数据库日志文件（WAL）";
    public const string KeyFileLabel = "密钥文件";
    public const string ModelFolder = "模型目录";

    /// <param name="label"><see cref="DatabaseFile"/>, <see cref="DatabaseWal"/>, <see cref="KeyFileLabel"/> or <see cref="ModelFolder"/>.</param>
    public static string OthersMayRead(string label, string path, string mode, bool isFolder) =>
        $"警告：{label} {path} 的权限为 {mode}，本机其他账户可以读取（其中有投诉内容、号码哈希等个人信息）。" +
        $"请运行 chmod {(isFolder ? "700" : "600")} {path}。";

    public static string StatusKeyMissing(string path) => $"警告：找不到密钥文件 {path}。导入会被拒绝；请从备份恢复该文件（新数据库运行 oversight init）。";

    public static string StatusKeyUnreadable(string path) => $"密钥文件：{path}（当前账户无权读取，未核对）";

    public static string Warning(string message) => "警告：" + message;

    public static string StatusKeyNotRecorded(string path) => $"密钥文件：{path}（数据库尚未记录密钥指纹，下次导入或 init 时记录）";

    public static string StatusKeyMatches(string path) => $"密钥文件：{path}（与数据库记录的密钥指纹一致）";

    public static string StatusWrongKey(string path) => $"警告：密钥文件 {path} 不是本数据库所用的密钥（指纹不符），导入会被拒绝。请从备份恢复本数据库原来的密钥文件。";
}
