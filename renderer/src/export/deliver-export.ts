/**
 * What to do with an export's answer: the desktop app saved it (say where), the pal cancelled
 * the save dialog (nothing), or — under `pals serve` — the browser downloads the file.
 */
import type { ExportResult } from '../../../shared/deck/options.js';

/** Bytes of a base64 string. */
function bytesOf(base64: string): Uint8Array<ArrayBuffer> {
  const text = atob(base64);
  const bytes = new Uint8Array(text.length);
  for (let i = 0; i < text.length; i++) bytes[i] = text.charCodeAt(i);
  return bytes;
}

/** Starts a browser download of the file through a temporary `<a download>`. */
export function downloadFile(filename: string, mime: string, base64: string): void {
  const url = URL.createObjectURL(new Blob([bytesOf(base64)], { type: mime }));
  const link = document.createElement('a');
  link.href = url;
  link.download = filename;
  link.hidden = true;
  document.body.append(link);
  try {
    link.click();
  } finally {
    link.remove();
    // The click starts the download asynchronously; give it a moment before the URL goes.
    setTimeout(() => {
      URL.revokeObjectURL(url);
    }, 10_000);
  }
}

/** Acts on an export result; returns the message to show, if any. */
export function deliverExport(result: ExportResult): string | null {
  switch (result.kind) {
    case 'saved':
      return `Saved to ${result.path}`;
    case 'cancelled':
      return null;
    case 'download':
      downloadFile(result.filename, result.mime, result.base64);
      return `Downloading ${result.filename}`;
  }
}
