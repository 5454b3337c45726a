/** Where a box stands, as the box form holds it. */
export interface BoxPlace {
  room: string;
  cabinet: string;
  shelf: string;
  position: string;
}

const SLOTS = ['room', 'cabinet', 'shelf', 'position'] as const;
/** A part's own word says which slot it fills: 一号档案室, C03柜, 第2层, 5号位 / 5格. */
const LABELLED: { slot: (typeof SLOTS)[number]; re: RegExp }[] = [
  { slot: 'room', re: /^(.*(?:室|库房|库))$/ },
  { slot: 'cabinet', re: /^(.+?)号?柜$/ },
  { slot: 'shelf', re: /^第?(.+?)层$/ },
  { slot: 'position', re: /^第?(.+?)(?:号位|位|格)$/ },
];

/**
 * A 存放位置 cell split into room, cabinet, shelf and position: parts named by their own word
 * (一号档案室 C03柜 第2层 5位, written with or without spaces), else in that order between
 * separators (一号档案室/C03/2/5). Null when it does not split so.
 */
export function splitLocation(text: string): BoxPlace | null {
  const spaced = text.replace(/(室|库房|柜|层|号位|格)(?=[^\s/／、,，;；|-])/g, '$1 ');
  // › is the path as screens and our own exports write it: its parts keep their hyphens (C-03).
  if (text.includes('›'))
    return assign(
      text
        .split('›')
        .map((p) => p.trim())
        .filter((p) => p !== ''),
    );
  const parts = spaced.split(/\s*[\s/／、,，;；|]\s*|\s*[-－—]\s*/).filter((p) => p !== '');
  return assign(parts);
}

function assign(parts: string[]): BoxPlace | null {
  if (parts.length === 0 || parts.length > SLOTS.length) return null;
  const place: BoxPlace = { room: '', cabinet: '', shelf: '', position: '' };
  const unlabelled: string[] = [];
  for (const part of parts) {
    const labelled = LABELLED.find(({ slot, re }) => place[slot] === '' && re.test(part));
    if (labelled) place[labelled.slot] = labelled.re.exec(part)![1]!;
    else unlabelled.push(part);
  }
  for (const part of unlabelled) {
    const free = SLOTS.find((slot) => place[slot] === '');
    if (!free) return null;
    place[free] = part;
  }
  return place;
}
