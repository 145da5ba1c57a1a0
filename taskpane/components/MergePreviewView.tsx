import * as React from "react";
import { Checkbox, MessageBar, MessageBarBody, MessageBarTitle, makeStyles, mergeClasses, tokens } from "@fluentui/react-components";
import { visibleLine, visibleText as v } from "../../src/core/visible-text";
import { overLimit, type MergePreview, type PreviewProblem, type PreviewRow } from "../../src/merge/preview";
import { findTemplate } from "../../templates/index";
import type { Lang, UiStrings } from "../strings";

const useStyles = makeStyles({
  counts: { margin: `${tokens.spacingVerticalS} 0`, fontWeight: tokens.fontWeightSemibold },
  frame: { overflow: "auto", maxHeight: "420px", border: `1px solid ${tokens.colorNeutralStroke2}`, borderRadius: tokens.borderRadiusMedium },
  table: { borderCollapse: "collapse", fontSize: tokens.fontSizeBase200, lineHeight: tokens.lineHeightBase200, minWidth: "100%" },
  head: {
    backgroundColor: tokens.colorNeutralBackground3,
    color: tokens.colorNeutralForeground2,
    fontWeight: tokens.fontWeightSemibold,
    textAlign: "start",
    padding: "2px 6px",
    border: `1px solid ${tokens.colorNeutralStroke2}`,
    position: "sticky",
    top: 0,
    zIndex: 1,
    whiteSpace: "nowrap",
  },
  cell: { padding: "2px 6px", border: `1px solid ${tokens.colorNeutralStroke3}`, verticalAlign: "middle", whiteSpace: "nowrap" },
  value: { maxWidth: "14em", overflow: "hidden", textOverflow: "ellipsis" },
  serial: { textAlign: "end", fontVariantNumeric: "tabular-nums" },
  audit: { color: tokens.colorNeutralForeground3, fontSize: tokens.fontSizeBase100, whiteSpace: "normal", minWidth: "16em" },
  invalid: { backgroundColor: tokens.colorPaletteRedBackground1 },
  left: { color: tokens.colorNeutralForeground4 },
  status: { fontSize: tokens.fontSizeBase100, whiteSpace: "nowrap" },
  bad: { color: tokens.colorPaletteRedForeground1 },
  section: { marginTop: tokens.spacingVerticalM },
  heading: { fontSize: tokens.fontSizeBase300, fontWeight: tokens.fontWeightSemibold, margin: `0 0 ${tokens.spacingVerticalXS}` },
  list: { margin: 0, paddingInlineStart: tokens.spacingHorizontalXL, display: "flex", flexDirection: "column", gap: tokens.spacingVerticalXXS },
  severity: { fontWeight: tokens.fontWeightSemibold, marginInlineEnd: tokens.spacingHorizontalXS },
  error: { color: tokens.colorPaletteRedForeground1 },
  warning: { color: tokens.colorPaletteDarkOrangeForeground1 },
  messageList: { margin: `${tokens.spacingVerticalXS} 0 0`, paddingInlineStart: tokens.spacingHorizontalL },
  variants: { display: "block", color: tokens.colorNeutralForeground3 },
});

export interface PreviewViewProps {
  preview: MergePreview;
  lang: Lang;
  t: UiStrings;
  /** The ids of the rows that will be written (accepted()). */
  included: ReadonlySet<string>;
  /** 序号 as it will be written, per included row id. */
  serials: ReadonlyMap<string, number>;
  onToggle: (row: PreviewRow, include: boolean) => void;
  disabled: boolean;
}

/** The summary's data columns with their headings in the UI's language. */
function columnHeadings(preview: MergePreview, lang: Lang): { key: string; header: string }[] {
  const table = findTemplate(preview.template);
  const headers = new Map(table?.kind === "summary" ? table.columns.map((c) => [c.key, c.header[lang]]) : []);
  return preview.columns.map((c) => ({ key: c.key, header: headers.get(c.key) ?? c.header }));
}

