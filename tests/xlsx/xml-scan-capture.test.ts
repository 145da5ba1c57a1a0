/**
 * The XML scan (src/xlsx/xml-scan.ts) captures a text without copying it while the text is one
 * run of the chunk being scanned; it must never read a chunk after feed() has returned it, since
 * the caller may reuse that memory (pako and Node hand out chunks of their own buffers).
 */
import { XmlScanner } from "../../src/xlsx/xml-scan";

function scanChunks(chunks: string[]): string[] {
  const texts: string[] = [];
  const scanner = new XmlScanner("test.xml", {
    open(name) {
      if (name === "v") scanner.capture(1_000_000, () => { throw new Error("over the limit"); });
    },
    close(name) {
      if (name === "v") texts.push(scanner.takeText());
    },
  });
  for (const text of chunks) {
    const chunk = new TextEncoder().encode(text);
    scanner.feed(chunk);
    // The caller's buffer is overwritten once feed() returns.
    chunk.fill(0x3f);
  }
  scanner.end();
  return texts;
}

test("a text within one chunk, split across chunks, or across three, is read as written", () => {
  expect(scanChunks(['<a><v>12</v><v>数控化率 &amp; 3</v></a>'])).toEqual(["12", "数控化率 & 3"]);
  expect(scanChunks(["<a><v>12", "34</v></a>"])).toEqual(["1234"]);
  expect(scanChunks(["<a><v>ab", "cd", "ef</v><v>g</v></a>"])).toEqual(["abcdef", "g"]);
  // A multi-byte character cut between chunks.
  const bytes = new TextEncoder().encode("<a><v>智能制造</v></a>");
  const texts: string[] = [];
  const scanner = new XmlScanner("test.xml", {
    open: (name) => (name === "v" ? scanner.capture(1024, () => { throw new Error("over the limit"); }) : undefined),
    close: (name) => (name === "v" ? texts.push(scanner.takeText()) : undefined),
  });
  for (const cut of [bytes.subarray(0, 8), bytes.subarray(8)]) {
    const chunk = cut.slice();
    scanner.feed(chunk);
    chunk.fill(0x3f);
  }
  scanner.end();
  expect(texts).toEqual(["智能制造"]);
});

test("the capture limit counts every piece of a split text", () => {
  const scanner = new XmlScanner("test.xml", {
    open: (name) => (name === "v" ? scanner.capture(5, () => { throw new Error("over the limit"); }) : undefined),
    close: (name) => (name === "v" ? scanner.takeText() : undefined),
  });
  scanner.feed(new TextEncoder().encode("<a><v>123"));
  expect(() => scanner.feed(new TextEncoder().encode("456</v></a>"))).toThrow("over the limit");
});

test("texts are decoded the same on the quick path and the decoder's: entities, references, tabs and line ends; a name that is no entity refused", () => {
  const long = `IF(A1=&quot;是&quot;,&quot;${"x".repeat(300)}&quot;,&#x41;&#66;)`;
  expect(scanChunks([`<a><v>A&amp;B&#9;C\r\nD</v><v>${long}</v><v>${"y".repeat(20_000)}</v></a>`])).toEqual([
    "A&B\tC\r\nD",
    `IF(A1="是","${"x".repeat(300)}",AB)`,
    "y".repeat(20_000),
  ]);
  expect(() => scanChunks(["<a><v>a &constructor; b</v></a>"])).toThrow("invalid reference");
  expect(() => scanChunks(["<a><v>a & b</v></a>"])).toThrow("unescaped");
  expect(() => scanChunks(["<a><v>a \u0001 b</v></a>"])).toThrow("forbids");
});
