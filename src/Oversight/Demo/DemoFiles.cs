using System.Globalization;
using System.Text.Encodings.Web;
using System.Text.Json;
using Oversight.Ingest;

namespace Oversight.Demo;

/// <summary>Writes the demo as a county data office would send it: mixed formats, encodings and header languages,
/// cases re-exported when completed, and a handful of bad rows of the kinds the contract lists.</summary>
public sealed partial class DemoCounty
{
    private static readonly string[] CaseColumns =
        ["case_id", "center_code", "window_code", "staff_id", "item_code", "case_type", "channel", "accepted_at", "due_at",
         "paused_days", "completed_at", "status", "applicant_id", "applicant_phone", "recorded_at", "updated_at"];

    private DemoSummary WriteAll(string inbox)
    {
        BuildActivity();
        var files = new List<string>
        {
            FeedFileWriter.Write(inbox, "centers", Feed.Centers, ["center_code", "center_name", "county_code", "kind", "population", "head_name", "opened_on"],
                _centers.Select(c => new object?[] { c.Code, c.Name, "511922", c.Kind, c.Population, c.Head, new DateOnly(2016, 3, 1) }),
                new FileStyle("csv", false, "utf-8-bom")),
            FeedFileWriter.Write(inbox, "窗口", Feed.Windows, ["window_code", "center_code", "window_name", "category", "opened_on"],
                _windows.Select(w => new object?[] { w.Code, w.Center.Code, w.Name, w.Category, new DateOnly(2018, 1, 1) }),
                new FileStyle("xlsx", true)),
            FeedFileWriter.Write(inbox, "人员", Feed.Staff, ["staff_id", "staff_name", "center_code", "window_code", "post", "employment", "active_from", "active_to"],
                _staff.Select(s => new object?[] { s.Id, s.Name, s.Center.Code, s.Window.Code, s.Post, s.Employment, s.From, s.To }),
                new FileStyle("csv", true, "gb18030", "yyyy/M/d H:mm")),
            FeedFileWriter.Write(inbox, "items", Feed.Items, ["item_code", "item_name", "item_kind", "legal_days", "promised_days"],
                _items.Select(i => new object?[] { i.Code, i.Name, i.Kind, i.LegalDays == 0 ? null : i.LegalDays, i.PromisedDays }),
                new FileStyle("xlsx", false)),
        };

        var monthIndex = 0;
        for (var month = new DateOnly(_start.Year, _start.Month, 1); month < _end; month = month.AddMonths(1), monthIndex++)
        {
            var monthEnd = month.AddMonths(1).ToDateTime(TimeOnly.MinValue);
            var rows = new List<object?[]>();
            foreach (var c in _cases)
            {
                var accepted = c.AcceptedAt >= month.ToDateTime(TimeOnly.MinValue) && c.AcceptedAt < monthEnd;
                var completedNow = c.CompletedAt is { } done && done >= month.ToDateTime(TimeOnly.MinValue) && done < monthEnd
                                   && c.AcceptedAt < month.ToDateTime(TimeOnly.MinValue);
                if (accepted) rows.Add(CaseRow(c, c.CompletedAt is { } d && d >= monthEnd ? null : c.CompletedAt));
                else if (completedNow) rows.Add(CaseRow(c, c.CompletedAt)); // re-exported when completed
            }
            var style = (monthIndex % 6) switch
            {
                5 => new FileStyle("xlsx", true),
                1 or 3 => new FileStyle("csv", true, "gb18030", "yyyy/M/d H:mm"),
                _ => new FileStyle("csv", false, monthIndex % 2 == 0 ? "utf-8" : "utf-8-bom"),
            };
            PlantBadCaseRow(rows, monthIndex, month);
            files.Add(FeedFileWriter.Write(inbox, $"{(style.ChineseHeaders ? "办件" : "cases")}_{month:yyyyMM}", Feed.Cases, CaseColumns, rows, style));
        }

        foreach (var year in _complaints.Select(r => ((DateTime)r[1]!).Year).Distinct().Order())
        {
            var rows = _complaints.Where(r => ((DateTime)r[1]!).Year == year).ToList();
            if (year == _start.Year + 1) PlantBad(rows, $"complaints_{year}", 7, "category", "乱收费", "类别不在允许值内");
            files.Add(FeedFileWriter.Write(inbox, $"complaints_{year}", Feed.Complaints, ComplaintColumns, rows,
                year % 2 == 0 ? new FileStyle("csv", false) : new FileStyle("xlsx", true)));
        }
        foreach (var year in _callbacks.Select(r => ((DateTime)r[3]!).Year).Distinct().Order())
        {
            var rows = _callbacks.Where(r => ((DateTime)r[3]!).Year == year).ToList();
            if (year == _start.Year + 1) PlantBad(rows, $"回访_{year}", 4, "reached", "不知道", "是否接通只能是“是”或“否”");
            files.Add(FeedFileWriter.Write(inbox, $"回访_{year}", Feed.Callbacks, CallbackColumns, rows, new FileStyle("csv", true, "gb18030")));
        }
        foreach (var year in _videoChecks.Select(r => ((DateTime)r[1]!).Year).Distinct().Order())
        {
            var rows = _videoChecks.Where(r => ((DateTime)r[1]!).Year == year).ToList();
            if (year == _start.Year + 1) PlantBad(rows, $"video_checks_{year}", 5, "finding", "不清楚", "结果不在允许值内");
            files.Add(FeedFileWriter.Write(inbox, $"video_checks_{year}", Feed.VideoChecks, VideoColumns, rows, new FileStyle("csv", false, "utf-8", "yyyy-MM-ddTHH:mm:ss")));
        }
        files.Add(FeedFileWriter.Write(inbox, "暗访", Feed.Visits, VisitColumns, _visits, new FileStyle("xlsx", true)));
        files.Add(FeedFileWriter.Write(inbox, "考核记录", Feed.AssessmentEvents, EventColumns, BuildAssessmentEvents(),
            new FileStyle("csv", true, "gb18030", "yyyy/M/d H:mm")));

        files.Add(FeedFileWriter.Write(inbox, "作息时间", Feed.CenterHours, ["center_code", "weekday", "date_from", "date_to", "open_time", "close_time"],
            CenterHours(), new FileStyle("csv", true)));

        var truth = new DemoTruth(_plantedWindows, _emptyCenters, _hotspots, _badRows);
        Directory.CreateDirectory(Path.GetDirectoryName(Path.GetFullPath(_options.TruthPath))!);
        File.WriteAllText(_options.TruthPath, JsonSerializer.Serialize(truth, new JsonSerializerOptions
        {
            WriteIndented = true, Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping, PropertyNamingPolicy = JsonNamingPolicy.SnakeCaseLower,
        }));

        return new DemoSummary(_centers.Count, _windows.Count, _staff.Count, _items.Count, _cases.Count, _complaints.Count,
            _callbacks.Count, _videoChecks.Count, _visits.Count, _badRows.Count, files, Path.GetFullPath(_options.TruthPath));
    }

