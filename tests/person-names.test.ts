import { cleanName, personKey, personName } from '../electron/core/contract/person-names';

/** Pairs a desk sees as one person: typed twice, pasted from a chat, or from a full-width IME. */
const SAME: [string, string][] = [
  ['李四', '李\u200B四'], // zero-width space
  ['李四', '李 四'], // inner space
  ['李四', '李\u3000四'], // ideographic space
  ['李四', ' 李四\t'],
  ['LiSi', 'ＬｉＳｉ'], // full-width
  ['LiSi', 'lisi'],
  ['Li Si', 'LI  SI'],
  ['李四', '\u202E李四\u202C'], // right-to-left override and pop
  ['李四', '李\u2060四\uFEFF'], // word joiner, byte-order mark
  ['李四', '李\u200D四\u200C'], // zero-width joiner and non-joiner
  ['李四', '李四\uFE0F'], // variation selector
  ['李四', '李\u00AD四'], // soft hyphen
  ['李四', '李\u0007四'], // a control character
  ['李四', '李\u3164四'], // Hangul filler, blank but a letter
  ['买买提·艾力', '买买提・艾力'], // the name dot as typed by a Chinese or a Japanese IME
  ['金', '\uF90A'], // a CJK compatibility ideograph that looks the same
  ['李四', '李\u2800四'], // Braille blank, shown as a space
  ['李四', '李\u180B四\u180E'], // Mongolian variation selector and vowel separator
  ['李四', '李\u17B4四'], // Khmer inherent vowel, default-ignorable
  ['Zhang Wei', 'Zh\u0430ng Wei'], // Cyrillic а
  ['Li Sheng', 'L\u0456 Sh\u0435ng'], // Cyrillic і and е
  ['Zhou', 'Zh\u03BF\u03C5'], // Greek ο and υ
  ['HE MEI', '\u041D\u0415 \u041C\u0415I'], // Cyrillic capitals Н, Е, М
];

/** Different people, however alike they look to a hurried eye. */
const DIFFERENT: [string, string][] = [
  ['李四', '李思'],
  ['李四', '李四四'],
  ['王芳', '汪芳'],
  ['LiSi', 'LiShi'],
  ['张伟', '张玮'],
];

describe('personKey', () => {
  it.each(SAME)('takes %j and %j for one person', (a, b) => {
    expect(personKey(a)).toBe(personKey(b));
  });

  it.each(DIFFERENT)('keeps %j and %j apart', (a, b) => {
    expect(personKey(a)).not.toBe(personKey(b));
  });

  it('is empty for a name made only of spaces and invisible characters', () => {
    expect(personKey('\u200B\u202E \u3000\uFEFF\u2060')).toBe('');
  });
});

describe('cleanName', () => {
  it('keeps what a reader sees: NFKC, no invisible characters, single inner spaces, trimmed', () => {
    expect(cleanName(' 李\u200B四 ')).toBe('李四');
    expect(cleanName('\u202EＬｉ\u3000\u3000Ｓｉ')).toBe('Li Si');
    expect(cleanName('Li\u200B \u200BSi')).toBe('Li Si');
    expect(cleanName('Li\nSi')).toBe('Li Si');
  });

  it('stores names that look the same on screen as the same text', () => {
    const lookTheSame: [string, string][] = [
      ['李四', '李\u200B四'],
      ['李四', '\u202E李四'],
      ['李四', '李\u2060四\uFEFF'],
      ['李四', '李四\uFE0F'],
      ['金', '\uF90A'],
      ['Li Si', 'Li \u200BSi'],
    ];
    for (const [a, b] of lookTheSame) expect(cleanName(b)).toBe(cleanName(a));
  });
});

describe('personName field', () => {
  const field = personName(40);

  it('stores the cleaned name', () => {
    expect(field.parse('李\u200B四')).toBe('李四');
  });

  it('refuses an empty name as required and an invisible one with its own message', () => {
    expect(field.safeParse('  ').error?.issues.map((i) => i.message)).toEqual(['v.required']);
    expect(field.safeParse('\u200B\u202E\uFEFF').error?.issues.map((i) => i.message)).toEqual(['v.nameInvisible']);
  });

  it('caps the length', () => {
    expect(field.safeParse('李'.repeat(41)).success).toBe(false);
  });
});
