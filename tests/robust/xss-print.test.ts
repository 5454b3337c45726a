// @vitest-environment jsdom
import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { contract, callNames, type CallName } from '../../electron/core/contract';
import type { ExportFile } from '../../electron/core/contract/audit';
import type { TestApp } from '../support/app';
import { createOwner, createSetUpApp, validDocumentInput, validLoanInput, validPayloads } from '../support/fixtures';

/**
 * Text from the database cannot become markup in a printed form: an archive whose records are all
 * named with script and image tags goes through every call with its sample payload (and as PDF
 * where the call offers a choice of format); every document handed to the printer is parsed and
 * must hold no script, no event handler and no outside image, and the PDF shows the names as text.
 */
const SCRIPT = '<script>alert(1)</script>';
const IMG = '<img src=x onerror=alert(2)>';

let app: TestApp;
let work: string;
const printed: string[] = [];

beforeAll(async () => {
  app = await createSetUpApp();
  work = mkdtempSync(join(tmpdir(), 'archive-xss-'));
  const real = app.runtime.printer.pdf.bind(app.runtime.printer);
  app.runtime.printer.pdf = (doc: string) => {
    printed.push(doc);
    return real(doc);
  };
  const custodian = await app.as('custodian');
  const [clerk, manager] = [await app.as('clerk'), await app.as('manager')];
  const ownerId = await createOwner(app, { name: SCRIPT, contactPerson: IMG, note: `${SCRIPT}${IMG}` });
  const box = await app.ok(
    'box-create',
    { ...validPayloads['box-create'], code: '', kind: 'tenant', ownerId, title: `${IMG}租户档案`, note: SCRIPT },
    custodian,
  );
  await app.ok('box-document-add', validDocumentInput(box.box.id, { title: SCRIPT, note: IMG }), custodian);
  // Boxes in stock (one past its retention) for the custody forms: inspection, transfer, destruction, each record 1.
  const inStock = await app.ok(
    'box-create',
    { ...validPayloads['box-create'], code: '', kind: 'tenant', ownerId, volume: 2, title: `${SCRIPT}在库档案`, note: IMG },
    custodian,
  );
  const expired = await app.ok(
    'box-create',
    {
      ...validPayloads['box-create'],
      code: '',
      kind: 'tenant',
      ownerId,
      volume: 3,
      title: `${IMG}到期档案`,
      retentionClass: 'custom',
      retentionYears: 11,
      retentionStart: '2000-12-31',
    },
    custodian,
  );
  await app.ok('inspection-start', {}, custodian);
  await app.ok(
    'transfer-create',
    { ...validPayloads['transfer-create'], boxCodes: [inStock.box.code], fromDepartment: IMG, toDepartment: SCRIPT, reason: SCRIPT },
    custodian,
  );
  await app.ok('destruction-propose', { boxCodes: [expired.box.code], reason: IMG }, custodian);
  const loan = await app.ok(
    'loan-request',
    validLoanInput({
      boxCode: box.box.code,
      borrower: { kind: 'person', name: SCRIPT, department: IMG, phone: '0571-88881234' },
      purpose: `${IMG}核对`,
      note: SCRIPT,
    }),
    clerk,
  );
  await app.ok('loan-decide', { id: loan.id, approve: true, copyAllowed: false, reason: IMG }, manager);
  await app.ok('loan-hand-out', { id: loan.id }, clerk);
  await app.ok('loan-renewal-request', { loanId: loan.id, days: 2, reason: SCRIPT }, clerk);
});
afterAll(async () => {
  await app.runtime.printer.close();
  app.close();
  rmSync(work, { recursive: true, force: true });
});

const isPdf = (value: unknown): value is ExportFile => typeof value === 'object' && value !== null && (value as ExportFile).mimeType === 'application/pdf';

/** The sample payload, and the same asking for a PDF where the call's schema allows one. */
function payloadsOf(name: CallName): unknown[] {
  const sample = validPayloads[name] as Record<string, unknown>;
  const asPdf = { ...sample, format: 'pdf' };
  return 'format' in sample && contract[name].input.safeParse(asPdf).success ? [sample, asPdf] : [sample];
}

const roleOf = (name: CallName) => {
  const access = contract[name].access;
  return typeof access === 'string' ? 'admin' : access[0];
};

describe('printed forms', () => {
  it('print the names as text: no script, no handler, no outside image in any printed document', async () => {
    const pdfs: { name: string; file: ExportFile }[] = [];
    // The calls that make documents, each over record 1 of the hostile archive made above.
    for (const name of callNames.filter((n) => /-(pdf|export)$/.test(n))) {
      for (const payload of payloadsOf(name)) {
        const result = await app.dispatch({ name, payload, handle: await app.as(roleOf(name)) });
        if (result.ok && isPdf(result.value)) pdfs.push({ name, file: result.value });
      }
    }
    // Every form of the app at least; new forms join by their sample payloads.
    expect(pdfs.map((p) => p.name)).toEqual(
      expect.arrayContaining([
        'loan-slip-pdf',
        'loan-register-export',
        'transfer-sheet-pdf',
        'destruction-register-pdf',
        'inspection-record-pdf',
        'box-labels-pdf',
      ]),
    );
    expect(printed.length).toBe(pdfs.length);

    for (const doc of printed) {
      // Parsed by jsdom's DOMParser (this file's environment), which runs no script and loads nothing.
      const document = new DOMParser().parseFromString(doc, 'text/html');
      expect(document.querySelectorAll('script, iframe, object, embed, link[href^="http"]').length).toBe(0);
      const handlers = [...document.querySelectorAll('*')].flatMap((el) => el.getAttributeNames().filter((a) => a.toLowerCase().startsWith('on')));
      expect(handlers).toEqual([]);
      const images = [...document.querySelectorAll('img')].map((img) => img.getAttribute('src') ?? '');
      expect(images.filter((src) => !src.startsWith('data:'))).toEqual([]);
      // What was typed is there, as text.
      expect(document.body.textContent).toMatch(/<script>alert\(1\)<\/script>|<img src=x onerror=alert\(2\)>/);
    }

    for (const { name, file } of pdfs) {
      const path = join(work, `${name}.pdf`);
      writeFileSync(path, Buffer.from(file.base64, 'base64'));
      const text = execFileSync('pdftotext', ['-layout', path, '-'], { encoding: 'utf8' });
      expect({ name, shows: /<script>alert\(1\)/.test(text) || /<img src=x onerror=alert\(2\)>/.test(text) }).toEqual({ name, shows: true });
    }
  });
});
