using Oversight.Privacy;

namespace Oversight.Tests.Privacy;

public class FreeTextMaskTests
{
    [Theory]
    // ID numbers: 18 characters with a valid check character (X too), and the old 15-digit form.
    [InlineData("身份证号511922198503174235，请核实", "身份证号511922********4235，请核实")]
    [InlineData("证件11010519491231002X已登记", "证件110105********002X已登记")]
    [InlineData("证件11010519491231002x已登记", "证件110105********002X已登记")]
    [InlineData("老证511922850317423未换", "老证511922*****7423未换")]
    // Mobiles as typed.
    [InlineData("电话13987654321，下午打", "电话139****4321，下午打")]
    [InlineData("电话139-8765-4321", "电话139****4321")]
    [InlineData("电话139 8765 4321联系", "电话139****4321联系")]
    [InlineData("号码+86 13987654321", "号码139****4321")]
    [InlineData("号码+86-139-8765-4321。", "号码139****4321。")]
    [InlineData("号码8613987654321", "号码139****4321")]
    [InlineData("号码008613987654321", "号码139****4321")]
    [InlineData("手机１３９８７６５４３２１打不通", "手机139****4321打不通")]
    [InlineData("手机１３９－８７６５－４３２１", "手机139****4321")]
    // Landlines keep their area code and last 4 digits.
    [InlineData("座机0827-1234567转", "座机0827-***4567转")]
    [InlineData("座机(0827)7654321", "座机(0827)***4321")]
    [InlineData("座机（0827）7654321", "座机(0827)***4321")]
    [InlineData("北京010-12345678", "北京010-****5678")]
    // Bank cards: Luhn-valid, 16–19 digits, plain or in groups of four.
    [InlineData("卡号6222021234567890128退款", "卡号622202*********0128退款")]
    [InlineData("卡号6228 4800 1234 5671", "卡号622848******5671")]
    [InlineData("卡号4367420012345673", "卡号436742******5673")]
    // IDs by shape, whatever the check character: wrong, X where a digit belongs, a full-width Ｘ, grouped 6-8-4.
    [InlineData("身份证号511922198503174231有误", "身份证号511922********4231有误")]
    [InlineData("身份证号51192219850317423X有误", "身份证号511922********423X有误")]
    [InlineData("证件11010519491231002Ｘ已登记", "证件110105********002X已登记")]
    [InlineData("证件１１０１０５１９４９１２３１００２Ｘ", "证件110105********002X")]
    [InlineData("身份证511922 19850317 4235", "身份证511922********4235")]
    [InlineData("身份证511922-19850317-4235。", "身份证511922********4235。")]
    [InlineData("身份证511922 19800100 0008", "身份证511922********0008")] // grouped as an ID: masked even with a mistyped date
    [InlineData("ID511922198503174235", "ID511922********4235")]
    // Mobiles with every separator people and input methods produce.
    [InlineData("电话139\u00A08765\u00A04321", "电话139****4321")]
    [InlineData("电话139—8765—4321", "电话139****4321")]
    [InlineData("电话139–8765–4321", "电话139****4321")]
    [InlineData("电话139.8765.4321", "电话139****4321")]
    [InlineData("电话139/8765/4321", "电话139****4321")]
    [InlineData("电话139\t8765\t4321", "电话139****4321")]
    [InlineData("电话139  8765  4321", "电话139****4321")]
    [InlineData("电话139\u30008765\u30004321", "电话139****4321")]
    [InlineData("电话139－8765－4321", "电话139****4321")]
    [InlineData("电话139·8765·4321", "电话139****4321")]
    [InlineData("电话１３９．８７６５．４３２１", "电话139****4321")]
    [InlineData("号码＋８６ １３９８７６５４３２１", "号码139****4321")]
    // Glued to Latin letters.
    [InlineData("tel13987654321", "tel139****4321")]
    [InlineData("TEL:13987654321mobile", "TEL:139****4321mobile")]
    [InlineData("card6228480012345671end", "card622848******5671end")]
    // Landlines with any dash.
    [InlineData("座机0827—1234567", "座机0827-***4567")]
    [InlineData("座机0827–1234567", "座机0827-***4567")]
    [InlineData("座机0827 1234567", "座机0827-***4567")]
    [InlineData("座机（０８２７）７６５４３２１", "座机(0827)***4321")]
    // Bank cards in fours with any separator.
    [InlineData("卡号6228—4800—1234—5671", "卡号622848******5671")]
    [InlineData("卡号6228\u00A04800\u00A01234\u00A05671", "卡号622848******5671")]
    // E-mail: the local part, whatever it is made of; the domain stays.
    [InlineData("邮箱zhangsan@example.com，", "邮箱z***@example.com，")]
    [InlineData("邮箱zs@qq.com", "邮箱***@qq.com")]
    [InlineData("邮箱13987654321@163.com", "邮箱1***@163.com")]
    [InlineData("邮箱zhang.san+gov@mail.sc.gov.cn", "邮箱z***@mail.sc.gov.cn")]
    [InlineData("邮箱ｚｈａｎｇｓａｎ＠１６３．ｃｏｍ", "邮箱z***@163.com")]
    public void Personal_numbers_in_free_text_are_masked_in_whatever_form_they_were_typed(string text, string masked) =>
        Assert.Equal(masked, FreeTextMask.Mask(text));

