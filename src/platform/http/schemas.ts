import { Type, type TSchema } from 'typebox';

/** Shared building blocks for module schemas. */
export const Id = Type.String({ format: 'uuid', description: 'UUIDv7' });
export const Email = Type.String({ format: 'email', maxLength: 254 });
export const Url = Type.String({ format: 'uri', maxLength: 2048 });
/** A Date in the handler, an ISO 8601 string on the wire. */
export const DateTime = Type.Unsafe<Date>(Type.String({ format: 'date-time' }));
export const Nullable = <T extends TSchema>(schema: T) => Type.Union([schema, Type.Null()]);
export const BoundedText = (maxLength: number) => Type.String({ minLength: 1, maxLength });

export const FieldErrorSchema = Type.Object({
  field: Type.String(),
  code: Type.String(),
  message: Type.String(),
});

/** RFC 9457 problem document, as every error response of the API. */
export const ProblemResponse = Type.Object(
  {
    type: Type.String(),
    title: Type.String(),
    status: Type.Integer(),
    code: Type.String({ description: 'Stable machine-readable error code' }),
    detail: Type.Optional(Type.String()),
    instance: Type.Optional(Type.String()),
    errors: Type.Optional(Type.Array(FieldErrorSchema)),
  },
  { $id: 'Problem', additionalProperties: true },
);

const ProblemRef = Type.Unsafe<Record<string, unknown>>({ $ref: 'Problem' });

/** Response schemas for the error statuses a route may answer with. */
export function problems(...statuses: number[]): Record<number, typeof ProblemRef> {
  return Object.fromEntries(statuses.map((status) => [status, ProblemRef]));
}

export const NoContent = Type.Null({ description: 'No content' });
