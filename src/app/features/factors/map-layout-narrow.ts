// The influence map on a phone: the three columns stacked top to bottom (drivers, then mediators,
// then outcomes), one wide box per factor so names stay large at 360 px. Arrows are arcs beside
// the boxes: downward influences on the right, the single upward one on the left.
import { FACTOR_INFLUENCES, type FactorId } from '../../../shared/factors';
import { STAGES, assignPorts, f, portKey, type Attachment, type Box, type MapLayout } from './map-geometry';

const NODE_X = 64;
const NODE_W = 232;
const NODE_H = 50;
const ROW_GAP = 10;
const HEADER = 26;
const BAND_GAP = 16;

// Order inside each band chosen so that every influence but one points downwards.
const ORDER: Record<(typeof STAGES)[number], FactorId[]> = {
  driver: ['mestringsorientert-ledelse', 'mestringsklima', 'rolleklarhet', 'autonomi'],
  mediator: ['prososial-motivasjon', 'relevant-kompetanseutvikling', 'mestringstro', 'indre-motivasjon'],
  outcome: ['fleksibilitetsvilje', 'bruk-av-kompetanse'],
};

export function narrowLayout(): MapLayout {
  const nodes = {} as Record<FactorId, Box>;
  const rank = {} as Record<FactorId, number>;
  const stages: MapLayout['stages'] = [];
  let y = 8;
  let r = 0;
  for (const stage of STAGES) {
    stages.push({ stage, x: NODE_X, y: y + 17, anchor: 'start' });
    y += HEADER;
    for (const id of ORDER[stage]) {
      nodes[id] = { x: NODE_X, y, w: NODE_W, h: NODE_H };
      rank[id] = r++;
      y += NODE_H + ROW_GAP;
    }
    y += BAND_GAP - ROW_GAP;
  }

  // On each side, arrows arriving sit above arrows leaving, and within each group the longer arc
  // takes the port nearer the middle, so arcs from one box nest instead of crossing.
  const attachments: Attachment[] = FACTOR_INFLUENCES.flatMap(([from, to], edge) => {
    const side = rank[to] > rank[from] ? 'right' : 'left';
    return [
      { edge, end: 'from' as const, node: from, side, order: 1 - rank[to] / 100 },
      { edge, end: 'to' as const, node: to, side, order: -1 - rank[from] / 100 },
    ];
  });
  const ports = assignPorts(nodes, attachments);

  const edges = FACTOR_INFLUENCES.map(([from, to], edge) => {
    const s = ports.get(portKey(edge, 'from'))!;
    const t = ports.get(portKey(edge, 'to'))!;
    const span = Math.abs(rank[to] - rank[from]);
    const bulge = (rank[to] > rank[from] ? 1 : -1) * (18 + 6 * span);
    return {
      from,
      to,
      d: `M${f(s.x)} ${f(s.y)}C${f(s.x + bulge)} ${f(s.y)} ${f(t.x + bulge)} ${f(t.y)} ${f(t.x)} ${f(t.y)}`,
    };
  });

  return { width: 360, height: y + 4, fontSize: 17, nodes, stages, edges };
}
