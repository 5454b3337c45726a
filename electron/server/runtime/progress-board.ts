import type { CallProgress } from '../../core/contract/progress';

interface Entry {
  userId: number | null;
  progress: CallProgress;
}

/** The long calls under way and how far each is, told only to the person who asked (from any desk). */
export class ProgressBoard {
  private readonly entries = new Set<Entry>();

  /** Runs the work with its entry on the board; `update` moves it on, and it goes when the work ends. */
  async track<T>(userId: number | null, start: CallProgress, work: (update: (progress: CallProgress) => void) => Promise<T>): Promise<T> {
    const entry: Entry = { userId, progress: start };
    this.entries.add(entry);
    try {
      return await work((progress) => (entry.progress = progress));
    } finally {
      this.entries.delete(entry);
    }
  }

  /** Someone's long call is under way. */
  busy(): boolean {
    return this.entries.size > 0;
  }

  of(userId: number | null): CallProgress[] {
    return [...this.entries].filter((e) => e.userId === userId).map((e) => e.progress);
  }
}
