/**
 * Text from a stranger's file made safe to show (issue 15): a cell holding ESC[2J ESC[H can
 * clear a terminal and print a fake "将写入 1 行" over the preview that is the confirmation's
 * safeguard, and a right-to-left override can reverse what a line seems to say. Every control
 * character (C0 except line feed and tab, DEL, C1), every bidirectional control (U+061C,
 * U+200E/200F, U+202A–202E, U+2066–2069) and lone surrogate is shown as its escape (\u001B).
 * Nothing else changes: CJK, emoji and backslashes are shown as they are, so text already
 * escaped is never escaped twice. A line feed stays (output is lines); a table cell is kept to
 * one line by the table itself.
 */
import { escapeChar } from "./identity";

// eslint-disable-next-line no-control-regex -- control characters are what this pattern is for
const UNSAFE = /[\u0000-\u0008\u000B-\u001F\u007F-\u009F\u061C\u200E\u200F\u202A-\u202E\u2066-\u2069]|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g;

export function visibleText(text: string): string {
  return text.replace(UNSAFE, (ch) => escapeChar(ch.charCodeAt(0)));
}

/** visibleText, with line breaks shown as escapes too: for a value that must stay on one line. */
export function visibleLine(text: string): string {
  return visibleText(text).replace(/\n/g, "\\u000A");
}
