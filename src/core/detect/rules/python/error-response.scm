;; category: error-response
;; description: Each place (its own finding, named after its line) where an error status is written out, not raised: Flask's and Werkzeug's `abort(404)`, a view returning `body, 400`, a response made with an error status (`JSONResponse(..., status_code=409)`, `Response(status=400)`, `HttpResponse(status=403)`), and Django's HttpResponse subclasses named for their error status (`HttpResponseNotFound("not found")`; the status each answers is in django.yml's `responseStatuses`). The answers keep statuses of 400 and above.
(call
  function: [(identifier) (attribute attribute: (identifier))] @_abort
  arguments: (argument_list . [(integer) (attribute)] @status)
  (#match? @_abort "^(.*\\.)?abort$")
  (#set! kind "abort")
  (#set! symbol "anonymous")) @finding

(return_statement
  (expression_list . (_) . (integer) @status)
  (#match? @status "^[45][0-9][0-9]$")
  (#set! kind "return")
  (#set! symbol "anonymous")) @finding

(call
  function: [(identifier) (attribute)] @response
  arguments: (argument_list (keyword_argument
    name: (identifier) @_keyword
    value: [(integer) (attribute)] @status))
  (#any-of? @_keyword "status" "status_code")
  (#not-match? @status "^[123][0-9][0-9]$")
  (#match? @response "Response$")
  (#set! kind "response")
  (#set! symbol "anonymous")) @finding

(call
  function: [(identifier) @response (attribute attribute: (identifier) @response)]
  (#any-of? @response "HttpResponseBadRequest" "HttpResponseForbidden" "HttpResponseNotFound" "HttpResponseNotAllowed" "HttpResponseGone" "HttpResponseServerError")
  (#set! kind "response")
  (#set! symbol "anonymous")) @finding