    [Theory]
    [InlineData("办件编号NJ2026031500012345已办结")] // a case id glued to letters
    [InlineData("关联办件202603020000012345")] // 18 digits, but 20 is no province: a year-led case id
    [InlineData("关联办件AJ2026030200000123")]
    [InlineData("流水号2026031500012340")] // 16 digits, Luhn-valid, no card scheme starts with 2
    [InlineData("编号991922198503174235")] // 99 is no province
    [InlineData("编号511922203012314235")] // born 2030: not yet
    [InlineData("编号511922198502304235")] // 30 February
    [InlineData("卡号6222021234567890129")] // Luhn fails
    [InlineData("补助金额12345678.90元，于2026-03-02 09:00:00发放")]
    [InlineData("金额1,398,765.43元")]
    [InlineData("金额13987654.32元")]
    [InlineData("2026年3月2日至2026年3月20日共15个工作日")]
    [InlineData("检查时间2026.03.02—2026.03.20，09:00—17:30")]
    [InlineData("2026/03/02 13:05:21")]
    [InlineData("统计区间20260301-20260331")]
    [InlineData("中心编码511922001，窗口W001，工号S0012345")]
    [InlineData("电话1398765432少一位")] // 10 digits
    [InlineData("电话139876543210多一位")] // 12 digits
    [InlineData("电话12987654321")] // no mobile network starts with 12
    [InlineData("第1234567行")]
    [InlineData("请发邮件至单位邮箱或拨打12345")]
    [InlineData("")]
    public void Numbers_that_only_look_alike_are_left_as_written(string text) =>
        Assert.Equal(text, FreeTextMask.Mask(text));

    [Theory]
    [InlineData("13987654321", true)]
    [InlineData("139-8765-4321", true)]
    [InlineData("139\u00A08765\u00A04321", true)]
    [InlineData("+86 139 8765 4321", true)]
    [InlineData("0827—1234567", true)]
    [InlineData("(0827)1234567", true)]
    [InlineData("511922198503174235", true)]
    [InlineData("511922198503174231", true)] // wrong check character: still the person's
    [InlineData("11010519491231002Ｘ", true)]
    [InlineData(" 511922 19850317 4235 ", true)]
    [InlineData("TS2026031500012", false)]
    [InlineData("TS19031500012", false)] // a code before the digits: the county's numbering
    [InlineData("C2026000001", false)]
    [InlineData("202603150001", false)]
    [InlineData("511922202603150001", false)] // region + this year's date + sequence: a case number, not an adult's ID
    [InlineData("5119222026031500001", false)]
    [InlineData("NJ2026031500012345", false)]
    [InlineData(null, false)]
    public void An_id_column_value_is_personal_only_when_it_is_a_phone_or_an_ID_number(string? value, bool personal) =>
        Assert.Equal(personal, FreeTextMask.IsPersonalNumber(value));

    [Fact]
    public void The_normaliser_folds_every_separator_between_digit_groups_into_one_and_maps_back_to_the_original()
    {
        var folded = FoldedText.Of("电话１３９\u00A0—\u00A08765\t4321，2026年");
        Assert.Equal("电话139-8765-4321,2026年", folded.Text); // full-width punctuation folds too
        Assert.Equal((5, 8), folded.Original(5, 1)); // the NBSP, em dash, NBSP run
        Assert.Equal("a - b", FoldedText.Of("a — b").Text); // between letters a dash is only folded
    }

    [Fact]
    public void Null_stays_null() => Assert.Null(FreeTextMask.Mask(null));

    [Fact]
    public void Several_numbers_in_one_text_are_all_masked_and_the_rest_kept()
    {
        const string text = "群众张某（身份证511922198503174235，电话139-8765-4321，家里0827-1234567）反映窗口推诿，要求退款到6228480012345671。";
        Assert.Equal("群众张某（身份证511922********4235，电话139****4321，家里0827-***4567）反映窗口推诿，要求退款到622848******5671。",
            FreeTextMask.Mask(text));
    }

    [Fact]
    public void The_sql_function_masks_like_dotnet_for_short_long_and_null_values_across_many_vectors()
    {
        using var w = new TestWarehouse(); // every connection has mask_pii
        var samples = new[]
        {
            "电话13987654321", "无号码的较长投诉内容：窗口工作人员态度冷淡，让群众多次往返", "短", "座机(0827)7654321",
            "身份证511922198503174235", "手机１３９８７６５４３２１", null,
        };
        var rows = w.Query<(long I, string? Masked)>($"""
            SELECT i, mask_pii(CASE i % {samples.Length} {string.Join(" ", samples.Select((s, k) => $"WHEN {k} THEN {(s is null ? "NULL" : $"'{s}'")}"))} END)
            FROM range(5000) AS t(i) ORDER BY i
            """);
        Assert.Equal(5000, rows.Count);
        foreach (var (i, masked) in rows) Assert.Equal(FreeTextMask.Mask(samples[i % samples.Length]), masked);
    }
}
