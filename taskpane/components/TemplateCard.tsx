import * as React from "react";
import { Button, Field, Select, SpinButton, Spinner, makeStyles, tokens } from "@fluentui/react-components";
import { OutcomeMessage, type Outcome } from "./OutcomeMessage";
import { checkParams } from "../../src/sheets/params";
import type { Params, ParamDef, SheetTemplate } from "../../src/sheets/registry";
import type { SheetPlan } from "../../src/sheets/plan";
import type { Problem } from "../../src/core/problems";
import { insertPlans, openWorkbook } from "../excel-actions";
import { fileName } from "../environment";
import { downloadFile, toBase64, workbookBytes } from "../workbook-file";
import type { Lang, UiStrings } from "../strings";
import { causeOf } from "../action-error";
import type { Host } from "../environment";
import { SheetPreview } from "./SheetPreview";
import { useSeen } from "./seen";

const useStyles = makeStyles({
  // Drawn as Fluent's Card (medium, filled) draws itself, without its code (react-card was 9 KB
  // gzipped of the first load): a card here is never clicked or selected, so none of Card's behaviour is used.
  card: {
    width: "100%",
    boxSizing: "border-box",
    position: "relative",
    overflow: "hidden",
    display: "flex",
    flexDirection: "column",
    gap: "12px",
    padding: "12px",
    borderRadius: tokens.borderRadiusMedium,
    color: tokens.colorNeutralForeground1,
    backgroundColor: tokens.colorNeutralBackground1,
    boxShadow: tokens.shadow4,
    // The border, transparent but in high-contrast modes, over the content as Card puts it.
    "::after": {
      content: '""',
      position: "absolute",
      top: 0,
      right: 0,
      bottom: 0,
      left: 0,
      pointerEvents: "none",
      border: `${tokens.strokeWidthThin} solid ${tokens.colorTransparentStroke}`,
      borderRadius: tokens.borderRadiusMedium,
    },
  },
  title: { fontSize: tokens.fontSizeBase400, fontWeight: tokens.fontWeightSemibold, margin: 0 },
  source: { color: tokens.colorNeutralForeground3, fontSize: tokens.fontSizeBase200, margin: 0 },
  params: { display: "flex", flexWrap: "wrap", columnGap: tokens.spacingHorizontalM, rowGap: tokens.spacingVerticalS, border: "none", padding: 0, margin: 0 },
  legend: { fontSize: tokens.fontSizeBase200, fontWeight: tokens.fontWeightSemibold, padding: 0, marginBottom: tokens.spacingVerticalXS },
  field: { minWidth: "120px", flexGrow: 1 },
  // As Fluent's <Text size={200}> sets it, without loading Text for this one line.
  noParameters: { fontSize: tokens.fontSizeBase200, lineHeight: tokens.lineHeightBase200 },
  actions: { display: "flex", flexWrap: "wrap", gap: tokens.spacingHorizontalS, alignItems: "center" },
});

export interface CardEnvironment {
  host: Host;
  /** Inside Excel: whether the writes are supported; null outside Excel. */
  canInsert: boolean;
  lang: Lang;
  t: UiStrings;
}


type Raw = Record<string, string | number>;

function defaults(defs: readonly ParamDef[]): Raw {
  return Object.fromEntries(defs.map((d) => [d.key, d.default]));
}

/** The plan for valid parameters, or the problems (by parameter key, or of the render). */
export function planFor(template: SheetTemplate, raw: Raw): { plan?: SheetPlan; params?: Params; paramProblems: Problem[]; renderProblems: Problem[] } {
  const checked = checkParams(template.params, raw);
  if (!checked.ok) return { paramProblems: checked.problems, renderProblems: [] };
  const rendered = template.render(checked.value);
  if (!rendered.ok) return { params: checked.value, paramProblems: [], renderProblems: rendered.problems };
  return { plan: rendered.value, params: checked.value, paramProblems: [], renderProblems: [] };
}

