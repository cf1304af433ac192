import Ajv2020, { type ValidateFunction } from 'ajv/dist/2020';
import addFormats from 'ajv-formats';
import { buildOpenApiDocument } from '../../services/gateway/src/openapi';

/**
 * The contract check of every end-to-end call: each response the API client receives is checked
 * against the OpenAPI document the gateway serves (the status is documented for that method and
 * path, and a JSON body matches the documented schema). A call that breaks the contract fails the
 * test that made it, so the whole end-to-end suite is the contract test's set of requests.
 */
interface Operation {
  pattern: RegExp;
  params: number;
  path: string;
  method: string;
  responses: Record<string, { content?: Record<string, { schema?: object }> }>;
}

const doc = buildOpenApiDocument() as unknown as { paths: Record<string, Record<string, { responses: Operation['responses'] }>> };
const ajv = new Ajv2020({ strict: false, allErrors: true, validateFormats: true });
addFormats(ajv);

const operations: Operation[] = Object.entries(doc.paths)
  .flatMap(([path, methods]) =>
    Object.entries(methods).map(([method, op]) => ({
      path,
      method: method.toUpperCase(),
      params: (path.match(/\{/g) ?? []).length,
      pattern: new RegExp(`^${path.replace(/[.*+?^$()|[\]\\]/g, '\\$&').replace(/\\?\{\w+\\?\}/g, '[^/]+')}$`),
      responses: op.responses,
    })),
  )
  .sort((a, b) => a.params - b.params);

const validators = new Map<string, ValidateFunction>();
const validatorFor = (key: string, schema: object) => {
  let v = validators.get(key);
  if (!v) validators.set(key, (v = ajv.compile(schema)));
  return v;
};

/** Operations the end-to-end suite has called in this process (`METHOD /path`). */
export const calledOperations = new Set<string>();

/** A description of how the exchange breaks the document, or undefined when it conforms. */
export function contractViolation(method: string, url: string, status: number, contentType: string | undefined, body: unknown): string | undefined {
  const path = url.split('?')[0]!;
  const forPath = operations.filter((o) => o.pattern.test(path));
  if (!forPath.length) return undefined; // not a documented path (development routes, made-up paths)
  const m = method.toUpperCase() === 'HEAD' ? 'GET' : method.toUpperCase();
  const op = forPath.find((o) => o.method === m);
  if (!op) return status === 405 || (m === 'OPTIONS' && status === 204) ? undefined : `${method} ${path}: the document has no ${method} here, yet it answered ${status} (expected 405)`;
  calledOperations.add(`${op.method} ${op.path}`);
  const documented = op.responses[String(status)];
  if (!documented) return `${method} ${op.path} answered ${status}, which the document does not list (${Object.keys(op.responses).join(', ')})`;
  const schema = documented.content?.['application/json']?.schema;
  if (!schema || !contentType?.includes('application/json')) return undefined;
  const validate = validatorFor(`${op.method} ${op.path} ${status}`, schema);
  if (validate(body)) return undefined;
  return `${method} ${op.path} ${status}: the body does not match the documented schema: ${ajv.errorsText(validate.errors, { dataVar: 'body' })}`;
}
