-- The next sequence number in the year of issue.
SELECT coalesce(max(seq), 0) + 1 FROM briefing_number WHERE year = $year;
