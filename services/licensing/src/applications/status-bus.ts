import { EventEmitter } from 'node:events';

export interface StatusChange {
  applicationNumber: string;
  status: string;
  at: string;
  type: string;
}

/** In-process fan-out of status changes to Server-Sent Events streams (one licensing replica per stream). */
export function createStatusBus() {
  const emitter = new EventEmitter();
  emitter.setMaxListeners(0);
  return {
    publish: (change: StatusChange) => void emitter.emit(change.applicationNumber, change),
    subscribe(applicationNumber: string, listener: (c: StatusChange) => void) {
      emitter.on(applicationNumber, listener);
      return () => void emitter.off(applicationNumber, listener);
    },
  };
}
export type StatusBus = ReturnType<typeof createStatusBus>;
