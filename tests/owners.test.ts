import type { TestApp } from './support/app';
import { createBox, createOwner, createSetUpApp } from './support/fixtures';

let app: TestApp;
let custodian: string;

beforeEach(async () => {
  app = await createSetUpApp();
  custodian = await app.as('custodian');
});
afterEach(() => app.close());

describe('owner list', () => {
  it("counts each owner's own volumes", async () => {
    const withTwo = await createOwner(app, { name: '上海西贝餐饮有限公司' });
    const withOne = await createOwner(app, { name: '北京优衣库服饰有限公司' });
    const withNone = await createOwner(app, { name: '广州喜茶食品有限公司' });
    await createBox(app, { kind: 'tenant', ownerId: withTwo, volume: 1 });
    await createBox(app, { kind: 'tenant', ownerId: withTwo, volume: 2 });
    await createBox(app, { kind: 'tenant', ownerId: withOne, volume: 1 });

    const { rows } = await app.ok('owner-list', {}, custodian);
    const counts = Object.fromEntries(rows.map((r) => [r.id, r.boxCount]));
    expect(counts).toEqual({ [withTwo]: 2, [withOne]: 1, [withNone]: 0 });
  });

  it('finds owners by name, unit, contact or phone, and filters by floor and business type', async () => {
    const a = await createOwner(app, {
      name: '杭州西贝餐饮有限公司',
      unitNo: 'L3-018',
      floor: 'L3',
      businessType: 'catering',
      contactPerson: '王芳',
      phone: '0571-88886666',
    });
    const b = await createOwner(app, {
      name: '杭州优衣库服饰有限公司',
      unitNo: 'L1-002',
      floor: 'L1',
      businessType: 'non_catering',
      contactPerson: '李强',
      phone: '13900000000',
    });
    const ids = async (input: object) => (await app.ok('owner-list', input, custodian)).rows.map((r) => r.id).sort();
    expect(await ids({ query: '西贝' })).toEqual([a]);
    expect(await ids({ query: 'L1-0' })).toEqual([b]);
    expect(await ids({ query: '王芳' })).toEqual([a]);
    expect(await ids({ query: '8888' })).toEqual([a]);
    expect(await ids({ query: '杭州' })).toEqual([a, b].sort());
    expect(await ids({ query: '100%_' })).toEqual([]);
    expect(await ids({ floor: 'L3' })).toEqual([a]);
    expect(await ids({ businessType: 'non_catering' })).toEqual([b]);
  });
});
