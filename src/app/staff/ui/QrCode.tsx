// A QR code as inline SVG (uqr draws it from our own text, so the markup is safe to insert). The
// picture gets a text alternative; the link itself is always printed next to it as well.
import { useMemo } from 'react';
import { renderSVG } from 'uqr';

interface Props {
  value: string;
  label: string;
  className?: string;
}

export function QrCode({ value, label, className }: Props) {
  const svg = useMemo(() => renderSVG(value, { border: 2, ecc: 'M' }), [value]);
  return (
    <div
      className={`qr ${className ?? ''}`}
      role="img"
      aria-label={label}
      dangerouslySetInnerHTML={{ __html: svg }}
    />
  );
}
