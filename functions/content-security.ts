/**
 * The add-in's page forbids eval (Content-Security-Policy default-src 'self'). Unless told it
 * runs without eval, zod probes for it with `new Function("")` as it builds its first object
 * schema, and the browser reports that probe as a policy violation even though zod catches the
 * refusal. zod keeps its settings on globalThis.__zod_globalConfig and creates that object only
 * when there is none (zod/v4/core/core.js), so setting it here tells zod before it loads,
 * without loading it: zod is in no chunk of the first load, only in the one that validates a
 * template a user imports. Imported first by functions.ts, which every page of the add-in runs.
 */
const settings = globalThis as { __zod_globalConfig?: Record<string, unknown> };
settings.__zod_globalConfig = { ...settings.__zod_globalConfig, jitless: true };
