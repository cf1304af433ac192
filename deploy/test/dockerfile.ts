import { readFileSync } from 'node:fs';

export interface Instruction { op: string; args: string }
export interface Stage { name: string; from: string; instructions: Instruction[] }

/** Dockerfile instructions with line continuations joined and comments dropped. */
export function instructions(file: string): Instruction[] {
  return readFileSync(file, 'utf8')
    .replace(/\\\n/g, ' ')
    .split('\n')
    .map((l) => l.trim())
    .filter((l) => l && !l.startsWith('#'))
    .map((l) => {
      const [op, ...rest] = l.split(/\s+/);
      return { op: op!.toUpperCase(), args: rest.join(' ') };
    });
}

/** The named stages in order, each with the instructions after its FROM. */
export function stagesOf(ins: Instruction[]): Stage[] {
  const stages: Stage[] = [];
  for (const i of ins) {
    if (i.op === 'FROM') {
      const [from, name] = i.args.split(/\s+AS\s+/i);
      stages.push({ name: name ?? '', from: from!, instructions: [] });
    } else stages.at(-1)?.instructions.push(i);
  }
  return stages;
}

/** `${NAME}` build arguments replaced by the given values (as `docker build --build-arg` would). */
export const expand = (text: string, vars: Record<string, string>): string =>
  text.replace(/\$\{(\w+)\}/g, (whole, name: string) => vars[name] ?? whole);

export const dockerignore = (file: string): string[] =>
  readFileSync(file, 'utf8').split('\n').map((l) => l.trim()).filter((l) => l && !l.startsWith('#'));
