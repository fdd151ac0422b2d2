-- The composite score's weights, cap and shrinkage strengths: the same row mart_period_center computes with,
-- so the printed formula is the one computed.
SELECT composite_weight_timeliness, composite_weight_satisfaction, composite_weight_video, composite_weight_complaints,
       complaint_cap_per_1000, shrink_cases_timeliness, shrink_ratings_satisfaction, shrink_checks_video,
       shrink_cases_complaints, long_open_days_past_due, yellow_days_left, yellow_share_used
FROM core_setting;
