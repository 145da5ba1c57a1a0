/**
 * The part of pako 1.x (the inflater jszip uses, a dependency of ours for the reading gate) that
 * src/xlsx/zip.ts calls: a raw inflate stream handing out its output a chunk at a time.
 */
declare module "pako" {
  export class Inflate {
    constructor(options?: { raw?: boolean; chunkSize?: number });
    /** Called with each chunk of output; the default keeps them all, so callers replace it. */
    onData(chunk: Uint8Array): void;
    onEnd(status: number): void;
    push(data: Uint8Array, mode?: boolean | number): boolean;
    /** Non-zero after a failure, with msg saying why. */
    err: number;
    msg: string;
  }
}
