/**
 * `npm run bench` (merge): a consolidation as a user runs it (issue 6) over 200 submitted
 * workbooks, with seconds per phase and peak memory. The files are generated first,
 * deterministically: county-level 2018 summary tables with 1–5 rows and 2018 application forms
 * (one enterprise each, filled as the sample form is), with varied names, mobiles and e-mails,
 * some enterprises submitted twice, a few malformed mobiles, and a handful of files that are not
 * workbooks at all, so the refusals run too. Then, timed: readSources over all 200 → previewMerge
 * into the 2018 table → accepted (no invalid row kept) → mergedTablePlan → writeWorkbook.
 *
 * A summary sheet holds at most 200 rows (mergedTablePlan refuses more), so the write step
 * covers the first 200 accepted rows when there are more; the output says so.
 *
 * Then at scale (issue 14's targets): the same files ten times over (2,000 files) read and
 * previewed, with the peak RSS and the memory each file leaves behind (heap after a full GC,
 * 2,000 files held against 200), beside a reference measured in the same run: every part of
 * every file inflated once by Node's own zlib, the floor for reading the files at all.
 *
 * Each timed phase runs in a fresh process of its own, given the generated files through a
 * temporary folder: its peak RSS is the merge's, not what generating the files (the writer, the
 * sheets rendered) or an earlier phase left in the heap, which V8 keeps once grown.
 */
import JSZip from "jszip";
import { spawnSync } from "node:child_process";
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import * as zlib from "node:zlib";
import { setFlagsFromString } from "node:v8";
import { runInNewContext } from "node:vm";
import { accepted, previewMerge, type MergeTarget } from "../src/merge/preview";
import { readSources, type SourceFile } from "../src/merge/read-source";
import { mergedTablePlan } from "../src/merge/summary-merge";
import { fillInputs } from "../src/sheets/fill-inputs";
import { checkParams } from "../src/sheets/params";
import type { CellValue, SheetPlan } from "../src/sheets/plan";
import { findSheetTemplate } from "../src/sheets/registry";
import { writeWorkbook } from "../src/xlsx/writer";
import { FORMS, SUMMARIES } from "../templates/index";
import { DEFLATED, readZipDirectory } from "../src/xlsx/zip";
import { prng } from "./random";

const FILES = 200;
/** Files that are not workbooks (random bytes, truncated zips, a .csv, a zip without a workbook). */
const BAD_FILES = 6;
/** Of the good files, this many are county summary tables; the rest are application forms. */
const SUMMARY_FILES = 40;
const PASSES = 3;
const SAMPLE_MS = 10;

/** The built-in summary table that a form feeds (2018 附件4, fed by its 申报书), and that form. */
const FED = SUMMARIES.find((t) => t.feeds.length > 0);
if (!FED) throw new Error("no built-in summary table is fed by a form");
const SUMMARY = FED.id;
const FORM = FED.feeds[0].form;
/** The form's sample answers (its template's `sample`), which each generated form varies. */
const FORM_SAMPLE = FORMS.find((f) => f.id === FORM)?.sample as Record<string, unknown>;
/** 综改示范区管委会: with 市经信委 the largest limit (5) among the 2018 table's recommenders. */
const TARGET: MergeTarget = { template: SUMMARY, recommender: "reform-zone" };

const rnd = prng(2018);
const pick = <T>(items: readonly T[]): T => items[Math.floor(rnd() * items.length)];
const digits = (n: number) => Array.from({ length: n }, () => Math.floor(rnd() * 10)).join("");

// ---- the people and enterprises in the files ----

