/**
 * The wizard's calls: tRPC procedures over HTTP with the superjson envelope (plain JSON values
 * only here), and the upload as multipart through XMLHttpRequest, which reports upload progress.
 */
type Failure = { json?: { message?: string; data?: { fields?: { field: string; message: string }[] } } };

function failureText(error: Failure | undefined, status: number): string {
  const fields = error?.json?.data?.fields;
  if (fields && fields.length > 0) return fields.map((f) => `${f.field}: ${f.message}`).join('\n');
  return error?.json?.message ?? `HTTP ${status}`;
}

export async function call<T>(procedure: string, input?: unknown, kind: 'query' | 'mutation' = 'query'): Promise<T> {
  const envelope = JSON.stringify({ json: input ?? null });
  const res =
    kind === 'query'
      ? await fetch(`/trpc/${procedure}?input=${encodeURIComponent(envelope)}`, { credentials: 'same-origin' })
      : await fetch(`/trpc/${procedure}`, { method: 'POST', credentials: 'same-origin', headers: { 'Content-Type': 'application/json' }, body: envelope });
  const body = (await res.json()) as { result?: { data?: { json: T } }; error?: Failure };
  if (!res.ok || !body.result?.data) throw new Error(failureText(body.error, res.status));
  return body.result.data.json;
}

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
  withCredentials: boolean;
  upload: { onprogress: ((e: { lengthComputable: boolean; loaded: number; total: number }) => void) | null };
  onerror: (() => void) | null;
  onload: (() => void) | null;
  status: number;
  responseText: string;
  send(body: FormData): void;
}

export function uploadFile(file: File, onProgress: (fraction: number) => void): Promise<Upload> {
  return new Promise((resolve, reject) => {
    const xhr = new (globalThis as unknown as { XMLHttpRequest: new () => Xhr }).XMLHttpRequest();
    xhr.open('POST', '/api/plugins/excel-import/uploads');
    xhr.withCredentials = true;
    xhr.upload.onprogress = (e) => e.lengthComputable && onProgress(e.loaded / e.total);
    xhr.onerror = () => reject(new Error('network error'));
    xhr.onload = () => {
      const body = JSON.parse(xhr.responseText || '{}') as Upload & { error?: { message?: string } };
      if (xhr.status === 201) resolve(body);
      else reject(new Error(body.error?.message ?? `HTTP ${xhr.status}`));
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

export interface Preview {
  total: number;
  new: number;
  duplicates: { inFile: number; inDatabase: number };
  invalid: number;
  errors: { row: number; errors: { field: string; message: string }[] }[];
}

export const errorsUrl = (jobId: string) => `/api/plugins/excel-import/jobs/${jobId}/errors.xlsx`;

/** The page's language (`<html lang>`), for the screens' labels. */
export const locale = (): 'fa' | 'ar' | 'en' => {
  const lang = (globalThis as { document?: { documentElement?: { lang?: string } } }).document?.documentElement?.lang ?? 'en';
  return (['fa', 'ar'] as const).find((l) => lang.startsWith(l)) ?? 'en';
};
