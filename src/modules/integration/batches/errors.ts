import { AppError } from '../../../platform/http/errors.ts';

/** An upload that cannot be read as a table of the kind (not CSV/XLSX, no header, unknown columns). */
export class ImportFileUnusableError extends AppError {
  constructor(reason: string, loadedRows: number) {
    super('import_file_unusable', 400, {
      title:
        loadedRows > 0
          ? { ru: `Файл прочитан не до конца; первые ${loadedRows} строк загружены, повторная загрузка применит только остальные.`, en: `The file could not be read to its end; the first ${loadedRows} rows were loaded, loading it again applies only the rest.` }
          : { ru: 'Файл не удалось прочитать как таблицу: ничего не загружено.', en: 'The file cannot be read as a table: nothing was loaded.' },
      detail: reason,
      extra: { loadedRows },
    });
  }
}

export class ImportFileRejectedError extends AppError {
  constructor(reason: 'missing' | 'too_large' | 'too_many') {
    const titles = {
      missing: { ru: 'Приложите файл CSV или XLSX в поле file.', en: 'Attach a CSV or XLSX file in the field file.' },
      too_large: { ru: 'Файл больше 50 МБ: разбейте его на части.', en: 'The file is larger than 50 MB: split it.' },
      too_many: { ru: 'Приложите один файл.', en: 'Attach one file.' },
    } as const;
    super(`import_file_${reason}`, reason === 'too_large' ? 413 : 400, { title: titles[reason] });
  }
}
