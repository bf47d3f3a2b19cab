"""The pandas side of bench/comps.bench.ts: the same comps and weekly gap history, written the way an analyst
would write them in pandas (merge_asof for point-in-time joins, groupby for peer aggregates).

    /usr/bin/python3 bench/comps_pandas.py DIR ROUNDS   # DIR written by comps.bench.ts; prints JSON on stdout

Rules are rerate's (FORMULAS.md "Multiples"): the close on or before the date (n.m. if more than 10 days old),
EPS per ordinary share x shares per listing, FX at the date via USD (n.m. if more than 7 days old), trailing P/E on
the last fiscal year known, NTM = f * FY1 + (1 - f) * FY2 with f = days to the end of FY1 / 365, n.m. for EPS <= 0
or P/E above 200x; peer median, harmonic mean n / sum(1/m), cap-weighted sum(cap) / sum(cap/m).
"""
import json
import sys
import time

import numpy as np
import pandas as pd

DIR, ROUNDS = sys.argv[1], int(sys.argv[2])


def arr(name, dtype):
    return np.fromfile(f"{DIR}/{name}", dtype=dtype)


t_load = time.perf_counter()
meta = json.load(open(f"{DIR}/meta.json"))
N, GROUPS, AS_OF = meta["n"], meta["groups"], meta["asOf"]
CAP, STALE_PRICE, STALE_FX = meta["peCap"], meta["maxStalePriceDays"], meta["maxStaleFxDays"]
days = arr("days.i4", np.int32).astype(np.int64)
D = len(days)
closes = arr("closes.f8", np.float64)
prices = pd.DataFrame({"sec": np.repeat(np.arange(N, dtype=np.int64), D), "pday": np.tile(days, N), "close": closes})
fx = pd.DataFrame({"fxday": days, "f1": arr("fx_cny.f8", np.float64), "f2": arr("fx_hkd.f8", np.float64)})
fx["f0"] = 1.0
fx = fx.rename(columns={"f1": "CNY", "f2": "HKD", "f0": "USD"})  # units per USD; currency codes 0 USD, 1 HKD, 2 CNY
fund = pd.DataFrame({
    "sec": arr("f_sec.i4", np.int32).astype(np.int64), "kind": arr("f_kind.i1", np.int8), "end": arr("f_end.i4", np.int32).astype(np.int64),
    "known": arr("f_known.i4", np.int32).astype(np.int64), "value": arr("f_value.f8", np.float64), "ccy": arr("f_ccy.i1", np.int8),
})
est = pd.DataFrame({
    "sec": arr("e_sec.i4", np.int32).astype(np.int64), "fy": arr("e_fy.i4", np.int32).astype(np.int64), "end": arr("e_end.i4", np.int32).astype(np.int64),
    "asof": arr("e_asof.i4", np.int32).astype(np.int64), "value": arr("e_value.f8", np.float64), "ccy": arr("e_ccy.i1", np.int8),
})
secs = pd.DataFrame({
    "sec": np.arange(N, dtype=np.int64), "listing": meta["listing"], "reporting": meta["reporting"], "spl": np.array(meta["spl"], dtype=np.float64),
    "fym": meta["fyMonth"], "group": meta["group"],
})
dates = np.array(meta["dates"], dtype=np.int64)
load_ms = (time.perf_counter() - t_load) * 1000
EPOCH = np.datetime64("1970-01-01")


def fy_end_day(year, month):
    """Day number of the last day of `month` in `year` (vectorised): the day before the first of the next month."""
    next_month = ((year - 1970) * 12 + month).astype("datetime64[M]")
    return next_month.astype("datetime64[D]").astype(np.int64) - 1


def per_usd(df, code_col, day_ok):
    """Units of the currency in `code_col` per USD on each row's FX date (NaN where the fixing is stale or missing)."""
    out = np.select([df[code_col].values == 0, df[code_col].values == 1], [df["USD"].values, df["HKD"].values], df["CNY"].values)
    return np.where(day_ok, out, np.nan)


def pe_from(df, eps_col, ccy_col):
    """P/E with rerate's n.m. rules: EPS per listing in the listing currency, n.m. for EPS <= 0 or P/E above the cap."""
    fx_ok = (df["day"] - df["fxday"]) <= STALE_FX
    same = df[ccy_col].values == df["listing"].values
    rate = np.where(same, 1.0, per_usd(df, "listing", fx_ok) / per_usd(df, ccy_col, fx_ok))
    eps = (df[eps_col].values * df["spl"].values) * rate
    with np.errstate(divide="ignore", invalid="ignore"):
        pe = df["close"].values / eps
    return np.where((eps > 0) & (pe <= CAP), pe, np.nan)


def with_prices_and_fx(grid):
    """Adds the close on or before each row's day (not older than 10 days) and the FX fixing on or before it."""
    grid = grid.sort_values("day", kind="stable")
    grid = pd.merge_asof(grid, prices.sort_values("pday", kind="stable"), left_on="day", right_on="pday", by="sec", tolerance=STALE_PRICE, direction="backward")
    grid = pd.merge_asof(grid, fx, left_on="day", right_on="fxday", direction="backward")
    return grid.merge(secs, on="sec")


