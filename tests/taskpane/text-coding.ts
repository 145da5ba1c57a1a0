/**
 * jsdom has no TextDecoder or TextEncoder (browsers all have both): the zip reader creates a
 * decoder when its module loads, and the docx writer encodes its XML. A test that imports either
 * imports this first, so the stand-ins are there in time.
 */
import { TextDecoder, TextEncoder } from "node:util";

if (typeof globalThis.TextDecoder !== "function") Object.assign(globalThis, { TextDecoder });
if (typeof globalThis.TextEncoder !== "function") Object.assign(globalThis, { TextEncoder });
