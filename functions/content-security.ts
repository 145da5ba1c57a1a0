import { z } from "zod";

/**
 * The add-in's page forbids eval (Content-Security-Policy default-src 'self'). Unless told it
 * runs without eval, zod probes for it with `new Function("")` when the templates are validated,
 * and the browser reports that probe as a policy violation even though zod catches the refusal.
 * Imported first by functions.ts, so it runs before templates/index.ts validates anything.
 */
z.config({ jitless: true });