export function problemWhere(p: Pick<PreviewProblem, "file" | "sheet" | "cell">, t: UiStrings): string {
  return t.merge.where(p.file, p.sheet, p.cell);
}

/**
 * The preview of a merge: counts, the rows with a tick each, and every problem, duplicate, rule
 * and refusal with its place. Text from the files is shown through visibleText (React escapes
 * HTML, not control or bidirectional characters): a right-to-left override in a name cannot
 * reverse what the preview seems to say, and a control character shows as \u001B.
 */
export function MergePreviewView({ preview, lang, t, included, serials, onToggle, disabled }: PreviewViewProps): React.JSX.Element {
  const styles = useStyles();
  const m = t.merge;
  const columns = React.useMemo(() => columnHeadings(preview, lang), [preview, lang]);
  const duplicated = React.useMemo(() => new Set(preview.duplicates.flatMap((d) => d.members.map((x) => x.rowId))), [preview]);
  // Each row's problems, shown on its status cell (the list below names their cells).
  const rowProblems = React.useMemo(() => {
    const byRow = new Map<string, string[]>();
    for (const p of preview.problems) if (p.rowId) byRow.set(p.rowId, [...(byRow.get(p.rowId) ?? []), p.message[lang]]);
    return new Map([...byRow].map(([id, messages]) => [id, v(messages.join(t.listSeparator))]));
  }, [preview, lang, t]);
  // Counted over the ticked rows, so unticking a copy of a duplicate updates it.
  const over = React.useMemo(() => overLimit(preview, preview.rows.filter((r) => included.has(r.id))), [preview, included]);
  const existing = preview.rows.filter((r) => r.source.existing).length;
  const add = preview.rows.length - existing;

  return (
    <section aria-labelledby="merge-preview-title">
      <h2 id="merge-preview-title" className={styles.heading}>
        {m.previewTitle}
      </h2>
      <p className={styles.counts}>{m.counts(add, existing, preview.problems.length, preview.duplicates.length, preview.refused.length)}</p>

      {over ? (
        <MessageBar intent="warning">
          <MessageBarBody>
            <MessageBarTitle>{m.overLimit}</MessageBarTitle>
            {v(over.message[lang])}
          </MessageBarBody>
        </MessageBar>
      ) : null}

      {preview.onePerYear.length > 0 ? (
        <MessageBar intent="warning" layout="multiline">
          <MessageBarBody>
            <MessageBarTitle>{m.onePerYear(preview.onePerYear.length)}</MessageBarTitle>
            <ul className={styles.messageList} aria-label={m.onePerYear(preview.onePerYear.length)}>
              {preview.onePerYear.map((o) => (
                <li key={o.rowIds.join(",")}>{v(o.message[lang])}</li>
              ))}
            </ul>
          </MessageBarBody>
        </MessageBar>
      ) : null}

      {preview.rows.length === 0 ? (
        <p>{m.noRows}</p>
      ) : (
        <div className={styles.frame} role="region" aria-label={m.rowsLabel} tabIndex={0}>
          <table className={styles.table} aria-label={m.rowsLabel}>
            <thead>
              <tr>
                <th className={styles.head} scope="col">
                  {m.includeColumn}
                </th>
                <th className={styles.head} scope="col">
                  {m.serial}
                </th>
                <th className={styles.head} scope="col">
                  {m.status}
                </th>
                {columns.map((c) => (
                  <th key={c.key} className={styles.head} scope="col">
                    {c.header}
                  </th>
                ))}
                <th className={styles.head} scope="col">
                  {m.audit}
                </th>
              </tr>
            </thead>
            <tbody>
              {preview.rows.map((row) => (
                <RowView
                  key={row.id}
                  row={row}
                  columns={columns}
                  serial={serials.get(row.id)}
                  included={included.has(row.id)}
                  duplicate={duplicated.has(row.id)}
                  problems={rowProblems.get(row.id)}
                  t={t}
                  onToggle={onToggle}
                  disabled={disabled}
                />
              ))}
            </tbody>
          </table>
        </div>
      )}

      <ListSection id="merge-problems" title={m.problems(preview.problems.length)}>
        {preview.problems.map((p, i) => (
          <li key={`${p.rowId ?? p.file}-${p.cell ?? ""}-${i}`}>
            <span className={mergeClasses(styles.severity, p.severity === "error" ? styles.error : styles.warning)}>{p.severity === "error" ? m.error : m.warning}</span>
            {v(m.line(problemWhere(p, t), p.message[lang]))}
          </li>
        ))}
      </ListSection>
      <ListSection id="merge-duplicates" title={m.duplicates(preview.duplicates.length)}>
        {preview.duplicates.map((d) => (
          <li key={d.members.map((x) => x.rowId).join(",")}>
            {v(
              m.duplicateGroup(
                d.enterprise,
                d.by.map((b) => m.duplicateBy[b]).join(t.listSeparator),
                d.members.map((x) => x.audit),
              ),
            )}
            {d.variants.length > 0 ? <span className={styles.variants}>{v(m.variants(d.variants))}</span> : null}
          </li>
        ))}
      </ListSection>
      <ListSection id="merge-skipped" title={m.skipped(preview.skipped.length)}>
        {preview.skipped.map((s, i) => (
          <li key={`${s.file}-${s.sheet}-${i}`}>{v(m.line(m.where(s.file, s.sheet), s.reason[lang]))}</li>
        ))}
      </ListSection>
      <ListSection id="merge-refused" title={m.refused(preview.refused.length)}>
        {preview.refused.map((r, i) => (
          <li key={`${r.file}-${i}`}>{v(m.line(r.file, r.reason[lang]))}</li>
        ))}
      </ListSection>
    </section>
  );
}

