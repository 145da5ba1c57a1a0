/**
 * `npm run icons`: redraws assets/icon-*.png. The PNGs are committed; a test checks that they are
 * exactly what scripts/icons.ts draws, so run this after changing the drawing.
 */
import { writeFileSync } from "node:fs";
import { join } from "node:path";
import { ICON_SIZES, drawIcon, iconPath } from "./icons";

const root = join(__dirname, "..", "..");
for (const size of ICON_SIZES) {
  writeFileSync(join(root, iconPath(size)), drawIcon(size));
  console.log(`wrote ${iconPath(size)} (${size}×${size})`);
}
