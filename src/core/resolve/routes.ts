import { type Finding, type Route } from '../result';

const METHOD_NAMES: Readonly<Record<string, string>> = { websocket: 'WS', api_route: 'ANY', route: 'ANY' };

/** Routes as the result lists them: method, full path with `{param}` placeholders, handler symbol. */
export function routesOf(findings: readonly Finding[]): Route[] {
  const routes: Route[] = [];
  for (const finding of findings) {
    if (finding.category !== 'route') continue;
    const method = String(finding.details['method'] ?? 'ANY');
    const path = String(finding.details['path'] ?? '');
    routes.push({
      method: METHOD_NAMES[method] ?? method.toUpperCase(),
      path: normalizeRoutePath(path),
      handler: finding.symbol,
      framework: String(finding.details['framework'] ?? ''),
    });
  }
  return routes.sort((a, b) => a.path.localeCompare(b.path) || a.method.localeCompare(b.method));
}

/**
 * One placeholder syntax whatever the framework writes: `<int:pk>` and `<pk>` (Django, Flask),
 * `:id` (Express), `{id:int}` and `{id:path}` (Starlette) all become `{pk}` / `{id}`.
 */
export function normalizeRoutePath(path: string): string {
  const normalized = path
    .replace(/<(?:[^<>:]+:)?([A-Za-z_][A-Za-z0-9_]*)>/g, '{$1}')
    .replace(/\{([A-Za-z_][A-Za-z0-9_]*)(?::[^}]*)?\}/g, '{$1}')
    .replace(/(^|\/):([A-Za-z_][A-Za-z0-9_]*)\??/g, '$1{$2}');
  if (normalized === '') return '/';
  return normalized.startsWith('/') ? normalized : `/${normalized}`;
}
