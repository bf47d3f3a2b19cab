"""The benchmark's Python side (bench/events.bench.ts): the same event study two ways, timed.

1. Vectorised numpy/scipy: for each event date, the market model of every security at once (sums over the
   estimation window as matrix reductions), ARs and CARs with the forecast-error-corrected variance, then the
   test battery across all security-events (Kolari–Pynnönen r̄ from unit residual vectors, Corrado ranks with
   scipy.stats.rankdata along rows). Handles missing returns (NaN) with masks.
2. The way the Python event-study packages do it: a statsmodels OLS per security-event (timed on a sample of
   security-events and reported per security-event).

Input (argv): a directory with returns.f64 (S×T, row-major, NaN = missing), market.f64 (S×T: each security's
benchmark on its grid), day0.i32 (one day-0 index per event date, shared by all securities), spec.json
{"S", "T", "estimation": [a, b], "windows": [[f, t], ...], "minDays", "statsmodelsSample"}.
Output (stdout): JSON with the timings and the results to compare.
"""
import json
import os
import sys
import time

import numpy as np
import statsmodels.api as sm
from scipy import stats


def row_ranks(v):
    """Average ranks (1-based, ties averaged, as scipy's rankdata) along each row, vectorised with one argsort."""
    n, T = v.shape
    o = np.argsort(v, axis=1)
    sv = np.take_along_axis(v, o, axis=1)
    new = np.ones((n, T), bool)
    new[:, 1:] = sv[:, 1:] != sv[:, :-1]
    end = np.ones((n, T), bool)
    end[:, :-1] = new[:, 1:]
    pos = np.arange(1, T + 1)
    first = np.maximum.accumulate(np.where(new, pos, 0), axis=1)
    last = np.minimum.accumulate(np.where(end, pos, T + 1)[:, ::-1], axis=1)[:, ::-1]
    ranks = np.empty((n, T))
    np.put_along_axis(ranks, o, (first + last) / 2, axis=1)
    return ranks


