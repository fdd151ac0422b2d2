-- Complaints (current version) with their business rules as columns.
--   is_upheld   the verdict is of class `upheld` (属实, 部分属实 by default)
--   is_pending  still under verification: no verdict, or a verdict of class `pending` (核查中)
CREATE OR REPLACE VIEW core_complaint AS
SELECT c.*,
       coalesce(c.verdict IN (SELECT value FROM core_enum_class WHERE domain = 'verdict' AND class = 'upheld'), false) AS is_upheld,
       c.verdict IS NULL
           OR c.verdict IN (SELECT value FROM core_enum_class WHERE domain = 'verdict' AND class = 'pending') AS is_pending
FROM fct_complaint AS c;
