// The running header and "side 3 av 8" on every printed page after the first. Chromium draws page
// margin boxes (@top-left, @bottom-right with counter(page) and counter(pages)); their text depends
// on the report and the language, so the rule is built here and handed to the document as a
// constructed stylesheet (the CSP forbids inline <style>, not the CSS object model). Printing only:
// the screen never shows these boxes.
import { useEffect } from 'react';

/** A CSS string literal: quotes, backslashes and line breaks escaped, control characters dropped. */
export function cssString(text: string): string {
  const escaped = text
    .replace(/\\/g, '\\\\')
    .replace(/"/g, '\\"')
    .replace(/[\r\n]+/g, ' ')
    // eslint-disable-next-line no-control-regex
    .replace(/[\u0000-\u001f\u007f]/g, '');
  return `"${escaped}"`;
}

const PAGE = '\u{E000}page\u{E000}';
const PAGES = '\u{E000}pages\u{E000}';

/**
 * The CSS `content` of the page-number box from a translated text with `{{page}}` and `{{pages}}`:
 * pass `format` a function that fills both in (i18next's t with the two markers below).
 */
export function pageOfContent(format: (markers: { page: string; pages: string }) => string): string {
  const text = format({ page: PAGE, pages: PAGES });
  return text
    .split(/(\u{E000}page\u{E000}|\u{E000}pages\u{E000})/u)
    .filter((part) => part !== '')
    .map((part) => (part === PAGE ? 'counter(page)' : part === PAGES ? 'counter(pages)' : cssString(part)))
    .join(' ');
}

/**
 * The @page rules: the header top left and the page number bottom right; with `cover`, none on the
 * first page. `pageName` is the named page of the printout's CSS (null: every page).
 */
export function pageBoxesCss(
  pageName: string | null,
  header: string,
  pageOf: string,
  { cover = false }: { cover?: boolean } = {},
): string {
  const page = pageName ? `@page ${pageName}` : '@page';
  const box = 'font: 9pt system-ui, sans-serif; color: #000;';
  const rules = [
    `${page} { @top-left { content: ${cssString(header)}; ${box} } @bottom-right { content: ${pageOf}; ${box} } }`,
  ];
  if (cover) rules.push(`${page}:first { @top-left { content: none; } @bottom-right { content: none; } }`);
  return rules.join('\n');
}

/** Adds the rules to the document while the screen is shown; removes them when it goes. */
export function usePrintPageBoxes(css: string | null): void {
  useEffect(() => {
    // Browsers without constructed stylesheets (and jsdom) print without the boxes.
    if (css === null || !Array.isArray(document.adoptedStyleSheets) || typeof CSSStyleSheet === 'undefined')
      return;
    const sheet = new CSSStyleSheet();
    sheet.replaceSync(css);
    document.adoptedStyleSheets = [...document.adoptedStyleSheets, sheet];
    return () => {
      document.adoptedStyleSheets = document.adoptedStyleSheets.filter((s) => s !== sheet);
    };
  }, [css]);
}
