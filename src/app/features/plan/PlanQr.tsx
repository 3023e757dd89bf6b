// The poster's QR code as inline SVG, drawn by uqr from the plan's own link (the staff app has its
// own QrCode, which a respondent feature may not import).
import { useMemo } from 'react';
import { renderSVG } from 'uqr';

export function PlanQr({ value, label }: { value: string; label: string }) {
  const svg = useMemo(() => renderSVG(value, { border: 2, ecc: 'M' }), [value]);
  return (
    <div
      className="plan-poster__code"
      role="img"
      aria-label={label}
      dangerouslySetInnerHTML={{ __html: svg }}
    />
  );
}
