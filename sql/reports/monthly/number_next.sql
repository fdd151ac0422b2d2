-- The next sequence number in the year of issue: after the highest used, numbers given by hand included.
SELECT coalesce(max(seq), 0) + 1 FROM briefing_number WHERE year = $year;
