// The influence map on a wide screen: three columns, drivers → mediators → outcomes, read left
// to right. Arrows between neighbouring columns are smooth curves; arrows from a driver straight
// to an outcome run straight through a gap between two mediators instead of behind a box.
import { FACTOR_INFLUENCES, FACTOR_STAGE, type FactorId } from '../../../shared/factors';
import {
  STAGES,
  assignPorts,
  centre,
  f,
  portKey,
  type Attachment,
  type Box,
  type MapLayout,
  type Point,
} from './map-geometry';

const COLUMN_X = [10, 355, 700];
const NODE_W = 240;
const NODE_H = 72;
const TOP = 56;
const PITCH = 116;

// Rows chosen so that the influences inside a column join neighbours (MK ← MOL → AUT ← RK).
const SLOTS: Record<FactorId, number> = {
  mestringsklima: 0,
  'mestringsorientert-ledelse': 1,
  autonomi: 2,
  rolleklarhet: 3,
  'prososial-motivasjon': 0,
  'indre-motivasjon': 1,
  mestringstro: 2,
  'relevant-kompetanseutvikling': 3,
  fleksibilitetsvilje: 1,
  'bruk-av-kompetanse': 2,
};

const column = (id: FactorId) => STAGES.indexOf(FACTOR_STAGE[id]);

export function wideLayout(): MapLayout {
  const nodes = Object.fromEntries(
    Object.entries(SLOTS).map(([id, slot]) => [
      id,
      { x: COLUMN_X[column(id as FactorId)]!, y: TOP + slot * PITCH, w: NODE_W, h: NODE_H } satisfies Box,
    ]),
  ) as Record<FactorId, Box>;

  // Gaps between mediator rows that carry driver → outcome arrows, shared out in lanes.
  const gapX = COLUMN_X[1]! + NODE_W / 2;
  const gapYs = [1, 2, 3].map((i) => TOP + i * PITCH - (PITCH - NODE_H) / 2);
  const waypoints = new Map<number, Point>();
  const lanes = new Map<number, number[]>();
  FACTOR_INFLUENCES.forEach(([from, to], edge) => {
    if (column(to) - column(from) !== 2) return;
    const mid = (centre(nodes[from]).y + centre(nodes[to]).y) / 2;
    const gap = gapYs.reduce(
      (best, y, i) => (Math.abs(y - mid) < Math.abs(gapYs[best]! - mid) ? i : best),
      0,
    );
    lanes.set(gap, [...(lanes.get(gap) ?? []), edge]);
  });
  for (const [gap, edges] of lanes) {
    edges.sort(
      (a, b) => centre(nodes[FACTOR_INFLUENCES[a]![0]]).y - centre(nodes[FACTOR_INFLUENCES[b]![0]]).y,
    );
    edges.forEach((edge, i) =>
      waypoints.set(edge, { x: gapX, y: gapYs[gap]! + (i - (edges.length - 1) / 2) * 9 }),
    );
  }

  const attachments: Attachment[] = [];
  FACTOR_INFLUENCES.forEach(([from, to], edge) => {
    const dc = column(to) - column(from);
    const via = waypoints.get(edge);
    const other = (id: FactorId) => via ?? centre(nodes[id]);
    if (dc === 0) {
      const down = SLOTS[to] > SLOTS[from];
      const adjacent = Math.abs(SLOTS[to] - SLOTS[from]) === 1;
      const fromSide = adjacent ? (down ? 'bottom' : 'top') : 'right';
      const toSide = adjacent ? (down ? 'top' : 'bottom') : 'right';
      attachments.push({
        edge,
        end: 'from',
        node: from,
        side: fromSide,
        order: adjacent ? 0 : centre(nodes[to]).y,
      });
      attachments.push({
        edge,
        end: 'to',
        node: to,
        side: toSide,
        order: adjacent ? 0 : centre(nodes[from]).y,
      });
    } else {
      const forward = dc > 0;
      attachments.push({
        edge,
        end: 'from',
        node: from,
        side: forward ? 'right' : 'left',
        order: other(to).y,
      });
      attachments.push({ edge, end: 'to', node: to, side: forward ? 'left' : 'right', order: other(from).y });
    }
  });
  const ports = assignPorts(nodes, attachments);

  const edges = FACTOR_INFLUENCES.map(([from, to], edge) => {
    const s = ports.get(portKey(edge, 'from'))!;
    const t = ports.get(portKey(edge, 'to'))!;
    const via = waypoints.get(edge);
    const dc = column(to) - column(from);
    let d: string;
    if (via) {
      // Curve into the gap, straight through it past both mediator boxes, curve out.
      const inX = COLUMN_X[1]! - 6;
      const outX = COLUMN_X[1]! + NODE_W + 6;
      const k1 = (inX - s.x) / 2;
      const k2 = (t.x - outX) / 2;
      d =
        `M${f(s.x)} ${f(s.y)}C${f(s.x + k1)} ${f(s.y)} ${f(inX - k1)} ${f(via.y)} ${f(inX)} ${f(via.y)}` +
        `L${f(outX)} ${f(via.y)}C${f(outX + k2)} ${f(via.y)} ${f(t.x - k2)} ${f(t.y)} ${f(t.x)} ${f(t.y)}`;
    } else if (dc === 0 && Math.abs(SLOTS[to] - SLOTS[from]) === 1) {
      d = `M${f(s.x)} ${f(s.y)}L${f(t.x)} ${f(t.y)}`;
    } else if (dc === 0) {
      // Wide enough to clear the box it passes, short of the next column.
      const bulge = 80;
      d = `M${f(s.x)} ${f(s.y)}C${f(s.x + bulge)} ${f(s.y)} ${f(t.x + bulge)} ${f(t.y)} ${f(t.x)} ${f(t.y)}`;
    } else {
      const k = (t.x - s.x) / 2;
      d = `M${f(s.x)} ${f(s.y)}C${f(s.x + k)} ${f(s.y)} ${f(t.x - k)} ${f(t.y)} ${f(t.x)} ${f(t.y)}`;
    }
    return { from, to, d };
  });

  return {
    width: 950,
    height: TOP + 4 * PITCH - (PITCH - NODE_H) + 14,
    fontSize: 20,
    nodes,
    stages: STAGES.map((stage, i) => ({
      stage,
      x: COLUMN_X[i]! + NODE_W / 2,
      y: 32,
      anchor: 'middle' as const,
    })),
    edges,
  };
}
