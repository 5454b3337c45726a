// Writes tests/durations.json from a vitest JSON report, for the longest-first order of the suite:
//   npx vitest run --reporter=json --outputFile.json=/tmp/vitest.json && node scripts/test-durations.mjs /tmp/vitest.json
import { readFileSync, writeFileSync } from 'node:fs';
import { relative } from 'node:path';

const report = JSON.parse(readFileSync(process.argv[2], 'utf8'));
const entries = report.testResults
  .map((file) => [relative(process.cwd(), file.name), Math.round((file.endTime - file.startTime) / 100) / 10])
  .sort((a, b) => b[1] - a[1]);
writeFileSync('tests/durations.json', `${JSON.stringify(Object.fromEntries(entries), null, 2)}\n`);
console.log(`tests/durations.json: ${entries.length} files`);
