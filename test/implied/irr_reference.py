"""Independent reference for rerate's implied cost of equity: scipy.optimize.brentq on the same DCF.

Reads JSON cases from stdin: [{cashFlow0, growth, growthPath, highGrowthYears, fadeYears, terminalGrowth,
exitMultiple|null, payoutRatio, price}], writes [irr, ...] to stdout. Written from FORMULAS.md, not from rerate's code.
"""
import json
import sys

from scipy.optimize import brentq


def value(k, c):
    n1, n2 = c["highGrowthYears"], c["fadeYears"]
    g, gt, path = c["growth"], c["terminalGrowth"], c["growthPath"]
    rates = [path[t] if t < len(path) else g for t in range(n1)]
    rates += [g - (g - gt) * j / n2 for j in range(1, n2 + 1)]
    e, v = c["cashFlow0"], 0.0
    for t, r in enumerate(rates, start=1):
        e *= 1 + r
        v += c["payoutRatio"] * e / (1 + k) ** t
    n = len(rates)
    if c["exitMultiple"] is None:
        tv = c["payoutRatio"] * e * (1 + gt) / (k - gt)
    else:
        tv = c["exitMultiple"] * e
    return v + tv / (1 + k) ** n


def irr(c):
    lo = (c["terminalGrowth"] if c["exitMultiple"] is None else -1.0) + 1e-9
    hi = 10.0
    return brentq(lambda k: value(k, c) - c["price"], lo, hi, xtol=1e-15, maxiter=500)


json.dump([irr(c) for c in json.load(sys.stdin)], sys.stdout)
