-- rerate store, schema version 1.
-- Every data row points at the import (source) that wrote it: file path or provider, and when.

CREATE TABLE sources (
  id          INTEGER PRIMARY KEY,
  kind        VARCHAR NOT NULL,          -- securities | prices | fundamentals | estimates | fx | events
  location    VARCHAR NOT NULL,          -- file path, provider id, or demo:synthetic
  sha256      VARCHAR,                   -- content hash of the imported file
  synthetic   BOOLEAN NOT NULL DEFAULT false,
  imported_at TIMESTAMP NOT NULL,
  rows_read   BIGINT NOT NULL DEFAULT 0
);

CREATE TABLE securities (
  id                    VARCHAR PRIMARY KEY,
  name_en               VARCHAR NOT NULL,
  name_zh_hant          VARCHAR,
  name_zh_hans          VARCHAR,
  exchange              VARCHAR NOT NULL,
  currency              VARCHAR NOT NULL,
  country               VARCHAR,
  sector                VARCHAR,
  industry              VARCHAR,
  fiscal_year_end_month TINYINT,
  reporting_currency    VARCHAR,
  kind                  VARCHAR NOT NULL,
  issuer                VARCHAR,
  shares_per_listing    DOUBLE NOT NULL DEFAULT 1,
  source_id             INTEGER NOT NULL
);

-- No index on prices: imports merge through a hash anti-join, which is much faster than an ART index
-- for million-row loads; uniqueness of (security, date) is kept by the import code and checked in tests.
CREATE TABLE prices (
  security  VARCHAR NOT NULL,
  date      DATE NOT NULL,
  open      DOUBLE,
  high      DOUBLE,
  low       DOUBLE,
  close     DOUBLE NOT NULL,
  adj_close DOUBLE,
  volume    DOUBLE,
  currency  VARCHAR NOT NULL,
  source_id INTEGER NOT NULL
);

CREATE TABLE fundamentals (
  entity        VARCHAR NOT NULL,
  metric        VARCHAR NOT NULL,
  fiscal_period VARCHAR NOT NULL,
  period_end    DATE NOT NULL,
  value         DOUBLE NOT NULL,
  currency      VARCHAR,
  unit          VARCHAR NOT NULL,
  known_from    DATE NOT NULL,
  reference     VARCHAR,                 -- document the figure is from, e.g. 'Alibaba 20-F FY2025'
  source_id     INTEGER NOT NULL,
  PRIMARY KEY (entity, metric, fiscal_period, known_from)
);

CREATE TABLE estimates (
  entity        VARCHAR NOT NULL,
  metric        VARCHAR NOT NULL,
  fiscal_period VARCHAR NOT NULL,
  period_end    DATE,
  value         DOUBLE NOT NULL,
  currency      VARCHAR,
  unit          VARCHAR NOT NULL,
  as_of         DATE NOT NULL,
  estimator     VARCHAR NOT NULL,
  reference     VARCHAR,
  source_id     INTEGER NOT NULL,
  PRIMARY KEY (entity, metric, fiscal_period, as_of, estimator)
);

CREATE TABLE fx_rates (
  base      VARCHAR NOT NULL,
  quote     VARCHAR NOT NULL,
  date      DATE NOT NULL,
  rate      DOUBLE NOT NULL,
  source_id INTEGER NOT NULL,
  PRIMARY KEY (base, quote, date)
);

CREATE TABLE events (
  id            VARCHAR PRIMARY KEY,
  ts            VARCHAR NOT NULL,
  title_en      VARCHAR NOT NULL,
  title_zh_hant VARCHAR,
  title_zh_hans VARCHAR,
  tags          VARCHAR[] NOT NULL,
  securities    VARCHAR[] NOT NULL,
  expected_sign TINYINT NOT NULL,
  event_source  VARCHAR,
  notes         VARCHAR,
  source_id     INTEGER NOT NULL
);

-- Data-quality findings of imports (warnings that did not refuse a file).
CREATE TABLE quality_issues (
  source_id INTEGER NOT NULL,
  security  VARCHAR,
  date      DATE,
  check_id  VARCHAR NOT NULL,   -- ohlc_inconsistent | close_outside_range | zero_volume | long_gap | big_move | empty_row
  detail    VARCHAR NOT NULL
);
