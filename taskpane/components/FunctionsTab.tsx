import * as React from "react";
import { Button, MessageBar, MessageBarBody, makeStyles, tokens } from "@fluentui/react-components";
import { FUNCTION_STRINGS, type FunctionStrings } from "../../functions/strings";
import { insertFormula } from "../excel-actions";
import type { Host } from "../environment";
import type { Lang, UiStrings } from "../strings";
import { causeOf } from "../action-error";

const useStyles = makeStyles({
  title: { fontSize: tokens.fontSizeBase400, fontWeight: tokens.fontWeightSemibold, margin: 0 },
  list: { listStyle: "none", padding: 0, margin: 0, display: "flex", flexDirection: "column", gap: tokens.spacingVerticalL },
  signature: { fontFamily: tokens.fontFamilyMonospace, fontSize: tokens.fontSizeBase300, fontWeight: tokens.fontWeightSemibold, color: tokens.colorBrandForeground1, margin: 0, overflowWrap: "anywhere" },
  text: { margin: `${tokens.spacingVerticalXXS} 0` },
  example: { color: tokens.colorNeutralForeground2, fontSize: tokens.fontSizeBase200, margin: `${tokens.spacingVerticalXXS} 0`, overflowWrap: "anywhere" },
  code: { fontFamily: tokens.fontFamilyMonospace },
  hint: { color: tokens.colorNeutralForeground3, fontSize: tokens.fontSizeBase200, marginInlineStart: tokens.spacingHorizontalS },
});

export function signature(f: FunctionStrings, lang: Lang): string {
  return `ASSESS.${f.id}(${f.parameters.map((p) => (p.optional ? `[${p.name[lang]}]` : p.name[lang])).join(", ")})`;
}

export function FunctionsTab({ host, lang, t, functions = FUNCTION_STRINGS }: { host: Host; lang: Lang; t: UiStrings; functions?: readonly FunctionStrings[] }): React.JSX.Element {
  const styles = useStyles();
  const [message, setMessage] = React.useState<{ intent: "success" | "error"; text: string } | undefined>();

  async function insert(formula: string): Promise<void> {
    try {
      const address = await insertFormula(formula);
      setMessage({ intent: "success", text: t.functions.inserted(formula, address) });
    } catch (e) {
      setMessage({ intent: "error", text: t.failure(t.failed, causeOf(e, lang)) });
    }
  }

  return (
    <section aria-labelledby="functions-title">
      <h2 id="functions-title" className={styles.title}>
        {t.functions.title}
      </h2>
      <p>{t.functions.intro}</p>
      {message ? (
        <MessageBar intent={message.intent} role={message.intent === "error" ? "alert" : "status"}>
          <MessageBarBody>{message.text}</MessageBarBody>
        </MessageBar>
      ) : null}
      <ul className={styles.list}>
        {functions.map((f) => (
          <li key={f.id} aria-labelledby={`fn-${f.id}`}>
            <h3 id={`fn-${f.id}`} className={styles.signature}>
              {signature(f, lang)}
            </h3>
            <p className={styles.text}>{f.description[lang]}</p>
            <p className={styles.example}>
              {t.functions.example(f.example.formula, f.example.result[lang]).map((part, i) => (i === 1 ? <code key={i} className={styles.code}>{part}</code> : part))}
            </p>
            <Button size="small" disabled={host !== "excel"} aria-label={t.functions.insertName(f.id)} aria-describedby={host !== "excel" ? "fn-needs-excel" : undefined} onClick={() => void insert(f.example.formula)}>
              {t.functions.insert}
            </Button>
            {host !== "excel" ? <span className={styles.hint}>{t.functions.needsExcel}</span> : null}
          </li>
        ))}
      </ul>
      {host !== "excel" ? (
        <p id="fn-needs-excel" hidden>
          {t.functions.needsExcel}
        </p>
      ) : null}
    </section>
  );
}
