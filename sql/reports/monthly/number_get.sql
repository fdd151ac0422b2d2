-- The 文号 already given to this month's briefing, if any.
SELECT year, seq, document_number, issued_on, given_by_hand FROM briefing_number WHERE kind = 'monthly' AND period = $month;
