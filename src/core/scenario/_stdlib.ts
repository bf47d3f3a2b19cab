/*
 * The @stdlib distribution functions rerate uses, imported one package each: loading the whole
 * @stdlib/stats-base-dists namespace (the declared dependency) costs ~0.8 s, once per worker thread.
 * These packages are its own dependencies, installed with it. Internal: not re-exported.
 */
export { default as normalQuantileExact } from "@stdlib/stats-base-dists-normal-quantile";
export { default as normalCdf } from "@stdlib/stats-base-dists-normal-cdf";
export { default as lognormalQuantile } from "@stdlib/stats-base-dists-lognormal-quantile";
export { default as lognormalCdf } from "@stdlib/stats-base-dists-lognormal-cdf";
export { default as triangularQuantile } from "@stdlib/stats-base-dists-triangular-quantile";
export { default as triangularCdf } from "@stdlib/stats-base-dists-triangular-cdf";
export { default as betaQuantile } from "@stdlib/stats-base-dists-beta-quantile";
export { default as betaCdf } from "@stdlib/stats-base-dists-beta-cdf";
export { default as betaPdf } from "@stdlib/stats-base-dists-beta-pdf";
