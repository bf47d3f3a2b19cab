import iconv from "iconv-lite";
import { describe, expect, it } from "vitest";
import { InvalidInputError } from "../../errors.js";
import { decodeText } from "./decode.js";

const SIMPLIFIED = [
  "日期,开盘,最高,最低,收盘,成交量",
  "2025-09-22,1450.00,1462.50,1441.10,1455.80,3021456",
  "2025-09-23,1455.80,1470.00,1452.00,1468.20,2874310",
  "2025-09-24,1468.20,1481.00,1460.30,1477.00,3110982",
  "",
].join("\n");
const TRADITIONAL = [
  "日期,開盤價,最高價,最低價,收盤價,成交量",
  "2025/09/22,1080.0,1095.0,1075.0,1090.0,28456789",
  "2025/09/23,1090.0,1100.0,1085.0,1095.0,25123456",
  "2025/09/24,1095.0,1110.0,1090.0,1105.0,30987654",
  "",
].join("\r\n");
const utf8 = (s: string) => new TextEncoder().encode(s);

function caught(fn: () => unknown): InvalidInputError {
  try {
    fn();
  } catch (e) {
    if (e instanceof InvalidInputError) return e;
    throw e;
  }
  throw new Error("expected an InvalidInputError");
}

describe("decodeText(bytes)", () => {
  it("decodeText(bytes) reads valid UTF-8 as utf-8", () => {
    expect(decodeText(utf8(SIMPLIFIED))).toEqual({ text: SIMPLIFIED, encoding: "utf-8", hadBom: false });
  });

  it("decodeText(bytes) reads plain ASCII as utf-8", () => {
    expect(decodeText(utf8("Date,Close\n2025-09-24,101.5\n")).encoding).toBe("utf-8");
  });

  it("decodeText(bytes) strips a UTF-8 BOM and reports it", () => {
    const bytes = new Uint8Array([0xef, 0xbb, 0xbf, ...utf8("日期,收盘\n")]);
    expect(decodeText(bytes)).toEqual({ text: "日期,收盘\n", encoding: "utf-8", hadBom: true });
  });

  it("decodeText(bytes) detects GBK (Simplified) and decodes it as gb18030", () => {
    const r = decodeText(iconv.encode(SIMPLIFIED, "gbk"));
    expect(r.encoding).toBe("gb18030");
    expect(r.text).toBe(SIMPLIFIED);
    expect(r.text.split("\n")[0]).toBe("日期,开盘,最高,最低,收盘,成交量");
  });

  it("decodeText(bytes) detects Big5 (Traditional)", () => {
    const r = decodeText(iconv.encode(TRADITIONAL, "big5"));
    expect(r.encoding).toBe("big5");
    expect(r.text).toBe(TRADITIONAL);
  });

  it("decodeText(bytes) tells GBK from Big5 on a two-line file too short for statistics", () => {
    const gbk = "股票代码,名称,市盈率\n600519,贵州茅台,20.5\n";
    const big5 = "證券代號,證券名稱,收盤價\n2330,台積電,1105\n";
    expect(decodeText(iconv.encode(gbk, "gbk"))).toEqual({ text: gbk, encoding: "gb18030", hadBom: false });
    expect(decodeText(iconv.encode(big5, "big5"))).toEqual({ text: big5, encoding: "big5", hadBom: false });
  });

  it("decodeText(bytes, { encoding }) uses the given encoding: gbk, gb2312 and big5", () => {
    expect(decodeText(iconv.encode(SIMPLIFIED, "gbk"), { encoding: "GBK" })).toEqual({ text: SIMPLIFIED, encoding: "gb18030", hadBom: false });
    expect(decodeText(iconv.encode("日期,收盘\n", "gb2312"), { encoding: "gb2312" }).text).toBe("日期,收盘\n");
    expect(decodeText(iconv.encode(TRADITIONAL, "big5"), { encoding: "big5" }).text).toBe(TRADITIONAL);
  });

  it("decodeText(bytes, { encoding }) overrides detection even when the guess would differ", () => {
    // The GBK bytes of 日期 (C8 D5 C6 DA) read as Big5 are two other characters; the user asked for Big5.
    const r = decodeText(iconv.encode("日期\n", "gbk"), { encoding: "big5" });
    expect(r.encoding).toBe("big5");
    expect(r.text).not.toBe("日期\n");
  });

  it("decodeText(bytes, { encoding: \"utf8\" }) accepts utf8 and utf-8, with a BOM", () => {
    const bytes = new Uint8Array([0xef, 0xbb, 0xbf, ...utf8("a,b\n")]);
    expect(decodeText(bytes, { encoding: "utf8" })).toEqual({ text: "a,b\n", encoding: "utf-8", hadBom: true });
    expect(decodeText(bytes, { encoding: "UTF-8" }).text).toBe("a,b\n");
  });

  it("decodeText(bytes, { encoding: \"utf-8\" }) throws on GBK bytes instead of guessing", () => {
    const e = caught(() => decodeText(iconv.encode(SIMPLIFIED, "gbk"), { encoding: "utf-8", file: "600519.csv" }));
    expect(e.message).toMatch(/600519\.csv.*not valid UTF-8/);
  });

  it("decodeText(bytes) reads UTF-16LE and UTF-16BE with a BOM", () => {
    const le = iconv.encode("日期,收盘\n2025-09-24,1477.00\n", "utf-16le");
    const be = iconv.encode("日期,收盘\n", "utf-16be");
    expect(decodeText(new Uint8Array([0xff, 0xfe, ...le]))).toEqual({ text: "日期,收盘\n2025-09-24,1477.00\n", encoding: "utf-16le", hadBom: true });
    expect(decodeText(new Uint8Array([0xfe, 0xff, ...be]))).toEqual({ text: "日期,收盘\n", encoding: "utf-16be", hadBom: true });
  });

  it("decodeText(bytes) reads mostly-ASCII UTF-16LE without a BOM", () => {
    const text = "Date,Close\n2025-09-24,101.5\n";
    expect(decodeText(iconv.encode(text, "utf-16le"))).toEqual({ text, encoding: "utf-16le", hadBom: false });
  });

  it("decodeText(bytes, { encoding }) throws for an unknown encoding, naming file, value and the accepted list", () => {
    const e = caught(() => decodeText(utf8("a\n"), { encoding: "latin-9", file: "prices.csv" }));
    expect(e.code).toBe("E_INVALID_INPUT");
    expect(e.message).toContain("prices.csv");
    expect(e.message).toContain('"latin-9"');
    expect(e.message).toContain("gb18030");
    expect(e.message).toContain("big5");
  });

  it("decodeText(bytes) throws for an XLSX (ZIP) file, suggesting an export to CSV", () => {
    const xlsx = new Uint8Array([0x50, 0x4b, 0x03, 0x04, 0x14, 0x00, 0x06, 0x00, 0x08, 0x00, 0x00, 0x00, 0x21, 0x00]);
    const e = caught(() => decodeText(xlsx, { file: "prices.xlsx" }));
    expect(e.message).toMatch(/prices\.xlsx: is not a text file/);
    expect(e.message).toMatch(/xlsx/i);
    expect(e.message).toMatch(/CSV/);
  });

  it("decodeText(bytes) throws for binary bytes with NULs", () => {
    const bin = new Uint8Array(256).map((_, i) => (i * 37 + 11) & 0xff);
    bin[3] = 0;
    const e = caught(() => decodeText(bin, { file: "blob.bin" }));
    expect(e.message).toMatch(/blob\.bin: is not a text file/);
  });

  it("decodeText(bytes) does not mutate its input", () => {
    const bytes = new Uint8Array([0xef, 0xbb, 0xbf, ...utf8("a\n")]);
    const copy = bytes.slice();
    decodeText(bytes);
    expect(bytes).toEqual(copy);
  });
});
