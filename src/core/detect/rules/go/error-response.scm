;; category: error-response
;; framework: net-http
;; description: Each place its own finding, named after its line. Where a Go handler writes or hands on a response status by net/http's constant (`http.StatusNotFound`; Fiber re-exports them as `fiber.StatusNotFound`): `http.Error(w, msg, http.StatusBadRequest)`, `w.WriteHeader(http.StatusConflict)`, gin's `c.JSON(http.StatusBadRequest, ...)`/`c.AbortWithStatus(...)`, echo's `echo.NewHTTPError(http.StatusNotFound)`, Fiber's `ctx.Status(fiber.StatusNotFound)`, or the service's own helper given one (`errorResponse(ctx, http.StatusForbidden, "forbidden")`); and `http.NotFound(w, r)`, which answers 404. The response is what is called; net/http's 1xx, 2xx and 3xx constants are left out: no error.
(call_expression
  function: (_) @response
  arguments: (argument_list (selector_expression
    operand: (identifier) @_package
    field: (field_identifier) @status))
  (#any-of? @_package "http" "fiber")
  (#match? @status "^Status[A-Z]")
  (#not-match? @status "^Status(Continue|SwitchingProtocols|Processing|EarlyHints|OK|Created|Accepted|NonAuthoritativeInfo|NoContent|ResetContent|PartialContent|MultiStatus|AlreadyReported|IMUsed|MultipleChoices|MovedPermanently|Found|SeeOther|NotModified|UseProxy|TemporaryRedirect|PermanentRedirect)$")
  (#set! symbol "anonymous")) @finding

(call_expression
  function: (selector_expression operand: (identifier) @_package field: (field_identifier) @response)
  (#eq? @_package "http")
  (#eq? @response "NotFound")
  (#set! status "404")
  (#set! symbol "anonymous")) @finding
