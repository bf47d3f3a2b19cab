"""Independent reference implementation of rerate's event study (statsmodels, numpy, pandas, scipy).

Reads a JSON job on stdin and writes the results as JSON on stdout. It shares no code with rerate: prices are
read from the CSV files with pandas, sessions are the union of the security's and its benchmark's dates within
the security's history, day 0 comes from pandas' time-zone database, the market model is a statsmodels OLS per
security-event, the CAR variance is the forecast-error variance from the OLS covariance matrix, and the tests
use scipy. Definitions follow FORMULAS.md ("Market model", "Tests across N security-events").

Job: {"securities": [{"id", "file", "zone", "close": "HH:MM", "benchmark": {"id", "file"}}],
      "events": [{"id", "timestamp"}], "estimation": [from, to], "windows": [[from, to], ...], "minDays": int}
"""
import json
import sys

import numpy as np
import pandas as pd
import statsmodels.api as sm
from scipy import stats


def read_closes(path):
    with open(path, encoding="utf-8-sig") as f:
        first = f.readline()
    if first.startswith("Price,"):
        df = pd.read_csv(path, skiprows=[1, 2]).rename(columns={"Price": "Date"})
    else:
        df = pd.read_csv(path)
    col = "Adj Close" if "Adj Close" in df.columns else "Close"
    s = pd.Series(pd.to_numeric(df[col], errors="coerce").values, index=pd.to_datetime(df["Date"]).dt.strftime("%Y-%m-%d"))
    return s[s > 0].sort_index()


def day_zero(grid, timestamp, zone, close):
    if "T" not in timestamp:
        i = int(np.searchsorted(grid, timestamp, side="left"))
        return i if i < len(grid) else None
    local = pd.Timestamp(timestamp).tz_convert(zone)
    date = local.strftime("%Y-%m-%d")
    after_close = local.strftime("%H:%M") >= close
    i = int(np.searchsorted(grid, date, side="right" if after_close else "left"))
    return i if i < len(grid) else None


def make_window_car(r, m, alpha, beta, scale, cov):
    """CAR over grid indices [lo_i, hi_i] and its forecast-error variance k·σ² + x'Cov x, x = (k, ΣR_m)."""
    T = len(r)

    def window_car(lo_i, hi_i):
        ii = np.arange(max(0, lo_i), min(T, hi_i + 1))
        ii = ii[np.isfinite(r[ii]) & np.isfinite(m[ii])]
        k = len(ii)
        car = float(np.sum(r[ii] - alpha - beta * m[ii])) if k else float("nan")
        x = np.array([k, np.sum(m[ii])])
        return car, k * scale + float(x @ cov @ x), k

    return window_car


def groups(day0s, lo, hi):
    """Chain-merge observations whose windows [d0+lo, d0+hi] overlap; returns lists of positions."""
    order = sorted(range(len(day0s)), key=lambda i: (day0s[i], i))
    out, end = [], None
    for i in order:
        s, e = day0s[i] + lo, day0s[i] + hi
        if out and s <= end:
            out[-1].append(i)
            end = max(end, e)
        else:
            out.append([i])
            end = e
    return out


