/**
 * Formula text (without the leading "=") → syntax tree, for the formulas the renderers write:
 * A1 references with $, ranges, sheet-scoped defined names, numbers, "texts", TRUE/FALSE, error
 * literals, array constants ({1,2;3,4}), function calls and Excel's operators with Excel's
 * precedence (: then unary − +, %, ^, * /, + −, &, comparisons). Anything else — another
 * sheet's cells, whole columns, R1C1 — is refused with the formula quoted, never guessed at.
 */
import { CalcError, type ErrorCode, ErrorValue, type Scalar } from "./values";

export type BinaryOp = "+" | "-" | "*" | "/" | "^" | "&" | "=" | "<>" | "<" | ">" | "<=" | ">=";

export type Node =
  | { kind: "literal"; value: Scalar }
  | { kind: "array"; rows: Scalar[][] }
  | { kind: "ref"; top: number; left: number; bottom: number; right: number }
  | { kind: "name"; name: string }
  | { kind: "unary"; op: "-" | "+" | "%"; arg: Node }
  | { kind: "binary"; op: BinaryOp; left: Node; right: Node }
  /** An omitted argument (IF(A1,,2)) is null. */
  | { kind: "call"; name: string; args: (Node | null)[] };

type Token =
  | { t: "num"; v: number }
  | { t: "str"; v: string }
  | { t: "err"; v: ErrorCode }
  | { t: "ref"; top: number; left: number; bottom: number; right: number }
  | { t: "word"; v: string }
  | { t: "func"; v: string }
  | { t: "op"; v: string };

/**
 * One token at the position: spaces, "text", #ERROR!, A1 or A1:B2 (not followed by what would
 * make it a name or function), a number, a name or function, an operator. Sticky, so a long
 * formula (a word list spelled out per cell runs to thousands of characters) is read in one pass.
 */
const TOKEN =
  /(\s+)|"((?:[^"]|"")*)"|(#(?:NULL!|DIV\/0!|VALUE!|REF!|NAME\?|NUM!|N\/A))|\$?([A-Z]{1,3})\$?(\d+)(?::\$?([A-Z]{1,3})\$?(\d+))?(?![A-Z0-9_.(])|((?:\d+\.?\d*|\.\d+)(?:E[+-]?\d+)?)|([\p{L}_\\][\p{L}\p{N}_.\\]*)|(<>|<=|>=|[-+*/^&=<>%(),;{}])/iuy;

function column(letters: string): number {
  return [...letters.toUpperCase()].reduce((n, ch) => n * 26 + ch.charCodeAt(0) - 64, 0);
}

function tokenize(formula: string): Token[] {
  const tokens: Token[] = [];
  const fail = (why: string, at: number): never => {
    throw new CalcError(`cannot read formula ${formula}: ${why} at position ${at + 1}`);
  };
  TOKEN.lastIndex = 0;
  while (TOKEN.lastIndex < formula.length) {
    const at = TOKEN.lastIndex;
    const m = TOKEN.exec(formula);
    if (!m) {
      const ch = formula[at];
      return fail(ch === "'" || ch === "!" ? "references to other sheets are not supported" : `unexpected "${ch}"`, at);
    }
    const [, space, text, error, col1, row1, col2, row2, number, word, op] = m;
    if (space !== undefined) continue;
    if (text !== undefined) tokens.push({ t: "str", v: text.replace(/""/g, '"') });
    else if (error !== undefined) tokens.push({ t: "err", v: error.toUpperCase() as ErrorCode });
    else if (col1 !== undefined) {
      const a = { row: Number(row1), col: column(col1) };
      const b = { row: Number(row2 ?? row1), col: column(col2 ?? col1) };
      if (a.row < 1 || b.row < 1 || a.col > 16384 || b.col > 16384) fail("a reference outside the sheet", at);
      tokens.push({ t: "ref", top: Math.min(a.row, b.row), left: Math.min(a.col, b.col), bottom: Math.max(a.row, b.row), right: Math.max(a.col, b.col) });
    } else if (number !== undefined) tokens.push({ t: "num", v: Number(number) });
    else if (word !== undefined) {
      const next = formula[TOKEN.lastIndex];
      if (next === "!" || next === ":") fail("references to other sheets and whole columns or rows are not supported", at);
      tokens.push(next === "(" ? { t: "func", v: word.toUpperCase() } : { t: "word", v: word });
    } else tokens.push({ t: "op", v: op });
  }
  return tokens;
}

const COMPARISONS = ["=", "<>", "<", ">", "<=", ">="];

