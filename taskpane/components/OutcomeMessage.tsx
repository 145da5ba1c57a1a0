import * as React from "react";
import { MessageBar, MessageBarBody, MessageBarTitle } from "@fluentui/react-components";

/** How an action ended, as the card or tab shows it under its buttons. */
export type Outcome = { intent: "success" | "error" | "warning"; title: string; body?: string };

/** An error is announced at once (alert); success and warnings politely (status). */
export function OutcomeMessage({ outcome }: { outcome: Outcome }): React.JSX.Element {
  return (
    <MessageBar intent={outcome.intent} role={outcome.intent === "error" ? "alert" : "status"}>
      <MessageBarBody>
        <MessageBarTitle>{outcome.title}</MessageBarTitle>
        {outcome.body}
      </MessageBarBody>
    </MessageBar>
  );
}
