import { portalHeaders } from './client';
import { toProblem, type Problem } from './problems';
import type { Schemas } from './client';

type UploadBody = Schemas['/applications/{applicationNumber}/documents']['post']['requestBody']['content']['application/json'];

function base64(bytes: ArrayBuffer): string {
  let s = '';
  const view = new Uint8Array(bytes);
  for (let i = 0; i < view.length; i += 0x8000) s += String.fromCharCode(...view.subarray(i, i + 0x8000));
  return btoa(s);
}

/**
 * Uploads one document with progress (fetch cannot report upload progress; XMLHttpRequest can).
 * Resolves with undefined on success, or the Problem in plain words.
 */
export async function uploadDocument(applicationNumber: string, requirementId: string, file: File, onProgress: (percent: number) => void): Promise<Problem | undefined> {
  const body: UploadBody = { requirementId, fileName: file.name, contentBase64: base64(await file.arrayBuffer()) };
  return new Promise((resolve) => {
    const xhr = new XMLHttpRequest();
    xhr.open('POST', `/api/v1/applications/${encodeURIComponent(applicationNumber)}/documents`);
    xhr.setRequestHeader('content-type', 'application/json');
    for (const [k, v] of Object.entries(portalHeaders())) xhr.setRequestHeader(k, v);
    xhr.upload.onprogress = (e) => e.lengthComputable && onProgress(Math.round((e.loaded / e.total) * 100));
    xhr.onload = () => {
      if (xhr.status < 300) {
        onProgress(100);
        return resolve(undefined);
      }
      let parsed: unknown;
      try { parsed = JSON.parse(xhr.responseText); } catch { parsed = undefined; }
      resolve(toProblem(xhr.status, parsed));
    };
    xhr.onerror = () => resolve(toProblem(0, undefined));
    xhr.send(JSON.stringify(body));
  });
}
