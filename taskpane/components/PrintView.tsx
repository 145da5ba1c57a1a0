import * as React from "react";
import { Button, makeStyles, tokens } from "@fluentui/react-components";
import type { DocumentModel } from "../../src/export/document";
import { renderPrintView } from "../print-view";
import type { UiStrings } from "../strings";

const useStyles = makeStyles({
  root: { display: "flex", flexDirection: "column", gap: tokens.spacingVerticalS },
  frame: { width: "100%", height: "70vh", border: `1px solid ${tokens.colorNeutralStroke1}`, backgroundColor: "#ffffff" },
  hint: { color: tokens.colorNeutralForeground3, fontSize: tokens.fontSizeBase200, margin: 0 },
  actions: { display: "flex", flexWrap: "wrap", gap: tokens.spacingHorizontalS },
});

/**
 * The document as a page in an iframe of the pane (same origin, so no request goes anywhere):
 * what the .docx holds, laid out with print CSS, printed by the browser to paper or PDF.
 */
export function PrintView({ model, t, onClose }: { model: DocumentModel; t: UiStrings; onClose: () => void }): React.JSX.Element {
  const styles = useStyles();
  const frame = React.useRef<HTMLIFrameElement>(null);

  React.useEffect(() => {
    const doc = frame.current?.contentDocument;
    if (doc) renderPrintView(doc, model);
  }, [model]);

  return (
    <div className={styles.root}>
      <iframe ref={frame} className={styles.frame} title={t.export.printTitle(model.title)} />
      <p className={styles.hint}>{t.export.printHint}</p>
      <div className={styles.actions}>
        <Button appearance="primary" onClick={() => frame.current?.contentWindow?.print()}>
          {t.export.printNow}
        </Button>
        <Button onClick={onClose}>{t.close}</Button>
      </div>
    </div>
  );
}
