import ExcelJS from 'exceljs';
import { dayCell, exportTable, instantCell, type ExportTable } from '../electron/server/services/exports';

// Node re-reads TZ when it is assigned: the desk is in Beijing time, eight hours ahead of UTC.
const savedTz = process.env.TZ;
beforeAll(() => {
  process.env.TZ = 'Asia/Shanghai';
});
afterAll(() => {
  process.env.TZ = savedTz;
});

interface Row {
  no: string;
  at: string | null;
  due: string | null;
}

const table = (): ExportTable<Row> => ({
  title: '借阅登记簿',
  siteName: '万象广场运营部',
  columns: [
    { header: '单号', width: 10, value: (r) => r.no },
    { header: '借出时间', width: 17, value: (r) => instantCell(r.at) },
    { header: '应还日期', width: 11, value: (r) => dayCell(r.due) },
  ],
  // 2026-03-31T17:30Z is already 1 April, 01:30 in Beijing.
  rows: [
    { no: 'JY-1', at: '2026-03-31T17:30:00.000Z', due: '2026-04-03' },
    { no: 'JY-2', at: null, due: null },
  ],
  truncatedAt: null,
  exportedBy: '陈档案',
  exportedAt: new Date('2026-12-01T16:05:09.000Z'),
  head: { entries: 3, headHash: 'ab'.repeat(32) },
});

describe('exported days and times', () => {
  it('are date cells in xlsx, at the local wall clock, with a date format', async () => {
    const file = await exportTable(table(), 'xlsx');
    const book = new ExcelJS.Workbook();
    await book.xlsx.load(Buffer.from(file.base64, 'base64') as unknown as ArrayBuffer);
    const row = book.worksheets[0]!.getRow(2);
    expect(row.getCell(2).value).toEqual(new Date(Date.UTC(2026, 3, 1, 1, 30)));
    expect(row.getCell(2).numFmt).toBe('yyyy-mm-dd hh:mm');
    expect(row.getCell(3).value).toEqual(new Date(Date.UTC(2026, 3, 3)));
    expect(row.getCell(3).numFmt).toBe('yyyy-mm-dd');
    expect(book.worksheets[0]!.getRow(3).getCell(2).value).toBeNull();
  });

  it('are local text in csv, and the file name is stamped in local time', async () => {
    const file = await exportTable(table(), 'csv');
    const lines = Buffer.from(file.base64, 'base64').toString('utf8').split('\r\n');
    expect(lines[1]).toBe('JY-1,2026-04-01 01:30,2026-04-03');
    expect(lines[2]).toBe('JY-2,,');
    expect(file.fileName).toBe('借阅登记簿-20261202-000509.csv');
  });
});
