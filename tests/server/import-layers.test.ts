// The server's layers, read from the import lines themselves: no module reaches itself through its
// imports (a cycle makes load order matter and hides which layer owns what), and db/, the lowest
// layer, imports nothing of the server outside db/ (the demo seeds live in demo/ for that reason).
import { readdirSync, readFileSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';

const ROOT = resolve(__dirname, '../..');
const SERVER = join(ROOT, 'src/server');

function sourceFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) return sourceFiles(path);
    return entry.name.endsWith('.ts') ? [path] : [];
  });
}

/** Relative imports of a file, type-only ones included (they tie the layers just the same). */
function importsOf(file: string, known: ReadonlySet<string>): string[] {
  const text = readFileSync(file, 'utf8');
  const specifiers = [...text.matchAll(/(?:from|import)\s+'(\.{1,2}\/[^']+)'/g)].map((m) => m[1]!);
  return specifiers
    .map((spec) => resolve(dirname(file), spec))
    .flatMap((base) => [`${base}.ts`, join(base, 'index.ts')].filter((path) => known.has(path)).slice(0, 1));
}

const files = sourceFiles(SERVER);
const known = new Set(files);
const graph = new Map(files.map((file) => [file, importsOf(file, known)]));
const name = (file: string) => relative(SERVER, file);

/** Every strongly connected group of more than one module (or a module importing itself). */
function cycles(): string[][] {
  const index = new Map<string, number>();
  const low = new Map<string, number>();
  const stack: string[] = [];
  const onStack = new Set<string>();
  const found: string[][] = [];
  let next = 0;
  const visit = (v: string) => {
    index.set(v, next);
    low.set(v, next++);
    stack.push(v);
    onStack.add(v);
    for (const w of graph.get(v) ?? []) {
      if (!index.has(w)) {
        visit(w);
        low.set(v, Math.min(low.get(v)!, low.get(w)!));
      } else if (onStack.has(w)) low.set(v, Math.min(low.get(v)!, index.get(w)!));
    }
    if (low.get(v) !== index.get(v)) return;
    const group: string[] = [];
    let w: string;
    do {
      w = stack.pop()!;
      onStack.delete(w);
      group.push(name(w));
    } while (w !== v);
    if (group.length > 1 || (graph.get(v) ?? []).includes(v)) found.push(group.sort());
  };
  for (const file of files) if (!index.has(file)) visit(file);
  return found;
}

/** The imports, as `from → to`, of the files under `folder` that `forbidden` says they must not make. */
function importsFrom(folder: string, forbidden: (dep: string) => boolean): string[] {
  return files
    .filter((file) => name(file).startsWith(folder))
    .flatMap((file) =>
      graph
        .get(file)!
        .map(name)
        .filter(forbidden)
        .map((dep) => `${name(file)} → ${dep}`),
    );
}

describe('server import layers', () => {
  it('reads the import graph (the test would prove nothing on an empty one)', () => {
    expect(graph.get(join(SERVER, 'ingest/store-batch.ts'))).toContain(
      join(SERVER, 'repositories/responses.ts'),
    );
    expect(importsFrom('repositories/', (dep) => dep.startsWith('db/'))).toContain(
      'repositories/units.ts → db/schema.ts',
    );
  });

  it('has no import cycles', () => {
    expect(cycles()).toEqual([]);
  });

  it('keeps db/ at the bottom: it imports nothing of the server outside db/', () => {
    expect(importsFrom('db/', (dep) => !dep.startsWith('db/'))).toEqual([]);
  });

  it('lets repositories import nothing from the ingest but its types', () => {
    expect(
      importsFrom('repositories/', (dep) => dep.startsWith('ingest/') && dep !== 'ingest/types.ts'),
    ).toEqual([]);
  });
});
