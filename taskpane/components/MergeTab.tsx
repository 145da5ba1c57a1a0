import * as React from "react";
import { Button, Checkbox, Field, MessageBar, MessageBarBody, MessageBarTitle, ProgressBar, Select, Spinner, Text, makeStyles, tokens } from "@fluentui/react-components";
import type { Text as Words } from "../../templates/schema";
// Names and reasons from the files are shown with control and bidirectional characters as escapes.
import { visibleText } from "../../src/core/visible-text";
import { accepted, previewMerge, type MergePreview, type PreviewRow, type SummaryTemplateId } from "../../src/merge/preview";
import type { SourceResult } from "../../src/merge/read-source";
import { summaryTemplates, isSummarySheet, mergedTablePlan, type TargetTable } from "../../src/merge/summary-merge";
import { findSheetTemplate } from "../../src/sheets/registry";
import { causeOf } from "../action-error";
import { insertPlans, readActiveSheetForMerge } from "../excel-actions";
import { fileBytes, mergedFileName, mergedWorkbook, readPicked, readTargetFile, targetOfSheet, THIS_WORKBOOK, type PickedFile } from "../merge-files";
import { downloadFile } from "../workbook-file";
import { MergePreviewView } from "./MergePreviewView";
import { OutcomeMessage, type Outcome } from "./OutcomeMessage";
import type { CardEnvironment } from "./TemplateCard";

/** More files than this show a progress bar while they are read. */
export const PROGRESS_OVER = 10;

const XLSX_ACCEPT = ".xlsx,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

const useStyles = makeStyles({
  root: { display: "flex", flexDirection: "column", gap: tokens.spacingVerticalM },
  title: { fontSize: tokens.fontSizeBase400, fontWeight: tokens.fontWeightSemibold, margin: 0 },
  intro: { margin: 0 },
  choice: { display: "flex", flexWrap: "wrap", columnGap: tokens.spacingHorizontalM, rowGap: tokens.spacingVerticalS },
  // A select is as wide as its longest option (an English template title is 600 px): the field sets
  // the width instead, side by side when the pane is wide, one under the other at 350 px.
  field: { flex: "1 1 200px", minWidth: 0 },
  select: { width: "100%", minWidth: 0 },
  selectInput: { minWidth: 0, maxWidth: "100%" },
  group: { display: "flex", flexDirection: "column", gap: tokens.spacingVerticalXS },
  label: { fontWeight: tokens.fontWeightSemibold },
  hint: { color: tokens.colorNeutralForeground3, fontSize: tokens.fontSizeBase200, margin: 0 },
  row: { display: "flex", flexWrap: "wrap", gap: tokens.spacingHorizontalS, alignItems: "center" },
  actions: { display: "flex", flexWrap: "wrap", gap: tokens.spacingHorizontalS, alignItems: "center", position: "sticky", bottom: 0, padding: `${tokens.spacingVerticalS} 0`, backgroundColor: tokens.colorNeutralBackground1 },
});


/** The target workbook picked outside Excel: its bytes (the merged table replaces its sheet) and its table. */
interface FileTarget {
  name: string;
  bytes: Uint8Array;
  table: TargetTable;
}

/** What the active sheet is, inside Excel. */
type Active =
  | { state: "reading" }
  | { state: "summary"; table: TargetTable }
  | { state: "other"; sheet: string | null }
  | { state: "refused"; sheet: string; reason: Words }
  | { state: "failed"; error: unknown };

/** The user's choices on one preview: invalid rows kept, valid rows left out. Tied to that preview: a new one starts empty. */
interface Selection {
  for: MergePreview | null;
  keep: ReadonlySet<string>;
  drop: ReadonlySet<string>;
}

const NO_SELECTION: Selection = { for: null, keep: new Set(), drop: new Set() };

function recommenderOptions(template: SummaryTemplateId): { value: string; label: Words }[] {
  return findSheetTemplate(template)?.params.find((p) => p.key === "recommender")?.options ?? [];
}

/**
 * Calls set with the latest progress at most once per animation frame (every few files when
 * they are small): 200 files redraw the bar a few dozen times, not 200. The last call always
 * goes through; nothing is set once stop() has been called.
 */
function throttled(set: (done: number, total: number) => void): { report: (done: number, total: number) => void; stop: () => void } {
  let latest: [number, number] | null = null;
  let scheduled = false;
  let stopped = false;
  const flush = () => {
    scheduled = false;
    if (!stopped && latest) set(...latest);
  };
  return {
    report(done, total) {
      latest = [done, total];
      if (done === total) return flush();
      if (scheduled) return;
      scheduled = true;
      if (typeof requestAnimationFrame === "function") requestAnimationFrame(flush);
      else setTimeout(flush, 16);
    },
    stop() {
      stopped = true;
    },
  };
}

