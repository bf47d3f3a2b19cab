/**
 * The error catalogue. Every error rerate raises on purpose is a {@link RerateError} with a stable code.
 *
 * | code                  | meaning                                                   | CLI exit | HTTP |
 * |-----------------------|-----------------------------------------------------------|----------|------|
 * | `E_INVALID_INPUT`     | a file, argument or value is malformed; nothing written    | 2        | 400  |
 * | `E_NOT_FOUND`         | a security, group, file or record does not exist          | 3        | 404  |
 * | `E_EMPTY_DATA`        | valid input but too little data to compute the answer      | 4        | 422  |
 * | `E_STORE_VERSION`     | the store was written by a newer rerate                    | 5        | 500  |
 * | `E_PROVIDER_HTTP`     | a data provider failed (timeout, 429, 5xx)                 | 6        | 502  |
 * | `E_PROVIDER_SCHEMA`   | a data provider answered in a shape we do not understand   | 6        | 502  |
 * | `E_MISSING_CREDENTIAL`| a provider needs a setting the user has not given         | 7        | 400  |
 * | `E_STORE_BUSY`        | another process holds the store (a write, or `rerate serve` while writing); retry | 75 | 503 |
 * | `E_INTERNAL`          | a bug: please report it                                   | 70       | 500  |
 */
export type ErrorCode =
  | "E_INVALID_INPUT"
  | "E_NOT_FOUND"
  | "E_EMPTY_DATA"
  | "E_STORE_VERSION"
  | "E_PROVIDER_HTTP"
  | "E_PROVIDER_SCHEMA"
  | "E_MISSING_CREDENTIAL"
  | "E_STORE_BUSY"
  | "E_INTERNAL";

export const EXIT_CODES: Record<ErrorCode, number> = {
  E_INVALID_INPUT: 2,
  E_NOT_FOUND: 3,
  E_EMPTY_DATA: 4,
  E_STORE_VERSION: 5,
  E_PROVIDER_HTTP: 6,
  E_PROVIDER_SCHEMA: 6,
  E_MISSING_CREDENTIAL: 7,
  E_STORE_BUSY: 75,
  E_INTERNAL: 70,
};

export const HTTP_STATUS: Record<ErrorCode, number> = {
  E_INVALID_INPUT: 400,
  E_NOT_FOUND: 404,
  E_EMPTY_DATA: 422,
  E_STORE_VERSION: 500,
  E_PROVIDER_HTTP: 502,
  E_PROVIDER_SCHEMA: 502,
  E_MISSING_CREDENTIAL: 400,
  E_STORE_BUSY: 503,
  E_INTERNAL: 500,
};

/** One problem located in an input: file, 1-based line, column name, offending value and why. */
export interface InputIssue {
  file?: string;
  /** 1-based physical line in a text file. */
  line?: number;
  /** 1-based record index in a JSON array (when there is no meaningful line). */
  record?: number;
  column?: string;
  value?: string;
  reason: string;
}

/** Longest part of a bad value (or column name) an error quotes; a 50 MB cell is shown as its first characters and its length. */
export const MAX_ECHO = 80;

/**
 * Shortens text quoted in an error to {@link MAX_ECHO} characters, saying how long it was.
 * @example capEcho("x".repeat(1000)) // "xxx…x… (1000 characters)"
 */
export function capEcho(s: string, max = MAX_ECHO): string {
  return s.length <= max ? s : `${s.slice(0, max - 1)}… (${s.length} characters)`;
}

/** An issue whose quoted value and column are at most {@link MAX_ECHO} characters and whose reason at most 400. */
export function capIssue(issue: InputIssue): InputIssue {
  const long = (issue.value?.length ?? 0) > MAX_ECHO || (issue.column?.length ?? 0) > MAX_ECHO || issue.reason.length > 400;
  if (!long) return issue;
  return {
    ...issue,
    ...(issue.value !== undefined ? { value: capEcho(issue.value) } : {}),
    ...(issue.column !== undefined ? { column: capEcho(issue.column) } : {}),
    reason: capEcho(issue.reason, 400),
  };
}

/** Formats an issue the way every message in rerate reads: `file:line: column "value" reason`. */
export function formatIssue(raw: InputIssue): string {
  const issue = capIssue(raw);
  const pos = issue.line !== undefined ? String(issue.line) : issue.record !== undefined ? `record ${issue.record}` : undefined;
  const where = [issue.file, pos].filter((x) => x !== undefined).join(":");
  const what = issue.column !== undefined ? `${issue.column}${issue.value !== undefined ? ` ${JSON.stringify(issue.value)}` : ""} ` : issue.value !== undefined ? `${JSON.stringify(issue.value)} ` : "";
  return `${where ? where + ": " : ""}${what}${issue.reason}`;
}

export class RerateError extends Error {
  readonly code: ErrorCode;
  readonly issues: InputIssue[];
  constructor(code: ErrorCode, message: string, options: { issues?: InputIssue[]; cause?: unknown } = {}) {
    super(message, options.cause !== undefined ? { cause: options.cause } : undefined);
    this.name = "RerateError";
    this.code = code;
    this.issues = (options.issues ?? []).map(capIssue);
  }
}

/** Bad input: a file, argument or value. `issues` locates each problem. */
export class InvalidInputError extends RerateError {
  constructor(message: string, issues: InputIssue[] = []) {
    super("E_INVALID_INPUT", message, { issues });
    this.name = "InvalidInputError";
  }
  /** One located problem: the message is the formatted issue. */
  static at(issue: InputIssue): InvalidInputError {
    return new InvalidInputError(formatIssue(issue), [issue]);
  }
}

export class NotFoundError extends RerateError {
  constructor(message: string) {
    super("E_NOT_FOUND", message);
    this.name = "NotFoundError";
  }
}

export class EmptyDataError extends RerateError {
  constructor(message: string) {
    super("E_EMPTY_DATA", message);
    this.name = "EmptyDataError";
  }
}

export function isRerateError(e: unknown): e is RerateError {
  return e instanceof RerateError;
}
