/** Run by `npm install` (prepare): makes the initialized PGlite cluster that first starts unpack. */
import { TEMPLATE_PATH, writeEmbeddedTemplate } from '../src/platform/db/embedded-template.ts';

await writeEmbeddedTemplate();
console.log(`Embedded database template ready: ${TEMPLATE_PATH}`);
