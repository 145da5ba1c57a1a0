import * as React from "react";
import { MessageBar, MessageBarBody, makeStyles, tokens } from "@fluentui/react-components";
import { sheetTemplates, type SheetTemplate } from "../../src/sheets/registry";
import { catalogueRevision, findTemplate, onCatalogueChange } from "../../templates/index";
import { TemplateCard, type CardEnvironment } from "./TemplateCard";
import type { Requirements } from "../excel-actions";

export const ROLE_ORDER: readonly SheetTemplate["role"][] = ["clerk", "expert", "enterprise"];

const useStyles = makeStyles({
  role: { marginBottom: tokens.spacingVerticalXL },
  roleTitle: { fontSize: tokens.fontSizeBase500, fontWeight: tokens.fontWeightSemibold, margin: `${tokens.spacingVerticalM} 0 0` },
  hint: { color: tokens.colorNeutralForeground3, margin: `0 0 ${tokens.spacingVerticalS}`, fontSize: tokens.fontSizeBase200 },
  document: { fontSize: tokens.fontSizeBase300, fontWeight: tokens.fontWeightSemibold, margin: `${tokens.spacingVerticalS} 0`, color: tokens.colorNeutralForeground2 },
  cards: { display: "flex", flexDirection: "column", gap: tokens.spacingVerticalM },
});

export interface Group {
  role: SheetTemplate["role"];
  documents: { reference: string; templates: SheetTemplate[] }[];
}

/** The sheets by role (clerk, expert, enterprise), then by the document they come from, in catalogue order. */
export function groupTemplates(templates: readonly SheetTemplate[] = sheetTemplates()): Group[] {
  return ROLE_ORDER.map((role) => {
    const documents: Group["documents"] = [];
    for (const template of templates.filter((s) => s.role === role)) {
      const reference = findTemplate(template.template)?.document.reference ?? template.template;
      let group = documents.find((d) => d.reference === reference);
      if (!group) documents.push((group = { reference, templates: [] }));
      group.templates.push(template);
    }
    return { role, documents };
  }).filter((g) => g.documents.length > 0);
}

export function TemplatesTab({ env, requirements }: { env: CardEnvironment; requirements: Requirements }): React.JSX.Element {
  const styles = useStyles();
  const { t } = env;
  // The list follows the catalogue: a template imported (导入模板) or removed shows at once.
  const revision = React.useSyncExternalStore(onCatalogueChange, catalogueRevision);
  const groups = React.useMemo(() => groupTemplates(sheetTemplates()), [revision]);
  return (
    <div>
      {env.host === null ? (
        <MessageBar intent="info">
          <MessageBarBody>{t.outsideExcel}</MessageBarBody>
        </MessageBar>
      ) : null}
      {env.host === "excel" && !requirements.ok ? (
        <MessageBar intent="warning">
          <MessageBarBody>{requirements.message?.[env.lang] ?? t.excelTooOld(requirements.missing)}</MessageBarBody>
        </MessageBar>
      ) : null}
      {groups.map((group) => (
        <section key={group.role} className={styles.role} aria-labelledby={`role-${group.role}`}>
          <h2 id={`role-${group.role}`} className={styles.roleTitle}>
            {t.roles[group.role]}
          </h2>
          <p className={styles.hint}>{t.roleHint[group.role]}</p>
          {group.documents.map((doc) => (
            <section key={doc.reference} aria-label={doc.reference}>
              {/* Not a heading: the cards under it are the role's h3s, and each card names its document again. */}
              <p className={styles.document}>{doc.reference}</p>
              <div className={styles.cards}>
                {doc.templates.map((template) => (
                  <TemplateCard key={template.id} template={template} reference={doc.reference} env={env} />
                ))}
              </div>
            </section>
          ))}
        </section>
      ))}
    </div>
  );
}