const CITIES = ["太原", "大同", "阳泉", "长治", "晋城", "朔州", "晋中", "运城", "忻州", "临汾", "吕梁"];
const TRADES = ["液压装备", "精密铸造", "智能装备", "煤机制造", "新材料", "焦化", "轴承制造", "电子科技", "特钢", "装备制造", "医药", "食品", "纺织", "汽车零部件"];
const SUFFIXES = ["有限公司", "股份有限公司", "集团有限公司", "有限责任公司"];
const BRANDS = ["晋阳", "汾河", "太行", "吕梁山", "五台", "恒山", "中条", "黄河", "龙城", "并州", "潞安", "沁水", "丹河", "云冈"];
const PRODUCTS = ["高端液压支架", "铝合金轮毂", "煤矿综采装备", "精密轴承", "特种钢材", "焦炉煤气综合利用", "新能源汽车电机", "中药饮片", "乳制品", "高性能纤维"];
const MODES = ["离散型智能制造", "流程型智能制造", "网络协同制造", "大规模个性化定制", "远程运维服务"];
const SURNAMES = ["王", "李", "张", "刘", "陈", "杨", "赵", "孙", "郭", "武", "冯", "韩"];
const GIVEN = ["建国", "敏", "晓峰", "丽", "伟", "芳", "志强", "静", "海涛", "红梅", "俊", "雪"];
const LATIN = "abcdefghijklmnopqrstuvwxyz";
const MOBILE_PREFIXES = ["135", "136", "138", "139", "150", "151", "158", "159", "182", "186", "187", "188", "199"];

interface Entry {
  project: string;
  enterprise: string;
  contact: string;
  mobile: string;
  email: string;
}

const entries: Entry[] = [];
let invalidMobiles = 0;
let repeats = 0;

/** A new enterprise, or now and then one already submitted (same project, or a second one: 第十三条), written a little differently. */
function entry(): Entry {
  if (entries.length > 10 && rnd() < 0.06) {
    repeats++;
    const earlier = pick(entries);
    const project = rnd() < 0.5 ? earlier.project : `${pick(PRODUCTS)}${pick(MODES)}试点示范`;
    return { ...earlier, project, enterprise: rnd() < 0.5 ? ` ${earlier.enterprise} ` : earlier.enterprise.replace("有限", "　有限") };
  }
  const city = pick(CITIES);
  const letters = (n: number) => Array.from({ length: n }, () => pick(Array.from(LATIN))).join("");
  let mobile = `${pick(MOBILE_PREFIXES)}${digits(8)}`;
  if (rnd() < 0.04) {
    invalidMobiles++;
    mobile = pick([mobile.slice(0, 10), `${mobile}${digits(1)}`, `0351-${digits(7)}`, `${mobile.slice(0, 3)} ${mobile.slice(3, 7)} ${mobile.slice(7)}x`]);
  }
  const e: Entry = {
    project: `${pick(PRODUCTS)}${pick(MODES)}试点示范`,
    enterprise: `山西${city}${pick(BRANDS)}${pick(TRADES)}${pick(SUFFIXES)}`,
    contact: `${pick(SURNAMES)}${pick(GIVEN)}`,
    mobile,
    email: `${letters(2 + Math.floor(rnd() * 5))}@${letters(4 + Math.floor(rnd() * 6))}.${pick(["com", "com.cn", "cn"])}`,
  };
  entries.push(e);
  return e;
}

// ---- the files ----

/** A template rendered (blank, or with its data) and then typed into, unchecked, as a person would. */
function sheet(template: string, params: Record<string, string | number>, data: unknown, typed: [string, CellValue][]): SheetPlan {
  const t = findSheetTemplate(template);
  if (!t) throw new Error(`no sheet template ${template}`);
  const checked = checkParams(t.params, params);
  if (!checked.ok) throw new Error(`bad params for ${template}`);
  const rendered = t.render(checked.value, data);
  if (!rendered.ok) throw new Error(`${template} refuses the generated data: ${JSON.stringify(rendered.problems)}`);
  return fillInputs(rendered.value, typed);
}

