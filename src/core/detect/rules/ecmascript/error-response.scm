;; category: error-response
;; description: Each place (its own finding, named after its line) where an error status is written out: Express `res.status(404)` and `res.sendStatus(403)`, Fastify `reply.code(409)`, Koa `ctx.throw(400)` and `ctx.status = 404`. Numbers of 400 and above are kept; a named status (`httpStatus.NOT_FOUND`) is kept for the answers to read.
(call_expression
  function: (member_expression property: (property_identifier) @_verb)
  arguments: (arguments . [(number) (member_expression)] @status)
  (#any-of? @_verb "status" "sendStatus" "code" "throw")
  (#not-match? @status "^[123][0-9][0-9]$")
  (#set! kind "response")
  (#set! symbol "anonymous")) @finding

(assignment_expression
  left: (member_expression property: (property_identifier) @_status)
  right: (number) @status
  (#eq? @_status "status")
  (#match? @status "^[45][0-9][0-9]$")
  (#set! kind "response")
  (#set! symbol "anonymous")) @finding
