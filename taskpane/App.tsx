import * as React from "react";
import { Field, FluentProvider, Select, Spinner, Tab, TabList, makeStyles, tokens } from "@fluentui/react-components";
import { STRINGS, type Lang, type UiStrings } from "./strings";
import { detectTheme, initialLanguage, onSystemThemeChange, saveLanguage, type Host, type ThemeName } from "./environment";
import { TemplatesTab } from "./components/TemplatesTab";
import { ImportTemplate } from "./components/ImportTemplate";
import type { StoredTemplates } from "./template-actions";
import type { Requirements } from "./excel-actions";
import { loadDarkTheme, loadedDarkTheme, themeFor } from "./theme";

/**
 * Every tab but the first one shown (模板, the templates) is a chunk of its own, loaded when the
 * tab is first opened: the first load carries only what the first paint shows.
 */
const CheckTab = React.lazy(() => import(/* webpackChunkName: "check-tab" */ "./components/CheckTab").then((m) => ({ default: m.CheckTab })));
const FunctionsTab = React.lazy(() => import(/* webpackChunkName: "functions-tab" */ "./components/FunctionsTab").then((m) => ({ default: m.FunctionsTab })));
/**
 * The merge tab (its preview table, progress bar and the merge code) is a chunk of its own,
 * loaded when the tab is first opened: most sessions never merge, and the first paint stays lean.
 */
const MergeTab = React.lazy(() => import(/* webpackChunkName: "merge-tab" */ "./components/MergeTab").then((m) => ({ default: m.MergeTab })));
/** The export tab likewise; the Word writer (docx) is a further chunk, loaded on the first download. */
const ExportTab = React.lazy(() => import(/* webpackChunkName: "export-tab" */ "./components/ExportTab").then((m) => ({ default: m.ExportTab })));

export type TabName = "templates" | "check" | "merge" | "export" | "functions";
const TABS: readonly TabName[] = ["templates", "check", "merge", "export", "functions"];

const useStyles = makeStyles({
  root: { minHeight: "100vh", backgroundColor: tokens.colorNeutralBackground1, color: tokens.colorNeutralForeground1 },
  header: { display: "flex", flexWrap: "wrap", alignItems: "flex-end", justifyContent: "space-between", gap: tokens.spacingHorizontalM, padding: `${tokens.spacingVerticalM} ${tokens.spacingHorizontalL} 0` },
  title: { fontSize: tokens.fontSizeBase500, fontWeight: tokens.fontWeightSemibold, margin: 0, color: tokens.colorBrandForeground1 },
  language: { minWidth: "110px" },
  // The tabs wrap rather than widen the pane: the English names need more than Office's narrowest pane (350 px).
  tabs: { flexWrap: "wrap", padding: `0 ${tokens.spacingHorizontalS}`, borderBottom: `1px solid ${tokens.colorNeutralStroke2}` },
  panel: { padding: `${tokens.spacingVerticalM} ${tokens.spacingHorizontalL}` },
});

export interface AppProps {
  host: Host;
  /** Inside Excel: whether this Excel has the API sets the writes need. */
  requirements?: Requirements;
  initialTab?: TabName;
  language?: Lang;
  /** Inside Excel: the templates the open workbook stores, being loaded into the catalogue as the pane starts. */
  storedTemplates?: Promise<StoredTemplates>;
}

const ALL_THERE: Requirements = { ok: true, missing: [] };

/** What a tab shows while its chunk loads. */
function Loading({ t }: { t: UiStrings }): React.JSX.Element {
  return <Spinner size="small" label={t.loading} />;
}

export function App({ host, requirements = ALL_THERE, initialTab = "templates", language, storedTemplates }: AppProps): React.JSX.Element {
  const styles = useStyles();
  const [lang, setLang] = React.useState<Lang>(() => language ?? initialLanguage(host));
  const [tab, setTab] = React.useState<TabName>(initialTab);
  const [theme, setTheme] = React.useState<ThemeName>(() => detectTheme(host));
  // taskpane.tsx loads the dark theme before the first render when it is wanted then; it is
  // loaded here when the system turns dark later (or the pane is rendered without taskpane.tsx).
  const [darkTheme, setDarkTheme] = React.useState(loadedDarkTheme);
  // The merge tab stays mounted once opened: its files, preview and choices survive a look at another tab.
  const [mergeOpened, setMergeOpened] = React.useState(initialTab === "merge");
  if (tab === "merge" && !mergeOpened) setMergeOpened(true);
  const t = STRINGS[lang];

  React.useEffect(() => (host === null ? onSystemThemeChange(() => setTheme(detectTheme(host))) : undefined), [host]);
  React.useEffect(() => {
    if (theme !== "dark" || darkTheme) return;
    let live = true;
    // A chunk that fails to load leaves the light theme: the pane stays usable.
    loadDarkTheme().then(
      (loaded) => {
        if (live) setDarkTheme(loaded);
      },
      () => undefined,
    );
    return () => {
      live = false;
    };
  }, [theme, darkTheme]);
  React.useEffect(() => {
    document.documentElement.lang = lang === "zh" ? "zh-CN" : "en";
    document.title = t.appTitle;
  }, [lang, t]);

  const env = { host, lang, t, canInsert: requirements.ok };

  return (
    <FluentProvider theme={themeFor(theme, darkTheme)} className={styles.root} lang={lang === "zh" ? "zh-CN" : "en"}>
      <header className={styles.header}>
        <h1 className={styles.title}>{t.appTitle}</h1>
        <Field className={styles.language} label={t.language}>
          <Select
            size="small"
            value={lang}
            onChange={(_e, data) => {
              const next = data.value === "en" ? "en" : "zh";
              setLang(next);
              saveLanguage(next);
            }}
          >
            <option value="zh">{t.languageNames.zh}</option>
            <option value="en">{t.languageNames.en}</option>
          </Select>
        </Field>
      </header>
      <TabList className={styles.tabs} selectedValue={tab} onTabSelect={(_e, data) => setTab(data.value as TabName)} aria-label={t.tabsLabel}>
        {TABS.map((name) => (
          <Tab key={name} id={`tab-${name}`} value={name} aria-controls={`panel-${name}`}>
            {t.tabs[name]}
          </Tab>
        ))}
      </TabList>
      <main id={`panel-${tab}`} className={styles.panel} role="tabpanel" aria-labelledby={`tab-${tab}`}>
        {tab === "templates" ? (
          <>
            <ImportTemplate env={env} stored={storedTemplates} />
            <TemplatesTab env={env} requirements={requirements} />
          </>
        ) : null}
        {tab === "check" ? (
          <React.Suspense fallback={<Loading t={t} />}>
            <CheckTab host={host} lang={lang} t={t} />
          </React.Suspense>
        ) : null}
        {tab === "functions" ? (
          <React.Suspense fallback={<Loading t={t} />}>
            <FunctionsTab host={host} lang={lang} t={t} />
          </React.Suspense>
        ) : null}
        {tab === "export" ? (
          <React.Suspense fallback={<Loading t={t} />}>
            <ExportTab env={env} />
          </React.Suspense>
        ) : null}
        {mergeOpened ? (
          <div hidden={tab !== "merge"}>
            <React.Suspense fallback={<Loading t={t} />}>
              <MergeTab env={env} />
            </React.Suspense>
          </div>
        ) : null}
      </main>
    </FluentProvider>
  );
}
