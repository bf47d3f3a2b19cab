import { analyse } from "chardet";
import iconv from "iconv-lite";
import { InvalidInputError } from "../../errors.js";

/** Text decoded from a file's bytes, with the encoding it was read as. */
export interface DecodedText {
  text: string;
  encoding: "utf-8" | "gb18030" | "big5" | "utf-16le" | "utf-16be";
  hadBom: boolean;
}

type Encoding = DecodedText["encoding"];

/** Encoding names accepted in `opts.encoding`, mapped to the decoder used (GBK and GB2312 are subsets of GB18030). */
const ENCODING_ALIASES: Readonly<Record<string, Encoding>> = {
  "utf-8": "utf-8", utf8: "utf-8",
  gb18030: "gb18030", gbk: "gb18030", gb2312: "gb18030", cp936: "gb18030",
  big5: "big5", "big5-hkscs": "big5", big5hkscs: "big5", cp950: "big5",
  "utf-16le": "utf-16le", utf16le: "utf-16le", "utf-16be": "utf-16be", utf16be: "utf-16be",
};

/** Bytes of the start of a file that chardet and the character count look at. */
const SAMPLE_BYTES = 64 * 1024;
/** Bytes of the start of a file checked for binary content and BOM-less UTF-16: binary shows itself early. */
const SNIFF_BYTES = 8 * 1024;

/**
 * Characters frequent in Chinese financial files, in both scripts. A wrong guess between GB18030 and Big5 decodes
 * to rare characters, kana and Greek, so the right one is the decoding with more of these.
 */
const COMMON_CHARS = new Set(Array.from(
  "的一是不了人在有中大来以个上们到国和地出要于就下可年生会后能对事其所行过家十用发天然作方成者多日三二无同经法当" +
  "与进种将还分此前面又定见只主公从已样民实现因知两把长开本电动产理关点体制政机高全建物力问被明内平新等最正月情义向" +
  "美手系外使量题任重通意结特比工四期这为时说与学进从动关现开电长国东华业际价务资数据报总额号" +
  "這為來個們說國時會後對過發當學進種將還從見長開電動產現關點體機問題東華業際價務資數據報總額號" +
  "盘收低交涨跌幅换手率振代码名称股票证券格市值盈净利润营入总产负债每益元万亿季度告金流红派息送转配通港币行板块指基" +
  "团份限银保险科技源医药消费复权买卖委单位千百折溢均线昨今汇率美元人民周日" +
  "盤漲換證碼稱淨潤營總產負債萬億報現紅轉幣業塊數債團銀險醫藥費複權買賣單張筆餘號",
).map((c) => c.codePointAt(0) ?? 0));

const ACCEPTED = "utf-8, gb18030 (also gbk, gb2312), big5, utf-16le, utf-16be";

/**
 * Decodes a file's bytes to text: strips a byte-order mark, reads UTF-8 when the bytes are valid UTF-8 and
 * otherwise tells GB18030 (GBK, GB2312) from Big5.
 *
 * @param bytes - The whole file.
 * @param opts - `encoding` forces an encoding (utf-8, utf8, gbk, gb2312, gb18030, big5, utf-16le, utf-16be);
 *   `file` names the file in error messages.
 * @returns The text without its BOM, the encoding used and whether a BOM was present.
 * @throws InvalidInputError when the encoding name is unknown, or the bytes are not text (binary, ZIP/XLSX, PDF).
 * @example
 * decodeText(iconv.encode("日期,收盘\n", "gbk")); // { text: "日期,收盘\n", encoding: "gb18030", hadBom: false }
 */
export function decodeText(bytes: Uint8Array, opts: { encoding?: string; file?: string } = {}): DecodedText {
  const file = opts.file ?? "input";
  rejectKnownBinary(bytes, file);
  const bom = readBom(bytes);
  const forced = opts.encoding !== undefined ? resolveEncoding(opts.encoding, file) : undefined;
  const encoding = forced ?? bom ?? sniffUtf16(bytes);
  if (encoding === "utf-16le" || encoding === "utf-16be") {
    const skip = bom === encoding ? 2 : 0;
    return { text: iconv.decode(bytes.subarray(skip), encoding, { stripBOM: false }), encoding, hadBom: skip > 0 };
  }
  rejectControlBytes(bytes, file);
  const hadBom = bom === "utf-8" && (forced === undefined || forced === "utf-8");
  const body = hadBom ? bytes.subarray(3) : bytes;
  if (forced === undefined || forced === "utf-8") {
    const text = decodeUtf8(body);
    if (text !== undefined) return { text, encoding: "utf-8", hadBom };
    if (forced === "utf-8") {
      throw new InvalidInputError(`${file}: is not valid UTF-8; leave the encoding out to detect it, or pass gbk or big5`);
    }
  }
  const chosen = forced ?? guessChineseEncoding(body);
  const text = iconv.decode(body, chosen, { stripBOM: false });
  if (forced === undefined && countReplacements(text, SAMPLE_BYTES) > 8) {
    throw new InvalidInputError(`${file}: is not a text file in a supported encoding (${ACCEPTED}); save it as CSV (UTF-8) and import that`);
  }
  return { text, encoding: chosen, hadBom };
}

