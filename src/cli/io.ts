import { readFile } from "node:fs/promises";
import { createInterface } from "node:readline/promises";
import { visibleText } from "../core/visible-text";

/**
 * What the command needs from the outside world, passed in so tests run the real command
 * logic without spawning processes or touching the disk.
 */
export interface CliIO {
  out(text: string): void;
  err(text: string): void;
  /** Reads a file path, or standard input for "-". */
  read(path: string): Promise<string>;
  /** Asks the person at the terminal; absent (or null) when nobody is there to answer. */
  ask?(question: string): Promise<string | null>;
  /** Shows how far a long job has got (reading many files). */
  progress?(done: number, total: number): void;
}

export const processIO: CliIO = {
  out: (text) => process.stdout.write(text.endsWith("\n") ? text : `${text}\n`),
  err: (text) => process.stderr.write(text.endsWith("\n") ? text : `${text}\n`),
  read: (path) => (path === "-" ? readStdin() : readFile(path, "utf8")),
  ask: (question) => (process.stdin.isTTY && process.stdout.isTTY ? askTerminal(question) : Promise.resolve(null)),
  progress: (done, total) => {
    // One line redrawn in place on a terminal; a log gets the start and the end only.
    if (process.stderr.isTTY) process.stderr.write(`\r${progressBar(done, total)}${done === total ? "\n" : ""}`);
    else if (done === total) process.stderr.write(`${progressBar(done, total)}\n`);
  },
};

/**
 * The io every command writes through (run() wraps it): whatever a file or an argument put in a
 * message, a table or a JSON document reaches the terminal with its control and bidirectional
 * characters shown as escapes (visibleText), so a cell cannot clear the screen or fake a line of
 * the preview. JSON stays valid: those characters only occur inside its strings, where \u001B
 * is the same character.
 */
export function terminalSafe(io: CliIO): CliIO {
  return {
    ...io,
    out: (text) => io.out(visibleText(text)),
    err: (text) => io.err(visibleText(text)),
    ...(io.ask ? { ask: (question: string) => (io.ask as NonNullable<CliIO["ask"]>)(visibleText(question)) } : {}),
  };
}

/** "[#########-----------]  45/100 个文件 / files" */
function progressBar(done: number, total: number, width = 20): string {
  const filled = total === 0 ? width : Math.round((done / total) * width);
  return `[${"#".repeat(filled)}${"-".repeat(width - filled)}] ${String(done).padStart(String(total).length)}/${total} 个文件 / files`;
}

async function askTerminal(question: string): Promise<string> {
  const rl = createInterface({ input: process.stdin, output: process.stdout });
  try {
    return await rl.question(question);
  } finally {
    rl.close();
  }
}

async function readStdin(): Promise<string> {
  const chunks: Buffer[] = [];
  for await (const chunk of process.stdin) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks).toString("utf8");
}

/** Exit codes: 0 success, 1 invalid input, 2 usage error, 3 previewed but not confirmed (nothing written). */
export const EXIT = { ok: 0, invalidInput: 1, usage: 2, unconfirmed: 3 } as const;

export class UsageError extends Error {}

/** The most problem lines an error prints: a file with a million bad keys gets these and a count. */
export const MAX_PROBLEM_LINES = 50;

/**
 * Exit code 1's lines: the first MAX_PROBLEM_LINES problems, then how many more there are.
 * `total` is the number of problems when the caller spelt out only the first ones.
 */
export class InputError extends Error {
  readonly lines: string[];
  constructor(lines: string[], total = lines.length) {
    const shown = total > MAX_PROBLEM_LINES ? [...lines.slice(0, MAX_PROBLEM_LINES), moreLine(total - MAX_PROBLEM_LINES)] : lines;
    super(shown.join("\n"));
    this.lines = shown;
  }
}

function moreLine(more: number): string {
  return `…及另外 ${more} 项 / … and ${more} more`;
}
