/** One line of the suite's table. */
export interface Row {
  scenario: string;
  /** What was in flight when the faults hit (count and kind). */
  inFlight: string;
  completed: string;
  duplicates: number;
  /** Items not completed, client requests that got neither an answer nor a retryable error, and workflows that failed. */
  lost: number;
  /** Seconds from the end of the last fault until everything had completed. */
  recoverSeconds: number | null;
  faults: string;
  notes?: string[];
}

export const passed = (r: Row) => r.duplicates === 0 && r.lost === 0;

export function table(rows: Row[]): string {
  const head = ['scenario', 'in flight', 'completed', 'duplicates', 'lost', 'time to recover', 'faults injected'];
  const body = rows.map((r) => [r.scenario, r.inFlight, r.completed, String(r.duplicates), String(r.lost), r.recoverSeconds === null ? "n/a" : `${r.recoverSeconds.toFixed(1)} s`, r.faults]);
  const line = (cells: string[]) => `| ${cells.join(' | ')} |`;
  return [line(head), line(head.map(() => '---')), ...body.map(line)].join('\n');
}
