import * as React from "react";
import { Button, Field, MessageBar, MessageBarBody, Select, Spinner, Text, makeStyles, tokens } from "@fluentui/react-components";
import type { DocumentModel } from "../../src/export/document";
import type { MarkedSheet } from "../../src/merge/read-source";
import { isExportable } from "../../src/export/document";
import { causeOf } from "../action-error";
import { readActiveSheetForMerge } from "../excel-actions";
import { documentOf, downloadWord, readWorkbookFile, type PickedWorkbook } from "../export-actions";
import type { PickedFile } from "../merge-files";
import { OutcomeMessage, type Outcome } from "./OutcomeMessage";
import { PrintView } from "./PrintView";
import type { CardEnvironment } from "./TemplateCard";

const XLSX_ACCEPT = ".xlsx,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

const useStyles = makeStyles({
  root: { display: "flex", flexDirection: "column", gap: tokens.spacingVerticalM },
  title: { fontSize: tokens.fontSizeBase400, fontWeight: tokens.fontWeightSemibold, margin: 0 },
  intro: { margin: 0 },
  hint: { color: tokens.colorNeutralForeground3, fontSize: tokens.fontSizeBase200, margin: 0 },
  row: { display: "flex", flexWrap: "wrap", gap: tokens.spacingHorizontalS, alignItems: "center" },
});

/**
 * 导出 / Export (issue 11, ruling F3): the summary table or form as Word, or its print view.
 * In Excel it exports the active sheet, read when a button is pressed; in a browser, a sheet of
 * a workbook the user picks. Both go through the same path as `assessbook export`.
 */
export function ExportTab({ env }: { env: CardEnvironment }): React.JSX.Element {
  const styles = useStyles();
  const { t, lang, host } = env;
  const e = t.export;
  const [busy, setBusy] = React.useState(false);
  const [outcome, setOutcome] = React.useState<Outcome | undefined>();
  const [picked, setPicked] = React.useState<PickedWorkbook | null>(null);
  const [sheetName, setSheetName] = React.useState<string>("");
  const [printing, setPrinting] = React.useState<DocumentModel | null>(null);
  const fileInput = React.useRef<HTMLInputElement>(null);

  /** The sheet to export: the active one in Excel, the chosen one of the picked workbook in a browser. */
  async function sheet(): Promise<MarkedSheet | null> {
    if (host === "excel") return readActiveSheetForMerge();
    if (!picked?.ok) return null;
    return picked.sheets.find((s) => s.name === sheetName) ?? picked.sheets[0];
  }

  async function act(action: (model: DocumentModel) => Promise<Outcome | undefined>): Promise<void> {
    setBusy(true);
    setOutcome(undefined);
    try {
      const chosen = await sheet();
      if (!chosen || !isExportable(chosen.marker.template)) {
        setOutcome({ intent: "warning", title: e.notExportable });
        return;
      }
      setOutcome(await action(documentOf(chosen)));
    } catch (err) {
      setOutcome({ intent: "error", title: t.failed, body: causeOf(err, lang) });
    } finally {
      setBusy(false);
    }
  }

  const word = () => act(async (model) => ({ intent: "success", title: e.downloaded(await downloadWord(model)) }));
  const print = () =>
    act(async (model) => {
      setPrinting(model);
      return undefined;
    });

  async function pick(file: PickedFile): Promise<void> {
    setBusy(true);
    setOutcome(undefined);
    setPrinting(null);
    try {
      const read = await readWorkbookFile(file);
      setPicked(read);
      setSheetName(read.ok ? read.sheets[0].name : "");
    } catch (err) {
      setOutcome({ intent: "error", title: t.failed, body: causeOf(err, lang) });
    } finally {
      setBusy(false);
    }
  }

  const ready = host === "excel" || picked?.ok === true;

  return (
    <div className={styles.root}>
      <h2 className={styles.title}>{e.title}</h2>
      <p className={styles.intro}>{e.intro}</p>
      {host === "excel" ? (
        <p className={styles.hint}>{e.activeHint}</p>
      ) : (
        <>
          <input
            ref={fileInput}
            type="file"
            accept={XLSX_ACCEPT}
            hidden
            aria-label={e.fileInput}
            onChange={(ev) => {
              const file = ev.target.files?.[0];
              // Cleared, so that choosing the same file again reads it again.
              ev.target.value = "";
              if (file) void pick(file);
            }}
          />
          <div className={styles.row}>
            <Button appearance={picked?.ok ? "secondary" : "primary"} disabled={busy} onClick={() => fileInput.current?.click()}>
              {e.pickFile}
            </Button>
            {picked?.ok ? <Text size={200}>{e.fileIs(picked.name, picked.sheets.length)}</Text> : null}
          </div>
          {picked && !picked.ok ? (
            <MessageBar intent="error">
              <MessageBarBody>{e.refused(picked.name, picked.reason[lang])}</MessageBarBody>
            </MessageBar>
          ) : null}
          {picked?.ok && picked.sheets.length > 1 ? (
            <Field label={e.sheet}>
              <Select value={sheetName} disabled={busy} onChange={(_ev, data) => setSheetName(data.value)}>
                {picked.sheets.map((s) => (
                  <option key={s.name} value={s.name}>
                    {s.name}
                  </option>
                ))}
              </Select>
            </Field>
          ) : null}
        </>
      )}
      <div className={styles.row}>
        <Button appearance="primary" disabled={busy || !ready} onClick={word}>
          {e.word}
        </Button>
        <Button disabled={busy || !ready} onClick={print}>
          {e.print}
        </Button>
        {busy ? <Spinner size="tiny" label={picked === null && host !== "excel" ? e.reading : e.working} /> : null}
      </div>
      {outcome ? <OutcomeMessage outcome={outcome} /> : null}
      {printing ? <PrintView model={printing} t={t} onClose={() => setPrinting(null)} /> : null}
    </div>
  );
}
