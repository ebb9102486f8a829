import { AppError, NotFoundError } from '../../../platform/http/errors.ts';

export class CompanyNotFoundError extends AppError {
  constructor() {
    super('company_not_found', 404, {
      title: { ru: 'Компания не найдена.', en: 'Company not found.' },
      errors: [
        {
          field: 'inn',
          code: 'company_not_found',
          message: {
            ru: 'Компания с таким ИНН не зарегистрирована в личном кабинете. Проверьте ИНН или зарегистрируйте компанию.',
            en: 'No company with this INN is registered in the cabinet. Check the INN or register the company.',
          },
        },
      ],
    });
  }
}

export class KppRequiredError extends AppError {
  constructor() {
    super('validation_failed', 400, {
      errors: [
        {
          field: 'kpp',
          code: 'kpp_required',
          message: {
            ru: 'По этому ИНН зарегистрировано несколько подразделений — укажите КПП.',
            en: 'Several branches are registered with this INN: enter the KPP.',
          },
        },
      ],
    });
  }
}

export class StaffCannotJoinError extends AppError {
  constructor() {
    super('staff_cannot_join', 403, {
      title: { ru: 'Сотрудники поставщика не присоединяются к компаниям клиентов.', en: 'Provider staff do not join customer companies.' },
    });
  }
}

export class AlreadyMemberError extends AppError {
  constructor(status: 'active' | 'blocked' | 'pending') {
    const messages = {
      active: { ru: 'Вы уже сотрудник этой компании.', en: 'You are already a member of this company.' },
      blocked: { ru: 'Ваш доступ к этой компании заблокирован. Обратитесь к руководителю компании.', en: 'Your access to this company is blocked. Contact the company’s head.' },
      pending: { ru: 'Ваш доступ к этой компании ещё оформляется.', en: 'Your access to this company is still being set up.' },
    };
    super('already_member', 409, { title: messages[status], extra: { membershipStatus: status } });
  }
}

export class JoinRequestPendingError extends AppError {
  constructor(requestId: string) {
    super('join_request_pending', 409, {
      title: { ru: 'Заявка на присоединение к этой компании уже подана и ждёт подтверждения.', en: 'A join request to this company is already filed and waits for approval.' },
      extra: { requestId },
    });
  }
}

export class JoinRequestNotFoundError extends NotFoundError {
  constructor() {
    super('join_request_not_found', { title: { ru: 'Заявка не найдена.', en: 'Join request not found.' } });
  }
}

export class JoinRequestDecidedError extends AppError {
  constructor(status: 'approved' | 'rejected' | 'withdrawn') {
    const messages = {
      approved: { ru: 'Заявка уже подтверждена.', en: 'The join request is already approved.' },
      rejected: { ru: 'Заявка уже отклонена.', en: 'The join request is already rejected.' },
      withdrawn: { ru: 'Заявитель отозвал заявку.', en: 'The applicant withdrew the join request.' },
    };
    super('join_request_decided', 409, { title: messages[status], extra: { requestStatus: status } });
  }
}

export class MemberNotFoundError extends NotFoundError {
  constructor() {
    super('member_not_found', { title: { ru: 'Сотрудник не найден.', en: 'Member not found.' } });
  }
}

/** The head's own place is changed only by handing headship over: a company always keeps one head. */
export class HeadProtectedError extends AppError {
  constructor(action: 'role' | 'block' | 'remove') {
    const messages = {
      role: { ru: 'Роль руководителя меняется только передачей руководства.', en: 'The head’s role changes only by handing headship over.' },
      block: { ru: 'Руководителя компании нельзя заблокировать.', en: 'The company’s head cannot be blocked.' },
      remove: { ru: 'Руководителя нельзя удалить: сначала передайте руководство другому сотруднику.', en: 'The head cannot be removed: hand headship over to another member first.' },
    };
    super('head_protected', 409, { title: messages[action] });
  }
}

export class HeadTransferTargetError extends AppError {
  constructor(reason: 'self' | 'not_active') {
    const messages = {
      self: { ru: 'Вы уже руководитель компании.', en: 'You are already the company’s head.' },
      not_active: { ru: 'Руководство можно передать только активному сотруднику компании.', en: 'Headship can only go to an active member of the company.' },
    };
    super('validation_failed', 400, { errors: [{ field: 'userId', code: `head_transfer_${reason}`, message: messages[reason] }] });
  }
}
