import { IMPORT_FIELDS, IMPORT_KINDS } from '../electron/core/contract/imports';
import { templateCsvBase64 } from '../renderer/features/import/templates';
import type { TestApp } from './support/app';
import { createSetUpApp } from './support/fixtures';

let app: TestApp;
beforeAll(async () => {
  app = await createSetUpApp();
});
afterAll(() => app.close());

describe('the blank import templates', () => {
  it.each(IMPORT_KINDS)('%s: every field maps itself from the template header, and the blank file has no rows', async (kind) => {
    const custodian = await app.as('custodian');
    const file = { fileName: `${kind}.csv`, base64: templateCsvBase64(kind) };
    const check =
      kind === 'loans'
        ? await app.ok('import-loans-check', file, custodian)
        : kind === 'owners'
          ? await app.ok('import-owners-check', file, custodian)
          : await app.ok('import-boxes-check', file, custodian);
    expect(Object.keys(check.mapping).sort()).toEqual([...IMPORT_FIELDS[kind]].sort());
    expect(check).toMatchObject({ encoding: 'utf-8', rows: 0, problems: [] });
  });
});
