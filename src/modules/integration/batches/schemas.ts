import { Type } from 'typebox';
import { FieldErrorSchema } from '../../../platform/http/schemas.ts';
import { BATCH_KINDS, MAX_BATCH_ITEMS } from './runner.ts';

export const BatchKindSchema = Type.Enum([...BATCH_KINDS]);

/**
 * The envelope only: each item is checked in code, so one bad item is reported while the others
 * are applied instead of refusing the whole batch.
 */
export const BatchBody = Type.Object(
  {
    items: Type.Array(Type.Unknown(), {
      maxItems: MAX_BATCH_ITEMS,
      description: `At most ${MAX_BATCH_ITEMS.toLocaleString('en-US')} items; their fields are those of the kind (docs/integration.md, "Batch endpoints and files")`,
    }),
  },
  { additionalProperties: false },
);

export const BatchProblemSchema = Type.Object({
  index: Type.Integer({ minimum: 0, description: 'The item’s place in the request (or in the file’s rows), from 0' }),
  line: Type.Optional(Type.Integer({ minimum: 1, description: 'The line of the file (1 is the header), for files' })),
  errors: Type.Array(FieldErrorSchema),
});

export const BatchReportResponse = Type.Object(
  {
    kind: BatchKindSchema,
    received: Type.Integer({ minimum: 0 }),
    added: Type.Integer({ minimum: 0, description: 'New rows: customers, contracts and accounts created; entries posted; days of usage recorded' }),
    updated: Type.Integer({ minimum: 0 }),
    unchanged: Type.Integer({ minimum: 0, description: 'Already there with the same content (a replay)' }),
    invalid: Type.Integer({ minimum: 0 }),
    problems: Type.Array(BatchProblemSchema, { description: 'The invalid items, each with its reasons; nothing of them was applied' }),
  },
  { $id: 'BatchReport' },
);

export const ImportKindParams = Type.Object({ kind: BatchKindSchema });
