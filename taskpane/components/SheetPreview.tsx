import * as React from "react";
import { makeStyles, tokens } from "@fluentui/react-components";
import type { CellValue, SheetPlan } from "../../src/sheets/plan";
import { colLetter } from "../../src/sheets/formula";
import type { UiStrings } from "../strings";

export const PREVIEW_ROWS = 15;
export const PREVIEW_COLS = 8;

const useStyles = makeStyles({
  frame: { overflowX: "auto", maxHeight: "260px", overflowY: "auto", border: `1px solid ${tokens.colorNeutralStroke2}`, borderRadius: tokens.borderRadiusMedium },
  table: { borderCollapse: "collapse", fontSize: tokens.fontSizeBase100, lineHeight: tokens.lineHeightBase100, tableLayout: "fixed" },
  head: { backgroundColor: tokens.colorNeutralBackground3, color: tokens.colorNeutralForeground3, fontWeight: tokens.fontWeightRegular, padding: "1px 4px", border: `1px solid ${tokens.colorNeutralStroke2}`, position: "sticky", top: 0 },
  cell: {
    padding: "1px 4px",
    border: `1px solid ${tokens.colorNeutralStroke3}`,
    maxWidth: "110px",
    whiteSpace: "nowrap",
    overflow: "hidden",
    textOverflow: "ellipsis",
    color: tokens.colorNeutralForeground1,
  },
  formula: { color: tokens.colorBrandForeground1, fontStyle: "italic" },
  note: { fontSize: tokens.fontSizeBase100, color: tokens.colorNeutralForeground3, margin: "2px 0 0" },
});

interface Shown {
  text: string;
  formula?: string;
}

/** The first rows and columns of a plan as a small table: values as they are, formulas as ƒx. */
export function previewGrid(plan: SheetPlan, rows = PREVIEW_ROWS, cols = PREVIEW_COLS): { grid: (Shown | undefined)[][]; totalRows: number; totalCols: number } {
  let totalRows = 0;
  let totalCols = 0;
  const grid: (Shown | undefined)[][] = Array.from({ length: rows }, () => new Array<Shown | undefined>(cols).fill(undefined));
  for (const cell of plan.cells) {
    totalRows = Math.max(totalRows, cell.row);
    totalCols = Math.max(totalCols, cell.col);
    if (cell.row > rows || cell.col > cols) continue;
    if (cell.formula !== undefined) grid[cell.row - 1][cell.col - 1] = { text: "", formula: cell.formula };
    else if (cell.value !== undefined && cell.value !== null && cell.value !== "") grid[cell.row - 1][cell.col - 1] = { text: display(cell.value) };
  }
  const usedRows = Math.min(rows, totalRows);
  const usedCols = Math.min(cols, totalCols);
  return { grid: grid.slice(0, usedRows).map((r) => r.slice(0, usedCols)), totalRows, totalCols };
}

function display(value: CellValue): string {
  if (typeof value === "boolean") return value ? "TRUE" : "FALSE";
  return String(value);
}

export function SheetPreview({ plan, title, t }: { plan: SheetPlan; title: string; t: UiStrings }): React.JSX.Element {
  const styles = useStyles();
  const { grid, totalRows, totalCols } = React.useMemo(() => previewGrid(plan), [plan]);
  const width = grid[0]?.length ?? 0;
  return (
    <div>
      <div className={styles.frame} tabIndex={0} role="region" aria-label={t.preview(title)}>
        <table className={styles.table} aria-label={t.preview(title)}>
          <thead>
            <tr>
              <th className={styles.head} scope="col" aria-hidden="true" />
              {Array.from({ length: width }, (_, c) => (
                <th key={c} className={styles.head} scope="col">
                  {colLetter(c + 1)}
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            {grid.map((row, r) => (
              <tr key={r}>
                <th className={styles.head} scope="row">
                  {r + 1}
                </th>
                {row.map((cell, c) =>
                  cell?.formula !== undefined ? (
                    <td key={c} className={`${styles.cell} ${styles.formula}`} title={t.formulaTitle(cell.formula)}>
                      {t.formulaMarker}
                    </td>
                  ) : (
                    <td key={c} className={styles.cell} title={cell?.text}>
                      {cell?.text ?? ""}
                    </td>
                  ),
                )}
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      <p className={styles.note}>{t.previewNote(grid.length, width, totalRows, totalCols)}</p>
    </div>
  );
}
