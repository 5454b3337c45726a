import { sql } from 'drizzle-orm';
import type { CallInput } from '../electron/core/contract';
import { rebuildSearchIndex } from '../electron/server/services/search-index';
import { PASSWORD, type TestApp } from './support/app';
import { createBox, createOwner, createSetUpApp } from './support/fixtures';
import { forgetMigrationsFrom } from './support/migrations';

/** Emoji are text to a clerk: a box titled "🔥消防档案" is found by "🔥", alone or with other words. */
let app: TestApp;
let custodian: string;
beforeEach(async () => {
  app = await createSetUpApp();
  custodian = await app.as('custodian');
});
afterEach(() => app.close());

const codesOf = async (input: CallInput<'box-list'>) => (await app.ok('box-list', input, custodian)).rows.map((r) => r.code).sort();

describe('searching emoji', () => {
  it('finds single, joined, flag, skin-tone and variation-selector emoji in titles and owners', async () => {
    const fire = (await createBox(app, { kind: 'personnel', title: '🔥消防档案' })).code;
    const family = (await createBox(app, { kind: 'personnel', title: '员工👨‍👩‍👧家属' })).code;
    const flag = (await createBox(app, { kind: 'personnel', title: '🇨🇳国旗' })).code;
    const heart = (await createBox(app, { kind: 'personnel', title: '❤️爱心👍🏽' })).code;
    const owner = await createOwner(app, { name: '🍜拉面馆' });
    const noodles = (await createBox(app, { kind: 'tenant', ownerId: owner })).code;
    const plain = (await createBox(app, { kind: 'personnel', title: '消防档案' })).code;
    const cases: [string, string[]][] = [
      ['🔥', [fire]],
      ['🔥消', [fire]],
      ['🔥消防', [fire]],
      ['消防', [fire, plain]],
      ['🔥 消防', [fire]],
      ['👨‍👩‍👧', [family]],
      ['👨', [family]],
      ['🇨🇳', [flag]],
      ['❤️', [heart]],
      ['❤', [heart]],
      ['👍🏽', [heart]],
      ['🍜', [noodles]],
      ['🍜拉面', [noodles]],
      ['💧', []],
      ['🇯🇵', []],
    ];
    for (const [query, expected] of cases) expect({ query, codes: await codesOf({ query }) }).toEqual({ query, codes: [...expected].sort() });
  });

  it('an archive indexed before emoji were tokens is re-indexed on opening, through its migration', async () => {
    const fire = (await createBox(app, { kind: 'personnel', title: '🔥消防档案' })).code;
    // The archive as the app before migration 0006 left it: the old tokenizer, its rows, 0006 not applied.
    const db = app.runtime.requireDb();
    db.transaction(() => {
      db.run(sql`DROP TABLE box_chars`);
      db.run(sql.raw(`CREATE VIRTUAL TABLE box_chars USING fts5(text, tokenize = 'unicode61 remove_diacritics 0', content = '', contentless_delete = 1)`));
      rebuildSearchIndex(db);
    });
    expect(await codesOf({ query: '🔥' })).toEqual([]);
    // The migrations after 0006 are undone too, so that they apply again after it; the catalogue
    // is not read again until they have (the boxes table has lost a later column).
    forgetMigrationsFrom(db, '0006_search_emoji');
    app.runtime.close();
    expect(app.runtime.start().state).toBe('ready');
    custodian = (await app.ok('session-login', { username: 'custodian', password: PASSWORD })).handle;
    expect(await codesOf({ query: '🔥' })).toEqual([fire]);
    expect(await codesOf({ query: '消防' })).toEqual([fire]);
  });
});
