import { and, desc, eq, lt } from 'drizzle-orm';
import type { z } from 'zod';
import type { Db } from '../../../db/connection';
import { idsIn, preparedOnce } from '../../../db/prepared';
import { boxDocuments, boxes, incidents, users, type IncidentRow } from '../../../db/schema';
import { AppError } from '../../core/contract/errors';
import type { Incident, incidentListInput } from '../../core/contract/loans';
import { nowIso, type Actor } from './actor';
import { mutate } from './transaction';

type IncidentWithName = { incident: IncidentRow; createdByName: string };

/** Titles of the missing documents, looked up once for a whole page of incidents. */
function toIncidents(db: Db, rows: IncidentWithName[]): Incident[] {
  const docIds = [...new Set(rows.flatMap((r) => r.incident.missingDocumentIds))];
  const titled = () =>
    preparedOnce(db, 'document-titles', (d) =>
      d.select({ id: boxDocuments.id, title: boxDocuments.title }).from(boxDocuments).where(idsIn(boxDocuments.id)).prepare(),
    );
  const titles = new Map(
    docIds.length
      ? titled()
          .all({ ids: JSON.stringify(docIds) })
          .map((d) => [d.id, d.title])
      : [],
  );
  return rows.map(({ incident: i, createdByName }) => ({
    id: i.id,
    boxId: i.boxId,
    loanId: i.loanId,
    kind: i.kind,
    description: i.description,
    responsible: i.responsible,
    followUp: i.followUp,
    // A document removed since shows by its id; its title stays in the audit log.
    missingDocumentTitles: i.missingDocumentIds.map((id) => titles.get(id) ?? `#${id}`),
    status: i.status,
    createdAt: i.createdAt,
    createdByName,
    closedAt: i.closedAt,
    resolution: i.resolution,
  }));
}

const withCreator = (db: Db) =>
  db.select({ incident: incidents, createdByName: users.displayName }).from(incidents).innerJoin(users, eq(users.id, incidents.createdBy));

/** A loan's incidents, by the loan index (migration 0004). */
export function incidentsOfLoans(db: Db, loanIds: number[]): Incident[] {
  if (!loanIds.length) return [];
  const query = preparedOnce(db, 'loan-incidents', (d) => withCreator(d).where(idsIn(incidents.loanId)).orderBy(incidents.id).prepare());
  return toIncidents(db, query.all({ ids: JSON.stringify(loanIds) }));
}

/** A box's incidents (or every one), newest first, keyset-paged by id. */
export function listIncidents(db: Db, input: z.output<typeof incidentListInput>): { rows: Incident[]; nextCursor: number | null } {
  const where = [
    input.boxId ? eq(incidents.boxId, input.boxId) : undefined,
    input.status ? eq(incidents.status, input.status) : undefined,
    input.cursor ? lt(incidents.id, input.cursor) : undefined,
  ];
  const rows = withCreator(db)
    .where(and(...where))
    .orderBy(desc(incidents.id))
    .limit(input.limit + 1)
    .all();
  const page = toIncidents(db, rows.slice(0, input.limit));
  return { rows: page, nextCursor: rows.length > input.limit ? page[page.length - 1].id : null };
}

export function getIncident(db: Db, id: number): Incident {
  const row = withCreator(db).where(eq(incidents.id, id)).get();
  if (!row) throw new AppError('NOT_FOUND');
  return toIncidents(db, [row])[0];
}

export function hasOpenIncident(db: Db, boxId: number): boolean {
  return (
    db
      .select({ id: incidents.id })
      .from(incidents)
      .where(and(eq(incidents.boxId, boxId), eq(incidents.status, 'open')))
      .get() !== undefined
  );
}

export function closeIncident(db: Db, actor: Actor, id: number, resolution: string): Incident {
  mutate(db, actor, (tx) => {
    const before = tx.select().from(incidents).where(eq(incidents.id, id)).get();
    if (!before) throw new AppError('NOT_FOUND');
    if (before.status !== 'open') throw new AppError('INCIDENT_CLOSED');
    const after = tx
      .update(incidents)
      .set({ status: 'closed', closedAt: nowIso(), closedBy: actor.id, resolution })
      .where(eq(incidents.id, id))
      .returning()
      .get();
    const box = tx.select({ code: boxes.code }).from(boxes).where(eq(boxes.id, before.boxId)).get();
    return { result: null, audit: { action: 'incident-close', entity: 'incident', entityId: id, boxCode: box?.code ?? null, before, after } };
  });
  return getIncident(db, id);
}
