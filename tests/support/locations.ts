import type { TestApp } from './app';

/** A cabinet of the tests: 12 shelves of 12 positions, enough for any place a test names. */
const SIZE = 12;

/**
 * The id of position `position` on shelf `shelf` of `cabinet` in `room`, made through the
 * custodian's own calls (room, then a whole cabinet) the first time a test names it. Its path reads
 * room › cabinet › 第{shelf}层 › 0{position}.
 */
export async function positionAt(app: TestApp, room: string, cabinet: string, shelf: number, position: number): Promise<number> {
  const custodian = await app.as('custodian');
  const find = async () => (await app.ok('location-tree', {}, custodian)).nodes;
  let nodes = await find();
  let roomNode = nodes.find((n) => n.kind === 'room' && n.name === room);
  if (!roomNode) roomNode = await app.ok('location-room-create', { name: room }, custodian);
  let cabinetNode = nodes.find((n) => n.kind === 'cabinet' && n.parentId === roomNode.id && n.name === cabinet);
  if (!cabinetNode) {
    await app.ok('location-cabinets-create', { roomId: roomNode.id, first: cabinet, count: 1, shelves: SIZE, positions: SIZE }, custodian);
    nodes = await find();
    cabinetNode = nodes.find((n) => n.kind === 'cabinet' && n.parentId === roomNode.id && n.name === cabinet)!;
  }
  const shelfNode = nodes.filter((n) => n.parentId === cabinetNode.id).find((n) => n.seq === shelf);
  const positionNode = nodes.filter((n) => n.parentId === shelfNode?.id).find((n) => n.seq === position);
  if (!positionNode) throw new Error(`no position ${shelf}/${position} in ${room} ${cabinet}`);
  return positionNode.id;
}

/** The places the test box register (tests/fixtures/office-sheets.py) names, set up as the custodian would before importing it. */
export async function setUpRegisterPlaces(app: TestApp): Promise<void> {
  for (const [room, cabinet, shelf, position] of [
    ['一号档案室', 'C03', 2, 5],
    ['一号档案室', 'C04', 1, 2],
    ['二号库房', 'C01', 3, 1],
  ] as const)
    await positionAt(app, room, cabinet, shelf, position);
}