/** A county's summary table: 1–5 rows on the default 10-row sheet; mobiles are typed, so a malformed one goes in as written. */
function summaryPlan(county: string): SheetPlan {
  const typed: [string, CellValue][] = [["recommender", `${county}工业和信息化局`]];
  const n = 1 + Math.floor(rnd() * 5);
  for (let i = 0; i < n; i++) {
    const e = entry();
    typed.push([`rows/${i}/pilot-name`, e.project], [`rows/${i}/enterprise`, e.enterprise], [`rows/${i}/contact`, e.contact], [`rows/${i}/mobile`, e.mobile], [`rows/${i}/email`, e.email]);
  }
  return sheet(SUMMARY, { recommender: pick(["reform-zone", "city-eitc"]) }, undefined, typed);
}

/** An application form filled as the sample is, with this enterprise's names and contact; the mobile typed in afterwards. */
function formPlan(e: Entry): SheetPlan {
  const data = {
    ...FORM_SAMPLE,
    "cover-pilot-name": e.project,
    "pilot-name": e.project.replace(/试点示范$/, "数字化车间"),
    "cover-applicant": e.enterprise.trim(),
    "enterprise-name": e.enterprise,
    "contact-name": e.contact,
    "contact-email": e.email,
  };
  return sheet(FORM, {}, data, [["contact-mobile", e.mobile]]);
}

async function workbook(plans: SheetPlan[]): Promise<Uint8Array> {
  return new Uint8Array((await writeWorkbook(plans)).bytes);
}

/** Files that are not workbooks, made from a good one where they imitate a damaged download. */
async function badFiles(good: Uint8Array): Promise<SourceFile[]> {
  const noise = (n: number) => Uint8Array.from({ length: n }, () => Math.floor(rnd() * 256));
  const docx = new JSZip();
  docx.file("[Content_Types].xml", '<?xml version="1.0"?><Types/>');
  docx.file("word/document.xml", "<w:document/>");
  const files: SourceFile[] = [
    { name: "扫描件.xlsx", bytes: noise(48 * 1024) },
    { name: "乱码.xlsx", bytes: noise(3 * 1024) },
    { name: "下载中断-1.xlsx", bytes: good.slice(0, Math.floor(good.byteLength / 2)) },
    { name: "下载中断-2.xlsx", bytes: good.slice(0, good.byteLength - 100) },
    { name: "名单.csv", bytes: new TextEncoder().encode("企业名称,联系人,手机号码\n山西某某有限公司,王某,13900000000\n") },
    { name: "申报说明.docx", bytes: await docx.generateAsync({ type: "uint8array", compression: "DEFLATE" }) },
  ];
  if (files.length !== BAD_FILES) throw new Error("BAD_FILES is out of step with badFiles()");
  return files;
}

async function generate(): Promise<SourceFile[]> {
  const kinds = [...Array<"summary">(SUMMARY_FILES).fill("summary"), ...Array<"form">(FILES - BAD_FILES - SUMMARY_FILES).fill("form")];
  // A deterministic shuffle (Fisher–Yates), so summaries and forms arrive mixed.
  for (let i = kinds.length - 1; i > 0; i--) {
    const j = Math.floor(rnd() * (i + 1));
    [kinds[i], kinds[j]] = [kinds[j], kinds[i]];
  }
  const files: SourceFile[] = [];
  for (const [i, kind] of kinds.entries()) {
    if (kind === "summary") {
      const county = `${pick(CITIES)}市第${i + 1}区县`;
      files.push({ name: `${county}推荐汇总.xlsx`, bytes: await workbook([summaryPlan(county)]) });
    } else {
      const e = entry();
      files.push({ name: `${String(i + 1).padStart(3, "0")}-${e.enterprise.trim()}-申报书.xlsx`, bytes: await workbook([formPlan(e)]) });
    }
  }
  const bad = await badFiles(files[0].bytes);
  // The bad files go in at fixed places among the good ones.
  bad.forEach((f, k) => files.splice(Math.floor(((k + 1) * files.length) / (bad.length + 1)), 0, f));
  return files;
}

