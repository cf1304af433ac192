import { writeFileSync } from 'node:fs';
import { cpus, loadavg } from 'node:os';

/** One figure of the table: a value, and the goal it must meet if the issue set one. */
export interface Row {
  scenario: string;
  figure: string;
  value: number;
  unit: string;
  goal?: { op: '>=' | '<='; value: number };
  note?: string;
}

export const meets = (r: Row) => !r.goal || (r.goal.op === '>=' ? r.value >= r.goal.value : r.value <= r.goal.value);

const fmt = (v: number) => (Math.abs(v) >= 100 ? v.toFixed(0) : Math.abs(v) >= 10 ? v.toFixed(1) : v.toFixed(2));

export function formatTable(rows: Row[]): string {
  const lines = [
    '| scenario | figure | value | goal | |',
    '|---|---|---:|---|---|',
    ...rows.map((r) =>
      `| ${r.scenario} | ${r.figure}${r.note ? ` (${r.note})` : ''} | ${fmt(r.value)} ${r.unit} | ${r.goal ? `${r.goal.op} ${r.goal.value} ${r.unit}` : ''} | ${r.goal ? (meets(r) ? 'ok' : 'MISSED') : ''} |`,
    ),
  ];
  return lines.join('\n');
}

/** The machine's state next to the numbers: they are only comparable under similar load. */
export const machine = () => ({ cpus: cpus().length, model: cpus()[0]?.model, loadavg: loadavg().map((l) => Number(l.toFixed(2))), node: process.version });

export function writeResults(path: string, startedAt: Date, rows: Row[], extra: Record<string, unknown>) {
  writeFileSync(path, `${JSON.stringify({ startedAt: startedAt.toISOString(), finishedAt: new Date().toISOString(), ...extra, rows: rows.map((r) => ({ ...r, met: r.goal ? meets(r) : undefined })) }, null, 2)}\n`);
}
