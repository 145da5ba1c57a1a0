/**
 * A streaming scan of one XML part, fed the part's bytes a chunk at a time as they inflate, so a
 * reader can stop as soon as it has what it needs (or a limit is passed) and never holds a part
 * whole. Elements come to the handler by local name (prefixes dropped, as OOXML readers match
 * them) with their attributes decoded; text only when the handler asks to capture it, up to a
 * byte limit it sets, so a 50 MB text node is refused after its first few hundred kilobytes.
 *
 * Well-formedness, as far as the scan reaches: tags nested and closed in order, one root, every
 * attribute name="quoted" without "<" (those read also decoded and never given twice), only the
 * five predefined entities and character references to characters XML allows, no control
 * characters, valid UTF-8 in what is decoded.
 * A DOCTYPE (the door to entity expansion and external entities) is refused: no workbook has one.
 */
import { refuse } from "./gate";

export type Attrs = Record<string, string>;

export interface XmlHandler {
  /**
   * Element (local name) → the attributes (local names) the handler reads; the others are checked
   * for syntax but not decoded, and an element not listed gets none. Without it, all are decoded.
   */
  attributesOf?: ReadonlyMap<string, readonly string[]>;
  open(name: string, attrs: Attrs): void;
  close(name: string): void;
}

/** Markup (a tag, a comment) longer than this is no workbook's. */
const MAX_MARKUP = 1024 * 1024;

const LT = 0x3c;
const GT = 0x3e;
const SLASH = 0x2f;
const QUOTE = 0x22;
const APOS = 0x27;
const EQ = 0x3d;

export class XmlScanner {
  private pending: Uint8Array | null = null;
  private readonly stack: ElementName[] = [];
  private roots = 0;
  private stopped = false;
  private captured: Uint8Array[] | null = null;
  /**
   * The captured text while it is one run of the buffer being scanned (a cell's value, almost
   * always): a range of that buffer, not a copy. Copied into `captured` when more text follows or
   * when feed() returns, so nothing outlives the call that lent it.
   */
  private lent: Uint8Array | null = null;
  private lentFrom = 0;
  private lentTo = 0;
  private capturedBytes = 0;
  private captureLimit = 0;
  private onOverflow: () => never = () => refuse("over-limit", "", "");
  private started = false;

  constructor(
    private readonly part: string,
    private readonly handler: XmlHandler,
  ) {}

  /** Stops the scan: what is fed from now on is ignored (the zip still checks the rest of the part). */
  stop(): void {
    this.stopped = true;
  }

  get done(): boolean {
    return this.stopped;
  }

  /** Starts keeping the text that follows (until takeText), refusing through onOverflow past maxBytes. */
  capture(maxBytes: number, onOverflow: () => never): void {
    this.captured = [];
    this.lent = null;
    this.capturedBytes = 0;
    this.captureLimit = maxBytes;
    this.onOverflow = onOverflow;
  }

  /** The text captured since capture(), entities and UTF-8 decoded; capturing stops. */
  takeText(): string {
    const parts = this.captured ?? [];
    this.captured = null;
    const lent = this.lent;
    if (lent) {
      // Set only while nothing else was captured.
      this.lent = null;
      return this.decode(lent, this.lentFrom, this.lentTo);
    }
    const bytes = parts.length === 1 ? parts[0] : concat(parts, this.capturedBytes);
    return this.decode(bytes, 0, bytes.byteLength);
  }

  feed(chunk: Uint8Array): void {
    if (this.stopped) return;
    this.scanChunk(chunk);
    this.giveBack();
  }

  /** The lent range copied into the captured pieces: more text follows, or its buffer goes back to the caller. */
  private giveBack(): void {
    if (this.lent === null) return;
    this.captured?.push(this.lent.slice(this.lentFrom, this.lentTo));
    this.lent = null;
  }

