import { phone, requiredPhone } from '../electron/core/contract/fields';

/** A phone is stored as digits with an optional leading +, whatever the form or the cell held. */
describe('phone', () => {
  it.each([
    ['13800001111', '13800001111'],
    ['138 0000 1111', '13800001111'],
    ['138-0000-1111', '13800001111'],
    ['(0571) 8888-1234', '057188881234'],
    ['+86 138 0000 1111', '+8613800001111'],
    ["'+8613800001111", '+8613800001111'], // a spreadsheet's formula guard, ours included
    ['１３８００００１１１１', '13800001111'], // full-width digits
    ['＋８６－１３８', '+86138'],
    ['0571.8888.1234', '057188881234'],
    ['138\u200B0000\u00A01111', '13800001111'], // a zero-width and a no-break space from a chat
    ['  ', ''],
    ['', ''],
  ])('stores %j as %j', (typed, stored) => {
    expect(phone.parse(typed)).toBe(stored);
  });

  it.each(['电话未知', '138-0000-1111 转 8', '86+138', '138/0000', 'abc'])('refuses %j as not a phone number', (typed) => {
    const result = phone.safeParse(typed);
    expect(result.success).toBe(false);
    expect(result.error?.issues.map((i) => i.message)).toEqual(['v.phone']);
  });

  it('a required phone of only spaces or marks is missing, not a number', () => {
    expect(requiredPhone.safeParse(' - ').error?.issues.map((i) => i.message)).toEqual(['v.required']);
    expect(requiredPhone.parse('0571-88881234')).toBe('057188881234');
  });
});