/** A titled list under the table (problems, duplicates, skipped sheets, refused files); nothing when it is empty. */
function ListSection({ id, title, children }: { id: string; title: string; children: React.ReactNode[] }): React.JSX.Element | null {
  const styles = useStyles();
  if (children.length === 0) return null;
  return (
    <section className={styles.section} aria-labelledby={id}>
      <h3 id={id} className={styles.heading}>
        {title}
      </h3>
      <ul className={styles.list} aria-labelledby={id}>
        {children}
      </ul>
    </section>
  );
}

interface RowViewProps {
  row: PreviewRow;
  columns: { key: string; header: string }[];
  serial: number | undefined;
  included: boolean;
  duplicate: boolean;
  /** The row's problems on one line, when it has any. */
  problems: string | undefined;
  t: UiStrings;
  onToggle: (row: PreviewRow, include: boolean) => void;
  disabled: boolean;
}

/** One row; memoised, so ticking one of a thousand rows redraws that row alone. */
const RowView = React.memo(function RowView({ row, columns, serial, included, duplicate, problems, t, onToggle, disabled }: RowViewProps): React.JSX.Element {
  const styles = useStyles();
  const m = t.merge;
  const status = [row.source.existing ? m.existing : null, row.invalid ? (included ? m.kept : m.invalid) : null, duplicate ? m.duplicate : null].filter((s): s is string => s !== null);
  return (
    <tr className={mergeClasses(row.invalid && styles.invalid, !included && styles.left)}>
      <td className={styles.cell}>
        <Checkbox
          checked={included}
          disabled={disabled || row.source.existing}
          aria-label={v(m.include(row.audit))}
          onChange={(_e, data) => onToggle(row, data.checked === true)}
        />
      </td>
      <td className={mergeClasses(styles.cell, styles.serial)}>{serial ?? "—"}</td>
      <td className={mergeClasses(styles.cell, styles.status, row.invalid && styles.bad)} title={problems}>
        {status.join(" · ")}
      </td>
      {columns.map((c) => (
        <td key={c.key} className={mergeClasses(styles.cell, styles.value)} title={v(row.values[c.key] ?? "") || undefined}>
          {visibleLine(row.values[c.key] ?? "")}
        </td>
      ))}
      <td className={mergeClasses(styles.cell, styles.audit)}>{v(row.audit)}</td>
    </tr>
  );
});
