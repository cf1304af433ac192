import autocannon from 'autocannon';

export interface Measurement {
  label: string;
  requestsPerSecond: number;
  latencyP50Ms: number;
  latencyP99Ms: number;
  requests: number;
  errors: number;
  non2xx: number;
}

export interface Load {
  /** Seconds of load: every run is bounded in time. */
  durationSeconds: number;
  connections: number;
}

/** Drives one URL with autocannon for a fixed time (loopback only) and keeps the numbers that matter. */
export async function measure(label: string, url: string, headers: Record<string, string>, load: Load): Promise<Measurement> {
  const host = new URL(url).hostname;
  if (host !== '127.0.0.1' && host !== 'localhost' && host !== '[::1]') throw new Error(`refusing to load ${host}: loopback only`);
  const r = await autocannon({ url, headers, connections: load.connections, duration: load.durationSeconds, pipelining: 1 });
  return {
    label,
    requestsPerSecond: r.requests.average,
    latencyP50Ms: r.latency.p50,
    latencyP99Ms: r.latency.p99,
    requests: r.requests.total,
    errors: r.errors + r.timeouts,
    non2xx: r.non2xx,
  };
}
