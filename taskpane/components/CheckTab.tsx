import * as React from "react";
import { Button, MessageBar, MessageBarBody, MessageBarTitle, Spinner, makeStyles, tokens } from "@fluentui/react-components";
// The sheet's name and the answers quoted in messages are the user's text: control and bidirectional characters shown as escapes.
import { visibleText as v } from "../../src/core/visible-text";
import { checkActiveSheet, selectCell, type SheetCheck } from "../excel-actions";
import { causeOf } from "../action-error";
import type { Host } from "../environment";
import type { Lang, UiStrings } from "../strings";

const useStyles = makeStyles({
  list: { listStyle: "none", padding: 0, margin: `${tokens.spacingVerticalS} 0`, display: "flex", flexDirection: "column", gap: tokens.spacingVerticalXS },
  problem: { justifyContent: "flex-start", textAlign: "start", width: "100%", fontWeight: tokens.fontWeightRegular },
  unplaced: { display: "block", padding: `${tokens.spacingVerticalXS} ${tokens.spacingHorizontalM}` },
  address: { fontFamily: tokens.fontFamilyMonospace, fontWeight: tokens.fontWeightSemibold, marginInlineEnd: tokens.spacingHorizontalS },
});

export function CheckTab({ host, lang, t }: { host: Host; lang: Lang; t: UiStrings }): React.JSX.Element {
  const styles = useStyles();
  const [busy, setBusy] = React.useState(false);
  const [result, setResult] = React.useState<SheetCheck | undefined>();
  const [error, setError] = React.useState<string | undefined>();

  if (host === null) {
    return (
      <MessageBar intent="info">
        <MessageBarBody>{t.check.needsExcel}</MessageBarBody>
      </MessageBar>
    );
  }

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
    <div>
      <p>{t.check.intro}</p>
      <Button appearance="primary" disabled={busy} onClick={run}>
        {t.check.run}
      </Button>
      {busy ? <Spinner size="tiny" label={t.check.running} /> : null}
      {error ? (
        <MessageBar intent="error" role="alert">
          <MessageBarBody>
            <MessageBarTitle>{t.failed}</MessageBarTitle>
            {error}
          </MessageBarBody>
        </MessageBar>
      ) : null}
      {result ? (
        <MessageBar intent={result.clean ? "success" : "warning"} role="status">
          <MessageBarBody>
            <MessageBarTitle>{v(result.sheet)}</MessageBarTitle>
            {v(result.summary[lang])}
          </MessageBarBody>
        </MessageBar>
      ) : null}
      {result && result.problems.length > 0 ? (
        <>
          <p>{t.check.found(result.problems.length)}</p>
          <ul className={styles.list} aria-label={t.check.found(result.problems.length)}>
            {result.problems.map((p, i) => (
              <li key={`${p.address ?? ""}-${i}`}>
                {p.address ? (
                  <Button appearance="subtle" className={styles.problem} aria-label={v(t.check.select(p.address, p.message[lang]))} onClick={() => void select(result.sheet, p.address as string)}>
                    <span className={styles.address}>{p.address}</span>
                    <span>{v(p.message[lang])}</span>
                  </Button>
                ) : (
                  <span className={styles.unplaced}>{v(p.message[lang])}</span>
                )}
              </li>
            ))}
          </ul>
        </>
      ) : null}
    </div>
  );
}
