import { AppError } from '../../../core/contract/errors';

/**
 * Turns one self-contained HTML document into a PDF: A4, backgrounds printed, page size and
 * margins taken from the document's CSS `@page`. The implementations live with the shells
 * (electron/shells/electron/print-electron.ts, electron/shells/web/print-chromium.ts) so services stay Electron-free.
 */
export interface Printer {
  pdf(html: string): Promise<Buffer>;
  /**
   * Opens the system print dialog on the form; resolves false when the user cancelled it. Only
   * where the shell has one (Electron); the web shell's headless Chromium has none.
   */
  dialog?(html: string): Promise<boolean>;
  /** Frees the browser behind it; a later pdf() starts it again. */
  close(): Promise<void>;
}

/** Where no printer was given or none can work (no Chromium found): every print says so. */
export const unavailablePrinter: Printer = {
  pdf: () => Promise.reject(new AppError('PRINTER_UNAVAILABLE')),
  close: () => Promise.resolve(),
};
