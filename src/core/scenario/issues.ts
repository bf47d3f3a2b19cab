/** A problem in a scenario model, located by its path in the model object (drivers.capex.dist.sd). */
export interface ModelIssue {
  readonly path: readonly (string | number)[];
  /** The offending value, as text. */
  readonly value?: string;
  readonly reason: string;
}

/** Dotted form of a path: drivers.capex.byYear.2026.mode. */
export function pathText(path: readonly (string | number)[]): string {
  return path.map(String).join(".");
}
