import type { ThemeConfig } from 'antd';

const FONT_FAMILY = [
  '"Noto Sans CJK SC"',
  '"Microsoft YaHei"',
  '"PingFang SC"',
  '"Hiragino Sans GB"',
  '-apple-system',
  '"Segoe UI"',
  'Roboto',
  '"Helvetica Neue"',
  'Arial',
  'sans-serif',
].join(', ');

/** A dense office look: the desk works long lists, so rows and controls are compact but keep 14px text. */
export const officeTheme: ThemeConfig = {
  token: {
    colorPrimary: '#1f5fa8',
    colorInfo: '#1f5fa8',
    colorBgLayout: '#f2f4f7',
    fontFamily: FONT_FAMILY,
    fontSize: 14,
    borderRadius: 4,
    controlHeight: 30,
    wireframe: false,
    // antd's hint greys (0.45 alpha: 3.4:1 on white) fail WCAG AA's 4.5:1 for text; 0.6 gives 5.7:1.
    colorTextDescription: 'rgba(0, 0, 0, 0.6)',
    colorTextTertiary: 'rgba(0, 0, 0, 0.6)',
    colorTextPlaceholder: 'rgba(0, 0, 0, 0.55)',
    colorTextQuaternary: 'rgba(0, 0, 0, 0.55)',
    // Status text (Typography type=danger/warning/success) at the palettes' 7th–8th shade: ≥ 4.5:1.
    colorError: '#cf1322',
    colorErrorText: '#cf1322',
    colorWarningText: '#ad4e00',
    colorSuccessText: '#237804',
  },
  components: {
    Layout: { headerBg: '#ffffff', headerHeight: 52, headerPadding: '0 16px', siderBg: '#ffffff', bodyBg: '#f2f4f7' },
    Menu: { itemHeight: 36, itemMarginInline: 6, itemBorderRadius: 4 },
    Table: { cellPaddingBlockSM: 6, headerBg: '#f5f7fa' },
    Form: { itemMarginBottom: 14, verticalLabelPadding: '0 0 4px' },
    Card: { headerFontSize: 15 },
  },
};
