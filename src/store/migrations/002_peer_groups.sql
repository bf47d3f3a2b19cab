-- rerate store, schema version 2: saved peer groups (`rerate groups save NAME SYMBOLS…`).
CREATE TABLE peer_groups (
  id           VARCHAR PRIMARY KEY,      -- the name typed on the command line (@china)
  name_en      VARCHAR NOT NULL,
  name_zh_hant VARCHAR,
  name_zh_hans VARCHAR,
  securities   VARCHAR[] NOT NULL,       -- in the order given
  created_at   TIMESTAMP NOT NULL,
  updated_at   TIMESTAMP NOT NULL
);
