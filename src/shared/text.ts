// Which text a client may send. Control characters that no person types (everything below U+0020
// except tab, line feed and carriage return, and U+007F) and lone UTF-16 surrogates are refused
// wherever a string arrives: PostgreSQL refuses U+0000 outright (a 500 if it got that far), and a
// lone surrogate would be stored as U+FFFD on both databases, so the two would disagree with what
// was sent. Tabs and line breaks stay: an open answer may have paragraphs, a CSV has lines.

// eslint-disable-next-line no-control-regex -- the control characters are the point
const UNTYPED_CONTROL = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F]/;
const LONE_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;
// eslint-disable-next-line no-control-regex -- the control characters are the point
const UNTYPED_CONTROL_ALL = /[\u0000-\u0008\u000E-\u001F\u007F]/g;
// eslint-disable-next-line no-control-regex -- vertical tab and form feed: manual line and page breaks
const BREAK_CONTROL = /[\u000B\u000C]/g;
const LONE_SURROGATE_ALL = new RegExp(LONE_SURROGATE.source, 'g');

/** False for text with a control character no person types, or with a lone surrogate. */
export function isStorableText(text: string): boolean {
  return !UNTYPED_CONTROL.test(text) && !LONE_SURROGATE.test(text);
}

/**
 * The text a person meant, made storable: the vertical tab and form feed that word processors use
 * for a manual line or page break become a line break, other untyped control characters and lone
 * surrogates go. The device applies it to what a person typed or pasted before sending, so a pasted
 * character can never get a whole answer refused.
 */
export function toStorableText(text: string): string {
  return text.replace(BREAK_CONTROL, '\n').replace(UNTYPED_CONTROL_ALL, '').replace(LONE_SURROGATE_ALL, '');
}

/**
 * Where a string or object key that is not storable text lies in a parsed JSON value (one of them):
 * "" for the value itself, else a path like "/responses/0/openText"; undefined when all is well.
 * Walks with a stack of its own, so a deeply nested body cannot overflow the call stack.
 */
export function findUnstorableText(value: unknown): string | undefined {
  const stack: [unknown, string][] = [[value, '']];
  for (let next = stack.pop(); next !== undefined; next = stack.pop()) {
    const [current, path] = next;
    if (typeof current === 'string') {
      if (!isStorableText(current)) return path;
    } else if (Array.isArray(current)) {
      current.forEach((item, index) => stack.push([item, `${path}/${index}`]));
    } else if (typeof current === 'object' && current !== null) {
      for (const [key, item] of Object.entries(current)) {
        if (!isStorableText(key)) return path;
        stack.push([item, `${path}/${key}`]);
      }
    }
  }
  return undefined;
}
