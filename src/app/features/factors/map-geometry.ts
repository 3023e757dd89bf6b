// Shared geometry for the two influence-map layouts: boxes, where an arrow meets a box (ports
// spread along a side, so seven arrows into one factor stay seven arrows) and label wrapping.
import { FACTOR_IDS, type FactorId, type DriverStage } from '../../../shared/factors';

export interface Box {
  x: number;
  y: number;
  w: number;
  h: number;
}
export interface Point {
  x: number;
  y: number;
}
export type Side = 'left' | 'right' | 'top' | 'bottom';

export interface StageLabel {
  stage: DriverStage;
  x: number;
  y: number;
  anchor: 'start' | 'middle';
}

export interface MapEdge {
  from: FactorId;
  to: FactorId;
  d: string;
}

export interface MapLayout {
  width: number;
  height: number;
  fontSize: number;
  nodes: Record<FactorId, Box>;
  stages: StageLabel[];
  edges: MapEdge[];
}

export const STAGES: readonly DriverStage[] = ['driver', 'mediator', 'outcome'];

export function centre(box: Box): Point {
  return { x: box.x + box.w / 2, y: box.y + box.h / 2 };
}

export interface Attachment {
  edge: number;
  end: 'from' | 'to';
  node: FactorId;
  side: Side;
  /** Where the other end lies along this side's axis; sorts the ports so arrows do not cross. */
  order: number;
}

/**
 * Gives every edge end its own point on the side it attaches to, spread over the middle 70 %
 * of that side in the order of the other ends.
 */
export function assignPorts(nodes: Record<FactorId, Box>, attachments: Attachment[]): Map<string, Point> {
  const groups = new Map<string, Attachment[]>();
  for (const a of attachments) {
    const key = `${a.node}:${a.side}`;
    groups.set(key, [...(groups.get(key) ?? []), a]);
  }
  const ports = new Map<string, Point>();
  for (const group of groups.values()) {
    group.sort((a, b) => a.order - b.order);
    group.forEach((a, i) => {
      const box = nodes[a.node];
      const t = group.length === 1 ? 0.5 : 0.15 + (0.7 * i) / (group.length - 1);
      const horizontal = a.side === 'top' || a.side === 'bottom';
      const point = horizontal
        ? { x: box.x + box.w * t, y: a.side === 'top' ? box.y : box.y + box.h }
        : { x: a.side === 'left' ? box.x : box.x + box.w, y: box.y + box.h * t };
      ports.set(portKey(a.edge, a.end), point);
    });
  }
  return ports;
}

export function portKey(edge: number, end: 'from' | 'to'): string {
  return `${edge}:${end}`;
}

export function nodesInStage(stageOf: Record<FactorId, DriverStage>, stage: DriverStage): FactorId[] {
  return FACTOR_IDS.filter((id) => stageOf[id] === stage);
}

/** Greedy word wrap for SVG text, which does not wrap by itself. Hyphenated words may break after the hyphen. */
export function wrapLabel(text: string, maxChars: number): string[] {
  const words = text.split(/\s+/).flatMap((word) => (word.length > maxChars ? word.split(/(?<=-)/) : [word]));
  const lines: string[] = [];
  for (const word of words) {
    const last = lines[lines.length - 1];
    const joiner = last?.endsWith('-') ? '' : ' ';
    if (last !== undefined && last.length + joiner.length + word.length <= maxChars) {
      lines[lines.length - 1] = last + joiner + word;
    } else {
      lines.push(word);
    }
  }
  return lines;
}

export const f = (n: number) => Math.round(n * 10) / 10;
