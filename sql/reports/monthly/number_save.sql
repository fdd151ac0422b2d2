-- Records (or, with a new 文号 or 成文日期 given, updates) this month's number.
INSERT INTO briefing_number (kind, period, year, seq, document_number, issued_on, assigned_at)
VALUES ('monthly', $month, $year, $seq, $document_number, $issued_on, now()::TIMESTAMP)
ON CONFLICT (kind, period) DO UPDATE SET
    year = excluded.year, seq = excluded.seq, document_number = excluded.document_number, issued_on = excluded.issued_on;
