/** EPS metrics in order of preference (diluted, then basic). Internal. */
export const EPS_METRICS = ["epsDiluted", "epsBasic"] as const;
