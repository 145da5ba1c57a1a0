/**
 * `npm run validate:offline`: checks the production build in dist/ (scripts/manifest-check.ts)
 * without a network. `npm run validate` sends manifest.xml to Microsoft's online validator
 * instead, for people with internet.
 */
import { join } from "node:path";
import { addinBaseUrl } from "./addin-url";
import { checkBuild } from "./manifest-check";

async function main(): Promise<number> {
  const dist = join(__dirname, "..", "..", "dist");
  const base = addinBaseUrl();
  const { problems, checked } = await checkBuild(dist, base);
  if (problems.length > 0) {
    console.error(`dist/manifest.xml and the build have ${problems.length} problem${problems.length === 1 ? "" : "s"}:`);
    for (const p of problems) console.error(`  ✗ ${p}`);
    return 1;
  }
  console.log(`dist/ is a sound add-in build for ${base}:`);
  for (const c of checked) console.log(`  ✓ ${c}`);
  return 0;
}

main().then(
  (code) => (process.exitCode = code),
  (e: unknown) => {
    console.error(e instanceof Error ? e.message : e);
    process.exitCode = 1;
  },
);
