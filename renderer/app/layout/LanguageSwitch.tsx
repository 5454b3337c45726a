import { Segmented } from 'antd';
import { useTranslation } from 'react-i18next';
import { setLanguage, type Language } from '../translations';

const OPTIONS: { label: string; value: Language }[] = [
  { label: '中文', value: 'zh-CN' },
  { label: 'English', value: 'en' },
];

export function LanguageSwitch() {
  const { i18n, t } = useTranslation('app');
  return (
    <Segmented<Language>
      size="small"
      aria-label={t('header.language')}
      options={OPTIONS}
      value={i18n.resolvedLanguage === 'en' ? 'en' : 'zh-CN'}
      onChange={setLanguage}
    />
  );
}
