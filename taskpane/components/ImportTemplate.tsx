import * as React from "react";
import { Button, MessageBar, MessageBarBody, MessageBarTitle, Spinner, makeStyles, tokens } from "@fluentui/react-components";
// A template file is a stranger's text: its problems quote it, so control and bidirectional characters are shown as escapes.
import { visibleText as v } from "../../src/core/visible-text";
import { loadedTemplates, onCatalogueChange, removeTemplate } from "../../templates/index";
import type { Template, Text } from "../../templates/schema";
import { sheetTemplates } from "../../src/sheets/registry";
import type { TemplateProblem } from "../../templates/user";
import { causeOf } from "../action-error";
import type { PickedFile } from "../merge-files";
import type { StoredTemplates } from "../template-actions";
import { OutcomeMessage, type Outcome } from "./OutcomeMessage";
import type { Host } from "../environment";
import type { Lang, UiStrings } from "../strings";

const JSON_ACCEPT = ".json,application/json";

const useStyles = makeStyles({
  root: { display: "flex", flexDirection: "column", gap: tokens.spacingVerticalS, marginBottom: tokens.spacingVerticalL },
  title: { fontSize: tokens.fontSizeBase400, fontWeight: tokens.fontWeightSemibold, margin: 0 },
  intro: { margin: 0, color: tokens.colorNeutralForeground2, fontSize: tokens.fontSizeBase200 },
  row: { display: "flex", flexWrap: "wrap", gap: tokens.spacingHorizontalS, alignItems: "center" },
  list: { margin: 0, paddingInlineStart: tokens.spacingHorizontalL, display: "flex", flexDirection: "column", gap: tokens.spacingVerticalXS, overflowWrap: "anywhere" },
  path: { fontFamily: tokens.fontFamilyMonospace, fontWeight: tokens.fontWeightSemibold, marginInlineEnd: tokens.spacingHorizontalS },
  template: { display: "flex", flexDirection: "column", gap: tokens.spacingVerticalXXS, overflowWrap: "anywhere" },
  identity: { color: tokens.colorNeutralForeground3, fontSize: tokens.fontSizeBase200 },
  loaded: { listStyle: "none", padding: 0, margin: 0, display: "flex", flexDirection: "column", gap: tokens.spacingVerticalS },
  loadedItem: { display: "flex", alignItems: "flex-start", justifyContent: "space-between", gap: tokens.spacingHorizontalS },
  subtitle: { fontSize: tokens.fontSizeBase300, fontWeight: tokens.fontWeightSemibold, margin: `${tokens.spacingVerticalS} 0 0` },
});

export interface ImportEnvironment {
  host: Host;
  lang: Lang;
  t: UiStrings;
}

type Imported = { file: string; ok: true; templates: Template[] } | { file: string; ok: false; problems: TemplateProblem[] };

/** The templates loaded at run time, as they are now and after each change of the catalogue. */
function useLoadedTemplates(): readonly Template[] {
  return React.useSyncExternalStore(onCatalogueChange, loadedTemplates);
}

/** The Excel side is a module of its own (and Office.js work): loaded only inside Excel, when needed. */
function excelSide(): Promise<typeof import("../template-actions")> {
  return import(/* webpackChunkName: "template-store" */ "../template-actions");
}

/**
 * 导入模板 / Import template: a template file (JSON) picked, checked (templates/user.ts, every
 * problem with its JSON path) and added to the catalogue, so its sheets are listed below and the
 * custom functions take its id. In Excel the template is stored in the open workbook too, and the
 * templates the workbook stores were loaded as the pane started (`stored`). Loaded templates can
 * be removed again (from the workbook too, in Excel).
 */