    /// <summary>Each center's hours: half open 08:30–17:30, half 09:00–17:00; every third one also keeps summer hours
    /// (to 18:00, May–September) and a Saturday morning.</summary>
    private IEnumerable<object?[]> CenterHours()
    {
        for (var i = 0; i < _centers.Count; i++)
        {
            var c = _centers[i];
            yield return i % 2 == 0 ? [c.Code, null, null, null, "08:30", "17:30"] : [c.Code, null, null, null, "09:00", "17:00"];
            if (i % 3 != 0) continue;
            yield return [c.Code, "星期六", null, null, "09:00", "12:00"];
            for (var year = _start.Year; year <= _end.Year; year++)
                yield return [c.Code, null, new DateOnly(year, 5, 1), new DateOnly(year, 9, 30), "08:30", "18:00"];
        }
    }

    private static object?[] CaseRow(DemoCase c, DateTime? completed)
    {
        // Exported before completion a case is still in progress; returned/refused/withdrawn cases never complete.
        var status = completed is not null ? c.FinalStatus : c.FinalStatus is "已办结" or "办理中" ? "办理中" : c.FinalStatus;
        return [c.Id, c.Window.Center.Code, c.Window.Code, c.StaffId, c.Item.Code, c.CaseType, c.Channel, c.AcceptedAt, c.DueAt,
            c.PausedDays, completed, status, c.ApplicantId, c.Phone, c.RecordedAt, completed ?? c.RecordedAt];
    }

    /// <summary>One broken row in a few monthly files: each kind the contract lists, once.</summary>
    private void PlantBadCaseRow(List<object?[]> rows, int monthIndex, DateOnly month)
    {
        if (rows.Count < 100) return;
        var file = $"cases_{month:yyyyMM}";
        switch (monthIndex)
        {
            case 4: PlantBad(rows, file, 7, "accepted_at", "2024-02-30 09:00", "受理时间无法识别"); break;
            case 8: PlantBad(rows, file, 2, "window_code", "511922999W01", "窗口编码不存在"); break;
            case 14: PlantBad(rows, file, 5, "case_type", "加急件", "办件类型不在允许值内"); break;
            case 20:
                var row = rows[10];
                if (row[7] is DateTime accepted)
                {
                    var bad = (object?[])row.Clone();
                    bad[0] = $"{row[0]}-X";
                    bad[10] = accepted.AddDays(-2);
                    bad[11] = "已办结";
                    rows.Add(bad);
                    _badRows.Add(new PlantedBadRow(file, (string)bad[0]!, "completed_at", "办结时间早于受理时间"));
                }
                break;
            case 26:
                rows.Add((object?[])rows[3].Clone());
                _badRows.Add(new PlantedBadRow(file, (string)rows[3][0]!, "case_id", "办件编号在本文件中重复"));
                break;
        }
    }

    private void PlantBad(List<object?[]> rows, string file, int column, string columnName, object value, string problem)
    {
        if (rows.Count < 40) return;
        var bad = (object?[])rows[rows.Count / 2].Clone();
        bad[0] = $"{bad[0]}-E";
        bad[column] = value;
        rows.Add(bad);
        _badRows.Add(new PlantedBadRow(file, (string)bad[0]!, columnName, problem));
    }
}
