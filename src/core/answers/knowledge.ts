/**
 * What the answers know of HTTP and of frameworks, as data: one table per concept, by qualified
 * name (the name a class resolves to through its file's imports; a framework analysed in its own
 * repository matches by its modules' dotted names).
 */

/** HTTP's reason phrases as constant names (`NOT_FOUND`), for statuses written by name: `HttpStatus.NOT_FOUND`, `status.HTTP_404_NOT_FOUND`, `httpStatus.CONFLICT`. */
export const HTTP_STATUS_NAMES: Readonly<Record<string, number>> = {
  BAD_REQUEST: 400, UNAUTHORIZED: 401, PAYMENT_REQUIRED: 402, FORBIDDEN: 403, NOT_FOUND: 404, METHOD_NOT_ALLOWED: 405, NOT_ACCEPTABLE: 406,
  REQUEST_TIMEOUT: 408, CONFLICT: 409, GONE: 410, PRECONDITION_FAILED: 412, PAYLOAD_TOO_LARGE: 413, REQUEST_ENTITY_TOO_LARGE: 413, UNSUPPORTED_MEDIA_TYPE: 415,
  UNPROCESSABLE_ENTITY: 422, UNPROCESSABLE_CONTENT: 422, LOCKED: 423, TOO_MANY_REQUESTS: 429, INTERNAL_SERVER_ERROR: 500, NOT_IMPLEMENTED: 501,
  BAD_GATEWAY: 502, SERVICE_UNAVAILABLE: 503, GATEWAY_TIMEOUT: 504,
  OK: 200, CREATED: 201, ACCEPTED: 202, NO_CONTENT: 204, MOVED_PERMANENTLY: 301, FOUND: 302, NOT_MODIFIED: 304,
};

/** Exceptions a framework answers with a fixed status. */
export const EXCEPTION_STATUSES: Readonly<Record<string, number>> = {
  '@nestjs/common.BadRequestException': 400, '@nestjs/common.UnauthorizedException': 401, '@nestjs/common.ForbiddenException': 403,
  '@nestjs/common.NotFoundException': 404, '@nestjs/common.MethodNotAllowedException': 405, '@nestjs/common.NotAcceptableException': 406,
  '@nestjs/common.RequestTimeoutException': 408, '@nestjs/common.ConflictException': 409, '@nestjs/common.GoneException': 410,
  '@nestjs/common.PayloadTooLargeException': 413, '@nestjs/common.UnsupportedMediaTypeException': 415, '@nestjs/common.UnprocessableEntityException': 422,
  '@nestjs/common.InternalServerErrorException': 500, '@nestjs/common.NotImplementedException': 501, '@nestjs/common.BadGatewayException': 502,
  '@nestjs/common.ServiceUnavailableException': 503, '@nestjs/common.GatewayTimeoutException': 504,
  'werkzeug.exceptions.BadRequest': 400, 'werkzeug.exceptions.Unauthorized': 401, 'werkzeug.exceptions.Forbidden': 403, 'werkzeug.exceptions.NotFound': 404,
  'werkzeug.exceptions.MethodNotAllowed': 405, 'werkzeug.exceptions.Conflict': 409, 'werkzeug.exceptions.Gone': 410, 'werkzeug.exceptions.UnprocessableEntity': 422,
  'werkzeug.exceptions.TooManyRequests': 429, 'werkzeug.exceptions.InternalServerError': 500,
  'django.http.Http404': 404, 'django.core.exceptions.PermissionDenied': 403, 'django.core.exceptions.SuspiciousOperation': 400,
  'rest_framework.exceptions.ParseError': 400, 'rest_framework.exceptions.ValidationError': 400, 'rest_framework.exceptions.AuthenticationFailed': 401,
  'rest_framework.exceptions.NotAuthenticated': 401, 'rest_framework.exceptions.PermissionDenied': 403, 'rest_framework.exceptions.NotFound': 404,
  'rest_framework.exceptions.MethodNotAllowed': 405, 'rest_framework.exceptions.NotAcceptable': 406, 'rest_framework.exceptions.UnsupportedMediaType': 415,
  'rest_framework.exceptions.Throttled': 429,
  'falcon.HTTPBadRequest': 400, 'falcon.HTTPUnauthorized': 401, 'falcon.HTTPForbidden': 403, 'falcon.HTTPNotFound': 404, 'falcon.HTTPMethodNotAllowed': 405,
  'falcon.HTTPConflict': 409, 'falcon.HTTPUnprocessableEntity': 422, 'falcon.HTTPTooManyRequests': 429, 'falcon.HTTPInternalServerError': 500,
  'falcon.errors.HTTPBadRequest': 400, 'falcon.errors.HTTPUnauthorized': 401, 'falcon.errors.HTTPForbidden': 403, 'falcon.errors.HTTPNotFound': 404,
  'falcon.errors.HTTPMethodNotAllowed': 405, 'falcon.errors.HTTPConflict': 409, 'falcon.errors.HTTPUnprocessableEntity': 422,
  'falcon.errors.HTTPTooManyRequests': 429, 'falcon.errors.HTTPInternalServerError': 500,
};

/** Exceptions that carry the status they answer with as an argument (`HTTPException(status_code=404)`). */
export const STATUS_ARGUMENT_EXCEPTIONS: ReadonlySet<string> = new Set([
  'fastapi.HTTPException', 'fastapi.exceptions.HTTPException', 'starlette.exceptions.HTTPException', '@nestjs/common.HttpException',
  'werkzeug.exceptions.HTTPException', 'falcon.HTTPError', 'falcon.http_error.HTTPError', 'aiohttp.web.HTTPException', 'sanic.exceptions.SanicException',
]);

/** HTTP methods the HTTP specification defines as idempotent (RFC 9110, 9.2.2). */
export const IDEMPOTENT_METHODS: ReadonlySet<string> = new Set(['GET', 'HEAD', 'PUT', 'DELETE', 'OPTIONS', 'TRACE']);

/** Writes that make a repeated request safe: insert-or-update, get-or-create, insert-unless-present. */
export const IDEMPOTENT_WRITES: ReadonlySet<string> = new Set([
  'get_or_create', 'update_or_create', 'on_conflict_do_nothing', 'on_conflict_do_update', 'upsert', 'bulk_upsert', 'findOrCreate', 'findOneOrCreate', 'createOrUpdate', 'orIgnore', 'onConflict',
]);

/** Decorators that make a function or class the handler of an event, a command, a message or a queued job. */
export const MESSAGE_HANDLER_DECORATORS: ReadonlySet<string> = new Set([
  '@nestjs/event-emitter.OnEvent', '@nestjs/cqrs.EventsHandler', '@nestjs/cqrs.CommandHandler', '@nestjs/cqrs.QueryHandler', '@nestjs/cqrs.Saga',
  '@nestjs/microservices.MessagePattern', '@nestjs/microservices.EventPattern', '@nestjs/bull.Process', '@nestjs/bull.Processor', '@nestjs/bullmq.Processor',
]);

/** Decorators that retry what they decorate. */
export const RETRY_DECORATORS: ReadonlySet<string> = new Set(['tenacity.retry', 'backoff.on_exception', 'backoff.on_predicate', 'retrying.retry', 'retry.retry']);

/** Options of a task's decorator that say how its failures are retried (Celery, Dramatiq). */
export const TASK_RETRY_OPTIONS: ReadonlySet<string> = new Set(['autoretry_for', 'max_retries', 'retry_backoff', 'retry_backoff_max', 'retry_jitter', 'retry_kwargs', 'default_retry_delay', 'acks_late', 'min_backoff', 'max_backoff', 'retry_when']);
