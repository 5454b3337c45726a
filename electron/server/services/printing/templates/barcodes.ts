import { toSVG } from 'bwip-js/node';

/** bwip-js draws both codes as SVG; they go in as data: URLs, so nothing of them is parsed as markup. */
const svgUrl = (svg: string) => `data:image/svg+xml;base64,${Buffer.from(svg, 'utf8').toString('base64')}`;
export const code128 = (text: string) => svgUrl(toSVG({ bcid: 'code128', text, height: 9, scale: 3, paddingwidth: 4 }));
export const qr = (text: string) => svgUrl(toSVG({ bcid: 'qrcode', text, scale: 3, paddingwidth: 2, paddingheight: 2 }));

/** One dot of a 203 dpi printer, the usual resolution of thermal label printers. */
export const DOT_MM = 25.4 / 203;
/**
 * The narrowest Code 128 bar a 203 dpi printer prints reliably: 2 dots (0.25 mm). One-dot bars
 * (0.125 mm) spread with the head's heat and fade first, and most desk scanners stop near 0.13 mm.
 */
export const MODULE_MM = 2 * DOT_MM;
/** ISO/IEC 15417: ten modules of white on either side of the bars. */
const QUIET_MODULES = 10;

export interface Bars {
  url: string;
  /** Along the bars, quiet zones included: what the label must have room for. */
  lengthMm: number;
}

/**
 * A Code 128 whose every module is two printer dots, to be drawn at exactly `lengthMm` (the SVG
 * stretches to its box); `vertical` turns it a quarter, for a spine. Its length follows the code:
 * each character costs 11 modules (a pair of digits, 11 together).
 */
export function thermalCode128(text: string, vertical = false): Bars {
  const svg = toSVG({ bcid: 'code128', text, height: 10, scale: 1, paddingwidth: QUIET_MODULES, rotate: vertical ? 'R' : 'N' });
  const [, w, h] = /viewBox="0 0 (\d+) (\d+)"/.exec(svg) ?? [];
  const modules = Number(vertical ? h : w);
  return { url: svgUrl(svg.replace('<svg ', '<svg preserveAspectRatio="none" ')), lengthMm: modules * MODULE_MM };
}
