import { readFile } from "node:fs/promises";
import { createInterface } from "node:readline/promises";

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
export class InputError extends Error {
  constructor(readonly lines: string[]) {
    super(lines.join("\n"));
  }
}
