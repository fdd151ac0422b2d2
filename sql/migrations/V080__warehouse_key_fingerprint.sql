-- Which key the warehouse's hashes were made with: HMAC-SHA256 of a fixed label under the key (Privacy/KeyFingerprint.cs),
-- never the key. Written by init, or by the first command that hashes on a warehouse built before this table existed;
-- every command that hashes compares it with its key and refuses another.
CREATE TABLE warehouse_key (
    fingerprint  VARCHAR NOT NULL,
    recorded_at  TIMESTAMP NOT NULL
);
