-- Records (or, with a new 文号 or 成文日期 given, updates) this month's number and the settings it was issued under.
INSERT INTO briefing_number (kind, period, year, seq, document_number, issued_on, assigned_at, settings_json, settings_sha256, given_by_hand)
VALUES ('monthly', $month, $year, $seq, $document_number, $issued_on, $assigned_at, $settings_json, $settings_sha256, $given_by_hand)
ON CONFLICT (kind, period) DO UPDATE SET
    year = excluded.year, seq = excluded.seq, document_number = excluded.document_number, issued_on = excluded.issued_on,
    assigned_at = excluded.assigned_at, settings_json = excluded.settings_json, settings_sha256 = excluded.settings_sha256,
    given_by_hand = excluded.given_by_hand;