def main():
    job = json.load(sys.stdin)
    e1, e2 = job["estimation"]
    windows = job["windows"]
    span = (min(w[0] for w in windows), max(w[1] for w in windows))
    axis_from = min(e1, span[0])
    axis_to = max(e2, span[1])
    obs = []
    series = {}
    for sec in job["securities"]:
        p = read_closes(sec["file"])
        b = read_closes(sec["benchmark"]["file"])
        grid = sorted(set(p.index) | set(b.index[(b.index >= p.index[0]) & (b.index <= p.index[-1])]))
        p, b = p.reindex(grid), b.reindex(grid)
        r = (p / p.shift(1) - 1).to_numpy()
        m = (b / b.shift(1) - 1).to_numpy()
        series[sec["id"]] = (grid, r, m)
        for ev in job["events"]:
            d0 = day_zero(grid, ev["timestamp"], sec["zone"], sec["close"])
            obs.append({"security": sec["id"], "event": ev["id"], "d0": d0})

    for o in obs:
        grid, r, m = series[o["security"]]
        d0 = o["d0"]
        o["status"] = "skipped"
        if d0 is None:
            continue
        T = len(grid)
        idx = np.arange(max(0, d0 + e1), min(T, d0 + e2 + 1))
        ok = np.isfinite(r[idx]) & np.isfinite(m[idx])
        idx = idx[ok]
        if len(idx) < job["minDays"]:
            continue
        X = sm.add_constant(m[idx])
        res = sm.OLS(r[idx], X).fit()
        alpha, beta = res.params
        o.update(status="ok", day0=grid[d0], alpha=float(alpha), beta=float(beta), sigma=float(np.sqrt(res.scale)),
                 n=int(len(idx)), df=int(res.df_resid))
        est_ar = np.full(e2 - e1 + 1, np.nan)
        est_ar[idx - d0 - e1] = r[idx] - alpha - beta * m[idx]
        o["est_ar"] = est_ar
        o["positive_share"] = float(np.mean(est_ar[np.isfinite(est_ar)] > 0))

        o["window_car"] = window_car = make_window_car(r, m, alpha, beta, res.scale, res.cov_params())
        ars = []
        for tau in range(span[0], span[1] + 1):
            i = d0 + tau
            ars.append(float(r[i] - alpha - beta * m[i]) if 0 <= i < T and np.isfinite(r[i]) and np.isfinite(m[i]) else None)
        o["ar"] = ars
        o["windows"] = []
        for lo, hi in windows:
            car, var, k = window_car(d0 + lo, d0 + hi)
            t = car / np.sqrt(var) if k and var > 0 else None
            o["windows"].append({"from": lo, "to": hi, "k": k, "car": car if k else None, "t": t,
                                 "p": float(2 * stats.t.sf(abs(t), o["df"])) if t is not None else None})

    aggregates = []
    for lo, hi in windows:
        cars, scars, dfs, shares, leaders = [], [], [], [], []
        for sec in job["securities"]:
            mine = [o for o in obs if o["security"] == sec["id"] and o["status"] == "ok"]
            for g in groups([o["d0"] for o in mine], lo, hi):
                lead = mine[g[0]]
                leaders.append(lead)
                d0s = [mine[j]["d0"] for j in g]
                car, var, k = lead["window_car"](min(d0s) + lo, max(d0s) + hi)
                if k == 0:
                    continue
                cars.append(car)
                scars.append(car / np.sqrt(var) if var > 0 else np.nan)
                dfs.append(lead["df"])
                shares.append(lead["positive_share"])
        cars, scars, dfs, shares = map(np.array, (cars, scars, dfs, shares))
        tests, pv = {}, {}
        ct = stats.ttest_1samp(cars, 0.0)
        tests["csectT"], pv["csectT"] = float(ct.statistic), float(ct.pvalue)
        fs = np.isfinite(scars) & (dfs > 2)
        z = np.sum(scars[fs]) / np.sqrt(np.sum(dfs[fs] / (dfs[fs] - 2)))
        tests["patellZ"], pv["patellZ"] = float(z), float(2 * stats.norm.sf(abs(z)))
        s = scars[np.isfinite(scars)]
        bt = stats.ttest_1samp(s, 0.0)
        tests["bmpT"], pv["bmpT"] = float(bt.statistic), float(bt.pvalue)
        # Kolari–Pynnönen: rows centred and scaled over their own days, missing days 0; r̄ = mean off-diagonal of U Uᵀ.
        U = []
        for o in leaders:
            e = o["est_ar"]
            f = np.isfinite(e)
            c = np.where(f, e - np.mean(e[f]), 0.0)
            if f.sum() >= 2 and np.sum(c * c) > 0:
                U.append(c / np.linalg.norm(c))
        U = np.array(U)
        C = U @ U.T
        N = len(U)
        rbar = float((C.sum() - np.trace(C)) / (N * (N - 1)))
        nb = len(s)
        kp = bt.statistic * np.sqrt((1 - rbar) / (1 + (nb - 1) * rbar))
        tests["kpT"], pv["kpT"] = float(kp), float(2 * stats.t.sf(abs(kp), nb - 1))
        # Corrado: ranks over estimation and event days of each leader, K = rank/(T_i+1) − 0.5, K̄_t over leaders.
        K = []
        for o in leaders:
            vals = np.full(axis_to - axis_from + 1, np.nan)
            vals[e1 - axis_from:e2 - axis_from + 1] = o["est_ar"]
            vals[span[0] - axis_from:span[1] - axis_from + 1] = [np.nan if a is None else a for a in o["ar"]]
            f = np.isfinite(vals)
            k = np.full(len(vals), np.nan)
            k[f] = stats.rankdata(vals[f]) / (f.sum() + 1) - 0.5
            K.append(k)
        K = np.array(K)
        counts = np.sum(np.isfinite(K), axis=0)
        kbar = np.where(counts > 0, np.nansum(K, axis=0) / np.maximum(counts, 1), np.nan)
        sk = np.sqrt(np.nanmean(kbar ** 2))
        win = kbar[lo - axis_from:hi - axis_from + 1]
        win = win[np.isfinite(win)]
        cz = np.sum(win) / (np.sqrt(len(win)) * sk)
        tests["corradoZ"], pv["corradoZ"] = float(cz), float(2 * stats.norm.sf(abs(cz)))
        n = len(cars)
        npos = int(np.sum(cars > 0))
        sz = (npos - n / 2) / (np.sqrt(n) / 2)
        tests["signZ"], pv["signZ"] = float(sz), float(2 * stats.norm.sf(abs(sz)))
        ph = float(np.mean(shares))
        gz = (npos - n * ph) / np.sqrt(n * ph * (1 - ph))
        tests["genSignZ"], pv["genSignZ"] = float(gz), float(2 * stats.norm.sf(abs(gz)))
        aggregates.append({"from": lo, "to": hi, "n": n, "caar": float(np.mean(cars)), "meanCorrelation": rbar, "tests": tests, "p": pv})

    out = [{k: o[k] for k in ("security", "event", "status", "day0", "alpha", "beta", "sigma", "n", "ar", "windows") if k in o} for o in obs]
    json.dump({"observations": out, "aggregates": aggregates, "versions": {"statsmodels": sm.__version__, "numpy": np.__version__, "scipy": __import__("scipy").__version__}}, sys.stdout)



if __name__ == "__main__":
    main()
