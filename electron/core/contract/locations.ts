import { z } from 'zod';
import type { BOX_STATUSES, LOCATION_KINDS } from '../enums';
import type { Location } from '../rows';
import { boxCode } from './boxes';
import { call } from './define';
import { id, requiredText, text } from './fields';

export type LocationKind = (typeof LOCATION_KINDS)[number];

/** The place as read on every screen, label and export: 一号库房 › C-03 › 第2层 › 05 (blank parts left out). */
export const locationPath = (place: Location | null | undefined): string =>
  place ? [place.room, place.cabinet, place.shelf, place.position].filter((p) => p !== '').join(' › ') : '';

/**
 * A position's label code: KW (库位) and its id, so it can never be read as a box code of the
 * ZH-2026-0001 kind and needs no column of its own.
 */
export const positionCode = (positionId: number): string => `KW-${String(positionId).padStart(6, '0')}`;

/** The position id a scanned label names, or null when the text is not a position code. */
export function positionIdOf(scanned: string): number | null {
  const match = /^KW-?(\d{1,12})$/i.exec(scanned.trim());
  return match ? Number(match[1]) : null;
}

/** Names the custodian gives a whole cabinet at once: its shelves 第1层…, its positions 01…. */
export const shelfName = (n: number): string => `第${n}层`;
export const positionName = (n: number): string => String(n).padStart(2, '0');

/** C-01 counted on by its last number, its digits kept: C-01, C-02 … C-12; a name without one gets -2, -3…. */
export function cabinetNames(first: string, count: number): string[] {
  const match = /^(.*?)(\d+)(\D*)$/.exec(first);
  if (!match) return Array.from({ length: count }, (_, i) => (i === 0 ? first : `${first}-${i + 1}`));
  const [, head, digits, tail] = match as unknown as [string, string, string, string];
  return Array.from({ length: count }, (_, i) => `${head}${String(Number(digits) + i).padStart(digits.length, '0')}${tail}`);
}

const name = requiredText(40);

/** A place as a register or an old box record writes it, each part within the form's old cap. */
export const writtenPlace = z.object({ room: text(40), cabinet: text(40), shelf: text(40), position: text(40) });

export interface LocationNode {
  id: number;
  kind: LocationKind;
  parentId: number | null;
  name: string;
  seq: number;
  /** Boxes standing at this very node (not below it), destroyed and transferred ones left out. */
  boxes: number;
}

export interface PositionCell {
  id: number;
  name: string;
  code: string;
  /** The box standing there; a position converted from free text may hold more than one. */
  boxes: { id: number; code: string; title: string; status: (typeof BOX_STATUSES)[number] }[];
}

export interface CabinetGrid {
  cabinet: LocationNode;
  room: LocationNode;
  shelves: { id: number; name: string; positions: PositionCell[] }[];
  /** Boxes placed on the cabinet or a shelf itself (converted from a free text without a position). */
  unplacedBoxes: number;
}

/** The free texts boxes had before the tree, and the nodes they become (the dry run's report). */
export interface ConversionReport {
  /** Each node the conversion makes or reuses, top down, with the texts that fold to it. */
  nodes: { kind: LocationKind; path: string; variants: string[]; existing: boolean }[];
  /** The nodes whose boxes were written more than one way: what the conversion merges. */
  merged: { kind: LocationKind; path: string; variants: string[] }[];
  boxes: number;
  applied: boolean;
}

export const cabinetsCreateInput = z
  .object({
    roomId: id,
    /** The first cabinet's name; its last number counts up for the rest: C-01 × 12 → C-01…C-12. */
    first: name,
    count: z.number().int().min(1).max(100),
    shelves: z.number().int().min(1).max(30),
    positions: z.number().int().min(1).max(60),
  })
  .strict();

export const boxPlaceInput = z
  .object({
    boxCode: boxCode.pipe(z.string().min(1, { error: 'v.required' })),
    positionCode: requiredText(40),
    reason: text(200).default('扫码上架'),
  })
  .strict();

export const moveContentsInput = z.object({ fromId: id, toId: id, reason: requiredText(200) }).strict();

export const locationCalls = {
  'location-tree': call<{ nodes: LocationNode[] }>()({ input: z.object({}).strict(), access: 'signed-in', reads: ['location', 'box'] }),
  'location-cabinet': call<CabinetGrid>()({ input: z.object({ id }).strict(), access: 'signed-in', reads: ['location', 'box'] }),
  'location-room-create': call<LocationNode>()({ input: z.object({ name }).strict(), access: ['custodian'], changes: ['location'] }),
  'location-cabinets-create': call<{ ids: number[] }>()({ input: cabinetsCreateInput, access: ['custodian'], changes: ['location'] }),
  /** Boxes keep their place; the path they carry is rewritten with the new name. */
  'location-rename': call<LocationNode>()({ input: z.object({ id, name }).strict(), access: ['custodian'], changes: ['location', 'box'] }),
  'location-remove': call<null>()({ input: z.object({ id }).strict(), access: ['custodian'], changes: ['location'] }),
  /** Scan the box, then the position's label. */
  'box-place': call<{ boxId: number; code: string; path: string }>()({ input: boxPlaceInput, access: ['custodian'], changes: ['box'] }),
  /** A whole shelf or cabinet to another of the same layout: one move per box, one transaction. */
  'location-move-contents': call<{ moved: number }>()({ input: moveContentsInput, access: ['custodian'], changes: ['box'] }),
  /** The free-text places of boxes not yet in the tree: a dry run reports, apply makes the nodes and places the boxes. */
  'location-convert': call<ConversionReport>()({
    input: z.object({ apply: z.boolean() }).strict(),
    access: ['custodian'],
    changes: ['location', 'box'],
  }),
  'location-labels-pdf': call<{ fileName: string; mimeType: string; base64: string }>()({
    input: z.object({ id }).strict(),
    access: ['clerk', 'custodian'],
    changes: [],
  }),
};
