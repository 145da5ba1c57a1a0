/**
 * The data a sheet's input cells hold, rebuilt from their values: with each sheet template's
 * `expected` (what the engine computes for its result cells), what `assessbook extract` and the
 * real-spreadsheet tests need to compare a recalculated sheet with src/core without knowing any
 * one sheet's layout.
 */
import type { CellValue } from "./plan";

/**
 * The data document whose answers the input cells hold. Input binding codes are data paths,
 * "/" between steps (JSON Pointer without its leading "/"): "3.1", "adjustments/3.2",
 * "0/enterprise", "experts/2/scores/3.1", "indicators/7/values/0". Blank cells are left out (not
 * answered, ruling G3); nothing answered at all is no data (undefined), what a blank sheet is
 * rendered from.
 *
 * A step that is not all digits names a key. An all-digit step indexes an array (batch row 7)
 * or names a key (indicator 7): `shape` — a document of the same template, its sample —
 * decides, by what stands at that place in it; where the shape is silent, an array. An array
 * element nothing was answered for is an empty one of the kind its neighbours are: {} for a
 * blank enterprise row, [] for a blank grid row, null for a period without a name.
 */
export function dataFromInputs(values: Iterable<[code: string, value: CellValue]>, shape: unknown): unknown {
  let root: unknown;
  for (const [code, value] of values) {
    if (value === null) continue;
    const steps = code.split("/");
    root ??= container(shape, steps[0]);
    let node = root as Record<string, unknown>;
    let nodeShape = shape;
    steps.forEach((step, i) => {
      if (i === steps.length - 1) {
        node[step] = value;
        return;
      }
      nodeShape = child(nodeShape, step);
      node[step] ??= container(nodeShape, steps[i + 1]);
      node = node[step] as Record<string, unknown>;
    });
  }
  fillHoles(root);
  return root;
}

function isRecord(x: unknown): x is Record<string, unknown> {
  return typeof x === "object" && x !== null && !Array.isArray(x);
}

const DIGITS = /^\d+$/;

function container(shape: unknown, nextStep: string): unknown[] | Record<string, unknown> {
  return DIGITS.test(nextStep) && !isRecord(shape) ? [] : {};
}

/**
 * The shape of a child. Arrays, and records keyed by number (indicator 7, 12 …), hold elements
 * of one kind, so any element stands for one the shape lacks.
 */
function child(shape: unknown, step: string): unknown {
  if (Array.isArray(shape)) return shape[Number(step)] ?? shape.find((e) => e !== null && e !== undefined);
  if (!isRecord(shape)) return undefined;
  return shape[step] ?? (DIGITS.test(step) ? Object.entries(shape).find(([k]) => DIGITS.test(k))?.[1] : undefined);
}

/** Array elements are of one kind, so a missing one is an empty one of the kind present. */
function fillHoles(node: unknown): void {
  if (Array.isArray(node)) {
    const present = node.find((e) => e !== undefined);
    for (let i = 0; i < node.length; i++) if (node[i] === undefined) node[i] = Array.isArray(present) ? [] : isRecord(present) ? {} : null;
  }
  if (typeof node === "object" && node !== null) for (const value of Object.values(node)) fillHoles(value);
}