// ---- memory ----

const peak = { rss: 0, heap: 0 };
function sample(): void {
  const m = process.memoryUsage();
  peak.rss = Math.max(peak.rss, m.rss);
  peak.heap = Math.max(peak.heap, m.heapUsed);
}

// ---- the merge ----

interface Pass {
  read: number;
  preview: number;
  write: number;
  total: number;
  refused: number;
  duplicates: number;
  onePerYear: number;
  previewed: number;
  accepted: number;
  written: number;
  outBytes: number;
}

const seconds = (from: bigint) => Number(process.hrtime.bigint() - from) / 1e9;

async function pass(files: readonly SourceFile[]): Promise<Pass> {
  const start = process.hrtime.bigint();
  const sources = await readSources(files);
  const read = seconds(start);
  sample();

  let at = process.hrtime.bigint();
  const preview = previewMerge(TARGET, sources);
  const rows = accepted(preview, new Set());
  const previewed = seconds(at);
  sample();

  at = process.hrtime.bigint();
  const max = Number(findSheetTemplate(SUMMARY)?.params.find((p) => p.key === "rows")?.max);
  const written = rows.slice(0, max);
  const plan = mergedTablePlan(preview, written);
  if (!plan.ok) throw new Error(`mergedTablePlan failed: ${JSON.stringify(plan.problems)}`);
  const out = await writeWorkbook([plan.value]);
  const write = seconds(at);
  sample();

  return {
    read,
    preview: previewed,
    write,
    total: seconds(start),
    refused: preview.refused.length,
    duplicates: preview.duplicates.length,
    onePerYear: preview.onePerYear.length,
    previewed: preview.rows.length,
    accepted: rows.length,
    written: written.length,
    outBytes: out.bytes.byteLength,
  };
}

// ---- at scale ----

const SCALE = 2_000;
/** Issue 14's targets for a merge of 2,000 files. */
const TARGETS = { seconds: 5, peakMiB: 200, perFileMiB: 0.02 };

setFlagsFromString("--expose-gc");
const gc = runInNewContext("gc") as () => void;

function heapAfterGc(): number {
  gc();
  gc();
  return process.memoryUsage().heapUsed;
}

/** The reference: every part of every file inflated once with Node's zlib (the files that are zips at all); wall and CPU seconds. */
function inflateFloor(files: readonly SourceFile[]): { wall: number; cpu: number } {
  const cpu = process.cpuUsage();
  const start = process.hrtime.bigint();
  let bytes = 0;
  for (const f of files) {
    const entries = readZipDirectory(f.bytes);
    if (!Array.isArray(entries)) continue;
    for (const e of entries) {
      const data = f.bytes.subarray(e.data, e.data + e.compressed);
      bytes += e.method === DEFLATED ? zlib.inflateRawSync(data).byteLength : data.byteLength;
    }
  }
  if (bytes === 0) throw new Error("nothing inflated");
  const used = process.cpuUsage(cpu);
  return { wall: seconds(start), cpu: (used.user + used.system) / 1e6 };
}

/** The files ten times over, each copy under another name, sharing the bytes. */
function scaled(files: readonly SourceFile[]): SourceFile[] {
  return Array.from({ length: Math.ceil(SCALE / files.length) }, (_, k) => files.map((f) => ({ name: `${k + 1}-${f.name}`, bytes: f.bytes })))
    .flat()
    .slice(0, SCALE);
}

