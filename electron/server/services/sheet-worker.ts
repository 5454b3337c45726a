// Reading an import's sheet in a worker thread (see readSheet in import-sheet.ts). Bundled on its
// own beside each shell's main bundle.
import { readSheetHere, type Sheet, type SheetJob } from './import-sheet';
import { serveWorkerJob } from './worker-job';

serveWorkerJob<SheetJob, never, Sheet>((job) => readSheetHere(job));
