// The influence map: an SVG of the ten factors in the driver model's three columns with one
// arrow per entry in FACTOR_INFLUENCES (data-edge="from>to"). Each box is a link. The factor
// being read, or the one under the pointer or keyboard focus, lights up with its arrows.
// Columns side by side from 700 px; stacked top to bottom on a phone so names stay readable.
import { useId, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { FACTOR_IDS, type FactorId } from '../../../shared/factors';
import { edgeKey } from './factor-graph';
import { narrowLayout } from './map-layout-narrow';
import { wideLayout } from './map-layout-wide';
import { MapNode } from './MapNode';
import { useMediaQuery } from './useMediaQuery';

export const WIDE_MAP_QUERY = '(min-width: 700px)';

export function InfluenceMap({ current }: { current?: FactorId }) {
  const { t } = useTranslation('cards');
  const { t: tf } = useTranslation('factors');
  const isWide = useMediaQuery(WIDE_MAP_QUERY);
  const layout = useMemo(() => (isWide ? wideLayout() : narrowLayout()), [isWide]);
  const [pointed, setPointed] = useState<FactorId | undefined>();
  const active = pointed ?? current;
  // url(#…) references must survive any characters React puts in its ids.
  const markerId = `map${useId().replace(/[^a-zA-Z0-9_-]/g, '')}`;
  const linked = new Set(
    layout.edges.flatMap((e) => (e.from === active ? [e.to] : e.to === active ? [e.from] : [])),
  );
  const isActiveEdge = (from: FactorId, to: FactorId) => from === active || to === active;
  // Tab follows the picture: column by column, top to bottom.
  const order = [...FACTOR_IDS].sort(
    (a, b) => layout.nodes[a].x - layout.nodes[b].x || layout.nodes[a].y - layout.nodes[b].y,
  );
  // Drawn last so the lit arrows lie on top of the others.
  const edges = [...layout.edges].sort(
    (a, b) => Number(isActiveEdge(a.from, a.to)) - Number(isActiveEdge(b.from, b.to)),
  );

  return (
    <figure className={`influence-map influence-map--${isWide ? 'wide' : 'narrow'}`}>
      <svg
        viewBox={`0 0 ${layout.width} ${layout.height}`}
        role="group"
        aria-label={t('map.svgLabel')}
        style={{ fontSize: layout.fontSize }}
      >
        <defs>
          {(['plain', 'dim', 'active'] as const).map((kind) => (
            <marker
              key={kind}
              id={`${markerId}-${kind}`}
              viewBox="0 0 10 10"
              refX="9"
              refY="5"
              markerWidth={kind === 'active' ? 5 : 7}
              markerHeight={kind === 'active' ? 5 : 7}
              orient="auto-start-reverse"
            >
              <path d="M0 0L10 5L0 10z" className={`map-arrowhead map-arrowhead--${kind}`} />
            </marker>
          ))}
        </defs>
        <g aria-hidden="true">
          {layout.stages.map((s) => (
            <text key={s.stage} x={s.x} y={s.y} textAnchor={s.anchor} className="map-stage">
              {tf(`stage.${s.stage}`)}
            </text>
          ))}
          {edges.map(({ from, to, d }) => {
            const isActive = isActiveEdge(from, to);
            const kind = active === undefined ? 'plain' : isActive ? 'active' : 'dim';
            return (
              <path
                key={edgeKey(from, to)}
                data-edge={edgeKey(from, to)}
                d={d}
                className={`map-edge map-edge--${kind}`}
                markerEnd={`url(#${markerId}-${kind})`}
              />
            );
          })}
        </g>
        {order.map((id) => (
          <MapNode
            key={id}
            id={id}
            box={layout.nodes[id]}
            fontSize={layout.fontSize}
            isCurrent={id === current}
            isLinked={linked.has(id)}
            onPoint={setPointed}
          />
        ))}
      </svg>
    </figure>
  );
}
