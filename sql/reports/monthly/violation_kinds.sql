-- The video findings counted as violations (class `violation` in sql/seeds/enum_values.csv), in the seed's order,
-- so the text that names them says what the figure counts.
SELECT c.value
FROM core_enum_class AS c
JOIN (SELECT canonical, min(rowid) AS pos FROM seed_enum_values WHERE domain = 'finding' GROUP BY canonical) AS s
    ON s.canonical = c.value
WHERE c.domain = 'finding' AND c.class = 'violation'
ORDER BY s.pos;
