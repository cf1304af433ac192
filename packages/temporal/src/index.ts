import { Client, Connection } from '@temporalio/client';

export interface TemporalSettings {
  address: string;
  namespace: string;
}

export interface TemporalHandle {
  client: Client;
  connection: Connection;
  /** Readiness: the frontend answers. */
  check(): Promise<void>;
  close(): Promise<void>;
}

/** The one way to reach Temporal from a service: a lazy connection (a service starts even if Temporal is not up yet). */
export function createTemporal(settings: TemporalSettings): TemporalHandle {
  const connection = Connection.lazy({ address: settings.address });
  const client = new Client({ connection, namespace: settings.namespace });
  return {
    client,
    connection,
    async check() {
      await connection.workflowService.getSystemInfo({});
    },
    close: () => connection.close(),
  };
}

export { WorkflowExecutionAlreadyStartedError, WorkflowNotFoundError } from '@temporalio/client';
