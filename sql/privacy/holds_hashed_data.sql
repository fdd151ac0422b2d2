-- Whether anything in the warehouse was hashed with a key: then a new key would silently break every link
-- (repeat complainants, callbacks to cases), so no key may be created for it.
SELECT EXISTS (SELECT 1 FROM fct_case WHERE applicant_id_hash IS NOT NULL OR applicant_phone_hash IS NOT NULL)
    OR EXISTS (SELECT 1 FROM fct_complaint WHERE complainant_phone_hash IS NOT NULL)
    OR EXISTS (SELECT 1 FROM fct_callback WHERE phone_hash IS NOT NULL);
