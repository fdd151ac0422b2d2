SELECT center_code, market_days, lift, is_market_town FROM mart_center_market_days;
