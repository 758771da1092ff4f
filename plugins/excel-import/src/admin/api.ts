/**
 * What the wizard reads from the server, and the upload: multipart through XMLHttpRequest, which
 * reports upload progress (fetch does not). Procedures go through the SDK's `callProcedure`.
 */
import { ProcedureError, pageLocale, type FieldProblem } from '@sarnakh/plugin-sdk/admin';
import type { LocalizedText } from '@sarnakh/core';

export interface Upload {
  uploadId: string;
  fileName: string;
  sheets: string[];
  headers: string[];
  sampleRows: string[][];
  suggestedMapping: { column: number; field: string }[];
  rowCount: number;
}

/** The browser's XMLHttpRequest, as much of it as the upload uses (this package builds without the DOM types). */
interface Xhr {
  open(method: string, url: string): void;
  setRequestHeader(name: string, value: string): void;
  withCredentials: boolean;
  upload: { onprogress: ((e: { lengthComputable: boolean; loaded: number; total: number }) => void) | null };
  onerror: (() => void) | null;
  onload: (() => void) | null;
  status: number;
  responseText: string;
  send(body: FormData): void;
}

/** Send the file to `/api/plugins/excel-import/uploads`; a refusal becomes a `ProcedureError` (its fields name `file`). */
export function uploadFile(file: File, onProgress: (fraction: number) => void): Promise<Upload> {
  return new Promise((resolve, reject) => {
    const xhr = new (globalThis as unknown as { XMLHttpRequest: new () => Xhr }).XMLHttpRequest();
    xhr.open('POST', '/api/plugins/excel-import/uploads');
    xhr.withCredentials = true;
    xhr.setRequestHeader('x-sarnakh-locale', pageLocale());
    xhr.upload.onprogress = (e) => e.lengthComputable && onProgress(e.loaded / e.total);
    xhr.onerror = () => reject(new ProcedureError('NETWORK', 'network error'));
    xhr.onload = () => {
      let body: Upload & { error?: { code?: string; message?: string; fields?: FieldProblem[] } };
      try {
        body = JSON.parse(xhr.responseText || '{}') as typeof body;
      } catch {
        body = {} as typeof body;
      }
      if (xhr.status === 201) resolve(body);
      else reject(new ProcedureError(body.error?.code ?? `HTTP_${xhr.status}`, body.error?.message ?? `HTTP ${xhr.status}`, body.error?.fields ?? []));
    };
    const form = new FormData();
    form.append('file', file);
    xhr.send(form);
  });
}

export interface Progress {
  jobId: string;
  status: 'queued' | 'running' | 'done' | 'failed' | 'cancelled';
  processed: number;
  total: number;
  created: number;
  updated: number;
  skipped: number;
  failed: number;
  error: string | null;
  revertResult: { deleted: number; restored: number; kept: number } | null;
  fileName?: string;
  createdAt?: string;
}

export const isRunning = (p: Progress) => p.status === 'queued' || p.status === 'running';

export interface Preview {
  total: number;
  new: number;
  duplicates: { inFile: number; inDatabase: number };
  invalid: number;
  errors: { row: number; errors: { field: string; message: string }[] }[];
}

export interface Preset {
  id: string;
  name: string;
  mapping: { column: number; field: string }[];
}

/** A field a column can fill: built-in by key, custom as `custom.<key>`, with its label per language. */
export interface MappableField {
  value: string;
  label: LocalizedText | null;
}

export interface PicklistChoice {
  key: string;
  label: LocalizedText;
  retired: boolean;
}

export const errorsUrl = (jobId: string) => `/api/plugins/excel-import/jobs/${jobId}/errors.xlsx`;
