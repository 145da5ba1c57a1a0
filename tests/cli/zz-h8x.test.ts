import { writeFileSync, mkdirSync } from "node:fs";
import { run } from "../../src/cli/main";
import { writeWorkbook } from "../../src/xlsx/writer";
import { filledPlan } from "../merge/submissions";
const D = "/tmp/h8x";
test("x", async () => {
  mkdirSync(`${D}/dir.xlsx`, { recursive: true });
  const plans = [
    filledPlan("shaoxing-discrete-batch", {}, { "0/3.1": "62", "1/6.1": "优秀", "2/1.1": "maybe" }),
    filledPlan("national-2024-summary", {}, { "rows/0/mobile": "123", "rows/1/contact": "x", "rows/1/mobile": "1", "rows/2/scenarios": "设备管理 远程监测" }),
    filledPlan("shaoxing", {}, { "cnc-rate": "66", "network-rate": "abc", "basic.1": "maybe" }),
    filledPlan("national-2024-kpis", {}, { "indicators/1/baseline": "abc", "indicators/2/baseline": "x", "indicators/1/values/0": "zz" }),
    filledPlan("shanxi-2018-application", {}, { "contact-mobile": "123", "contact-email": "x@" , "org-code": "91140400MA0K3L7X2B"}),
    filledPlan("shaoxing-discrete-panel", {}, { "experts/0/scores/3.1": "62", "experts/1/scores/6.1": "优秀" }),
  ];
  for (const [i, p] of plans.entries()) {
    writeFileSync(`${D}/s${i}.xlsx`, (await writeWorkbook([p])).bytes);
  }
  for (const f of ["s0", "s1", "s2", "s3", "s4", "s5", "dir", "nothere"]) {
    const out: string[] = [];
    let code: number;
    try { code = await run(["extract", `${D}/${f}.xlsx`], { out: (t) => out.push(t), err: (t) => out.push("ERR " + t), read: async () => "" }); } catch (e) { out.push("THROWN " + (e as Error).stack); code = -1; }
    console.log(f, code, "\n" + out.join("\n"));
  }
});
