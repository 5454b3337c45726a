/**
 * Forms are built with the `html` tag: every interpolated value goes through escapeHtml unless
 * it is itself a fragment made by `html`, so user data (an owner called `<script>`) can only
 * ever print as text.
 */
const ENTITIES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };

export const escapeHtml = (text: string): string => text.replace(/[&<>"']/g, (c) => ENTITIES[c]);

/** Markup already escaped: made by `html`, or by `trusted` from a constant of the code. */
export class SafeHtml {
  constructor(readonly value: string) {}
}

/** For markup written in this code (the stylesheet), never for anything read from the database. */
export const trusted = (constant: string): SafeHtml => new SafeHtml(constant);

type Interpolation = SafeHtml | string | number | boolean | null | undefined | readonly Interpolation[];

function render(value: Interpolation): string {
  if (value instanceof SafeHtml) return value.value;
  if (Array.isArray(value)) return value.map(render).join('');
  // false/null/undefined render as nothing, so `${cond && html`…`}` reads naturally.
  if (value === null || value === undefined || value === false) return '';
  return escapeHtml(String(value));
}

export function html(strings: TemplateStringsArray, ...values: Interpolation[]): SafeHtml {
  return new SafeHtml(strings.reduce((out, s, i) => out + s + (i < values.length ? render(values[i]) : ''), ''));
}
