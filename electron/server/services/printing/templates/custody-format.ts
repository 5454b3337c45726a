/** Years a box's papers span, as the custody forms print them: 2019, 2019–2023, or nothing. */
export const yearsText = (b: { yearFrom: number | null; yearTo: number | null }) =>
  b.yearFrom === null && b.yearTo === null ? '' : b.yearFrom === b.yearTo || b.yearTo === null ? String(b.yearFrom) : `${b.yearFrom ?? ''}–${b.yearTo}`;
