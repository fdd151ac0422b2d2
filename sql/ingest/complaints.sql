-- Complaints (投诉): parsing, standard checks and duplicates come from the feed spec (Feed.cs, LoaderSql).
-- A blank 核查结果 reads as 核查中 (the spec's default).
-- step: checks
WHEN p.responded_at < p.received_at THEN problem('responded_at', 'inconsistent', '答复时间早于受理时间')
WHEN p.closed_at < p.received_at THEN problem('closed_at', 'inconsistent', '办结时间早于受理时间')

-- step: upsert
-- Generated from the spec (LoaderSql.Upsert), as for cases: a complaint never moves backwards (a closed one does not
-- reopen, a checked or answered one does not return to 核查中).
-- progress: complaint_progress({row}.verdict, {row}.responded_at, {row}.closed_at)
-- conflict: 条投诉的更新时间与已导入的版本相同，内容却不同，已保留已导入的版本，请核实后以更新的更新时间重新报送：
-- not_backwards: 条投诉已导入的版本已办结（或已核查、已答复），本文件中却退回了更早的状态且没有更新的更新时间，按“记录不倒退”的规则未更新：