export function MergeTab({ env }: { env: CardEnvironment }): React.JSX.Element {
  const styles = useStyles();
  const { host, lang, t, canInsert } = env;
  const m = t.merge;

  const [template, setTemplate] = React.useState<SummaryTemplateId>(() => summaryTemplates()[0]);
  const [recommender, setRecommender] = React.useState<string>(() => recommenderOptions(summaryTemplates()[0])[0]?.value ?? "");
  const [fileTarget, setFileTarget] = React.useState<FileTarget | null>(null);
  const [targetError, setTargetError] = React.useState<{ file: string; reason: Words } | undefined>();
  const [targetBusy, setTargetBusy] = React.useState(false);
  const [active, setActive] = React.useState<Active | undefined>();
  const [appendActive, setAppendActive] = React.useState(true);
  const [fileCount, setFileCount] = React.useState(0);
  const [reading, setReading] = React.useState<{ done: number; total: number } | null>(null);
  const [sources, setSources] = React.useState<SourceResult[] | null>(null);
  const [selection, setSelection] = React.useState<Selection>(NO_SELECTION);
  const [writing, setWriting] = React.useState(false);
  const [outcome, setOutcome] = React.useState<Outcome | undefined>();
  const filesInput = React.useRef<HTMLInputElement>(null);
  const targetInput = React.useRef<HTMLInputElement>(null);
  const outcomeBox = React.useRef<HTMLDivElement>(null);
  // Each pick of files is a generation: a read that a newer pick (or leaving the page) overtook sets nothing.
  const generation = React.useRef(0);

  React.useEffect(
    () => () => {
      generation.current++;
    },
    [],
  );

  const readActive = React.useCallback(async () => {
    setActive({ state: "reading" });
    try {
      const sheet = await readActiveSheetForMerge();
      if (!sheet || !isSummarySheet(sheet)) return setActive({ state: "other", sheet: sheet?.name ?? null });
      const read = targetOfSheet(THIS_WORKBOOK, sheet);
      setActive(read.ok ? { state: "summary", table: read.table } : { state: "refused", sheet: sheet.name, reason: read.reason });
    } catch (e) {
      setActive({ state: "failed", error: e });
    }
  }, []);

  React.useEffect(() => {
    if (host === "excel") void readActive();
  }, [host, readActive]);

  // The outcome appears under a preview that may be a thousand rows long: brought into view, or the clerk never sees it.
  React.useEffect(() => {
    if (outcome) outcomeBox.current?.scrollIntoView({ block: "nearest", behavior: "smooth" });
  }, [outcome]);

  // The target table: the active sheet inside Excel (when chosen), the picked workbook's outside. Its template and recommender win.
  const table: TargetTable | null = host === "excel" ? (appendActive && active?.state === "summary" ? active.table : null) : (fileTarget?.table ?? null);
  const shownTemplate = table?.template ?? template;
  const shownRecommender = table?.recommender ?? recommender;

  const computed = React.useMemo((): { preview: MergePreview | null; error?: unknown } => {
    if (!sources) return { preview: null };
    try {
      return { preview: previewMerge(table ?? { template, recommender }, sources) };
    } catch (e) {
      return { preview: null, error: e };
    }
  }, [sources, table, template, recommender]);
  const { preview } = computed;

  // The choices apply to the preview they were made on only: a new preview (new files, another target) starts from its defaults.
  const current = selection.for === preview ? selection : NO_SELECTION;
  const rows = React.useMemo(() => (preview ? accepted(preview, current.keep, current.drop) : []), [preview, current]);
  const included = React.useMemo(() => new Set(rows.map((r) => r.id)), [rows]);
  const serials = React.useMemo(() => new Map(rows.map((r, i) => [r.id, i + 1])), [rows]);
  const existingCount = rows.filter((r) => r.source.existing).length;
  const newCount = rows.length - existingCount;

  const toggle = React.useCallback(
    (row: PreviewRow, include: boolean) => {
      setSelection((s) => {
        const base = s.for === preview ? s : { ...NO_SELECTION, for: preview };
        const keep = new Set(base.keep);
        const drop = new Set(base.drop);
        if (row.invalid) {
          // Ticking an invalid row is keeping it explicitly.
          if (include) keep.add(row.id);
          else keep.delete(row.id);
        } else if (include) drop.delete(row.id);
        else drop.add(row.id);
        return { for: preview, keep, drop };
      });
    },
    [preview],
  );

  async function pickFiles(list: readonly PickedFile[]): Promise<void> {
    if (list.length === 0) return;
    const mine = ++generation.current;
    const isCurrent = () => mine === generation.current;
    setOutcome(undefined);
    setSources(null);
    setFileCount(list.length);
    setReading({ done: 0, total: list.length });
    const progress = throttled((done, total) => {
      if (isCurrent()) setReading({ done, total });
    });
    try {
      const read = await readPicked(list, progress.report);
      if (isCurrent()) setSources(read);
    } catch (e) {
      if (isCurrent()) setOutcome({ intent: "error", title: t.failed, body: causeOf(e, lang) });
    } finally {
      progress.stop();
      if (isCurrent()) setReading(null);
    }
  }

  async function pickTarget(file: PickedFile): Promise<void> {
    setTargetBusy(true);
    setTargetError(undefined);
    setOutcome(undefined);
    try {
      const bytes = await fileBytes(file);
      const read = await readTargetFile(file, bytes);
      if (read.ok) setFileTarget({ name: file.name, bytes, table: read.table });
      else {
        setFileTarget(null);
        setTargetError({ file: file.name, reason: read.reason });
      }
    } catch (e) {
      setFileTarget(null);
      const cause = causeOf(e, lang);
      setTargetError({ file: file.name, reason: { zh: cause, en: cause } });
    } finally {
      setTargetBusy(false);
    }
  }

  /** Writes exactly the rows the button counted, for the preview on screen: nothing else is ever written. */
  async function write(confirmed: MergePreview, confirmedRows: readonly PreviewRow[], target: TargetTable | null, file: FileTarget | null): Promise<void> {
    setWriting(true);
    setOutcome(undefined);
    try {
      const plan = mergedTablePlan(confirmed, confirmedRows, target ? { recommenderName: target.recommenderName, rowCount: target.rowCount } : {});
      if (!plan.ok) {
        setOutcome({ intent: "error", title: t.failed, body: visibleText(plan.problems.map((p) => p.message[lang]).join(t.listSeparator)) });
        return;
      }
      if (host === "excel") {
        const { sheetNames } = await insertPlans([plan.value]);
        setOutcome({ intent: "success", title: m.inserted(sheetNames[0] ?? plan.value.name, confirmedRows.length) });
      } else {
        const bytes = await mergedWorkbook(plan.value, file ? { bytes: file.bytes, sheet: file.table.sheet ?? "" } : null);
        const name = mergedFileName(plan.value, file, lang);
        downloadFile(bytes, name);
        setOutcome({ intent: "success", title: m.downloaded(name, confirmedRows.length) });
      }
    } catch (e) {
      setOutcome({ intent: "error", title: t.failed, body: causeOf(e, lang) });
    } finally {
      setWriting(false);
    }
  }

  const busy = writing || reading !== null || targetBusy;
  const templateOptions = summaryTemplates().map((id) => ({ id, title: findSheetTemplate(id)?.title[lang] ?? id }));

  return (
    <section className={styles.root} aria-labelledby="merge-title">
      <h2 id="merge-title" className={styles.title}>
        {m.title}
      </h2>
      <p className={styles.intro}>{m.intro}</p>

      <div className={styles.choice}>
        <Field className={styles.field} label={m.template}>
          <Select
            className={styles.select}
            select={{ className: styles.selectInput }}
            value={shownTemplate}
            disabled={busy || table !== null}
            onChange={(_e, data) => {
              const next = data.value as SummaryTemplateId;
              setTemplate(next);
              setRecommender(recommenderOptions(next)[0]?.value ?? "");
            }}
          >
            {templateOptions.map((o) => (
              <option key={o.id} value={o.id}>
                {o.title}
              </option>
            ))}
          </Select>
        </Field>
        <Field className={styles.field} label={m.recommender}>
          <Select className={styles.select} select={{ className: styles.selectInput }} value={shownRecommender} disabled={busy || table !== null} onChange={(_e, data) => setRecommender(data.value)}>
            {recommenderOptions(shownTemplate).map((o) => (
              <option key={o.value} value={o.value}>
                {o.label[lang]}
              </option>
            ))}
          </Select>
        </Field>
      </div>

      {host === "excel" ? (
        <div className={styles.group}>
          <Text className={styles.label}>{m.target}</Text>
          {active?.state === "reading" || active === undefined ? <Spinner size="tiny" label={m.reading} /> : null}
          {active?.state === "summary" ? (
            <Checkbox checked={appendActive} disabled={busy} label={visibleText(m.activeSheet(active.table.sheet ?? "", active.table.existing?.length ?? 0))} onChange={(_e, data) => setAppendActive(data.checked === true)} />
          ) : null}
          {active?.state === "other" ? <p className={styles.hint}>{visibleText(m.activeNotSummary(active.sheet))}</p> : null}
          {active?.state === "refused" ? <p className={styles.hint}>{visibleText(m.targetRefused(active.sheet, active.reason[lang]))}</p> : null}
          {active?.state === "failed" ? <p className={styles.hint}>{causeOf(active.error, lang)}</p> : null}
          {table ? <p className={styles.hint}>{m.targetRules}</p> : null}
          <div className={styles.row}>
            <Button size="small" disabled={busy || active?.state === "reading"} onClick={() => void readActive()}>
              {m.rereadActive}
            </Button>
          </div>
        </div>
      ) : (
        <div className={styles.group}>
          <Text className={styles.label}>{m.target}</Text>
          <p className={styles.hint}>{m.targetHint}</p>
          <input
            ref={targetInput}
            type="file"
            accept={XLSX_ACCEPT}
            hidden
            aria-label={m.targetInput}
            onChange={(e) => {
              const file = e.target.files?.[0];
              e.target.value = "";
              if (file) void pickTarget(file);
            }}
          />
          <div className={styles.row}>
            <Button size="small" disabled={busy} onClick={() => targetInput.current?.click()}>
              {m.pickTarget}
            </Button>
            {fileTarget ? (
              <Button size="small" appearance="subtle" disabled={busy} onClick={() => setFileTarget(null)}>
                {m.clearTarget}
              </Button>
            ) : null}
            {targetBusy ? <Spinner size="tiny" label={m.reading} /> : null}
          </div>
          {fileTarget ? (
            <p className={styles.hint}>
              {visibleText(m.targetIs(fileTarget.name, fileTarget.table.sheet ?? "", fileTarget.table.existing?.length ?? 0))} {m.targetRules}
            </p>
          ) : null}
          {targetError ? (
            <MessageBar intent="error">
              <MessageBarBody>{visibleText(m.targetRefused(targetError.file, targetError.reason[lang]))}</MessageBarBody>
            </MessageBar>
          ) : null}
        </div>
      )}

      <div className={styles.group}>
        <input
          ref={filesInput}
          type="file"
          multiple
          accept={XLSX_ACCEPT}
          hidden
          aria-label={m.filesInput}
          onChange={(e) => {
            const files = Array.from(e.target.files ?? []);
            // Cleared, so that choosing the same files again reads them again.
            e.target.value = "";
            void pickFiles(files);
          }}
        />
        <div className={styles.row}>
          <Button appearance={preview ? "secondary" : "primary"} disabled={busy} onClick={() => filesInput.current?.click()}>
            {m.pickFiles}
          </Button>
          {fileCount > 0 ? <Text size={200}>{m.chosen(fileCount)}</Text> : null}
        </div>
        {reading && reading.total > PROGRESS_OVER ? (
          <Field label={m.progress(reading.done, reading.total)}>
            <ProgressBar value={reading.done} max={reading.total} />
          </Field>
        ) : reading ? (
          <Spinner size="tiny" label={m.reading} />
        ) : null}
      </div>

      {computed.error ? (
        <MessageBar intent="error" role="alert">
          <MessageBarBody>
            <MessageBarTitle>{t.failed}</MessageBarTitle>
            {causeOf(computed.error, lang)}
          </MessageBarBody>
        </MessageBar>
      ) : null}

      {preview ? <MergePreviewView preview={preview} lang={lang} t={t} included={included} serials={serials} onToggle={toggle} disabled={busy} /> : null}

      {preview ? (
        <div className={styles.actions}>
          <Button
            appearance="primary"
            disabled={busy || newCount === 0 || (host === "excel" && !canInsert)}
            onClick={() => void write(preview, rows, table, host === "excel" ? null : fileTarget)}
          >
            {m.write(rows.length, existingCount)}
          </Button>
          {writing ? <Spinner size="tiny" label={m.writing} /> : null}
          {newCount === 0 ? <Text size={200}>{m.nothingToWrite}</Text> : null}
          {host === "excel" && !canInsert ? <Text size={200}>{m.needsNewerExcel}</Text> : null}
        </div>
      ) : null}

      {outcome ? (
        <div ref={outcomeBox}>
          <OutcomeMessage outcome={outcome} />
        </div>
      ) : null}
    </section>
  );
}
