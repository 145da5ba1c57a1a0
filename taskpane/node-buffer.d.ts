/**
 * src/xlsx/writer.ts returns its bytes as a Node Buffer, and src/merge/read-source.ts hands
 * exceljs a Buffer view of the bytes it reads. The add-in compiles without Node's types, so this
 * declares the one member they use; in the browser webpack's ProvidePlugin
 * supplies the buffer package's Buffer (a Uint8Array). Jest's compile has Node's own types and
 * leaves this file out (tests/taskpane/tsconfig.json).
 */
declare const Buffer: { from(data: ArrayBufferLike, byteOffset?: number, length?: number): Buffer };
interface Buffer extends Uint8Array {
  readonly byteLength: number;
}