def forward_ntm(grid):
    """Calendarised NTM EPS per row: FY1 = first fiscal year ending after the day, estimates observed by then."""
    dt = (EPOCH + grid["day"].values.astype("timedelta64[D]")).astype("datetime64[D]")
    year = dt.astype("datetime64[Y]").astype(np.int64) + 1970
    end_this = fy_end_day(year, grid["fym"].values)
    grid["fy1"] = np.where(end_this > grid["day"].values, year, year + 1)
    grid["fy1end"] = np.where(end_this > grid["day"].values, end_this, fy_end_day(year + 1, grid["fym"].values))
    grid["fy2"] = grid["fy1"] + 1
    e = est.sort_values("asof", kind="stable")
    for k in ("fy1", "fy2"):
        right = e.rename(columns={"fy": k, "value": f"e_{k}", "ccy": f"c_{k}", "asof": f"asof_{k}"})[["sec", k, f"asof_{k}", f"e_{k}", f"c_{k}"]]
        grid = pd.merge_asof(grid.sort_values("day", kind="stable"), right, left_on="day", right_on=f"asof_{k}", by=["sec", k], direction="backward")
    f = np.clip((grid["fy1end"].values - grid["day"].values) / 365, 0, 1)
    grid["ntm"] = f * grid["e_fy1"].values + (1 - f) * grid["e_fy2"].values
    grid.loc[grid["c_fy1"] != grid["c_fy2"], "ntm"] = np.nan
    grid["ntm_ccy"] = grid["c_fy1"]
    return grid


def run_comps():
    # One date: the last close and the last fixing on or before it, by filtering (no as-of join needed).
    last = prices[prices["pday"] <= AS_OF].groupby("sec", sort=False).tail(1)
    grid = pd.DataFrame({"sec": np.arange(N, dtype=np.int64), "day": AS_OF}).merge(last, on="sec", how="left")
    grid.loc[(AS_OF - grid["pday"] > STALE_PRICE) | ~(grid["close"] > 0), "close"] = np.nan
    fx_row = fx[fx["fxday"] <= AS_OF].tail(1)
    grid = grid.merge(fx_row, how="cross").merge(secs, on="sec")
    known = fund[fund["known"] <= AS_OF]
    annual = known[known["kind"] == 0].sort_values(["sec", "end", "known"]).groupby("sec").tail(1)[["sec", "value", "ccy"]]
    shares = known[known["kind"] == 2].sort_values(["sec", "end", "known"]).groupby("sec").tail(1)[["sec", "value"]]
    grid = grid.merge(annual.rename(columns={"value": "eps", "ccy": "eps_ccy"}), on="sec", how="left")
    grid = grid.merge(shares.rename(columns={"value": "shares"}), on="sec", how="left")
    grid = forward_ntm(grid)
    grid["pe"] = pe_from(grid, "eps", "eps_ccy")
    grid["fpe"] = pe_from(grid, "ntm", "ntm_ccy")
    fx_ok = (grid["day"] - grid["fxday"]) <= STALE_FX
    cap_local = (grid["close"].values * grid["shares"].values) / grid["spl"].values
    to_usd = np.where(grid["listing"].values == 0, 1.0, 1.0 / per_usd(grid, "listing", fx_ok))
    grid["cap"] = np.where(grid["listing"].values == 0, cap_local, cap_local * to_usd)
    out = []
    for g, df in grid.groupby("group", sort=True):
        row = {"group": int(g)}
        for k in ("pe", "fpe"):
            x = df[k].dropna()
            row[f"{k}_median"] = float(x.median()) if len(x) else None
            row[f"{k}_hmean"] = float(len(x) / (1.0 / x).sum()) if len(x) else None
            used = df[df[k].notna() & (df["cap"] > 0)]
            row[f"{k}_cap"] = float(used["cap"].sum() / (used["cap"] / used[k]).sum()) if len(used) else None
            row[f"{k}_mean"], row[f"{k}_min"], row[f"{k}_max"] = (float(x.mean()), float(x.min()), float(x.max())) if len(x) else (None, None, None)
            row[f"{k}_n"] = int(len(x))
        out.append(row)
    return out


def run_history():
    grid = pd.DataFrame({"sec": np.repeat(np.arange(N, dtype=np.int64), len(dates)), "day": np.tile(dates, N)})
    grid = with_prices_and_fx(grid)
    grid = forward_ntm(grid)
    grid["fpe"] = pe_from(grid, "ntm", "ntm_ccy")
    by = grid.groupby(["day", "group"])["fpe"]
    median = by.median().unstack("group").sort_index()
    grid["inv"] = 1.0 / grid["fpe"]
    g2 = grid.groupby(["day", "group"])
    hmean = (g2["fpe"].count() / g2["inv"].sum()).unstack("group").replace([np.inf], np.nan)
    pairs = []
    for a in range(0, GROUPS - 1, 2):
        d = (median[a] / median[a + 1] - 1).values
        ok = ~np.isnan(d)
        last = d[-1]
        pct = None
        if ok[-1]:
            vals = d[ok]
            pct = float(100 * np.sum((vals <= last) | (vals - last <= 1e-12 * np.maximum(np.abs(vals), abs(last)))) / len(vals))
        pairs.append({"a": a, "lastDiscount": None if np.isnan(last) else float(last), "percentile": pct, "n": int(ok.sum())})
    return pairs, float(np.nansum(median.values)), float(np.nansum(hmean.values))


best = {"comps": float("inf"), "history": float("inf")}
for _ in range(ROUNDS):
    t0 = time.perf_counter()
    comps = run_comps()
    t1 = time.perf_counter()
    pairs, median_sum, hmean_sum = run_history()
    t2 = time.perf_counter()
    best = {"comps": min(best["comps"], (t1 - t0) * 1000), "history": min(best["history"], (t2 - t1) * 1000)}
    print(f"pandas round: comps {(t1 - t0) * 1000:.0f} ms, history {(t2 - t1) * 1000:.0f} ms", file=sys.stderr)

print(json.dumps({"ms": {"load": load_ms, **best}, "pandas": pd.__version__, "comps": comps, "pairs": pairs, "historyMedianSum": median_sum, "historyHmeanSum": hmean_sum}))
