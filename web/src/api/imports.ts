import { useMutation } from '@tanstack/react-query';
import { useState } from 'react';
import { i18n } from '../i18n';
import { accountsKeys } from './accounts';
import { backofficeKeys } from './backoffice';
import type { Json } from './client';
import { useInvalidate } from './invalidate';
import { ApiError } from './problem';
import type { paths } from './schema';

type UploadOperation = paths['/api/v1/backoffice/imports/{kind}']['post'];
export type ImportReport = Json<UploadOperation['responses'][200]>;
export type ImportKind = UploadOperation['parameters']['path']['kind'];
export type ImportProblem = ImportReport['problems'][number];

export const importKinds = ['customers', 'contracts', 'accounts', 'charges', 'payments', 'corrections', 'usage'] as const satisfies readonly ImportKind[];

/** The server's limit on an upload. */
export const IMPORT_MAX_BYTES = 50 * 1024 * 1024;

export interface UploadProgress {
  /** Bytes sent so far and in all; `sent === total` while the server works through the file. */
  sent: number;
  total: number;
}

/**
 * Sends the file through XMLHttpRequest, which reports upload progress (fetch does not); the
 * session cookie goes along as with every same-origin request, and the browser adds Origin.
 */
export function uploadImport(kind: ImportKind, file: File, onProgress: (progress: UploadProgress) => void, signal?: AbortSignal): Promise<ImportReport> {
  return new Promise((resolve, reject) => {
    const request = new XMLHttpRequest();
    request.open('POST', `/api/v1/backoffice/imports/${encodeURIComponent(kind)}`);
    request.setRequestHeader('Accept-Language', i18n.language);
    request.responseType = 'text';
    request.upload.onprogress = (event) => onProgress({ sent: event.loaded, total: event.lengthComputable ? event.total : file.size });
    request.onload = () => {
      let body: unknown;
      try {
        body = JSON.parse(request.responseText);
      } catch {
        body = undefined;
      }
      if (request.status === 200) resolve(body as ImportReport);
      else reject(new ApiError(request.status, body));
    };
    request.onerror = () => reject(new Error('network error'));
    request.onabort = () => reject(new DOMException('aborted', 'AbortError'));
    signal?.addEventListener('abort', () => request.abort(), { once: true });
    const form = new FormData();
    form.append('file', file, file.name);
    request.send(form);
  });
}

/** The upload as a mutation, with its progress; balances and back-office lists are stale after it. */
export function useUploadImport() {
  const [progress, setProgress] = useState<UploadProgress | null>(null);
  const invalidate = useInvalidate(accountsKeys.all, backofficeKeys.all);
  const mutation = useMutation({
    mutationFn: ({ kind, file }: { kind: ImportKind; file: File }) => {
      setProgress({ sent: 0, total: file.size });
      return uploadImport(kind, file, setProgress);
    },
    onSuccess: invalidate,
  });
  return { ...mutation, progress };
}

/** The invalid rows as a CSV a spreadsheet opens (BOM, semicolons): line, field, reason. */
export function problemsCsv(report: ImportReport, header: { line: string; field: string; reason: string }): Blob {
  const quote = (value: string) => (/[;"\n\r]/.test(value) ? `"${value.replaceAll('"', '""')}"` : value);
  const rows = [[header.line, header.field, header.reason].map(quote).join(';')];
  for (const problem of report.problems) {
    for (const error of problem.errors) rows.push([String(problem.line ?? problem.index + 1), error.field, error.message].map(quote).join(';'));
  }
  return new Blob([`\uFEFF${rows.join('\r\n')}\r\n`], { type: 'text/csv;charset=utf-8' });
}