def vectorised(R, M, day0s, e1, e2, windows, min_days):
    span = (min(w[0] for w in windows), max(w[1] for w in windows))
    axis_from, axis_to = min(e1, span[0]), max(e2, span[1])
    cars = {i: [] for i in range(len(windows))}
    scars = {i: [] for i in range(len(windows))}
    dfs = {i: [] for i in range(len(windows))}
    shares = {i: [] for i in range(len(windows))}
    sum_u, norms, n_u = np.zeros(e2 - e1 + 1), 0.0, 0
    sum_k = np.zeros(axis_to - axis_from + 1)
    cnt_k = np.zeros(axis_to - axis_from + 1)
    n_k = 0
    first_t = []
    for d0 in day0s:
        r = R[:, d0 + e1:d0 + e2 + 1]
        m = M[:, d0 + e1:d0 + e2 + 1]
        ok = np.isfinite(r) & np.isfinite(m)
        L = ok.sum(axis=1)
        use = L >= min_days
        rz, mz = np.where(ok, r, 0.0), np.where(ok, m, 0.0)
        mr, mm = rz.sum(1) / L, mz.sum(1) / L
        dr, dm = np.where(ok, r - mr[:, None], 0.0), np.where(ok, m - mm[:, None], 0.0)
        sxx, sxy, syy = (dm * dm).sum(1), (dm * dr).sum(1), (dr * dr).sum(1)
        beta = sxy / sxx
        alpha = mr - beta * mm
        ssr = syy - beta * sxy
        s2 = np.where(ssr > 1e-12 * (rz * rz).sum(1), ssr, 0.0) / (L - 2)
        e = np.where(ok, r - alpha[:, None] - beta[:, None] * m, np.nan)
        share = (np.where(ok, e, 0) > 0).sum(1) / L
        # Windows.
        for wi, (f, t) in enumerate(windows):
            rw, mw = R[:, d0 + f:d0 + t + 1], M[:, d0 + f:d0 + t + 1]
            okw = np.isfinite(rw) & np.isfinite(mw)
            k = okw.sum(1)
            car = np.where(okw, rw - alpha[:, None] - beta[:, None] * mw, 0.0).sum(1)
            smw = np.where(okw, mw, 0.0).sum(1)
            var = s2 * (k + k * k / L + (smw - k * mm) ** 2 / sxx)
            sel = use & (k > 0)
            scar = np.where(var > 0, car / np.sqrt(np.where(var > 0, var, 1.0)), np.nan)
            cars[wi].append(car[sel])
            scars[wi].append(scar[sel])
            dfs[wi].append((L - 2)[sel])
            shares[wi].append(share[sel])
            if wi == 0:
                first_t.append(stats.t.sf(np.abs(scar), L - 2)[sel] * 2)
        eu = e[use]
        fin = np.isfinite(eu)
        c = np.where(fin, eu - (np.where(fin, eu, 0).sum(1) / fin.sum(1))[:, None], 0.0)
        ss = (c * c).sum(1)
        keep = ss > 1e-12 * np.where(fin, eu * eu, 0).sum(1)
        u = c[keep] / np.sqrt(ss[keep])[:, None]
        sum_u += u.sum(0)
        norms += (u * u).sum()
        n_u += len(u)
        # Corrado: ranks along each row over estimation and event days.
        ar_span = np.where(np.isfinite(R[use, d0 + span[0]:d0 + span[1] + 1]) & np.isfinite(M[use, d0 + span[0]:d0 + span[1] + 1]),
                           R[use, d0 + span[0]:d0 + span[1] + 1] - alpha[use, None] - beta[use, None] * M[use, d0 + span[0]:d0 + span[1] + 1], np.nan)
        vals = np.full((len(eu), axis_to - axis_from + 1), np.nan)
        vals[:, e1 - axis_from:e2 - axis_from + 1] = eu
        vals[:, span[0] - axis_from:span[1] - axis_from + 1] = ar_span
        fv = np.isfinite(vals)
        ranks = row_ranks(np.where(fv, vals, np.inf))
        K = np.where(fv, ranks / (fv.sum(1)[:, None] + 1) - 0.5, 0.0)
        sum_k += K.sum(0)
        cnt_k += fv.sum(0)
        n_k += len(K)
    rbar = (sum_u @ sum_u - norms) / (n_u * (n_u - 1))
    kbar = np.where(cnt_k > 0, sum_k / np.maximum(cnt_k, 1), np.nan)
    sk = np.sqrt(np.nanmean(kbar ** 2))
    out = []
    for wi, (f, t) in enumerate(windows):
        c, s = np.concatenate(cars[wi]), np.concatenate(scars[wi])
        dfw_, sh = np.concatenate(dfs[wi]), np.concatenate(shares[wi])
        n = len(c)
        res = {"n": n, "caar": float(c.mean())}
        res["csectT"] = float(np.sqrt(n) * c.mean() / c.std(ddof=1))
        fs = np.isfinite(s) & (dfw_ > 2)
        res["patellZ"] = float(s[fs].sum() / np.sqrt((dfw_[fs] / (dfw_[fs] - 2)).sum()))
        s = s[np.isfinite(s)]
        bmp = np.sqrt(len(s)) * s.mean() / s.std(ddof=1)
        res["bmpT"] = float(bmp)
        res["kpT"] = float(bmp * np.sqrt((1 - rbar) / (1 + (len(s) - 1) * rbar)))
        win = kbar[f - axis_from:t - axis_from + 1]
        res["corradoZ"] = float(win.sum() / (np.sqrt(len(win)) * sk))
        npos = (c > 0).sum()
        res["signZ"] = float((npos - n / 2) / (np.sqrt(n) / 2))
        p = sh.mean()
        res["genSignZ"] = float((npos - n * p) / np.sqrt(n * p * (1 - p)))
        dfw = {"csectT": n - 1, "bmpT": len(s) - 1, "kpT": len(s) - 1}
        res["p"] = {k: float(2 * (stats.t.sf(abs(res[k]), dfw[k]) if k in dfw else stats.norm.sf(abs(res[k]))))
                    for k in ("csectT", "patellZ", "bmpT", "kpT", "corradoZ", "signZ", "genSignZ")}
        out.append(res)
    first_car = np.concatenate(cars[0])
    return out, first_car, np.concatenate(first_t), float(rbar)


