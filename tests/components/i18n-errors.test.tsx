import i18n from 'i18next';
import { ERROR_CODES } from '../../electron/core/contract/errors';
import { LANGUAGES, setLanguage } from '../../renderer/app/translations';

afterEach(() => setLanguage('zh-CN'));

describe('error messages', () => {
  it.each(LANGUAGES)('%s: every error code has its own message', (lng) => {
    setLanguage(lng);
    for (const code of ERROR_CODES) expect({ code, known: i18n.exists(`common:errors.${code}`) }).toEqual({ code, known: true });
  });

  it.each(LANGUAGES)('%s: a name of only invisible characters has its own field message', (lng) => {
    setLanguage(lng);
    expect(i18n.exists('common:v.nameInvisible')).toBe(true);
  });

  it('names a status in words, not as the stored value', () => {
    expect(i18n.t('common:errors.LOAN_BOX_UNAVAILABLE', { status: 'on_loan' })).toBe('该档案当前状态为“借出”，不能借出');
    expect(i18n.t('common:errors.LOAN_WRONG_STATE', { status: 'out' })).toBe('该借阅当前状态为“借出中”，不能进行此操作');
    setLanguage('en');
    expect(i18n.t('common:errors.LOAN_WRONG_STATE', { status: 'requested' })).toBe('This loan is "Awaiting approval"; that is not possible now');
  });
});
