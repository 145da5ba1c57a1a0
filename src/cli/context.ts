/**
 * What every command receives from the CLI's entry point (main.ts). Kept apart from main.ts so
 * that the commands, which main.ts loads, do not import main.ts back for their types.
 */
import type { CliIO } from "./io";

export type Lang = "zh" | "en";

/** Options only some commands take; any other command refuses them rather than ignoring them. */
export interface CommandOptions {
  data?: string;
  param: string[];
  output?: string;
  force: boolean;
  all: boolean;
  into?: string;
  template?: string;
  recommender?: string;
  sheet?: string;
  keep: string[];
  drop: string[];
  confirm?: string;
  format?: string;
}

export interface CommandContext {
  io: CliIO;
  json: boolean;
  lang: Lang;
  args: string[];
  options: CommandOptions;
}
