import { AppError } from '../../platform/http/errors.ts';

export class ProviderProfileMissing extends AppError {
  constructor() {
    super('provider_profile_missing', 500, { detail: 'provider_profile has no row; run `kabinet migrate`' });
  }
}