  private scanChunk(chunk: Uint8Array): void {
    let buf = chunk;
    if (!this.started) {
      this.started = true;
      if (buf[0] === 0xfe || buf[0] === 0xff) this.fail("不是 UTF-8 编码", "is not encoded in UTF-8");
      if (buf[0] === 0xef && buf[1] === 0xbb && buf[2] === 0xbf) buf = buf.subarray(3);
    }
    if (this.pending) {
      buf = concat([this.pending, buf], this.pending.byteLength + buf.byteLength);
      this.pending = null;
    }
    const n = buf.byteLength;
    let p = 0;
    while (p < n && !this.stopped) {
      const lt = buf.indexOf(LT, p);
      const textEnd = lt < 0 ? n : lt;
      if (textEnd > p) this.text(buf, p, textEnd);
      if (lt < 0) return;
      const next = this.markup(buf, lt);
      if (next < 0) {
        if (n - lt > MAX_MARKUP) this.fail("含有过长的标记", "holds markup too long for any workbook");
        this.pending = buf.slice(lt);
        return;
      }
      p = next;
    }
  }

  /** The part is over: everything opened is closed, one root element. */
  end(): void {
    if (this.stopped) return;
    if (this.pending || this.stack.length > 0 || this.roots !== 1) this.fail("不完整（标记未闭合）", "is incomplete (unclosed markup)");
  }

  private fail(zh: string, en: string): never {
    refuse("unreadable", `工作簿无法读取：部件 ${this.part} ${zh}`, `the workbook cannot be read: part ${this.part} ${en}`);
  }

  private text(buf: Uint8Array, from: number, to: number): void {
    if (this.captured) {
      this.capturedBytes += to - from;
      if (this.capturedBytes > this.captureLimit) this.onOverflow();
      if (this.captured.length === 0 && this.lent === null) {
        this.lent = buf;
        this.lentFrom = from;
        this.lentTo = to;
      } else {
        this.giveBack();
        this.captured.push(buf.slice(from, to));
      }
      return;
    }
    const outside = this.stack.length === 0;
    for (let i = from; i < to; i++) {
      const b = buf[i];
      if (b < 0x20 && b !== 0x09 && b !== 0x0a && b !== 0x0d) this.fail("含有 XML 不允许的控制字符", "holds a control character XML forbids");
      if (outside && b !== 0x20 && b !== 0x09 && b !== 0x0a && b !== 0x0d) this.fail("在根元素之外有文本", "has text outside its root element");
    }
  }

