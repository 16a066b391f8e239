import type { Frameworks } from '../frameworks/frameworks';
import type { RaiseFact } from '../parse/facts';
import type { SymbolIndex } from './symbolIndex';

/** HTTP's reason phrases as constant names (`NOT_FOUND`), for statuses written by name: `HttpStatus.NOT_FOUND`, `status.HTTP_404_NOT_FOUND`, `httpStatus.CONFLICT`. */
const HTTP_STATUS_NAMES: Readonly<Record<string, number>> = {
  BAD_REQUEST: 400, UNAUTHORIZED: 401, PAYMENT_REQUIRED: 402, FORBIDDEN: 403, NOT_FOUND: 404, METHOD_NOT_ALLOWED: 405, NOT_ACCEPTABLE: 406,
  REQUEST_TIMEOUT: 408, CONFLICT: 409, GONE: 410, PRECONDITION_FAILED: 412, PAYLOAD_TOO_LARGE: 413, REQUEST_ENTITY_TOO_LARGE: 413, UNSUPPORTED_MEDIA_TYPE: 415,
  UNPROCESSABLE_ENTITY: 422, UNPROCESSABLE_CONTENT: 422, LOCKED: 423, TOO_MANY_REQUESTS: 429, INTERNAL_SERVER_ERROR: 500, NOT_IMPLEMENTED: 501,
  BAD_GATEWAY: 502, SERVICE_UNAVAILABLE: 503, GATEWAY_TIMEOUT: 504,
  OK: 200, CREATED: 201, ACCEPTED: 202, NO_CONTENT: 204, MOVED_PERMANENTLY: 301, FOUND: 302, NOT_MODIFIED: 304,
};

/** An HTTP status as the code writes it: `404`, `status.HTTP_404_NOT_FOUND`, `HttpStatus.NOT_FOUND`, `httpStatus.CONFLICT`, Go's `http.StatusNotFound`, or its name in camel case (Spring's `ResponseEntity.notFound()`). */
export function statusOf(written: string | undefined): number | undefined {
  if (!written) return undefined;
  const number = /^\d{3}$/.exec(written)?.[0] ?? /HTTP_?(\d{3})/i.exec(written)?.[1];
  if (number) return Number(number);
  if (/^[a-z]+(?:[A-Z][a-z]+)+$/.test(written)) return HTTP_STATUS_NAMES[written.replace(/[A-Z]/g, (letter) => `_${letter}`).toUpperCase()];
  // Go's net/http constants (`http.StatusNotFound`, `fiber.StatusOK`): the reason phrase in Pascal case after `Status`.
  const pascal = /(?:^|\.)Status([A-Z]\w*)$/.exec(written)?.[1];
  if (pascal) return HTTP_STATUS_NAMES[pascal.replace(/([a-z])([A-Z])/g, '$1_$2').toUpperCase()];
  const name = /(?:^|\.)([A-Z][A-Z_]+)$/.exec(written)?.[1];
  return name ? HTTP_STATUS_NAMES[name] : undefined;
}

/** Every dotted name an exception written in a file goes by: what an `except` of it catches. */
export function caughtNames(index: SymbolIndex, path: string, written: string): string[] {
  const target = index.qualify(path, written);
  return target ? index.namesOf(target) : [written];
}

/** The names of an exception and of its ancestors: an `except` of any of them catches it. */
export function exceptionNames(index: SymbolIndex, path: string, written: string): Set<string> {
  const target = index.qualify(path, written);
  if (!target) return new Set([written]);
  const names = new Set(index.namesOf(target));
  if ('symbol' in target) for (const name of index.ancestry(target.symbol).names) names.add(name);
  return names;
}

/** The status a raise answers with: given as an argument of an HTTP exception, or fixed by the framework's exception class. */
export function raisedStatus(index: SymbolIndex, frameworks: Pick<Frameworks, 'exceptionStatuses' | 'statusExceptions'>, path: string, raised: RaiseFact): number | undefined {
  const names = [...exceptionNames(index, path, raised.exception)];
  const fixed = names.map((name) => frameworks.exceptionStatuses.get(name)).find((status) => status !== undefined);
  if (fixed !== undefined) return fixed;
  const carries = names.some((name) => frameworks.statusExceptions.has(name)) || /http/i.test(raised.exception);
  const status = carries ? statusOf(raised.status) : undefined;
  return status !== undefined && status >= 100 && status <= 599 ? status : undefined;
}

/** The exceptions a raise is written to convert: those its `except` clause catches, or those an `instanceof` test names (TypeScript). */
export function convertedFrom(raised: RaiseFact): string[] {
  if (raised.caught) return raised.caught;
  const tested = raised.condition ? /\binstanceof\s+([\w$.]+)/.exec(raised.condition)?.[1] : undefined;
  return tested ? [tested] : [];
}