/** The merge at scale, in a process of its own; `floor` is the reference, measured by the parent. */
async function atScale(files: readonly SourceFile[], floor: { wall: number; cpu: number }): Promise<void> {
  const many = scaled(files);
  const mib = (bytes: number) => bytes / (1024 * 1024);

  const base = heapAfterGc();
  const few = await readSources(many.slice(0, 200));
  const fewPreview = previewMerge(TARGET, few);
  const heapFew = heapAfterGc();

  peak.rss = 0;
  sample();
  const sampler = setInterval(sample, SAMPLE_MS);
  const cpu = process.cpuUsage();
  const start = process.hrtime.bigint();
  const sources = await readSources(many);
  const read = seconds(start);
  const readCpu = process.cpuUsage(cpu);
  clearInterval(sampler);
  const heapRead = heapAfterGc();
  const sampling = setInterval(sample, SAMPLE_MS);
  const previewStart = process.hrtime.bigint();
  const previewCpu = process.cpuUsage();
  const preview = previewMerge(TARGET, sources);
  const total = read + seconds(previewStart);
  const totalCpu = { user: readCpu.user + process.cpuUsage(previewCpu).user, system: readCpu.system };
  clearInterval(sampling);
  sample();
  const heapMany = heapAfterGc();
  // Both batches and both previews are still held here: what each file leaves behind, read and previewed.
  const perFile = mib(heapMany - heapFew) / many.length;
  const perFileRead = mib(heapRead - heapFew) / many.length;
  const kept = [few, fewPreview, sources, preview].length;
  const cpuSeconds = (u: NodeJS.CpuUsage) => (u.user + u.system) / 1e6;

  const ratio = (value: number, target: number) => `${(value / target).toFixed(2)}× the target ${target}`;
  console.log(
    `merge ×${many.length} files (the ${files.length} above, ${many.length / files.length} times over): read + preview ${total.toFixed(2)} s (read ${read.toFixed(2)} s; ${ratio(total, TARGETS.seconds)} s), ` +
      `CPU ${cpuSeconds(totalCpu).toFixed(2)} s (read ${cpuSeconds(readCpu).toFixed(2)} s; on a busy machine the wall time is the larger); ` +
      `${(many.length / total).toFixed(0)} files/s; ${preview.rows.length} rows previewed, ${preview.refused.length} files refused`,
  );
  console.log(
    `merge ×${many.length}: reference, every part of every file inflated once by Node's zlib: ${floor.wall.toFixed(2)} s, CPU ${floor.cpu.toFixed(2)} s; the read is ${(read / floor.wall).toFixed(1)}× that (wall), ${(cpuSeconds(readCpu) / floor.cpu).toFixed(1)}× (CPU)`,
  );
  console.log(
    `merge ×${many.length}: peak RSS ${mib(peak.rss).toFixed(1)} MiB (${ratio(mib(peak.rss), TARGETS.peakMiB)} MiB; sampled in a fresh process holding the 200 files' bytes, ` +
      `whose max RSS over its life, loading included, is ${(process.resourceUsage().maxRSS / 1024).toFixed(1)} MiB); heap after GC ${mib(base).toFixed(1)} MiB before, ` +
      `${mib(heapFew).toFixed(1)} MiB holding 200 files, ${mib(heapMany).toFixed(1)} MiB holding ${many.length} more (${kept} results held): ` +
      `${perFile.toFixed(4)} MiB per file read and previewed (${ratio(perFile, TARGETS.perFileMiB)} MiB), of which ${perFileRead.toFixed(4)} MiB read`,
  );
}

/** The timed phases, each run by this script in a process of its own: `node merge-bench.js <phase> <folder> [floor]`. */
const PHASES = { passes: "--passes", scale: "--at-scale" } as const;

/** The generated files, written to a folder a phase's process reads them from: an index of names, then the bytes. */
function saveFiles(dir: string, files: readonly SourceFile[]): void {
  writeFileSync(join(dir, "index.json"), JSON.stringify(files.map((f) => f.name)));
  files.forEach((f, i) => writeFileSync(join(dir, `${i}.bin`), f.bytes));
}

function loadFiles(dir: string): SourceFile[] {
  const names = JSON.parse(readFileSync(join(dir, "index.json"), "utf8")) as string[];
  return names.map((name, i) => ({ name, bytes: new Uint8Array(readFileSync(join(dir, `${i}.bin`))) }));
}

