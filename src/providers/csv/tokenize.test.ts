import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { InvalidInputError } from "../../errors.js";
import { tokenizeCsv } from "./tokenize.js";

const lines = (t: { lines: Int32Array | number[] }) => Array.from(t.lines);

describe("tokenizeCsv(text)", () => {
  it("tokenizeCsv(text) splits plain LF text into rows and 1-based lines", () => {
    const t = tokenizeCsv("date,close\n2025-09-23,101.5\n2025-09-24,102\n");
    expect(t.rows).toEqual([["date", "close"], ["2025-09-23", "101.5"], ["2025-09-24", "102"]]);
    expect(lines(t)).toEqual([1, 2, 3]);
    expect(t.delimiter).toBe(",");
  });

  it("tokenizeCsv(text) reads CRLF and a last line without a newline", () => {
    const t = tokenizeCsv("a,b\r\n1,2\r\n3,4");
    expect(t.rows).toEqual([["a", "b"], ["1", "2"], ["3", "4"]]);
  });

  it("tokenizeCsv(text) skips empty lines but counts them in line numbers", () => {
    const t = tokenizeCsv("\na,b\n\r\n1,2\n\n\n3,4\n\n");
    expect(t.rows).toEqual([["a", "b"], ["1", "2"], ["3", "4"]]);
    expect(lines(t)).toEqual([2, 4, 7]);
  });

  it("tokenizeCsv(text) keeps a line of only delimiters as a record of empty fields", () => {
    expect(tokenizeCsv("a,b,c\n,,\n").rows).toEqual([["a", "b", "c"], ["", "", ""]]);
  });

  it("tokenizeCsv(text) keeps trailing empty fields and does not trim spaces", () => {
    expect(tokenizeCsv("a, b ,\n").rows).toEqual([["a", " b ", ""]]);
  });

  it("tokenizeCsv(text) reads rows of different widths as they are", () => {
    expect(tokenizeCsv("a,b,c\n1\n1,2,3,4\n").rows).toEqual([["a", "b", "c"], ["1"], ["1", "2", "3", "4"]]);
  });

  it("tokenizeCsv(text) reads quoted fields with delimiters, doubled quotes and line breaks", () => {
    const text = 'name,note,close\n"Alibaba, Inc.","He said ""buy""",101.5\n"Tencent","line one\nline two",400\n';
    const t = tokenizeCsv(text);
    expect(t.rows).toEqual([
      ["name", "note", "close"],
      ["Alibaba, Inc.", 'He said "buy"', "101.5"],
      ["Tencent", "line one\nline two", "400"],
    ]);
    expect(lines(t)).toEqual([1, 2, 3]);
  });

  it("tokenizeCsv(text) numbers records after a multi-line quoted field by their physical line", () => {
    const t = tokenizeCsv('a,b\n"x\r\ny\r\nz",1\r\nlast,2\r\n');
    expect(t.rows).toEqual([["a", "b"], ["x\r\ny\r\nz", "1"], ["last", "2"]]);
    expect(lines(t)).toEqual([1, 2, 5]);
  });

  it("tokenizeCsv(text) reads empty quoted fields and a quoted last field before CRLF", () => {
    expect(tokenizeCsv('"",x,""\r\n"a","b"\r\n').rows).toEqual([["", "x", ""], ["a", "b"]]);
  });

  it("tokenizeCsv(text) keeps a quote inside an unquoted field as a literal character", () => {
    expect(tokenizeCsv('size,item\n5",pipe\n').rows).toEqual([["size", "item"], ['5"', "pipe"]]);
  });

  it("tokenizeCsv(text) sniffs tab, semicolon and pipe from the first non-empty line", () => {
    expect(tokenizeCsv("\n日期\t收盘\n2025-09-24\t1,477.00\n").delimiter).toBe("\t");
    expect(tokenizeCsv("Datum;Schluss\n24.09.2025;1,5\n").rows).toEqual([["Datum", "Schluss"], ["24.09.2025", "1,5"]]);
    expect(tokenizeCsv("a|b|c\n1|2|3\n").delimiter).toBe("|");
  });

  it("tokenizeCsv(text) ignores delimiters inside quotes when sniffing", () => {
    expect(tokenizeCsv('"a,b,c";"d"\n1;2\n').delimiter).toBe(";");
  });

  it("tokenizeCsv(text) falls back to a comma for a single-column file", () => {
    const t = tokenizeCsv("close\n101.5\n");
    expect(t.delimiter).toBe(",");
    expect(t.rows).toEqual([["close"], ["101.5"]]);
  });

  it("tokenizeCsv(text, { delimiter }) uses the given delimiter", () => {
    expect(tokenizeCsv("a;b,c\n", { delimiter: "," }).rows).toEqual([["a;b", "c"]]);
  });

  it("tokenizeCsv(text) drops a leading byte-order mark", () => {
    expect(tokenizeCsv("\ufeffdate,close\n").rows).toEqual([["date", "close"]]);
  });

  it("tokenizeCsv(text) returns no rows for empty text", () => {
    expect(tokenizeCsv("").rows).toEqual([]);
    expect(tokenizeCsv("\r\n\n").rows).toEqual([]);
  });

  it("tokenizeCsv(text) throws naming file and the line where an unterminated quote opened", () => {
    let err: unknown;
    try {
      tokenizeCsv('a,b\n1,2\n3,"open\n4,5\n', { file: "prices.csv" });
    } catch (e) {
      err = e;
    }
    expect(err).toBeInstanceOf(InvalidInputError);
    expect((err as InvalidInputError).message).toMatch(/^prices\.csv:3: .*never closed/);
    expect((err as InvalidInputError).issues[0]?.line).toBe(3);
  });

  it("tokenizeCsv(text, { delimiter }) rejects a delimiter that is not one character", () => {
    expect(() => tokenizeCsv("a\n", { delimiter: "::" })).toThrow(InvalidInputError);
    expect(() => tokenizeCsv("a\n", { delimiter: '"' })).toThrow(InvalidInputError);
  });
});

