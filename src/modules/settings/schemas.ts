import { Type } from 'typebox';

export const PublicSettingsResponse = Type.Object(
  {
    name: Type.String(),
    logoUrl: Type.Union([Type.String(), Type.Null()]),
    supportPhones: Type.Array(Type.String()),
    supportEmail: Type.Union([Type.String(), Type.Null()]),
    supportHours: Type.Union([Type.String(), Type.Null()]),
    timeZone: Type.String({ description: 'IANA time zone in which windows and deadlines are computed' }),
  },
  { $id: 'PublicSettings' },
);