export function TemplateCard({ template, reference, env }: { template: SheetTemplate; reference: string; env: CardEnvironment }): React.JSX.Element {
  const styles = useStyles();
  const { t, lang, host } = env;
  const [raw, setRaw] = React.useState<Raw>(() => defaults(template.params));
  const [busy, setBusy] = React.useState(false);
  const [outcome, setOutcome] = React.useState<Outcome | undefined>();
  const cardRef = React.useRef<HTMLDivElement>(null);
  // The sheet plan is rendered for the preview only once the card is (nearly) in view: building
  // every card's plan at mount held up the task pane's first render. The parameters are checked
  // at once, as they are cheap and their messages show under the fields.
  const seen = useSeen(cardRef);
  const paramProblems = React.useMemo(() => {
    const checked = checkParams(template.params, raw);
    return checked.ok ? [] : checked.problems;
  }, [template, raw]);
  const plan = React.useMemo(() => (seen ? planFor(template, raw).plan : undefined), [seen, template, raw]);
  // The preview keeps showing the last valid plan while a parameter is being corrected.
  const lastPlan = React.useRef<SheetPlan | undefined>(plan);
  if (plan) lastPlan.current = plan;
  const titleId = `card-${template.id}-title`;
  const title = template.title[lang];
  const source = sourceText(reference, template.source.annex, template.source.item);

  async function act(action: (plan: SheetPlan) => Promise<Outcome>): Promise<void> {
    const { plan, paramProblems, renderProblems } = planFor(template, raw);
    if (!plan) {
      const problems = paramProblems.length > 0 ? paramProblems : renderProblems;
      setOutcome({ intent: "error", title: paramProblems.length > 0 ? t.fixParams : t.renderFailed, body: problems.map((p) => p.message[lang]).join(t.listSeparator) });
      return;
    }
    setBusy(true);
    setOutcome(undefined);
    try {
      setOutcome(await action(plan));
    } catch (e) {
      setOutcome({ intent: "error", title: t.failed, body: causeOf(e, lang) });
    } finally {
      setBusy(false);
    }
  }

  const insert = () => act(async (plan) => ({ intent: "success", title: t.inserted((await insertPlans([plan])).sheetNames) }));
  const openNew = () => act(async (plan) => {
    await openWorkbook(toBase64(await workbookBytes([plan])));
    return { intent: "success", title: t.opened };
  });
  const download = () => act(async (plan) => {
    const name = fileName(title);
    downloadFile(await workbookBytes([plan]), name);
    return { intent: "success", title: t.downloaded(name) };
  });

  const problemOf = (key: string) => paramProblems.find((p) => p.code === key)?.message[lang];

  return (
    <div ref={cardRef} className={styles.card} role="group" aria-labelledby={titleId}>
      <div>
        <h3 id={titleId} className={styles.title}>
          {title}
        </h3>
        <p className={styles.source}>
          {t.source(source)}
        </p>
      </div>
      {lastPlan.current ? <SheetPreview plan={lastPlan.current} title={title} t={t} /> : null}
      {template.params.length > 0 ? (
        <fieldset className={styles.params}>
          <legend className={styles.legend}>{t.parameters}</legend>
          {template.params.map((def) => {
            const error = problemOf(def.key);
            const label = def.label[lang];
            return (
              <Field key={def.key} className={styles.field} label={label} validationState={error ? "error" : "none"} validationMessage={error}>
                {def.type === "integer" ? (
                  <SpinButton
                    value={typeof raw[def.key] === "number" ? (raw[def.key] as number) : null}
                    displayValue={typeof raw[def.key] === "number" ? undefined : String(raw[def.key])}
                    min={def.min}
                    max={def.max}
                    // Fluent names its step buttons in English; the UI's language names them here.
                    incrementButton={{ "aria-label": t.increment(label) }}
                    decrementButton={{ "aria-label": t.decrement(label) }}
                    onChange={(_e, data) => {
                      const value = data.value ?? (data.displayValue !== undefined ? readNumber(data.displayValue) : undefined);
                      setRaw((r) => ({ ...r, [def.key]: value ?? r[def.key] }));
                    }}
                  />
                ) : (
                  <Select value={String(raw[def.key])} onChange={(_e, data) => setRaw((r) => ({ ...r, [def.key]: data.value }))}>
                    {(def.options ?? []).map((o) => (
                      <option key={o.value} value={o.value}>
                        {o.label[lang]}
                      </option>
                    ))}
                  </Select>
                )}
              </Field>
            );
          })}
        </fieldset>
      ) : (
        <span className={styles.noParameters}>{t.noParameters}</span>
      )}
      <div className={styles.actions}>
        {host === "excel" ? (
          <>
            <Button appearance="primary" disabled={busy || !env.canInsert} onClick={insert}>
              {t.insert}
            </Button>
            <Button disabled={busy} onClick={openNew}>
              {t.openNew}
            </Button>
          </>
        ) : (
          <Button appearance="primary" disabled={busy} aria-label={t.downloadName(title)} onClick={download}>
            {t.download}
          </Button>
        )}
        {busy ? <Spinner size="tiny" label={t.working} /> : null}
      </div>
      {outcome ? <OutcomeMessage outcome={outcome} /> : null}
    </div>
  );
}

/** 文号 · annex and item, the item left out when the annex already names it (表1 … 表1). */
export function sourceText(reference: string, annex: string | undefined, item: string): string {
  const where = annex ? (annex.includes(item) ? annex : `${annex} ${item}`) : item;
  return `${reference} · ${where}`;
}

/** Text typed into a number field: the number it is, or the text itself so checkParams names it. */
function readNumber(text: string): number | string {
  const trimmed = text.trim();
  return /^[+-]?\d+$/.test(trimmed) ? Number(trimmed) : trimmed;
}
