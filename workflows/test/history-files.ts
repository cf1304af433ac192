import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { temporal } from '@temporalio/proto';

/** Where workflows/scripts/record-histories.ts writes and the replay test reads. */
export const HISTORIES_DIR = join(__dirname, 'histories');

export const historyFiles = (): string[] => readdirSync(HISTORIES_DIR).filter((f) => f.endsWith('.json')).sort();

/**
 * A recorded history as a protobuf History again. The files hold the message's toJSON() form, and
 * fromObject() is its inverse. (The SDK's historyFromJSON fails in this install: @temporalio/common and
 * @temporalio/proto each carry their own protobufjs 8 copy, and its `instanceof Type` check fails.)
 */
export function loadHistory(file: string): temporal.api.history.v1.History {
  return temporal.api.history.v1.History.fromObject(JSON.parse(readFileSync(join(HISTORIES_DIR, file), 'utf8')));
}
