/**
 * src/xlsx/writer.ts returns its bytes as a Node Buffer. The add-in compiles without Node's
 * types, so this declares the one member the writer uses; in the browser webpack's ProvidePlugin
 * supplies the buffer package's Buffer (a Uint8Array). Jest's compile has Node's own types and
 * leaves this file out (tests/taskpane/tsconfig.json).
 */
declare const Buffer: { from(data: ArrayBuffer): Buffer };
interface Buffer extends Uint8Array {
  readonly byteLength: number;
}
