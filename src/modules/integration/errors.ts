import { AppError, NotFoundError, type DomainFieldError } from '../../platform/http/errors.ts';

const REALM = 'Bearer realm="kabinet"';

/** No token, or not a bearer one: the RFC 6750 challenge without an error code. */
export class ApiTokenRequiredError extends AppError {
  constructor() {
    super('api_token_required', 401, {
      title: { ru: 'Нужен API-токен: заголовок Authorization: Bearer <токен>.', en: 'An API token is required: Authorization: Bearer <token>.' },
      headers: { 'www-authenticate': REALM },
    });
  }
}

/** Unknown, revoked and expired tokens answer alike: the caller learns nothing about which. */
export class ApiTokenInvalidError extends AppError {
  constructor() {
    super('api_token_invalid', 401, {
      title: { ru: 'API-токен неизвестен, отозван или истёк.', en: 'The API token is unknown, revoked or expired.' },
      headers: { 'www-authenticate': `${REALM}, error="invalid_token"` },
    });
  }
}

export class ApiScopeMissingError extends AppError {
  constructor(scope: string) {
    super('api_scope_missing', 403, {
      title: { ru: `У API-токена нет разрешения «${scope}».`, en: `The API token lacks the scope "${scope}".` },
      headers: { 'www-authenticate': `${REALM}, error="insufficient_scope", scope="${scope}"` },
      extra: { scope },
    });
  }
}

export class IntegrationValidationError extends AppError {
  constructor(errors: DomainFieldError[]) {
    super('validation_failed', 400, { errors });
  }
}

export class ApiTokenNotFoundError extends NotFoundError {
  constructor() {
    super('api_token_not_found', { title: { ru: 'API-токен не найден.', en: 'API token not found.' } });
  }
}

export class WebhookEndpointNotFoundError extends NotFoundError {
  constructor() {
    super('webhook_endpoint_not_found', { title: { ru: 'Адрес для вебхуков не найден.', en: 'Webhook endpoint not found.' } });
  }
}

export class WebhookDeliveryNotFoundError extends NotFoundError {
  constructor() {
    super('webhook_delivery_not_found', { title: { ru: 'Отправка вебхука не найдена.', en: 'Webhook delivery not found.' } });
  }
}

export class WebhookDeliveryNotFailedError extends AppError {
  constructor() {
    super('webhook_delivery_not_failed', 409, {
      title: { ru: 'Заново отправляются только неудавшиеся вебхуки.', en: 'Only failed deliveries can be sent again.' },
    });
  }
}
