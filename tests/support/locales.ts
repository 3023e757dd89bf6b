// Helpers for the locale tests: flattened keys, {{placeholders}}, whole-word matching.
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';

export const LOCALES_DIR = join(import.meta.dirname, '..', '..', 'locales');

export function flatten(value: unknown, prefix = '', out = new Map<string, string>()): Map<string, string> {
  for (const [key, child] of Object.entries(value as Record<string, unknown>)) {
    const path = prefix ? `${prefix}.${key}` : key;
    if (typeof child === 'string') out.set(path, child);
    else if (typeof child === 'object' && child !== null && !Array.isArray(child)) flatten(child, path, out);
    else throw new Error(`${path} must be a string or an object`);
  }
  return out;
}

export const placeholders = (text: string) => [...text.matchAll(/\{\{(\w+)\}\}/g)].map((m) => m[1]).sort();

/** A case-insensitive whole-word pattern that treats æøå as letters. */
export const whole = (word: string) => new RegExp(`(?<![\\p{L}])${word}(?![\\p{L}])`, 'iu');

/** The namespaces nb (the source language) has: one JSON file each. */
export function namespaces(): string[] {
  return readdirSync(join(LOCALES_DIR, 'nb'))
    .filter((f) => f.endsWith('.json'))
    .map((f) => f.replace(/\.json$/, ''));
}

export function readFlat(lng: string, namespace: string): Map<string, string> {
  return flatten(JSON.parse(readFileSync(join(LOCALES_DIR, lng, `${namespace}.json`), 'utf8')));
}
