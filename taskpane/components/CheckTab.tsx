import * as React from "react";
import { Button, MessageBar, MessageBarBody, MessageBarTitle, Spinner, Text, makeStyles, tokens } from "@fluentui/react-components";
// The sheet's name and the answers quoted in messages are the user's text: control and bidirectional characters shown as escapes.
import { visibleText as v } from "../../src/core/visible-text";
import { checkActiveSheet, selectCell, type SheetCheck } from "../excel-actions";
import type { FileCheck } from "../check-file";
import type { PickedFile } from "../merge-files";
import { causeOf } from "../action-error";
import type { Host } from "../environment";
import type { Lang, UiStrings } from "../strings";

const XLSX_ACCEPT = ".xlsx,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

const useStyles = makeStyles({
  root: { display: "flex", flexDirection: "column", gap: tokens.spacingVerticalS },
  title: { fontSize: tokens.fontSizeBase400, fontWeight: tokens.fontWeightSemibold, margin: 0 },
  intro: { margin: 0 },
  row: { display: "flex", flexWrap: "wrap", gap: tokens.spacingHorizontalS, alignItems: "center" },
  sheet: { display: "flex", flexDirection: "column", gap: tokens.spacingVerticalXS },
  sheetTitle: { fontSize: tokens.fontSizeBase300, fontWeight: tokens.fontWeightSemibold, margin: `${tokens.spacingVerticalS} 0 0`, overflowWrap: "anywhere" },
  hint: { color: tokens.colorNeutralForeground3, fontSize: tokens.fontSizeBase200, margin: 0, overflowWrap: "anywhere" },
  list: { listStyle: "none", padding: 0, margin: `${tokens.spacingVerticalS} 0`, display: "flex", flexDirection: "column", gap: tokens.spacingVerticalXS },
  problem: { justifyContent: "flex-start", textAlign: "start", width: "100%", fontWeight: tokens.fontWeightRegular },
  unplaced: { display: "block", padding: `${tokens.spacingVerticalXS} ${tokens.spacingHorizontalM}`, overflowWrap: "anywhere" },
  address: { fontFamily: tokens.fontFamilyMonospace, fontWeight: tokens.fontWeightSemibold, marginInlineEnd: tokens.spacingHorizontalS },
});

/**
 * 检查 / Check: a sheet Assessbook built, its answers read back and every computed cell compared
 * with the engine. In Excel, the active sheet (a problem's cell is a button that selects it); in
 * a browser, every such sheet of a workbook the user picks, with the same findings.
 */
export function CheckTab({ host, lang, t }: { host: Host; lang: Lang; t: UiStrings }): React.JSX.Element {
  const styles = useStyles();
  return (
    <section className={styles.root} aria-labelledby="check-title">
      <h2 id="check-title" className={styles.title}>
        {t.check.title}
      </h2>
      {host === "excel" ? <ActiveSheetCheck lang={lang} t={t} /> : <FileCheckView lang={lang} t={t} />}
    </section>
  );
}

function ActiveSheetCheck({ lang, t }: { lang: Lang; t: UiStrings }): React.JSX.Element {
  const styles = useStyles();
  const [busy, setBusy] = React.useState(false);
  const [result, setResult] = React.useState<SheetCheck | undefined>();
  const [error, setError] = React.useState<string | undefined>();

  async function run(): Promise<void> {
    setBusy(true);
    setError(undefined);
    setResult(undefined);
    try {
      setResult(await checkActiveSheet());
    } catch (e) {
      setError(causeOf(e, lang));
    } finally {
      setBusy(false);
    }
  }

  async function select(sheet: string, address: string): Promise<void> {
    setError(undefined);
    try {
      await selectCell(sheet, address);
    } catch (e) {
      setError(causeOf(e, lang));
    }
  }

  return (
    <>
      <p className={styles.intro}>{t.check.intro}</p>
      <div className={styles.row}>
        <Button appearance="primary" disabled={busy} onClick={run}>
          {t.check.run}
        </Button>
        {busy ? <Spinner size="tiny" label={t.check.running} /> : null}
      </div>
      {error ? <Failure title={t.failed} cause={error} /> : null}
      {result ? <Findings result={result} lang={lang} t={t} titled onSelect={(address) => void select(result.sheet, address)} /> : null}
    </>
  );
}

