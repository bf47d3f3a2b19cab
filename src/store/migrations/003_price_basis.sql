-- rerate store, schema version 3: the basis of each security's price series.
-- raw      = `close` is the close as traded; `adj_close`, when present, is the split- and dividend-adjusted close
--            (a file with both Close and Adj Close, a provider's chart);
-- adjusted = `close` already is an adjusted close (a `Date,Adj Close` file, or `--basis adjusted` for a
--            `Date,Close` download of adjusted closes such as yfinance's default); there is no raw close.
-- A series keeps one basis: an import of the other basis for the same security is refused.
CREATE TABLE price_series (
  security VARCHAR PRIMARY KEY,
  basis    VARCHAR NOT NULL
);
-- Series stored before version 3 were imported as raw (the only basis rerate knew).
INSERT INTO price_series SELECT DISTINCT security, 'raw' FROM prices;
