import type { ChainHead } from '../../../../core/contract/audit';
import { localDateTime } from './format';
import { html, trusted, type SafeHtml } from './html';

/** What every printed form says about its own printing. */
export interface PrintMeta {
  siteName: string;
  printedBy: string;
  printedAt: Date;
  head: ChainHead;
}

export interface FormPage {
  title: string;
  /** Right of the title row: the form number, or the register's period. */
  formNo: string;
  orientation: 'portrait' | 'landscape';
  body: SafeHtml;
  /** One signature line (with its date) per label. */
  signatures: readonly string[];
  /** Two signatures a row, for a one-page form whose body leaves little room (the slip of a loan with copies). */
  compactSignatures?: boolean;
}

const FONTS = `"Noto Sans CJK SC", "Noto Serif CJK SC", "Microsoft YaHei", "SimSun", sans-serif`;

/** A4 office-form look: ruled tables, shaded label cells, black on white, nothing web-like. */
const STYLE = `
@page { margin: 15mm 16mm 14mm;
  @bottom-center { content: "第 " counter(page) " 页 / 共 " counter(pages) " 页"; font: 8pt ${FONTS}; color: #444; } }
* { box-sizing: border-box; }
html { -webkit-print-color-adjust: exact; print-color-adjust: exact; }
body { margin: 0; font-family: ${FONTS}; font-size: 10.5pt; line-height: 1.55; color: #000; }
.head { text-align: center; }
.site { font-size: 12pt; letter-spacing: 0.2em; }
h1 { margin: 1mm 0 0; font-size: 21pt; font-weight: 700; letter-spacing: 0.6em; text-indent: 0.6em; }
.form-no { text-align: right; font-size: 10pt; margin: 2mm 0 1.5mm; }
table { width: 100%; border-collapse: collapse; table-layout: fixed; }
table.form { border: 1.2pt solid #000; }
.form th, .form td { border: 0.6pt solid #000; padding: 1mm 2.4mm; vertical-align: middle; overflow-wrap: anywhere; }
.form th { background: #e8e8e8; font-weight: 500; text-align: center; }
.form tr { break-inside: avoid; }
.form tr.section th { background: #d4d4d4; text-align: left; font-weight: 700; letter-spacing: 0.15em; padding: 1mm 2.4mm; }
.form td.tall { height: 12mm; vertical-align: top; }
.form td.strong { font-weight: 700; }
.form .inner th, .form .inner td { padding: 0.8mm 1.2mm; font-size: 9.5pt; text-align: center; }
.form .inner th { white-space: nowrap; }
.form .inner tr > :first-child { border-left: 0; }
.form .inner tr > :last-child { border-right: 0; }
.form .inner tr:first-child > * { border-top: 0; }
.form .inner tr:last-child > * { border-bottom: 0; }
.form .inner td.left { text-align: left; }
.form .inner td.nowrap { white-space: nowrap; }
.form td.letter { padding: 3mm 4mm; line-height: 1.9; }
.register th, .register td { font-size: 8pt; line-height: 1.45; padding: 1mm 1mm; text-align: center; }
.register .nowrap { white-space: nowrap; }
.register td.left { text-align: left; }
.cb { display: inline-block; width: 3.4mm; height: 3.4mm; border: 0.6pt solid #000; margin: 0 1mm 0 0; vertical-align: -0.4mm; font-size: 8pt; line-height: 3.2mm; text-align: center; }
.opt { margin-right: 5mm; white-space: nowrap; }
.muted { color: #333; }
.notice { margin-top: 2.5mm; font-size: 8.5pt; line-height: 1.6; color: #222; }
.signatures { margin-top: 3mm; break-inside: avoid; }
.sig-row { display: flex; align-items: flex-end; white-space: nowrap; margin-top: 2.4mm; }
.sig-row .label { width: 7.5em; }
.sig-row .line { flex: 3; border-bottom: 0.6pt solid #000; height: 7mm; text-align: right; line-height: 9mm; }
.sig-row .date-label { margin-left: 10mm; }
.sig-row .line.date { flex: 2; }
.signatures.two { display: grid; grid-template-columns: 1fr 1fr; column-gap: 8mm; }
.signatures.two .sig-row .label { width: auto; }
.signatures.two .sig-row .date-label { margin-left: 3mm; }
.signatures.two .sig-row .line.date { flex: 0 0 27mm; }
.print-meta { margin-top: 5mm; padding-top: 1.2mm; border-top: 0.6pt solid #666; font-size: 8pt; color: #333; display: flex; justify-content: space-between; break-inside: avoid; }
.hash { font-family: "DejaVu Sans Mono", monospace; }
.form-page + .form-page { break-before: page; }
`;

/** One row per signature, its date beside it, each line long enough to write on by hand. */
const signature = (label: string) =>
  html`<div class="sig-row"><span class="label">${label}：</span><span class="line"></span><span class="date-label">日期：</span><span class="line date">年　　　月　　　日　</span></div>`;

/** One form's header, body, signatures and print footer. */
function formSection(page: FormPage, meta: PrintMeta): SafeHtml {
  return html`<section class="form-page">
<div class="head">
<div class="site">${meta.siteName}</div>
<h1>${page.title}</h1>
</div>
<div class="form-no">${page.formNo}</div>
${page.body}
${page.signatures.length > 0 && html`<div class="${page.compactSignatures ? 'signatures two' : 'signatures'}">${page.signatures.map(signature)}</div>`}
<div class="print-meta">
<span>打印时间：${localDateTime(meta.printedAt)}　打印人：${meta.printedBy}</span>
<span>审计链 ${meta.head.entries} 条 · 链头 <span class="hash">${meta.head.headHash.slice(0, 12)}</span></span>
</div>
</section>`;
}

/** The whole HTML document of one form: header, the form's own body, signatures, print footer. */
export function formDocument(page: FormPage, meta: PrintMeta): string {
  return formDocuments([page], meta);
}

/** Several forms of one kind in one document (a notice per borrower), each starting on a new sheet. */
export function formDocuments(pages: readonly FormPage[], meta: PrintMeta): string {
  return html`<!doctype html>
<html lang="zh-CN">
<head>
<meta charset="utf-8">
<title>${pages[0]?.title ?? ''}</title>
<style>@page { size: A4 ${pages[0]?.orientation ?? 'portrait'}; }${trusted(STYLE)}</style>
</head>
<body>
${pages.map((page) => formSection(page, meta))}
</body>
</html>
`.value;
}