/** Recursive descent over the tokens, one method per precedence level. */
class Parser {
  private at = 0;

  constructor(
    private readonly formula: string,
    private readonly tokens: Token[],
  ) {}

  parse(): Node {
    const node = this.comparison();
    if (this.at < this.tokens.length) this.fail("unexpected text after the end");
    return node;
  }

  private fail(why: string): never {
    throw new CalcError(`cannot read formula ${this.formula}: ${why}`);
  }

  private peekOp(...ops: string[]): string | null {
    const t = this.tokens[this.at];
    return t?.t === "op" && ops.includes(t.v) ? t.v : null;
  }

  private expect(op: string): void {
    if (!this.peekOp(op)) this.fail(`"${op}" expected`);
    this.at++;
  }

  private binaryLevel(ops: string[], next: () => Node): Node {
    let left = next();
    for (let op = this.peekOp(...ops); op; op = this.peekOp(...ops)) {
      this.at++;
      left = { kind: "binary", op: op as BinaryOp, left, right: next() };
    }
    return left;
  }

  private comparison = (): Node => this.binaryLevel(COMPARISONS, this.concat);
  private concat = (): Node => this.binaryLevel(["&"], this.additive);
  private additive = (): Node => this.binaryLevel(["+", "-"], this.multiplicative);
  private multiplicative = (): Node => this.binaryLevel(["*", "/"], this.power);
  private power = (): Node => this.binaryLevel(["^"], this.percent);

  private percent = (): Node => {
    let node = this.unary();
    while (this.peekOp("%")) {
      this.at++;
      node = { kind: "unary", op: "%", arg: node };
    }
    return node;
  };

  private unary = (): Node => {
    const op = this.peekOp("-", "+");
    if (!op) return this.primary();
    this.at++;
    return { kind: "unary", op: op as "-" | "+", arg: this.unary() };
  };

  private primary(): Node {
    const t = this.tokens[this.at++] ?? this.fail("unexpected end");
    switch (t.t) {
      case "num":
        return { kind: "literal", value: t.v };
      case "str":
        return { kind: "literal", value: t.v };
      case "err":
        return { kind: "literal", value: ErrorValue.of(t.v) };
      case "ref":
        return { kind: "ref", top: t.top, left: t.left, bottom: t.bottom, right: t.right };
      case "word": {
        const upper = t.v.toUpperCase();
        if (upper === "TRUE" || upper === "FALSE") return { kind: "literal", value: upper === "TRUE" };
        return { kind: "name", name: t.v };
      }
      case "func":
        return this.call(t.v);
      case "op":
        if (t.v === "(") {
          const inner = this.comparison();
          this.expect(")");
          return inner;
        }
        if (t.v === "{") return this.arrayConstant();
        return this.fail(`unexpected "${t.v}"`);
    }
  }

  private call(name: string): Node {
    this.expect("(");
    const args: (Node | null)[] = [];
    if (this.peekOp(")")) {
      this.at++;
      return { kind: "call", name, args };
    }
    for (;;) {
      args.push(this.peekOp(",", ")") ? null : this.comparison());
      if (this.peekOp(")")) break;
      this.expect(",");
    }
    this.at++;
    return { kind: "call", name, args };
  }

  /** {1,2;3,4}: literals only, "," between columns and ";" between rows, all rows equally long. */
  private arrayConstant(): Node {
    const rows: Scalar[][] = [[]];
    for (;;) {
      rows[rows.length - 1].push(this.arrayElement());
      const sep = this.peekOp(",", ";", "}") ?? this.fail('"," ";" or "}" expected in an array constant');
      this.at++;
      if (sep === "}") break;
      if (sep === ";") rows.push([]);
    }
    if (rows.some((r) => r.length !== rows[0].length)) this.fail("the rows of an array constant differ in length");
    return { kind: "array", rows };
  }

  private arrayElement(): Scalar {
    const sign = this.peekOp("-", "+");
    if (sign) this.at++;
    const t = this.tokens[this.at++];
    if (t?.t === "num") return sign === "-" ? -t.v : t.v;
    if (!sign && t?.t === "str") return t.v;
    if (!sign && t?.t === "err") return ErrorValue.of(t.v);
    if (!sign && t?.t === "word" && /^(TRUE|FALSE)$/i.test(t.v)) return t.v.toUpperCase() === "TRUE";
    return this.fail("an array constant holds numbers, texts, TRUE/FALSE or errors only");
  }
}

export function parseFormula(formula: string): Node {
  return new Parser(formula, tokenize(formula)).parse();
}
