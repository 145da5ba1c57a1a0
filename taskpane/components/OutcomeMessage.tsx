import * as React from "react";
import { MessageBar, MessageBarBody, MessageBarTitle } from "@fluentui/react-components";

/** How an action ended, as the card or tab shows it under its buttons. */
export type Outcome = { intent: "success" | "error" | "warning"; title: string; body?: string };

/**
 * An error is announced at once (alert); success and warnings politely (status). Multiline from
 * the start: an "auto" bar measures itself after it appears and may grow, out of the view it was
 * scrolled into (the merge tab's outcome, at 350 px).
 */
export function OutcomeMessage({ outcome }: { outcome: Outcome }): React.JSX.Element {
  return (
    <MessageBar intent={outcome.intent} role={outcome.intent === "error" ? "alert" : "status"} layout="multiline">
      <MessageBarBody>
        <MessageBarTitle>{outcome.title}</MessageBarTitle>
        {outcome.body}
      </MessageBarBody>
    </MessageBar>
  );
}
