import { Client, Connection } from '@temporalio/client';
import { requestIdClientInterceptor } from './request-id-interceptor';

export interface TemporalSettings {
  address: string;
  namespace: string;
}

export interface TemporalHandle {
  client: Client;
  connection: Connection;
  /** Readiness: the frontend answers. */
  check: () => Promise<void>;
  close: () => Promise<void>;
}

/** The one way to reach Temporal from a service: a lazy connection (a service starts even if Temporal is not up yet). */
export function createTemporal(settings: TemporalSettings): TemporalHandle {
  const connection = Connection.lazy({ address: settings.address });
  // Every start, signal and update carries the calling request's id (header and memo).
  const client = new Client({ connection, namespace: settings.namespace, interceptors: { workflow: [requestIdClientInterceptor] } });
  return {
    client,
    connection,
    async check() {
      // A deadline ends the call and the client's retries before readiness gives up (2 s), so no retry
      // outlives the check (a retry after close() throws outside any caller).
      await connection.withDeadline(Date.now() + 1500, () => connection.workflowService.getSystemInfo({}));
    },
    close: () => connection.close(),
  };
}

export { requestIdClientInterceptor } from './request-id-interceptor';
export { WorkflowExecutionAlreadyStartedError, WorkflowNotFoundError } from '@temporalio/client';
export { runUpdate, updateError, type EndedProcess } from './update-errors';