/** Maps a user-given encoding name to the decoder, or throws listing the accepted names. */
function resolveEncoding(name: string, file: string): Encoding {
  const enc = ENCODING_ALIASES[name.trim().toLowerCase().replace(/_/g, "-")];
  if (enc === undefined) {
    throw InvalidInputError.at({ file, column: "encoding", value: name, reason: `is not supported; use one of ${ACCEPTED}` });
  }
  return enc;
}

function readBom(b: Uint8Array): Encoding | undefined {
  if (b[0] === 0xef && b[1] === 0xbb && b[2] === 0xbf) return "utf-8";
  if (b[0] === 0xff && b[1] === 0xfe) return "utf-16le";
  if (b[0] === 0xfe && b[1] === 0xff) return "utf-16be";
  return undefined;
}

/** UTF-16 without a BOM shows as NUL bytes in every other position (the high byte of ASCII characters). */
function sniffUtf16(b: Uint8Array): Encoding | undefined {
  const n = Math.min(b.length, SNIFF_BYTES) & ~1;
  if (n < 4) return undefined;
  let evenNul = 0;
  let oddNul = 0;
  for (let i = 0; i < n; i += 2) {
    if (b[i] === 0) evenNul++;
    if (b[i + 1] === 0) oddNul++;
  }
  const pairs = n / 2;
  if (oddNul > pairs * 0.3 && evenNul < pairs * 0.02) return "utf-16le";
  if (evenNul > pairs * 0.3 && oddNul < pairs * 0.02) return "utf-16be";
  return undefined;
}

function rejectKnownBinary(b: Uint8Array, file: string): void {
  const starts = (...sig: number[]) => sig.every((v, i) => b[i] === v);
  let what: string | undefined;
  if (starts(0x50, 0x4b, 0x03, 0x04)) what = "a ZIP archive or an Excel .xlsx workbook; open it and export the sheet to CSV (UTF-8)";
  else if (starts(0xd0, 0xcf, 0x11, 0xe0)) what = "an Excel .xls workbook; open it and export the sheet to CSV (UTF-8)";
  else if (starts(0x25, 0x50, 0x44, 0x46)) what = "a PDF document; export the table to CSV";
  else if (starts(0x1f, 0x8b)) what = "gzip-compressed; decompress it first";
  if (what !== undefined) throw new InvalidInputError(`${file}: is not a text file: it is ${what}`);
}

/** NUL and other C0 controls (except tab, LF, FF, CR) never occur in text files; look at the start only. */
function rejectControlBytes(b: Uint8Array, file: string): void {
  const n = Math.min(b.length, SNIFF_BYTES);
  for (let i = 0; i < n; i++) {
    const c = b[i] as number;
    if (c < 0x20 && c !== 0x09 && c !== 0x0a && c !== 0x0c && c !== 0x0d) {
      throw new InvalidInputError(
        `${file}: is not a text file (control byte 0x${c.toString(16).padStart(2, "0")} at offset ${i}); export the data to CSV and import that`,
      );
    }
  }
}

const utf8Strict = new TextDecoder("utf-8", { fatal: true, ignoreBOM: true });

function decodeUtf8(b: Uint8Array): string | undefined {
  try {
    return utf8Strict.decode(b);
  } catch {
    return undefined;
  }
}

/** chardet when it is sure; otherwise the decoding with more common Chinese characters (ties go to GB18030). */
function guessChineseEncoding(body: Uint8Array): "gb18030" | "big5" {
  const sample = body.subarray(0, SAMPLE_BYTES);
  let gb = 0;
  let big5 = 0;
  for (const m of analyse(sample)) {
    if (m.name === "GB18030") gb = Math.max(gb, m.confidence);
    if (m.name === "Big5") big5 = Math.max(big5, m.confidence);
  }
  if (Math.abs(gb - big5) >= 50) return gb > big5 ? "gb18030" : "big5";
  const gbScore = scoreChinese(iconv.decode(sample, "gb18030"));
  const big5Score = scoreChinese(iconv.decode(sample, "big5"));
  if (gbScore !== big5Score) return gbScore > big5Score ? "gb18030" : "big5";
  return big5 > gb ? "big5" : "gb18030";
}

function scoreChinese(text: string): number {
  let score = 0;
  for (const ch of text) {
    const c = ch.codePointAt(0) ?? 0;
    if (c < 0x80) continue;
    if (COMMON_CHARS.has(c)) score += 1;
    else if (c === 0xfffd || (c >= 0x3040 && c <= 0x31bf) || (c >= 0x370 && c <= 0x4ff) || (c >= 0xe000 && c <= 0xf8ff)) score -= 2;
  }
  return score;
}

function countReplacements(text: string, limit: number): number {
  let count = 0;
  let i = text.indexOf("\ufffd");
  while (i !== -1 && i < limit) {
    count++;
    i = text.indexOf("\ufffd", i + 1);
  }
  return count;
}