/** Outside Excel: the picked workbook, read through the reading gate and checked sheet by sheet. */
function FileCheckView({ lang, t }: { lang: Lang; t: UiStrings }): React.JSX.Element {
  const styles = useStyles();
  const c = t.check;
  const [busy, setBusy] = React.useState(false);
  const [checked, setChecked] = React.useState<FileCheck | undefined>();
  const [error, setError] = React.useState<string | undefined>();
  const input = React.useRef<HTMLInputElement>(null);

  async function pick(file: PickedFile): Promise<void> {
    setBusy(true);
    setError(undefined);
    setChecked(undefined);
    try {
      // The reader and the check of a file are a chunk of their own, loaded on the first pick.
      const { checkFile } = await import(/* webpackChunkName: "check-file" */ "../check-file");
      setChecked(await checkFile(file));
    } catch (e) {
      setError(causeOf(e, lang));
    } finally {
      setBusy(false);
    }
  }

  return (
    <>
      <p className={styles.intro}>{c.fileIntro}</p>
      <input
        ref={input}
        type="file"
        accept={XLSX_ACCEPT}
        hidden
        aria-label={c.fileInput}
        onChange={(e) => {
          const file = e.target.files?.[0];
          // Cleared, so that choosing the same file again (after saving it) checks it again.
          e.target.value = "";
          if (file) void pick(file);
        }}
      />
      <div className={styles.row}>
        <Button appearance={checked ? "secondary" : "primary"} disabled={busy} onClick={() => input.current?.click()}>
          {c.pickFile}
        </Button>
        {busy ? <Spinner size="tiny" label={c.reading} /> : null}
      </div>
      {error ? <Failure title={t.failed} cause={error} /> : null}
      {checked && !checked.ok ? <Failure title={t.failed} cause={v(c.fileRefused(checked.name, checked.reason[lang]))} /> : null}
      {checked?.ok ? (
        <>
          <Text size={200} className={styles.hint}>
            {v(c.fileIs(checked.name, checked.sheets.length))}
          </Text>
          {checked.sheets.map((sheet, i) => (
            <section key={`${sheet.sheet}-${i}`} className={styles.sheet} aria-labelledby={`check-sheet-${i}`}>
              <h3 id={`check-sheet-${i}`} className={styles.sheetTitle}>
                {v(sheet.sheet)}
              </h3>
              <Findings result={sheet} lang={lang} t={t} />
            </section>
          ))}
          {checked.otherSheets.length > 0 ? <p className={styles.hint}>{v(c.otherSheets(checked.otherSheets))}</p> : null}
        </>
      ) : null}
    </>
  );
}

function Failure({ title, cause }: { title: string; cause: string }): React.JSX.Element {
  return (
    <MessageBar intent="error" role="alert">
      <MessageBarBody>
        <MessageBarTitle>{title}</MessageBarTitle>
        {cause}
      </MessageBarBody>
    </MessageBar>
  );
}

/**
 * One sheet's summary and problems, each with its cell. With onSelect (in Excel) a problem's cell
 * is a button that goes there; titled, the summary names the sheet (a file's sheets have headings).
 */
function Findings({ result, lang, t, titled = false, onSelect }: { result: SheetCheck; lang: Lang; t: UiStrings; titled?: boolean; onSelect?: (address: string) => void }): React.JSX.Element {
  const styles = useStyles();
  const found = onSelect ? t.check.found(result.problems.length) : t.check.foundInFile(result.problems.length);
  return (
    <>
      <MessageBar intent={result.clean ? "success" : "warning"} role="status" layout="multiline">
        <MessageBarBody>
          {titled ? <MessageBarTitle>{v(result.sheet)}</MessageBarTitle> : null}
          {v(result.summary[lang])}
        </MessageBarBody>
      </MessageBar>
      {result.problems.length > 0 ? (
        <>
          <p className={styles.intro}>{found}</p>
          <ul className={styles.list} aria-label={found}>
            {result.problems.map((p, i) => (
              <li key={`${p.address ?? ""}-${i}`}>
                {p.address && onSelect ? (
                  <Button appearance="subtle" className={styles.problem} aria-label={v(t.check.select(p.address, p.message[lang]))} onClick={() => onSelect(p.address as string)}>
                    <span className={styles.address}>{p.address}</span>
                    <span>{v(p.message[lang])}</span>
                  </Button>
                ) : (
                  <span className={styles.unplaced}>
                    {p.address ? <span className={styles.address}>{p.address}</span> : null}
                    {v(p.message[lang])}
                  </span>
                )}
              </li>
            ))}
          </ul>
        </>
      ) : null}
    </>
  );
}
