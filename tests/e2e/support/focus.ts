// What axe cannot see: the focus indicator. Tabs through a screen the way a keyboard user does and,
// for every control reached, measures the indicator the browser draws (an outline on the control
// or on the nearest ancestor that draws one for it, or the stroke of an SVG node's focus ring)
// against the colour behind it (WCAG 2.1 1.4.11: at least 3:1). A white halo inside the ring
// counts when the ring itself sits on a dark surface. Also records the order focus went in.
import type { Page } from 'playwright-core';

export interface FocusStop {
  /** Tag, role or name of the focused control, for messages. */
  what: string;
  /** Contrast of the indicator against what lies behind it; 0 when no indicator was drawn. */
  contrast: number;
  /** Colours measured, for messages. */
  colours: string;
}

/** Presses Tab up to `maxStops` times (stopping when focus comes round again) and measures each stop. */
export async function tabThrough(page: Page, maxStops = 40): Promise<FocusStop[]> {
  const stops: FocusStop[] = [];
  const seen = new Set<string>();
  // Start from the top of the page: focus the body itself, so the next Tab goes to the first control
  // (after a mere blur Chromium would go on from where focus was).
  await page.evaluate(() => {
    document.body.tabIndex = -1;
    document.body.focus();
    document.body.removeAttribute('tabindex');
  });
  for (let i = 0; i < maxStops; i++) {
    await page.keyboard.press('Tab');
    const stop = await page.evaluate(measureFocus);
    if (stop === null) continue;
    if (seen.has(stop.key)) break;
    seen.add(stop.key);
    stops.push({ what: stop.what, contrast: stop.contrast, colours: stop.colours });
  }
  return stops;
}

/** Runs in the page. Kept free of closures: Playwright serialises it. */
function measureFocus(): { key: string; what: string; contrast: number; colours: string } | null {
  const el = document.activeElement;
  if (!el || el === document.body || el === document.documentElement) return null;

  const parse = (c: string): [number, number, number, number] | null => {
    const m = /rgba?\(([^)]+)\)/.exec(c);
    if (!m) return null;
    const parts = m[1]!
      .split(/[ ,/]+/)
      .filter(Boolean)
      .map(Number);
    return [parts[0]!, parts[1]!, parts[2]!, parts[3] ?? 1];
  };
  const luminance = ([r, g, b]: [number, number, number, number]) => {
    const ch = (v: number) => {
      const s = v / 255;
      return s <= 0.03928 ? s / 12.92 : ((s + 0.055) / 1.055) ** 2.4;
    };
    return 0.2126 * ch(r) + 0.7152 * ch(g) + 0.0722 * ch(b);
  };
  const ratio = (a: [number, number, number, number], b: [number, number, number, number]) => {
    const [hi, lo] = [luminance(a), luminance(b)].sort((x, y) => y - x) as [number, number];
    return (hi + 0.05) / (lo + 0.05);
  };
  /** The first opaque background at or above `from` (the page is white when none is set). */
  const backgroundOf = (from: Element | null): [number, number, number, number] => {
    for (let node = from; node; node = node.parentElement) {
      const c = parse(getComputedStyle(node).backgroundColor);
      if (c && c[3] > 0.5) return c;
    }
    return [255, 255, 255, 1];
  };

  const label =
    el.getAttribute('aria-label') ??
    (el as HTMLElement).innerText?.trim().slice(0, 40) ??
    el.getAttribute('name') ??
    '';
  const what = `${el.tagName.toLowerCase()}${el.getAttribute('type') ? `[${el.getAttribute('type')}]` : ''} "${label}"`;
  const key = `${what}#${Array.from(document.querySelectorAll('*')).indexOf(el)}`;

  // An SVG node draws its ring as the stroke of a child shape.
  const svgRing = el.querySelector('[class$="__focus"]');
  if (svgRing) {
    const stroke = parse(getComputedStyle(svgRing).stroke);
    const behind = backgroundOf(el.closest('svg')?.parentElement ?? null);
    if (!stroke || stroke[3] < 0.5) return { key, what, contrast: 0, colours: 'no stroke' };
    return {
      key,
      what,
      contrast: ratio(stroke, behind),
      colours: `stroke ${String(stroke)} on ${String(behind)}`,
    };
  }

  // The outline on the control, or on the ancestor that draws it (a label around a radio, a tile).
  let indicator: Element | null = el;
  for (let depth = 0; indicator && depth < 4; depth++, indicator = indicator.parentElement) {
    const style = getComputedStyle(indicator);
    if (style.outlineStyle !== 'none' && parseFloat(style.outlineWidth) >= 2) break;
  }
  if (!indicator) return { key, what, contrast: 0, colours: 'no outline' };
  const style = getComputedStyle(indicator);
  const ring = parse(style.outlineColor);
  if (!ring || ring[3] < 0.5) return { key, what, contrast: 0, colours: 'transparent outline' };
  // The ring sits outside the box (outline-offset ≥ 0), so what lies behind it is the parent's.
  const behind = backgroundOf(indicator.parentElement);
  let contrast = ratio(ring, behind);
  const halo = /rgb\(255, 255, 255\)/.test(style.boxShadow);
  if (contrast < 3 && halo) {
    const white: [number, number, number, number] = [255, 255, 255, 1];
    contrast = Math.min(ratio(white, behind), ratio(ring, white));
  }
  return {
    key,
    what,
    contrast,
    colours: `outline ${String(ring)} on ${String(behind)}${halo ? ' + halo' : ''}`,
  };
}

/** The stops whose indicator is under 3:1, as readable lines. */
export function weakStops(stops: readonly FocusStop[]): string[] {
  return stops
    .filter((s) => s.contrast < 3)
    .map((s) => `${s.what}: ${s.contrast.toFixed(2)}:1 (${s.colours})`);
}
