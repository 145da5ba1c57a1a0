/** `npm start` sideloads the dev manifest into Excel desktop as Office's tooling does (scripts/sideload.ts). */
import { join } from "node:path";
import { manifestId, sideload, unsideload, type SideloadSystem } from "../../scripts/sideload";

function recordingSystem(platform: NodeJS.Platform, existing: string[] = []) {
  const calls: string[] = [];
  const files = new Set(existing);
  const sys: SideloadSystem = {
    platform,
    home: "/Users/clerk",
    exists: (p) => files.has(p) || [...files].some((f) => f.startsWith(`${p}/`)),
    copy: (from, to) => {
      calls.push(`copy ${from} → ${to}`);
      files.add(to);
    },
    remove: (p) => {
      calls.push(`remove ${p}`);
      files.delete(p);
    },
    reg: (args) => {
      calls.push(`reg ${args.join(" ")}`);
    },
  };
  return { sys, calls };
}

const ID = "bd019070-caa1-4f31-9ca0-3615c331113f";

test("Windows: the manifest is registered under WEF\\Developer by the add-in id, and removed again", () => {
  const { sys, calls } = recordingSystem("win32");
  expect(sideload(sys, "C:\\dev\\manifest.xml", ID)).toEqual({ done: true, where: `HKCU\\Software\\Microsoft\\Office\\16.0\\WEF\\Developer\\${ID}` });
  unsideload(sys, ID);
  expect(calls).toEqual([
    `reg add HKCU\\Software\\Microsoft\\Office\\16.0\\WEF\\Developer /v ${ID} /t REG_SZ /d C:\\dev\\manifest.xml /f`,
    `reg delete HKCU\\Software\\Microsoft\\Office\\16.0\\WEF\\Developer /v ${ID} /f`,
  ]);
});

test("Mac: the manifest is copied into Excel's wef folder when Excel is installed, and removed again", () => {
  const container = "/Users/clerk/Library/Containers/com.microsoft.Excel";
  const { sys, calls } = recordingSystem("darwin", [`${container}/Data`]);
  const target = join(container, "Data", "Documents", "wef", `${ID}.manifest.xml`);
  expect(sideload(sys, "/dev/manifest.xml", ID)).toEqual({ done: true, where: target });
  unsideload(sys, ID);
  expect(calls).toEqual([`copy /dev/manifest.xml → ${target}`, `remove ${target}`]);
});

test("Mac without Excel, and Linux: nothing is touched and the reason is given", () => {
  const mac = recordingSystem("darwin");
  expect(sideload(mac.sys, "/dev/manifest.xml", ID)).toEqual({ done: false, reason: "Excel for Mac is not installed" });
  const linux = recordingSystem("linux");
  expect(sideload(linux.sys, "/dev/manifest.xml", ID)).toEqual({ done: false, reason: "no Excel desktop on linux" });
  unsideload(linux.sys, ID);
  expect([...mac.calls, ...linux.calls]).toEqual([]);
});

test("the add-in id is read from the manifest's <Id>", () => {
  expect(manifestId(`<OfficeApp><Id> ${ID} </Id></OfficeApp>`)).toBe(ID);
  expect(() => manifestId("<OfficeApp/>")).toThrow("no <Id>");
});
