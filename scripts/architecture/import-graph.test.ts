import { describe, expect, it } from '@jest/globals';
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { LAYERS, layerOf } from './layers';

const root = join(__dirname, '..', '..');
const rootPackage = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8')) as { workspaces: string[] };

interface Workspace {
  name: string;
  dir: string;
  deps: string[];
}

const workspaces: Workspace[] = rootPackage.workspaces.flatMap((pattern) => {
  const dirs = pattern.endsWith('/*')
    ? readdirSync(join(root, pattern.slice(0, -2))).map((d) => join(root, pattern.slice(0, -2), d))
    : [join(root, pattern)];
  return dirs.filter((d) => existsSync(join(d, 'package.json'))).map((dir) => {
    const pkg = JSON.parse(readFileSync(join(dir, 'package.json'), 'utf8')) as { name: string; dependencies?: object; devDependencies?: object };
    return { name: pkg.name, dir, deps: Object.keys({ ...pkg.dependencies, ...pkg.devDependencies }).filter((d) => d.startsWith('@elar/')) };
  });
});

const SKIP = new Set(['node_modules', 'generated', 'dist', '.data', '.tools']);
function sourceFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((entry) => {
    if (SKIP.has(entry)) return [];
    const path = join(dir, entry);
    if (statSync(path).isDirectory()) return sourceFiles(path);
    return /\.tsx?$/.test(entry) && !entry.endsWith('.d.ts') ? [path] : [];
  });
}

/** Every module specifier a file names: static imports and exports (type-only included), dynamic imports, requires. */
const specifiers = (text: string): string[] =>
  [...text.matchAll(/(?:from\s+|import\s*\(\s*|require(?:\.resolve)?\(\s*|^import\s+)['"]([^'"]+)['"]/gm)].map((m) => m[1]!);

function resolveRelative(from: string, spec: string): string | undefined {
  const base = resolve(dirname(from), spec);
  for (const candidate of [base, `${base}.ts`, `${base}.tsx`, join(base, 'index.ts')]) {
    if (existsSync(candidate) && statSync(candidate).isFile()) return candidate;
  }
  return undefined;
}

/** The cycles of a directed graph (one per strongly connected component larger than one file, or a self-import). */
function cycles(graph: Map<string, string[]>): string[][] {
  let index = 0;
  const indices = new Map<string, number>();
  const low = new Map<string, number>();
  const stack: string[] = [];
  const onStack = new Set<string>();
  const found: string[][] = [];
  const visit = (v: string) => {
    indices.set(v, index);
    low.set(v, index++);
    stack.push(v);
    onStack.add(v);
    for (const w of graph.get(v) ?? []) {
      if (!indices.has(w)) {
        visit(w);
        low.set(v, Math.min(low.get(v)!, low.get(w)!));
      } else if (onStack.has(w)) low.set(v, Math.min(low.get(v)!, indices.get(w)!));
    }
    if (low.get(v) === indices.get(v)) {
      const component: string[] = [];
      let w: string;
      do {
        w = stack.pop()!;
        onStack.delete(w);
        component.push(w);
      } while (w !== v);
      if (component.length > 1 || graph.get(v)?.includes(v)) found.push(component);
    }
  };
  for (const v of graph.keys()) if (!indices.has(v)) visit(v);
  return found;
}

describe('the import graph', () => {
  it('places every workspace package in exactly one layer', () => {
    for (const w of workspaces) expect({ name: w.name, layers: LAYERS.filter((l) => l.includes(w.name)).length }).toEqual({ name: w.name, layers: 1 });
  });

  it('has no package depending on a package of its own or a higher layer (package.json and imports)', () => {
    const wrong: string[] = [];
    for (const w of workspaces) {
      const used = new Set(w.deps);
      for (const file of sourceFiles(w.dir)) {
        for (const spec of specifiers(readFileSync(file, 'utf8'))) {
          const name = /^(@elar\/[^/]+)/.exec(spec)?.[1];
          if (name) used.add(name);
        }
      }
      for (const dep of used) {
        if (dep === w.name || dep === '@elar/tsconfig' || dep === '@elar/jest-preset') continue;
        if (layerOf(dep) < 0 || layerOf(dep) >= layerOf(w.name)) wrong.push(`${w.name} (layer ${layerOf(w.name)}) -> ${dep} (layer ${layerOf(dep)})`);
      }
    }
    expect(wrong).toEqual([]);
  });

  it('has no import cycle between files, type-only imports included', () => {
    const graph = new Map<string, string[]>();
    for (const w of workspaces) {
      for (const file of sourceFiles(w.dir)) {
        const targets = specifiers(readFileSync(file, 'utf8'))
          .filter((s) => s.startsWith('.'))
          .map((s) => resolveRelative(file, s))
          .filter((t): t is string => t !== undefined);
        graph.set(file, targets);
      }
    }
    expect(graph.size).toBeGreaterThan(100);
    expect(cycles(graph).map((c) => c.map((f) => relative(root, f)).sort())).toEqual([]);
  });

  it('finds a cycle and an arrow back up when there is one (the checks can fail)', () => {
    expect(cycles(new Map([['a', ['b']], ['b', ['a']], ['c', []]]))).toEqual([['b', 'a']]);
    expect(layerOf('@elar/vocabulary')).toBeLessThan(layerOf('@elar/workflows'));
  });
});
