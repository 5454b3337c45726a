import { readFileSync } from 'node:fs';
import { relative } from 'node:path';
import { BaseSequencer, type TestSpecification } from 'vitest/node';

/** Seconds per test file from a full run (scripts/test-durations.mjs writes it); a fresh clone has no vitest cache. */
const durations: Record<string, number> = JSON.parse(readFileSync(new URL('../durations.json', import.meta.url), 'utf8'));
const UNKNOWN = 5;

/**
 * Longest files first, across every project, so both workers stay busy to the end instead of
 * the last long file running alone; vitest's own order runs the projects one after another.
 */
export class LongestFirst extends BaseSequencer {
  override async sort(files: TestSpecification[]): Promise<TestSpecification[]> {
    const root = files[0]?.project.config.root ?? process.cwd();
    const weight = (spec: TestSpecification) => durations[relative(root, spec.moduleId)] ?? UNKNOWN;
    return [...files].sort((a, b) => weight(b) - weight(a));
  }
}
