/**
 * The file system's side of the reading gate (issue 15 item 7): `extract`, `merge --into` and
 * merge sources read regular files only. A FIFO would hang a plain read and /dev/zero never
 * ends: both are refused at once with a reason, and so is a directory. POSIX only (mkfifo).
 */
import { execFileSync } from "node:child_process";
import { existsSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { readPendingSources } from "../../src/merge/read-source";
import { readWorkbookFile } from "../../src/xlsx/read-file";
import { cli } from "./read-cli";
import { goodSummary } from "./read-zip";

const escape = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");

const posix = process.platform !== "win32";
if (!posix) console.warn("read-files.test.ts: skipped, FIFOs and /dev/zero need a POSIX system");
const maybe = posix ? describe : describe.skip;

maybe("files that are not regular files", () => {
  let dir: string;
  let fifo: string;
  let source: string;
  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), "assessbook-fifo-"));
    fifo = join(dir, "pipe.xlsx");
    execFileSync("mkfifo", [fifo]);
    source = join(dir, "县.xlsx");
    writeFileSync(source, await goodSummary());
    mkdirSync(join(dir, "folder.xlsx"));
  });
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  test.each([
    ["a FIFO", () => fifo, "not a regular file (a named pipe (FIFO)); not read"],
    ["/dev/zero", () => "/dev/zero", "not a regular file (a device); not read"],
    ["a directory", () => join(dir, "folder.xlsx"), "not a regular file (a directory); not read"],
  ])("extract refuses %s at once", async (_, path, reason) => {
    const r = await cli(["extract", path()]);
    expect(r.code).toBe(1);
    expect(r.err).toMatch(new RegExp(`^${escape(path())}: 不是可读取的 .xlsx 工作簿：不是普通文件（是一个[^\n]+），未读取 / not a readable .xlsx workbook: ${escape(reason)}$`));
  });

  test.each([
    ["a FIFO", () => fifo, "a named pipe (FIFO)"],
    ["/dev/zero", () => "/dev/zero", "a device"],
  ])("merge --into refuses %s as its target at once, nothing written", async (_, path, what) => {
    const out = join(dir, "out.xlsx");
    const r = await cli(["merge", "--into", path(), source, "-o", out]);
    expect(r.code).toBe(1);
    expect(r.err).toContain(`${path()}: 不是可读取的 .xlsx 工作簿：不是普通文件`);
    expect(r.err).toContain(`not a regular file (${what}); not read`);
    expect(existsSync(out)).toBe(false);
  });

  test("merge refuses a FIFO or a device among its sources before reading anything", async () => {
    const r = await cli(["merge", "--template", "shanxi-2018-summary", source, fifo, "/dev/zero", "-o", join(dir, "out.xlsx")]);
    expect(r.code).toBe(1);
    expect(r.err).toContain(`${fifo}: 无法读取 / cannot read: 不是文件 / not a file`);
    expect(r.err).toContain("/dev/zero: 无法读取 / cannot read: 不是文件 / not a file");
  });

  test("a file swapped for a FIFO after it was listed is refused in the batch, which goes on", async () => {
    // pendingFiles saw a regular file; by the time its batch comes it is a pipe (or a device).
    const results = await readPendingSources([
      { name: "swapped.xlsx", size: 1000, bytes: () => readWorkbookFile(fifo) },
      { name: "zero.xlsx", size: 1000, bytes: () => readWorkbookFile("/dev/zero") },
      { name: "县.xlsx", size: 1000, bytes: () => readWorkbookFile(source) },
    ]);
    expect(results.map((r) => (r.ok ? "ok" : `${r.kind}: ${r.reason.en}`))).toEqual([
      "not-a-file: not a regular file (a named pipe (FIFO)); not read",
      "not-a-file: not a regular file (a device); not read",
      "ok",
    ]);
  });
});
