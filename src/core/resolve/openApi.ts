/** What the route readers take from an OpenAPI (or Swagger 2) document, parsed to plain values. */

const HTTP_OPERATIONS = ['get', 'put', 'post', 'delete', 'options', 'head', 'patch', 'trace'];

/** An operation that names its handler: under `paths`, a path item's HTTP method with an `operationId`. */
export interface OpenApiOperation {
  /** Upper case: `GET`. */
  method: string;
  path: string;
  operationId: string;
  pathItem: Record<string, unknown>;
  operation: Record<string, unknown>;
}

export function objectAt(value: unknown, key: string): Record<string, unknown> | undefined {
  const found = value !== null && typeof value === 'object' && !Array.isArray(value) ? (value as Record<string, unknown>)[key] : undefined;
  return found !== null && typeof found === 'object' && !Array.isArray(found) ? (found as Record<string, unknown>) : undefined;
}

/** The document's operations that have an `operationId`. */
export function operationsOf(document: unknown): OpenApiOperation[] {
  const paths = objectAt(document, 'paths');
  const operations: OpenApiOperation[] = [];
  for (const path of Object.keys(paths ?? {})) {
    const pathItem = objectAt(paths, path);
    if (!pathItem) continue;
    for (const method of HTTP_OPERATIONS) {
      const operation = objectAt(pathItem, method);
      const operationId = operation?.['operationId'];
      if (operation && typeof operationId === 'string' && operationId) operations.push({ method: method.toUpperCase(), path, operationId, pathItem, operation });
    }
  }
  return operations;
}

/** The path of the document's first server URL (OpenAPI 3: `http://localhost:8080/v1` → `/v1`), without a trailing slash; undefined without one. */
export function serverUrlPath(document: unknown): string | undefined {
  const servers = (document as { servers?: unknown } | null)?.servers;
  const url = Array.isArray(servers) ? (servers[0] as { url?: unknown } | null)?.url : undefined;
  return typeof url === 'string' ? url.replace(/^[a-z][a-z0-9+.-]*:\/\/[^/]*/i, '').replace(/\/$/, '') : undefined;
}
