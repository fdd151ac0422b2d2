-- What kind of problem rejected a row (sql/seeds/reject_kinds.csv is the closed set), so code decides by kind, not by
-- the wording of the reason. Rows recorded before this version get the kind their reason's wording shows, once.
-- (Not NOT NULL: DuckDB cannot add that constraint in the transaction that filled the column; reject_rows.sql always
-- writes a kind.)
ALTER TABLE load_reject ADD COLUMN kind VARCHAR;
UPDATE load_reject SET kind = CASE
    WHEN reason LIKE '%请先报送%' THEN 'missing_reference'
    WHEN reason LIKE '%在本文件中重复%' THEN 'duplicate'
    WHEN reason LIKE '%编号不得使用电话或身份证号%' THEN 'personal_data'
    WHEN reason LIKE '%超出合理范围%' OR reason LIKE '%不合常理%' THEN 'out_of_bounds'
    WHEN reason LIKE '%为空' THEN 'missing_value'
    WHEN reason LIKE '%无法识别%' OR column_name = 'weekday' THEN 'bad_date'
    WHEN reason LIKE '%不在允许值内%' OR reason LIKE '%只能是“是”或“否”%' OR reason LIKE '%清单内%' THEN 'bad_enum'
    WHEN reason LIKE '%不是非负整数' OR reason LIKE '%不是正整数' THEN 'bad_number'
    WHEN reason LIKE '%位数字' THEN 'bad_code'
    WHEN reason LIKE '%早于%' OR reason LIKE '%不晚于%' THEN 'inconsistent'
    WHEN reason LIKE '%整改台账中没有编号%' THEN 'unknown_record'
    ELSE 'not_allowed' END;
