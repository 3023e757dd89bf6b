// One box on the influence map: an SVG link to the factor's card, named for screen readers
// with its stage (and "this factor" for the card being read), with its own focus ring.
import { Link } from 'react-router';
import { useTranslation } from 'react-i18next';
import { FACTOR_STAGE, type FactorId } from '../../../shared/factors';
import { wrapLabel, type Box } from './map-geometry';
import { FACTOR_PATHS } from '../../ui/factor-paths';

interface Props {
  id: FactorId;
  box: Box;
  fontSize: number;
  isCurrent: boolean;
  isLinked: boolean;
  onPoint: (id: FactorId | undefined) => void;
}

// Average glyph width of a system sans-serif, as a share of the font size, for wrapping.
const GLYPH = 0.56;
const PADDING = 10;

export function MapNode({ id, box, fontSize, isCurrent, isLinked, onPoint }: Props) {
  const { t } = useTranslation('cards');
  const { t: tf } = useTranslation('factors');
  const name = tf(`factor.${id}.name`);
  const stage = tf(`stage.${FACTOR_STAGE[id]}`);
  const lines = wrapLabel(name, Math.floor((box.w - 2 * PADDING) / (fontSize * GLYPH)));
  const lineHeight = fontSize * 1.15;
  const firstBaseline = box.y + box.h / 2 - ((lines.length - 1) * lineHeight) / 2 + fontSize * 0.35;
  const state = isCurrent ? ' map-node--current' : isLinked ? ' map-node--linked' : '';

  return (
    <Link
      to={FACTOR_PATHS.card(id)}
      className={`map-node${state}`}
      aria-label={t(isCurrent ? 'map.nodeCurrent' : 'map.node', { name, stage })}
      aria-current={isCurrent ? 'page' : undefined}
      data-node={id}
      onMouseEnter={() => onPoint(id)}
      onMouseLeave={() => onPoint(undefined)}
      onFocus={() => onPoint(id)}
      onBlur={() => onPoint(undefined)}
    >
      <rect
        className="map-node__focus"
        x={box.x - 5}
        y={box.y - 5}
        width={box.w + 10}
        height={box.h + 10}
        rx={14}
      />
      <rect className="map-node__box" x={box.x} y={box.y} width={box.w} height={box.h} rx={10} />
      <text
        className="map-node__label"
        x={box.x + box.w / 2}
        y={firstBaseline}
        textAnchor="middle"
        aria-hidden="true"
      >
        {lines.map((line, i) => (
          <tspan key={line} x={box.x + box.w / 2} dy={i === 0 ? 0 : lineHeight}>
            {/* The space keeps the words apart in the text that tools read back (axe compares it
                with the link's name); at the end of a line it does not show. */}
            {i < lines.length - 1 && !line.endsWith('-') ? `${line} ` : line}
          </tspan>
        ))}
      </text>
    </Link>
  );
}