def statsmodels_loop(R, M, day0s, e1, e2, windows, sample, min_days):
    """The same study the way the Python event-study packages run it: per security-event a statsmodels OLS on
    the estimation window, the CARs with their corrected variance, and the inputs of the residual-based tests
    (share of positive residuals, the unit residual vector for Kolari-Pynnonen, scipy ranks over estimation and
    event days for Corrado) accumulated across security-events. Returns seconds per security-event, and of those the residual-based tests' share."""
    S = R.shape[0]
    span = (min(w[0] for w in windows), max(w[1] for w in windows))
    axis_from = min(e1, span[0])
    axis_len = max(e2, span[1]) - axis_from + 1
    pairs = [(i, e, d0) for e, d0 in enumerate(day0s) for i in range(S)][:sample]
    cars = []
    done = 0
    sum_u, norms = np.zeros(e2 - e1 + 1), 0.0
    sum_k, cnt_k = np.zeros(axis_len), np.zeros(axis_len)
    residual_seconds = 0.0
    t0 = time.perf_counter()
    for i, ev, d0 in pairs:
        r, m = R[i, d0 + e1:d0 + e2 + 1], M[i, d0 + e1:d0 + e2 + 1]
        ok = np.isfinite(r) & np.isfinite(m)
        if ok.sum() < min_days:
            continue
        done += 1
        res = sm.OLS(r[ok], sm.add_constant(m[ok])).fit()
        a, b = res.params
        cov = res.cov_params()
        row = []
        for f, t in windows:
            rw, mw = R[i, d0 + f:d0 + t + 1], M[i, d0 + f:d0 + t + 1]
            okw = np.isfinite(rw) & np.isfinite(mw)
            car = float(np.sum(rw[okw] - a - b * mw[okw]))
            x = np.array([okw.sum(), mw[okw].sum()])
            var = okw.sum() * res.scale + x @ cov @ x
            row.append((car, car / np.sqrt(var)))
        cars.append({"security": i, "event": ev, "windows": row})
        # Residual-based tests: generalised sign share, KP unit vector, Corrado ranks.
        tr = time.perf_counter()
        e = res.resid
        share = float((e > 0).mean())
        c = e - e.mean()
        u = np.zeros(e2 - e1 + 1)
        u[ok] = c / np.sqrt(c @ c)
        sum_u += u
        norms += u @ u
        rs, ms = R[i, d0 + span[0]:d0 + span[1] + 1], M[i, d0 + span[0]:d0 + span[1] + 1]
        vals = np.full(axis_len, np.nan)
        vals[e1 - axis_from:e2 - axis_from + 1][ok] = e
        vals[span[0] - axis_from:span[1] - axis_from + 1] = rs - a - b * ms
        fin = np.isfinite(vals)
        k = stats.rankdata(vals[fin]) / (fin.sum() + 1) - 0.5
        sum_k[fin] += k
        cnt_k[fin] += 1
        residual_seconds += time.perf_counter() - tr
    return (time.perf_counter() - t0) / done, residual_seconds / done, done, cars


def main():
    np.seterr(all="ignore")  # rows without enough estimation days divide by zero; they are masked out
    d = sys.argv[1]
    spec = json.load(open(os.path.join(d, "spec.json")))
    S, T = spec["S"], spec["T"]
    R = np.fromfile(os.path.join(d, "returns.f64")).reshape(S, T)
    M = np.fromfile(os.path.join(d, "market.f64")).reshape(S, T)
    day0s = np.fromfile(os.path.join(d, "day0.i32"), dtype=np.int32)
    e1, e2 = spec["estimation"]
    windows = spec["windows"]
    best = float("inf")
    for _ in range(spec.get("rounds", 3)):
        t0 = time.perf_counter()
        agg, first_car, first_p, rbar = vectorised(R, M, day0s, e1, e2, windows, spec["minDays"])
        best = min(best, time.perf_counter() - t0)
    per, per_residual, n_sm, sm_cars = statsmodels_loop(R, M, day0s, e1, e2, windows, spec["statsmodelsSample"], spec["minDays"])
    json.dump({"numpySeconds": best, "aggregates": agg, "firstWindowCars": first_car.tolist(), "firstWindowP": first_p.tolist(), "meanCorrelation": rbar,
               "statsmodelsSecondsPerEvent": per, "statsmodelsResidualSecondsPerEvent": per_residual, "statsmodelsSample": n_sm, "statsmodelsCars": sm_cars,
               "versions": {"numpy": np.__version__, "statsmodels": sm.__version__}}, sys.stdout)


if __name__ == "__main__":
    main()