export function ImportTemplate({ env, stored }: { env: ImportEnvironment; stored?: Promise<StoredTemplates> }): React.JSX.Element {
  const styles = useStyles();
  const { host, lang, t } = env;
  const s = t.templateImport;
  const loaded = useLoadedTemplates();
  const [busy, setBusy] = React.useState(false);
  const [imported, setImported] = React.useState<Imported | undefined>();
  const [outcome, setOutcome] = React.useState<Outcome | undefined>();
  const [fromWorkbook, setFromWorkbook] = React.useState<StoredTemplates | undefined>();
  const input = React.useRef<HTMLInputElement>(null);

  React.useEffect(() => {
    let current = true;
    stored?.then(
      (result) => current && setFromWorkbook(result),
      (e: unknown) => current && setOutcome({ intent: "error", title: s.refusedFromWorkbook, body: causeOf(e, lang) }),
    );
    return () => {
      current = false;
    };
  }, [stored, s, lang]);

  async function pick(file: PickedFile): Promise<void> {
    setBusy(true);
    setImported(undefined);
    setOutcome(undefined);
    try {
      // The check and zod are a chunk of their own, loaded on the first pick.
      const { importTemplateFile } = await import(/* webpackChunkName: "template-file" */ "../template-file");
      const result = await importTemplateFile(file);
      setImported({ file: file.name, ...result });
      if (result.ok && host === "excel") {
        try {
          await (await excelSide()).storeInWorkbook(result.templates);
          setOutcome({ intent: "success", title: s.stored });
        } catch (e) {
          setOutcome({ intent: "warning", title: s.notStored(causeOf(e, lang)) });
        }
      }
    } catch (e) {
      setOutcome({ intent: "error", title: t.failed, body: causeOf(e, lang) });
    } finally {
      setBusy(false);
    }
  }

  async function remove(id: string): Promise<void> {
    setOutcome(undefined);
    try {
      if (host === "excel") await (await excelSide()).removeFromWorkbook(id);
      else removeTemplate(id);
      setOutcome({ intent: "success", title: v(s.removed(id)) });
    } catch (e) {
      setOutcome({ intent: "error", title: t.failed, body: causeOf(e, lang) });
    }
  }

  return (
    <section className={styles.root} aria-labelledby="import-title">
      {/* Not a heading: the tab's h2s are the roles below (tests/taskpane/templates.test.tsx), this section sits above them. */}
      <p id="import-title" className={styles.title}>
        {s.title}
      </p>
      <p className={styles.intro}>{s.intro}</p>
      <input
        ref={input}
        type="file"
        accept={JSON_ACCEPT}
        hidden
        aria-label={s.fileInput}
        onChange={(e) => {
          const file = e.target.files?.[0];
          // Cleared, so that choosing the same file again (after fixing it) reads it again.
          e.target.value = "";
          if (file) void pick(file);
        }}
      />
      <div className={styles.row}>
        <Button disabled={busy} onClick={() => input.current?.click()}>
          {s.pick}
        </Button>
        {busy ? <Spinner size="tiny" label={s.reading} /> : null}
      </div>
      {imported && !imported.ok ? <Problems file={imported.file} problems={imported.problems} t={t} /> : null}
      {imported?.ok ? (
        <MessageBar intent="success" role="status" layout="multiline">
          <MessageBarBody>
            <MessageBarTitle>{v(s.loaded(imported.file, imported.templates.length))}</MessageBarTitle>
            {imported.templates.map((template) => (
              <TemplateSummary key={template.id} template={template} lang={lang} t={t} />
            ))}
          </MessageBarBody>
        </MessageBar>
      ) : null}
      {outcome ? <OutcomeMessage outcome={outcome} /> : null}
      {fromWorkbook && fromWorkbook.loaded.length > 0 ? (
        <MessageBar intent="info" layout="multiline">
          <MessageBarBody>{v(s.fromWorkbook(fromWorkbook.loaded))}</MessageBarBody>
        </MessageBar>
      ) : null}
      {fromWorkbook && fromWorkbook.refused.length > 0 ? <Refused reasons={fromWorkbook.refused} lang={lang} t={t} /> : null}
      <p className={styles.subtitle}>{s.loadedList}</p>
      {loaded.length === 0 ? (
        <p className={styles.intro}>{s.none}</p>
      ) : (
        <ul className={styles.loaded} aria-label={s.loadedList}>
          {loaded.map((template) => (
            <li key={template.id} className={styles.loadedItem}>
              <TemplateSummary template={template} lang={lang} t={t} />
              <Button size="small" aria-label={v(s.removeName(template.id))} onClick={() => void remove(template.id)}>
                {s.remove}
              </Button>
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}

/** Kind, id, version and title of a template, and the sheets it makes. */
function TemplateSummary({ template, lang, t }: { template: Template; lang: Lang; t: UiStrings }): React.JSX.Element {
  const styles = useStyles();
  const s = t.templateImport;
  const sheets = sheetTemplates().filter((sheet) => sheet.template === template.id);
  return (
    <div className={styles.template}>
      <strong>{v(template.title[lang])}</strong>
      <span className={styles.identity}>{v(s.identity(s.kinds[template.kind], template.id, template.version))}</span>
      {sheets.length > 0 ? (
        <span className={styles.identity}>
          {s.sheets}
          {v(sheets.map((sheet) => sheet.title[lang]).join(t.listSeparator))}
        </span>
      ) : null}
    </div>
  );
}

/** Every problem of a file that was not imported, each with its JSON path. */
function Problems({ file, problems, t }: { file: string; problems: TemplateProblem[]; t: UiStrings }): React.JSX.Element {
  const styles = useStyles();
  const title = v(t.templateImport.problems(file, problems.length));
  return (
    <MessageBar intent="error" role="alert" layout="multiline">
      <MessageBarBody>
        <MessageBarTitle>{title}</MessageBarTitle>
        <ul className={styles.list} aria-label={title}>
          {problems.map((p, i) => (
            <li key={`${p.path}-${i}`}>
              <span className={styles.path}>{v(p.path)}</span>
              {v(p.message)}
            </li>
          ))}
        </ul>
      </MessageBarBody>
    </MessageBar>
  );
}

function Refused({ reasons, lang, t }: { reasons: Text[]; lang: Lang; t: UiStrings }): React.JSX.Element {
  const styles = useStyles();
  return (
    <MessageBar intent="warning" layout="multiline">
      <MessageBarBody>
        <MessageBarTitle>{t.templateImport.refusedFromWorkbook}</MessageBarTitle>
        <ul className={styles.list}>
          {reasons.map((r, i) => (
            <li key={i}>{v(r[lang])}</li>
          ))}
        </ul>
      </MessageBarBody>
    </MessageBar>
  );
}
