import type { ExportFile } from '../../electron/core/contract/audit';

/**
 * Hands the file to the browser's download (Electron asks where to save it): the bytes become a
 * Blob behind a temporary link that is clicked once and removed.
 */
export function saveExportFile({ fileName, mimeType, base64 }: ExportFile): void {
  const bytes = Uint8Array.from(atob(base64), (c) => c.charCodeAt(0));
  const url = URL.createObjectURL(new Blob([bytes], { type: mimeType }));
  const link = document.createElement('a');
  link.href = url;
  link.download = fileName;
  link.hidden = true;
  document.body.append(link);
  link.click();
  link.remove();
  // The browser reads the blob after click() returns, so the URL is released a while later.
  setTimeout(() => URL.revokeObjectURL(url), 60_000);
}
