// `npm run seed -- --boxes 100000 [--seed 1] [--data .data/seed]`: a realistic encrypted archive
// built through the domain services, deterministic from the seed number. Open it with
// `npm run web -- --data <folder>`; every account's password is printed at the end.
import { rmSync } from 'node:fs';
import { resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { machineKeyProtector } from '../db/machine-key';
import { BOX_KINDS, DOC_CATEGORIES, type Role } from '../db/schema';
import { dataPathsUnder } from '../electron/data-paths';
import { Runtime } from '../electron/runtime';
import { actorOf, createUser, getUser } from '../electron/services/users';
import { createOwner } from '../electron/services/owners';
import { addDocument, createBox } from '../electron/services/boxes';

const { values } = parseArgs({ options: { boxes: { type: 'string', default: '2000' }, seed: { type: 'string', default: '1' }, data: { type: 'string', default: '.data/seed' } } });
const BOXES = Number(values.boxes);
const PASSWORD = 'Archive-Desk-2026';
const PASSPHRASE = '档案前台示例恢复口令2026';

/** mulberry32: small, fast and the same on every machine. */
function prng(seed: number) {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}
const rand = prng(Number(values.seed));
const pick = <T>(items: readonly T[]): T => items[Math.floor(rand() * items.length)];
const int = (lo: number, hi: number) => lo + Math.floor(rand() * (hi - lo + 1));
const pad = (n: number, w: number) => String(n).padStart(w, '0');

const CITIES = ['上海', '北京', '广州', '深圳', '杭州', '南京', '成都', '武汉', '苏州', '重庆', '西安', '长沙'];
const BRANDS = ['万达', '海底捞', '星巴克', '优衣库', '屈臣氏', '喜茶', '西贝', '名创', '周大福', '华为', '小米', '太平鸟', '安踏', '李宁', '老凤祥', '必胜客', '肯德基', '外婆家', '绿茶', '奈雪', '元气', '鲜丰', '百果园', '永辉', '大润发', '苏宁', '国美', '良品', '三只松鼠', '来伊份'];
const TRADES_CATERING = ['餐饮管理', '餐饮', '食品', '茶饮', '咖啡'];
const TRADES_OTHER = ['服饰', '商贸', '珠宝', '电子科技', '化妆品', '体育用品', '百货', '家居', '教育科技', '眼镜'];
const SURNAMES = ['王', '李', '张', '刘', '陈', '杨', '黄', '赵', '吴', '周', '徐', '孙', '马', '朱', '胡', '郭', '何', '林', '罗', '高'];
const GIVEN = ['伟', '芳', '娜', '敏', '静', '丽', '强', '磊', '军', '洋', '勇', '艳', '杰', '娟', '涛', '明', '超', '秀英', '霞', '平'];
const FLOORS = ['B1', 'L1', 'L2', 'L3', 'L4', 'L5', 'L6'];
const DOC_TITLES: Record<(typeof DOC_CATEGORIES)[number], string[]> = {
  a: ['租户基本情况记录表'],
  b: ['消防验收单', '消防安全责任书'],
  c: ['装修申请资料', '装修竣工验收记录'],
  d: ['巡场记录表', '整改通知书'],
  e: ['油烟管道清洗合同备案', '四害消杀合同备案', '油烟管道清洁记录'],
  f: ['工作联系函'],
  g: ['租赁合同复印件', '营业执照复印件'],
};

function isoDay(year: number, dayOfYear: number): string {
  return new Date(Date.UTC(year, 0, dayOfYear)).toISOString().slice(0, 10);
}

async function main(): Promise<void> {
  const paths = dataPathsUnder(resolve(values.data));
  rmSync(paths.dataDir, { recursive: true, force: true });
  rmSync(paths.machineKey, { force: true });
  const runtime = new Runtime({ dataDir: paths.dataDir, protector: machineKeyProtector(paths.machineKey), migrationsFolder: fileURLToPath(new URL('../db/migrations', import.meta.url)) });
  runtime.start();
  await runtime.setup({ siteName: '万象广场运营部', admin: { username: 'admin', displayName: '系统管理员', password: PASSWORD }, passphrase: PASSPHRASE, passphraseConfirm: PASSPHRASE });
  const db = runtime.requireDb();
  const admin = actorOf(getUser(db, 1));
  const staff: [string, string, Role][] = [['custodian', '陈档案', 'custodian'], ['clerk', '李前台', 'clerk'], ['manager', '王经理', 'manager'], ['auditor', '赵审计', 'auditor']];
  for (const [username, displayName, role] of staff) await createUser(db, admin, { username, displayName, role, password: PASSWORD });
  const custodian = actorOf(getUser(db, 2));

  const started = Date.now();
  const BATCH = 1000;
  for (let start = 0; start < BOXES; start += BATCH) {
    // One outer transaction per batch; each service call still writes its own audit entry.
    db.transaction(() => {
      for (let i = start; i < Math.min(BOXES, start + BATCH); i++) seedOne(i);
    });
    process.stdout.write(`\r${Math.min(BOXES, start + BATCH)} / ${BOXES} boxes`);
  }

  function seedOne(i: number): void {
    const catering = rand() < 0.35;
    const floor = pick(FLOORS);
    const leaseYear = int(2012, 2025);
    const moveOut = rand() < 0.2 ? isoDay(Math.min(2026, leaseYear + int(1, 8)), int(1, 360)) : null;
    const name = `${pick(CITIES)}${pick(BRANDS)}${pick(catering ? TRADES_CATERING : TRADES_OTHER)}有限公司`;
    const owner = createOwner(db, custodian, {
      name,
      unitNo: `${floor}-${pad(int(1, 180), 3)}`,
      floor,
      businessType: catering ? 'catering' : 'non_catering',
      contactPerson: pick(SURNAMES) + pick(GIVEN),
      phone: `13${pad(int(0, 999999999), 9)}`,
      leaseStart: isoDay(leaseYear, int(1, 360)),
      moveOutDate: moveOut,
      note: '',
    });
    const kind = i % 20 === 0 ? pick(BOX_KINDS.filter((k) => k !== 'tenant' && k !== 'customer')) : 'tenant';
    const box = createBox(db, custodian, {
      code: '',
      kind,
      title: kind === 'tenant' ? `${name}租户档案` : `${leaseYear}年度${pick(['工作日志', '对外发函', '人事档案', '通知汇编'])}`,
      ownerId: kind === 'tenant' ? owner.id : null,
      volume: 1,
      yearFrom: leaseYear,
      yearTo: moveOut ? Number(moveOut.slice(0, 4)) : null,
      room: pick(['一号档案室', '二号档案室']),
      cabinet: `${floor}-${pad(int(1, 40), 2)}`,
      shelf: String(int(1, 6)),
      position: String(int(1, 12)),
      confidentiality: pick(['internal', 'internal', 'secret', 'public'] as const),
      retentionClass: pick(['y10', 'y10', 'y30', 'permanent'] as const),
      retentionYears: null,
      retentionStart: moveOut,
      note: '',
    });
    const docs = int(3, 9);
    for (let d = 0; d < docs; d++) {
      const category = pick(catering ? DOC_CATEGORIES : DOC_CATEGORIES.filter((c) => c !== 'e'));
      addDocument(db, custodian, { boxId: box.box.id, docDate: isoDay(leaseYear + int(0, 3), int(1, 360)), title: pick(DOC_TITLES[category]), category, pages: int(1, 40), note: '' });
    }
  }

  runtime.close();
  console.log(`\nSeeded ${BOXES} boxes in ${((Date.now() - started) / 1000).toFixed(1)} s into ${paths.dataDir}`);
  console.log(`Accounts: admin, custodian, clerk, manager, auditor — password ${PASSWORD}; recovery passphrase ${PASSPHRASE}`);
}

main().catch((err: unknown) => {
  console.error(err);
  process.exit(1);
});
