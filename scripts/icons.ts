import { encodePng } from "./png";

/**
 * The add-in's icon, drawn from geometry so every size is exact and nothing is downloaded: a
 * green rounded square with three rising bars (a score climbing to the next tier), the tallest
 * in gold. Office asks for 16, 32 and 80 px ribbon images and 32/64 px add-in icons.
 */
export const ICON_SIZES = [16, 32, 64, 80] as const;

type Rgba = readonly [number, number, number, number];

const GREEN: Rgba = [29, 107, 87, 255];
const WHITE: Rgba = [255, 255, 255, 255];
const GOLD: Rgba = [242, 193, 78, 255];
const NONE: Rgba = [0, 0, 0, 0];

/** Bars in unit coordinates (y grows downwards): left, right, top; all stand on the same base. */
const BARS: readonly { left: number; right: number; top: number; colour: Rgba }[] = [
  { left: 0.2, right: 0.34, top: 0.58, colour: WHITE },
  { left: 0.43, right: 0.57, top: 0.43, colour: WHITE },
  { left: 0.66, right: 0.8, top: 0.24, colour: GOLD },
];
const BASE = 0.8;
const CORNER = 0.18;

/** The colour at a point of the unit square. */
function colourAt(x: number, y: number): Rgba {
  const bar = BARS.find((b) => x >= b.left && x < b.right && y >= b.top && y < BASE);
  if (bar) return bar.colour;
  // Inside the rounded square: outside the corner circles' cut-outs.
  const cx = Math.min(Math.max(x, CORNER), 1 - CORNER);
  const cy = Math.min(Math.max(y, CORNER), 1 - CORNER);
  return (x - cx) ** 2 + (y - cy) ** 2 <= CORNER ** 2 ? GREEN : NONE;
}

/** 4 × 4 samples per pixel smooth the edges at 16 px. */
const SAMPLES = 4;

export function drawIcon(size: number): Buffer {
  const rgba = new Uint8Array(size * size * 4);
  for (let py = 0; py < size; py++) {
    for (let px = 0; px < size; px++) {
      const sum = [0, 0, 0, 0];
      for (let sy = 0; sy < SAMPLES; sy++) {
        for (let sx = 0; sx < SAMPLES; sx++) {
          const c = colourAt((px + (sx + 0.5) / SAMPLES) / size, (py + (sy + 0.5) / SAMPLES) / size);
          // Colours are averaged by coverage (alpha-weighted), so edges do not darken.
          for (let k = 0; k < 3; k++) sum[k] += c[k] * c[3];
          sum[3] += c[3];
        }
      }
      const at = (py * size + px) * 4;
      const alpha = sum[3] / (SAMPLES * SAMPLES);
      for (let k = 0; k < 3; k++) rgba[at + k] = sum[3] === 0 ? 0 : Math.round(sum[k] / sum[3]);
      rgba[at + 3] = Math.round(alpha);
    }
  }
  return encodePng(size, size, rgba);
}

/** Where each size is committed, relative to the repository (and to dist/ once copied). */
export function iconPath(size: number): string {
  return `assets/icon-${size}.png`;
}
