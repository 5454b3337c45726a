import { toSVG } from 'bwip-js/node';

/** bwip-js draws both codes as SVG; they go in as data: URLs, so nothing of them is parsed as markup. */
const svgUrl = (svg: string) => `data:image/svg+xml;base64,${Buffer.from(svg, 'utf8').toString('base64')}`;
export const code128 = (text: string) => svgUrl(toSVG({ bcid: 'code128', text, height: 9, scale: 3, paddingwidth: 4 }));
export const qr = (text: string) => svgUrl(toSVG({ bcid: 'qrcode', text, scale: 3, paddingwidth: 2, paddingheight: 2 }));