function runPhase(...args: string[]): void {
  const run = spawnSync(process.execPath, [__filename, ...args], { stdio: "inherit" });
  if (run.status !== 0) throw new Error(`merge bench phase ${args[0]} failed (${run.status ?? run.signal})`);
}

/** The passes over the 200 files, in a process of their own. */
async function passes(files: readonly SourceFile[]): Promise<void> {
  const inputBytes = files.reduce((n, f) => n + f.bytes.byteLength, 0);
  const mb = (bytes: number) => (bytes / (1024 * 1024)).toFixed(1);
  sample();
  const sampler = setInterval(sample, SAMPLE_MS);
  await pass(files); // warm-up: the JIT compiles the reader, the checks and the writer
  const runs: Pass[] = [];
  for (let i = 0; i < PASSES; i++) runs.push(await pass(files));
  clearInterval(sampler);
  sample();

  runs.sort((a, b) => a.total - b.total);
  const m = runs[Math.floor(PASSES / 2)];
  const all = runs.map((r) => r.total.toFixed(2)).join(", ");
  const cap = m.written < m.accepted ? ` (a summary sheet holds at most ${m.written}: the write step covers the first ${m.written})` : "";
  console.log(`merge: ${m.refused} files refused; ${m.previewed} rows previewed (${m.duplicates} duplicate groups, ${m.onePerYear} under 第十三条), ${m.accepted} accepted (invalid rows not kept), ${m.written} written${cap}; merged workbook ${(m.outBytes / 1024).toFixed(0)} KB`);
  console.log(
    `merge: ${m.total.toFixed(2)} s (median of ${all} s) = read ${m.read.toFixed(2)} s + preview ${m.preview.toFixed(3)} s + plan and write ${m.write.toFixed(3)} s; ` +
      `${(files.length / m.total).toFixed(1)} files/s, ${(inputBytes / (1024 * 1024) / m.total).toFixed(2)} MB/s`,
  );
  console.log(
    `merge: peak memory over ${PASSES + 1} passes in a fresh process (sampled every ${SAMPLE_MS} ms): RSS ${mb(peak.rss)} MiB, heap used ${mb(peak.heap)} MiB; ` +
      `its max RSS ${(process.resourceUsage().maxRSS / 1024).toFixed(1)} MiB`,
  );
}

async function main(): Promise<void> {
  const [phase, dir, floor] = process.argv.slice(2);
  if (phase === PHASES.passes) return passes(loadFiles(dir));
  if (phase === PHASES.scale) return atScale(loadFiles(dir), JSON.parse(floor) as { wall: number; cpu: number });

  const generating = process.hrtime.bigint();
  const files = await generate();
  const inputBytes = files.reduce((n, f) => n + f.bytes.byteLength, 0);
  const mb = (bytes: number) => (bytes / (1024 * 1024)).toFixed(1);
  console.log(
    `merge: ${files.length} files (${SUMMARY_FILES} county summaries with 1–5 rows, ${FILES - BAD_FILES - SUMMARY_FILES} application forms, ${BAD_FILES} not workbooks), ` +
      `${mb(inputBytes)} MB in all; ${invalidMobiles} malformed mobiles, ${repeats} enterprises submitted again; generated in ${seconds(generating).toFixed(1)} s ` +
      `(max RSS generating ${(process.resourceUsage().maxRSS / 1024).toFixed(1)} MiB, not counted below)`,
  );
  const folder = mkdtempSync(join(tmpdir(), "assessbook-merge-bench-"));
  try {
    saveFiles(folder, files);
    runPhase(PHASES.passes, folder);
    const many = scaled(files);
    inflateFloor(many); // warm-up
    runPhase(PHASES.scale, folder, JSON.stringify(inflateFloor(many)));
  } finally {
    rmSync(folder, { recursive: true, force: true });
  }
}

main().catch((e: unknown) => {
  console.error(e);
  process.exitCode = 1;
});
