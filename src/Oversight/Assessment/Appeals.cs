using Dapper;
using DuckDB.NET.Data;

namespace Oversight.Assessment;

/// <summary>Records appeals (复核). Evidence is never edited; the latest appeal on a record is what counts.</summary>
public static class Appeals
{
    public static long Add(DuckDBConnection connection, string source, string recordId, decimal? newQuantity, string reason,
        string approver, DateOnly decidedOn)
    {
        if (!ScoringRules.Sources.Contains(source))
            throw new AssessmentException($"证据来源“{source}”不对，应为 {string.Join("、", ScoringRules.Sources)} 之一。");
        if (string.IsNullOrWhiteSpace(reason)) throw new AssessmentException("请写明复核理由（--reason）。");
        if (string.IsNullOrWhiteSpace(approver)) throw new AssessmentException("请写明批准人（--approver）。");
        if (newQuantity is < 0) throw new AssessmentException("复核后的数量不能为负数。");
        var exists = connection.ExecuteScalar<long>(
            "SELECT count(*) FROM mart_assessment_evidence WHERE source = $source AND record_id = $recordId", new { source, recordId });
        if (exists == 0)
            throw new AssessmentException($"考核证据中没有{source}记录“{recordId}”。请用 oversight query 查看 mart_assessment_evidence 核对编号。");
        return connection.ExecuteScalar<long>("""
            INSERT INTO assessment_appeal (source, record_id, action, new_quantity, reason, approver, decided_on, recorded_at)
            VALUES ($source, $recordId, $action, $quantity, $reason, $approver, $decidedOn, now()::TIMESTAMP)
            RETURNING appeal_id
            """,
            new
            {
                source, recordId, action = newQuantity is null ? "withdraw" : "change",
                quantity = newQuantity is null ? (double?)null : (double)newQuantity.Value, reason, approver,
                decidedOn = decidedOn.ToDateTime(TimeOnly.MinValue),
            });
    }
}
