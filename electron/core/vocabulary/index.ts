import { auditVocabulary } from './audit';
import { catalogueVocabulary } from './catalogue';
import { custodyVocabulary } from './custody';
import { lendingVocabulary } from './lending';
import type { Label, Language, Vocabulary } from './vocabulary';

export { LANGUAGES, type Label, type Language, type Vocabulary } from './vocabulary';

/**
 * The one wording of every stored code (issue #22: "one word per thing"). Screens read it through
 * i18next's `common:enums.*`, generated from here; printed forms, exports and the audit log read it
 * directly. Chinese follows docs/domain.md and the regulations it digests.
 */
export const VOCABULARIES = { ...catalogueVocabulary, ...lendingVocabulary, ...custodyVocabulary, ...auditVocabulary };

export type VocabularyName = keyof typeof VOCABULARIES;
export type CodeOf<N extends VocabularyName> = (typeof VOCABULARIES)[N] extends Vocabulary<infer V> ? V : never;

export function label<N extends VocabularyName>(name: N, code: CodeOf<N>, lang: Language): string {
  const labels: Record<string, Label> = VOCABULARIES[name].labels;
  return labels[code][lang];
}

/** Forms and spreadsheets are Chinese paper: their labels are zh-CN whatever the screen speaks. */
export const zh = <N extends VocabularyName>(name: N, code: CodeOf<N>): string => label(name, code, 'zh-CN');

/** A box's retention as read: the class, or a custom one's years worded like the classes (定期15年). */
export function retentionText(box: { retentionClass: CodeOf<'retentionClass'>; retentionYears: number | null }, lang: Language): string {
  if (box.retentionClass !== 'custom' || box.retentionYears === null) return label('retentionClass', box.retentionClass, lang);
  if (lang === 'zh-CN') return `定期${box.retentionYears}年`;
  return box.retentionYears === 1 ? '1 year' : `${box.retentionYears} years`;
}

/**
 * Where an audited call came from, as the viewer and the export read it: the desk's name and
 * address (前台1 · 192.168.1.23), or 本机 for this PC's own window (no address, no name).
 */
export function clientText(client: { clientAddress: string | null; clientName: string | null }, lang: Language): string {
  const parts = [client.clientName, client.clientAddress].filter((p): p is string => p !== null && p !== '');
  if (parts.length === 0) return lang === 'zh-CN' ? '本机' : 'This PC';
  return parts.join(' · ');
}

/** The vocabularies in one language as i18next resources: { boxStatus: { in_stock: '在库', … }, … }. */
export function enumResources(lang: Language): Record<VocabularyName, Record<string, string>> {
  const entries = Object.entries(VOCABULARIES).map(([name, v]: [string, Vocabulary<string>]) => [
    name,
    Object.fromEntries(v.values.map((code) => [code, v.labels[code][lang]])),
  ]);
  return Object.fromEntries(entries) as Record<VocabularyName, Record<string, string>>;
}
