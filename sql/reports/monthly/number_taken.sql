-- Another document already carrying this 文号 (blanks and full-width forms are folded before comparing, in C#).
SELECT kind, period, document_number FROM briefing_number WHERE NOT (kind = 'monthly' AND period = $month);
