import { readFile } from "node:fs/promises";

/**
 * What the command needs from the outside world, passed in so tests run the real command
 * logic without spawning processes or touching the disk.
 */
export interface CliIO {
  out(text: string): void;
  err(text: string): void;
  /** Reads a file path, or standard input for "-". */
  read(path: string): Promise<string>;
}

export const processIO: CliIO = {
  out: (text) => process.stdout.write(text.endsWith("\n") ? text : `${text}\n`),
  err: (text) => process.stderr.write(text.endsWith("\n") ? text : `${text}\n`),
  read: (path) => (path === "-" ? readStdin() : readFile(path, "utf8")),
};

async function readStdin(): Promise<string> {
  const chunks: Buffer[] = [];
  for await (const chunk of process.stdin) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks).toString("utf8");
}

/** Exit codes: 0 success, 1 invalid input, 2 usage error. */
export const EXIT = { ok: 0, invalidInput: 1, usage: 2 } as const;

export class UsageError extends Error {}
export class InputError extends Error {
  constructor(readonly lines: string[]) {
    super(lines.join("\n"));
  }
}
