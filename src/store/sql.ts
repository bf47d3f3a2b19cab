/** Quotes an SQL identifier (table or column name) for DuckDB: the one place identifiers are quoted. */
export function quoteIdent(name: string): string {
  return `"${name.replaceAll('"', '""')}"`;
}

/** Quotes a string literal for DuckDB (used only for values that cannot be bound, such as file paths in PRAGMAs). */
export function quoteLiteral(value: string): string {
  return `'${value.replaceAll("'", "''")}'`;
}
