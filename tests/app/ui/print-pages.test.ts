import { describe, expect, it } from 'vitest';
import { cssString, pageBoxesCss, pageOfContent } from '../../../src/app/ui/print-pages';

describe('print page boxes', () => {
  it('quotes a header so no unit name can end the string or add a rule', () => {
    expect(cssString('Avd. "Nord"')).toBe('"Avd. \\"Nord\\""');
    expect(cssString('a\\b')).toBe('"a\\\\b"');
    expect(cssString('x"; } @page { @top-left { content: "y')).toBe(
      '"x\\"; } @page { @top-left { content: \\"y"',
    );
    expect(cssString('to\r\nlinjer\u0007')).toBe('"to linjer"');
  });

  it('turns "side {{page}} av {{pages}}" into counters around quoted words', () => {
    const format = ({ page, pages }: { page: string; pages: string }) => `side ${page} av ${pages}`;
    expect(pageOfContent(format)).toBe('"side " counter(page) " av " counter(pages)');
    expect(pageOfContent(({ page, pages }) => `${page}/${pages}`)).toBe('counter(page) "/" counter(pages)');
  });

  it('heads every page of a named page, and leaves a cover bare', () => {
    const css = pageBoxesCss('report', 'Solbakken · Runde 2026', 'counter(page)', { cover: true });
    expect(css).toContain('@page report { @top-left { content: "Solbakken · Runde 2026";');
    expect(css).toContain('@bottom-right { content: counter(page);');
    expect(css).toContain('@page report:first { @top-left { content: none; }');
    expect(pageBoxesCss(null, 'Kort', 'counter(page)')).not.toContain(':first');
  });
});