  /** Handles the markup starting at `at` ("<"); the position after it, or -1 when it is not all here yet. */
  private markup(buf: Uint8Array, at: number): number {
    const n = buf.byteLength;
    if (at + 1 >= n) return -1;
    const second = buf[at + 1];
    if (second === 0x3f) {
      // <? … ?>: the XML declaration or a processing instruction.
      const end = indexOfSeq(buf, [0x3f, GT], at + 2);
      return end < 0 ? -1 : end + 2;
    }
    if (second === 0x21) {
      if (startsWithAscii(buf, at, "<!--")) {
        const end = indexOfSeq(buf, [0x2d, 0x2d, GT], at + 4);
        return end < 0 ? -1 : end + 3;
      }
      if (startsWithAscii(buf, at, "<![CDATA[")) {
        const end = indexOfSeq(buf, [0x5d, 0x5d, GT], at + 9);
        if (end < 0) return -1;
        if (this.stack.length === 0) this.fail("在根元素之外有文本", "has text outside its root element");
        if (this.captured) {
          // Captured as character references, so the decoding after keeps it literal.
          const literal = new TextEncoder().encode(escapeText(this.decodeUtf8(buf.subarray(at + 9, end))));
          this.capturedBytes += literal.byteLength;
          if (this.capturedBytes > this.captureLimit) this.onOverflow();
          this.giveBack();
          this.captured.push(literal);
        }
        return end + 3;
      }
      if (n - at < 9) return -1;
      this.fail("含有 DOCTYPE 或未知的声明（工作簿从不含有）", "holds a DOCTYPE or another declaration, which no workbook has");
    }
    // A tag: up to the ">" outside quotes.
    let quote = 0;
    let end = -1;
    for (let i = at + 1; i < n; i++) {
      const b = buf[i];
      if (quote) {
        if (b === quote) quote = 0;
        else if (b === LT) this.fail("的属性值中含有“<”", "has a “<” in an attribute value");
      } else if (b === QUOTE || b === APOS) quote = b;
      else if (b === GT) {
        end = i;
        break;
      } else if (b === LT) this.fail("的标记不完整", "has a broken tag");
    }
    if (end < 0) return -1;
    if (second === SLASH) {
      let nameEnd = end;
      while (nameEnd > at + 2 && isSpace(buf[nameEnd - 1])) nameEnd--;
      const open = this.stack.pop();
      if (open === undefined || !(sameAscii(buf, at + 2, nameEnd, open.name) || this.ascii(buf, at + 2, nameEnd) === open.name)) {
        const name = this.ascii(buf, at + 2, nameEnd);
        this.fail(`的结束标记 </${name}> 与开始标记不符`, `closes </${name}> where it should close ${open ? `<${open.name}>` : "nothing"}`);
      }
      this.handler.close(open.local);
      return end + 1;
    }
    const empty = buf[end - 1] === SLASH;
    const tagEnd = empty ? end - 1 : end;
    let i = at + 1;
    while (i < tagEnd && !isSpace(buf[i])) i++;
    if (i === at + 1) this.fail("的标记不完整", "has a broken tag");
    const { name, local } = this.intern(buf, at + 1, i);
    const of = this.handler.attributesOf;
    const attrs = this.attributes(buf, i, tagEnd, of ? (of.get(local) ?? NONE) : null);
    if (this.stack.length === 0 && ++this.roots > 1) this.fail("有不止一个根元素", "has more than one root element");
    if (!empty) this.stack.push({ name, local });
    this.handler.open(local, attrs);
    if (empty) this.handler.close(local);
    return end + 1;
  }

  /** The attributes named in `wanted` (all when null), decoded; every attribute's syntax checked. */
  private attributes(buf: Uint8Array, from: number, to: number, wanted: readonly string[] | null): Attrs {
    let attrs: Attrs | null = null;
    let i = from;
    for (;;) {
      while (i < to && isSpace(buf[i])) i++;
      if (i >= to) return attrs ?? NO_ATTRS;
      const nameStart = i;
      let localStart = i;
      while (i < to && buf[i] !== EQ && !isSpace(buf[i])) {
        if (buf[i] === 0x3a) localStart = i + 1;
        i++;
      }
      const nameEnd = i;
      if (nameEnd === nameStart) this.fail("的属性缺少名称", "has an attribute without a name");
      while (i < to && isSpace(buf[i])) i++;
      if (buf[i] !== EQ) this.fail("的属性缺少“=”", "has an attribute without “=”");
      i++;
      while (i < to && isSpace(buf[i])) i++;
      const quote = buf[i];
      if (quote !== QUOTE && quote !== APOS) this.fail("的属性值没有引号", "has an unquoted attribute value");
      const close = buf.indexOf(quote, i + 1);
      if (close < 0 || close >= to) this.fail("的属性值没有闭合", "has an unclosed attribute value");
      let name: string | undefined;
      if (wanted === null) name = this.ascii(buf, localStart, nameEnd);
      else for (let w = 0; w < wanted.length && name === undefined; w++) if (sameAscii(buf, localStart, nameEnd, wanted[w])) name = wanted[w];
      if (name !== undefined) {
        attrs ??= {};
        if (name in attrs) this.fail(`的属性 ${name} 出现了两次`, `repeats the attribute ${name}`);
        attrs[name] = this.decode(buf, i + 1, close);
      }
      i = close + 1;
      if (i < to && !isSpace(buf[i])) this.fail("的属性之间缺少空白", "has attributes without space between them");
    }
  }