/** Writes a table the way a careful CSV writer would: quote a field that holds a quote, delimiter or line break. */
function serialise(rows: string[][], delimiter: string, eol: string): string {
  const quote = (f: string) => (/["\r\n]/.test(f) || f.includes(delimiter) ? `"${f.replace(/"/g, '""')}"` : f);
  return rows.map((r) => r.map(quote).join(delimiter)).join(eol) + eol;
}

// Fields from an alphabet rich in the characters that matter; a record must not serialise to an empty line
// (the tokenizer skips those), so single-field records have a non-empty field.
const field = fc.string({ unit: fc.constantFrom("a", "1", " ", ",", ";", '"', "\n", "\r\n", "日", "\t"), maxLength: 6 });
const table = fc.array(
  fc.array(field, { minLength: 1, maxLength: 5 }).filter((r) => r.length > 1 || (r[0] ?? "") !== ""),
  { minLength: 1, maxLength: 8 },
);

describe("tokenizeCsv(text) properties", () => {
  it("tokenizeCsv(serialise(table)) returns the table, for , ; and tab with LF or CRLF", () => {
    fc.assert(
      fc.property(table, fc.constantFrom(",", ";", "\t"), fc.constantFrom("\n", "\r\n"), (rows, delimiter, eol) => {
        const t = tokenizeCsv(serialise(rows, delimiter, eol), { delimiter });
        expect(t.rows).toEqual(rows);
      }),
      { numRuns: 500 },
    );
  });

  it("tokenizeCsv(text) line numbers start each record at the physical line after the previous record's breaks", () => {
    fc.assert(
      fc.property(table, (rows) => {
        const t = tokenizeCsv(serialise(rows, ",", "\n"), { delimiter: "," });
        // Record i starts after every "\n" written for records 0..i-1: their embedded breaks plus one each.
        let expected = 1;
        rows.forEach((r, i) => {
          expect(t.lines[i]).toBe(expected);
          expected += 1 + r.join("").split("\n").length - 1;
        });
      }),
      { numRuns: 300 },
    );
  });

  it("tokenizeCsv(text) agrees with its quoted path on text without quotes", () => {
    const plain = fc.array(fc.array(fc.string({ unit: fc.constantFrom("a", "1", " ", "."), maxLength: 4 }), { minLength: 2, maxLength: 4 }), { minLength: 1, maxLength: 6 });
    fc.assert(
      fc.property(plain, (rows) => {
        const text = rows.map((r) => r.join(",")).join("\n") + "\n";
        // A leading quoted field sends every line containing a quote down the character-by-character path.
        const quoted = rows.map((r) => [`"${r[0] ?? ""}"`, ...r.slice(1)].join(",")).join("\n") + "\n";
        expect(tokenizeCsv(quoted, { delimiter: "," }).rows).toEqual(tokenizeCsv(text, { delimiter: "," }).rows);
      }),
      { numRuns: 300 },
    );
  });
});
