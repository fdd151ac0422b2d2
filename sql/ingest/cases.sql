-- Cases (办件): parsing, standard checks and duplicates come from the feed spec (Feed.cs, LoaderSql).
-- step: checks
-- after: paused_days
WHEN p.paused_days > b.max_paused_days THEN problem('paused_days', 'out_of_bounds', '暂停计时天数“' || trim(p.raw_paused_days) || '”超过 ' || b.max_paused_days || ' 个工作日，不合常理')
-- after:
WHEN p.due_at_given < p.accepted_at THEN problem('due_at', 'inconsistent', '承诺办结时间早于受理时间')
WHEN p.completed_at < p.accepted_at THEN problem('completed_at', 'inconsistent', '办结时间早于受理时间')

-- step: upsert
-- Generated from the spec (LoaderSql.Upsert): a newer updated_at replaces, an equal one with other content is a
-- conflict; otherwise the later export wins, but a case never moves backwards: one no longer open is not reopened by
-- an export that shows it open. A blank 录入时间 reads as 受理时间 (the spec's default).
-- progress: case_progress({row}.status, {row}.completed_at)
-- conflict: 个办件的更新时间与已导入的版本相同，内容却不同，已保留已导入的版本，请核实后以更新的更新时间重新报送：
-- not_backwards: 个办件已导入的版本已办结（或已退回、不予受理、已撤销），本文件中却是未办结且没有更新的更新时间，按“记录不倒退”的规则未更新：