  private intern(buf: Uint8Array, from: number, to: number): ElementName {
    const key = (to - from) | (buf[from] << 16) | (buf[to - 1] << 24);
    const seen = NAMES.get(key);
    if (seen) for (const n of seen) if (sameAscii(buf, from, to, n.name)) return n;
    const name = this.ascii(buf, from, to);
    const made = { name, local: localName(name) };
    // Bounded: a part inventing endless element names fills it once, then goes without (a fresh start after).
    if (NAMES.size >= MAX_NAMES) NAMES.clear();
    if ((seen?.length ?? 0) < 8) NAMES.set(key, [...(seen ?? []), made]);
    return made;
  }

  private ascii(buf: Uint8Array, from: number, to: number): string {
    for (let i = from; i < to; i++) if (buf[i] >= 0x80) return this.decodeUtf8(buf.subarray(from, to));
    return String.fromCharCode.apply(null, buf.subarray(from, to) as unknown as number[]);
  }

  private decodeUtf8(bytes: Uint8Array): string {
    // Most of a workbook's markup is ASCII: built directly, without a decoder call per value.
    if (bytes.byteLength < 256) {
      let ascii = true;
      for (let i = 0; i < bytes.byteLength; i++) {
        if (bytes[i] >= 0x80) {
          ascii = false;
          break;
        }
      }
      if (ascii) return String.fromCharCode.apply(null, bytes as unknown as number[]);
    }
    try {
      return strictUtf8.decode(bytes);
    } catch {
      this.fail("不是有效的 UTF-8", "is not valid UTF-8");
    }
  }

  /** Text or an attribute value, buf[from, to): UTF-8, then the entities and character references. */
  private decode(buf: Uint8Array, from: number, to: number): string {
    // Most values are ASCII without control characters (numbers, references, formulas): built
    // directly, without a decoder call, and only searched for entities when they hold an "&".
    let ascii = true;
    let amp = false;
    for (let i = from; i < to; i++) {
      const b = buf[i];
      if (b >= 0x80 || (b < 0x20 && b !== 0x09 && b !== 0x0a && b !== 0x0d)) {
        ascii = false;
        break;
      }
      if (b === 0x26) amp = true;
    }
    if (ascii) {
      const raw = latin1(buf, from, to);
      return amp ? this.entities(raw) : raw;
    }
    const raw = this.decodeUtf8(buf.subarray(from, to));
    // eslint-disable-next-line no-control-regex
    if (/[\u0000-\u0008\u000b\u000c\u000e-\u001f\ufffe\uffff]/.test(raw)) this.fail("含有 XML 不允许的字符", "holds a character XML forbids");
    return raw.indexOf("&") < 0 ? raw : this.entities(raw);
  }

  /**
   * The five predefined entities and character references to characters XML allows, decoded;
   * anything else refused. By hand, not a replace with a callback: formulas hold many &quot;.
   */
  private entities(raw: string): string {
    let out = "";
    let last = 0;
    for (let amp = raw.indexOf("&"); amp >= 0; amp = raw.indexOf("&", last)) {
      let end = amp + 1;
      while (end < raw.length && raw.charCodeAt(end) !== 0x3b && raw.charCodeAt(end) !== 0x26) end++;
      if (end >= raw.length || raw.charCodeAt(end) !== 0x3b) this.fail("含有未转义的“&”", "holds an unescaped “&”");
      out += raw.slice(last, amp) + this.entity(raw.slice(amp + 1, end), raw.slice(amp, end + 1));
      last = end + 1;
    }
    return out + raw.slice(last);
  }

  private entity(name: string, whole: string): string {
    // Own keys only: "&constructor;" is no entity.
    if (Object.prototype.hasOwnProperty.call(ENTITIES, name)) return ENTITIES[name];
    const m = /^#(?:x([0-9a-fA-F]{1,6})|([0-9]{1,7}))$/.exec(name);
    const code = m ? parseInt(m[1] ?? m[2], m[1] ? 16 : 10) : NaN;
    if (!allowedChar(code)) this.fail(`含有无效的字符引用 ${whole.slice(0, 12)}`, `holds an invalid reference ${whole.slice(0, 12)}`);
    return String.fromCodePoint(code);
  }
}

