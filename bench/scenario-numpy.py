"""examples/china-ai-capex.yaml written by hand in vectorised numpy, for bench/scenario.bench.ts.

Same drivers, distributions, comonotone per-year domestic share, Iman-Conover rank correlations (on the
whole run, as a numpy user would write it), formulas and statistics (mean, sd, P5..P95, P(>300),
histogram, Spearman of every driver with every output series). Plain Monte Carlo.

    /usr/bin/python3 bench/scenario-numpy.py 1000000 42   # prints one JSON line
"""
import json
import sys
import time

import numpy as np
from scipy import special

N = int(sys.argv[1]) if len(sys.argv) > 1 else 1_000_000
SEED = int(sys.argv[2]) if len(sys.argv) > 2 else 42
YEARS = np.array([2025, 2026, 2027])


def pert_ab(lo, mode, hi, lam=4.0):
    r = hi - lo
    return 1 + lam * (mode - lo) / r, 1 + lam * (hi - mode) / r


def pert_sample(rng, lo, mode, hi, n):
    a, b = pert_ab(lo, mode, hi)
    return lo + (hi - lo) * rng.beta(a, b, n)


def pert_ppf(u, lo, mode, hi):
    a, b = pert_ab(lo, mode, hi)
    return lo + (hi - lo) * special.betaincinv(a, b, u)


def ranks(x):
    r = np.empty(len(x))
    r[np.argsort(x, kind="stable")] = np.arange(1, len(x) + 1)
    return r


def run():
    t0 = time.perf_counter()
    rng = np.random.default_rng(SEED)
    n = N
    d = {}
    d["alibaba_raise"] = pert_sample(rng, 0, 25, 60, n) / 100
    d["bytedance_capex_2025"] = pert_sample(rng, 120, 150, 180, n)
    d["tencent_capex_2025"] = pert_sample(rng, 70, 90, 120, n)
    d["baidu_capex_2025"] = rng.triangular(8, 12, 18, n)
    fa, fb = special.ndtr((-20 - 15) / 10), special.ndtr((50 - 15) / 10)
    d["capex_growth"] = (15 + 10 * special.ndtri(fa + rng.random(n) * (fb - fa))) / 100
    d["accel_share"] = pert_sample(rng, 40, 50, 65, n) / 100
    d["domestic_share_u"] = rng.random(n)
    s2 = np.log(1 + (25 / 120) ** 2)
    d["domestic_price"] = rng.lognormal(np.log(120) - s2 / 2, np.sqrt(s2), n)
    d["foundry_share"] = pert_sample(rng, 15, 22, 30, n) / 100
    d["huawei_weight"] = pert_sample(rng, 40, 50, 60, n)
    d["cambricon_weight"] = pert_sample(rng, 10, 18, 28, n)
    d["hygon_weight"] = pert_sample(rng, 5, 10, 15, n)
    d["inhouse_weight"] = pert_sample(rng, 10, 15, 25, n)

    # Iman-Conover on the correlated drivers (Spearman targets converted to normal-score Pearson).
    names = ["bytedance_capex_2025", "tencent_capex_2025", "alibaba_raise", "capex_growth", "domestic_share_u", "domestic_price"]
    target = np.eye(6)
    for a, b, r in [(0, 1, 0.5), (2, 3, 0.4), (4, 5, 0.3)]:
        target[a, b] = target[b, a] = 2 * np.sin(np.pi * r / 6)
    scores = special.ndtri(np.arange(1, n + 1) / (n + 1))
    s = np.column_stack([rng.permutation(scores) for _ in names])
    e = np.corrcoef(s, rowvar=False)
    t = s @ np.linalg.inv(np.linalg.cholesky(e)).T @ np.linalg.cholesky(target).T
    for j, name in enumerate(names):
        d[name] = np.sort(d[name])[np.argsort(np.argsort(t[:, j]))]

    u = d.pop("domestic_share_u")
    dom = np.stack([
        30 + 10 * u,
        pert_ppf(u, 35, 42, 50),
        pert_ppf(u, 38, 48, 55),
    ]) / 100
    t_sample = time.perf_counter()

    phasing = np.array([0.30, 0.33, 0.37])[:, None]
    alibaba = 380 * (1 + d["alibaba_raise"]) * phasing
    others = (d["bytedance_capex_2025"] + d["tencent_capex_2025"] + d["baidu_capex_2025"]) * (1 + d["capex_growth"]) ** (YEARS - 2025)[:, None]
    accel = (alibaba + others) * d["accel_share"]
    rev = accel * dom
    rev3 = rev.sum(axis=0)
    weights = d["huawei_weight"] + d["cambricon_weight"] + d["hygon_weight"] + d["inhouse_weight"] + 7
    series = {f"domestic_accel_revenue[{y}]": rev[i] for i, y in enumerate(YEARS)}
    series["domestic_accel_revenue_3y"] = rev3
    series["domestic_accel_revenue_usd_3y"] = rev3 / 7.1
    cards = rev * 1000 / d["domestic_price"]
    series.update({f"domestic_cards[{y}]": cards[i] for i, y in enumerate(YEARS)})
    series["foundry_revenue_3y"] = (rev * d["foundry_share"]).sum(axis=0)
    camb = rev * d["cambricon_weight"] / weights
    series.update({f"cambricon_revenue[{y}]": camb[i] for i, y in enumerate(YEARS)})
    hua = rev * d["huawei_weight"] / weights
    series.update({f"huawei_revenue[{y}]": hua[i] for i, y in enumerate(YEARS)})
    series["shift_gain_3y"] = (accel * np.maximum(dom - 0.3, 0)).sum(axis=0)
    d["domestic_share"] = u
    t_model = time.perf_counter()

    driver_ranks = np.stack([ranks(v) for v in d.values()])
    out = {}
    for label, x in series.items():
        pct = np.percentile(x, [5, 10, 25, 50, 75, 90, 95])
        lo, hi = np.percentile(x, [0.5, 99.5])
        hist = np.histogram(x, bins=30, range=(lo, hi))[0]
        rx = ranks(x)
        rho = np.corrcoef(np.vstack([rx, driver_ranks]))[0, 1:]
        out[label] = {"mean": float(x.mean()), "sd": float(x.std(ddof=1)), "p50": float(pct[3]), "hist0": int(hist[0]), "rho_max": float(np.abs(rho).max())}
        if label == "domestic_accel_revenue_3y":
            out[label]["probAbove"] = float((x > 300).mean())
    t_end = time.perf_counter()
    return {
        "draws": n,
        "seconds": t_end - t0,
        "sampleSeconds": t_sample - t0,
        "modelSeconds": t_model - t_sample,
        "statsSeconds": t_end - t_model,
        "series": len(series),
        "drivers": len(d),
        "rev3Mean": out["domestic_accel_revenue_3y"]["mean"],
        "rev3Sd": out["domestic_accel_revenue_3y"]["sd"],
        "rev3P50": out["domestic_accel_revenue_3y"]["p50"],
        "rev3ProbAbove": out["domestic_accel_revenue_3y"]["probAbove"],
    }


print(json.dumps(run()))
