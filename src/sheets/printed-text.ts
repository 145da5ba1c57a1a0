/**
 * The fixed wording official documents print (ruling F2), joined the way the seeds print it, so
 * every sheet (and the Word/PDF export) writes a 注 or 备注 identically.
 */
import type { PrintedNote } from "../../templates/schema";

/** 注：亩均产值…平均值。 — or, with several items, 备注：1、…；2、…；3、…。 */
export function printedNote(note: PrintedNote): string {
  const items = note.items.map((i) => i.zh);
  const body = items.length === 1 ? items[0] : items.map((text, i) => `${i + 1}、${text}`).join("；");
  return `${note.label.zh}：${body}。`;
}

/** Characters a printed line may not start with (closing brackets and punctuation) or end with (opening ones). */
const NO_LINE_START = new Set([..."）)，,。.、；;：:！!？?”’》」』】%"]);
const NO_LINE_END = new Set([..."（(“‘《「『【"]);

/** Half-width units of a text: a CJK or full-width character is two. */
export function textUnits(text: string): number {
  let n = 0;
  for (const ch of text) n += ch.charCodeAt(0) > 0xff ? 2 : 1;
  return n;
}

/**
 * The text broken into lines of at most `room` half-width units, as Chinese typesetting breaks
 * them (GB/T 15834's 避头尾): no line starts with a closing bracket or punctuation mark, none ends
 * with an opening one, and a last line of one character takes one more from the line before.
 * Spreadsheets wrap without these rules ("上年销售（万元" / "）"), so the renderers write the
 * breaks themselves into any text that does not fit its cell. Existing line breaks are kept.
 */
export function breakLines(text: string, room: number): string {
  return text
    .split("\n")
    .map((paragraph) => {
      const lines: string[][] = [[]];
      let used = 0;
      for (const ch of paragraph) {
        const w = textUnits(ch);
        const line = lines[lines.length - 1];
        if (used + w > room && line.length > 0) {
          // A bracket opened on this line goes down whole with what follows; otherwise the line
          // ends after its last closing bracket or quote when that is in its second half.
          const open = line.lastIndexOf("（");
          const closed = Math.max(line.lastIndexOf("）"), line.lastIndexOf("”"));
          const cut = open > 0 && open > closed ? open : closed >= line.length / 2 && closed < line.length - 1 ? closed + 1 : line.length;
          const next = line.splice(cut);
          // Then carry characters down until the new line does not start with a closing mark and the old one does not end with an opening one.
          while (line.length > 1 && (NO_LINE_START.has(next[0] ?? ch) || NO_LINE_END.has(line[line.length - 1]))) next.unshift(line.pop() as string);
          lines.push(next);
          used = textUnits(next.join(""));
        }
        lines[lines.length - 1].push(ch);
        used += w;
      }
      const last = lines[lines.length - 1];
      const before = lines[lines.length - 2];
      if (before && last.length === 1 && before.length > 2 && !NO_LINE_START.has(last[0])) last.unshift(before.pop() as string);
      return lines.map((l) => l.join("")).join("\n");
    })
    .join("\n");
}

/**
 * How many half-width units fit on a line of a column `chars` wide at `pt`: common.ts fitHeight's
 * measure less 10 % for the cell's padding and LibreOffice's slightly wider columns.
 */
export function lineRoom(chars: number, pt: number): number {
  return (chars * 11 * 0.9) / pt;
}

/** A label or title in a column `chars` wide at `pt`: as it is when it fits a line, else broken by breakLines. */
export function fitLabel(text: string, chars: number, pt: number): string {
  const room = lineRoom(chars, pt);
  return textUnits(text) <= room ? text : breakLines(text, room);
}