/** Made on first use: a page or test environment without TextDecoder can still load the module. */
let decoder: { decode(bytes: Uint8Array): string } | null = null;
const strictUtf8 = { decode: (bytes: Uint8Array) => (decoder ??= new TextDecoder("utf-8", { fatal: true })).decode(bytes) };
const NO_ATTRS: Attrs = Object.freeze({}) as Attrs;

interface ElementName {
  name: string;
  local: string;
}

/**
 * Element names seen, by length and first and last byte, shared by every scan: the parts of a
 * workbook use the same few dozen names, and a batch of 2,000 workbooks then builds each once
 * instead of once per part.
 */
const NAMES = new Map<number, ElementName[]>();
const MAX_NAMES = 512;
const NONE: readonly string[] = [];

/** Bytes below 0x80 as characters; a short run (an attribute, a number) without a view made for it. */
function latin1(buf: Uint8Array, from: number, to: number): string {
  // Most are a cell reference, a style index, a number: one string made, no array, no view.
  switch (to - from) {
    case 0:
      return "";
    case 1:
      return String.fromCharCode(buf[from]);
    case 2:
      return String.fromCharCode(buf[from], buf[from + 1]);
    case 3:
      return String.fromCharCode(buf[from], buf[from + 1], buf[from + 2]);
    case 4:
      return String.fromCharCode(buf[from], buf[from + 1], buf[from + 2], buf[from + 3]);
    case 5:
      return String.fromCharCode(buf[from], buf[from + 1], buf[from + 2], buf[from + 3], buf[from + 4]);
    default: {
      // In pieces: a call takes a bounded number of arguments, and a text may run to MAX_TEXT_BYTES.
      let s = "";
      for (let at = from; at < to; at += LATIN1_PIECE) s += String.fromCharCode.apply(null, buf.subarray(at, Math.min(at + LATIN1_PIECE, to)) as unknown as number[]);
      return s;
    }
  }
}

const LATIN1_PIECE = 8192;

function sameAscii(buf: Uint8Array, from: number, to: number, text: string): boolean {
  if (to - from !== text.length) return false;
  for (let i = 0; i < text.length; i++) if (buf[from + i] !== text.charCodeAt(i)) return false;
  return true;
}

const ENTITIES: Record<string, string> = { lt: "<", gt: ">", amp: "&", quot: '"', apos: "'" };

/** The characters XML 1.0 allows (its Char production). */
function allowedChar(code: number): boolean {
  return code === 0x9 || code === 0xa || code === 0xd || (code >= 0x20 && code <= 0xd7ff) || (code >= 0xe000 && code <= 0xfffd) || (code >= 0x10000 && code <= 0x10ffff);
}

function escapeText(text: string): string {
  return text.replace(/[&<]/g, (c) => (c === "&" ? "&amp;" : "&lt;"));
}

function localName(name: string): string {
  const colon = name.indexOf(":");
  return colon < 0 ? name : name.slice(colon + 1);
}

function isSpace(b: number): boolean {
  return b === 0x20 || b === 0x09 || b === 0x0a || b === 0x0d;
}

function startsWithAscii(buf: Uint8Array, at: number, text: string): boolean {
  if (at + text.length > buf.byteLength) return false;
  for (let i = 0; i < text.length; i++) if (buf[at + i] !== text.charCodeAt(i)) return false;
  return true;
}

function indexOfSeq(buf: Uint8Array, seq: number[], from: number): number {
  for (let i = buf.indexOf(seq[0], from); i >= 0 && i + seq.length <= buf.byteLength; i = buf.indexOf(seq[0], i + 1)) {
    let j = 1;
    while (j < seq.length && buf[i + j] === seq[j]) j++;
    if (j === seq.length) return i;
  }
  return -1;
}

function concat(parts: Uint8Array[], length: number): Uint8Array {
  const out = new Uint8Array(length);
  let at = 0;
  for (const p of parts) {
    out.set(p, at);
    at += p.byteLength;
  }
  return out;
}
