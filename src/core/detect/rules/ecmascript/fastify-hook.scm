;; category: middleware
;; framework: fastify
;; resolves: router-middleware
;; description: A Fastify request/reply hook, the code Fastify runs around every request of an instance (docs: Reference/Hooks): `fastify.addHook('onRequest', async (request, reply) => {...})`, `fastify.addHook('preHandler', checkAuth)`. Application hooks (`onReady`, `onClose`, `onRoute`, `onRegister`...) run once, not per request, and are left out.
(call_expression
  function: (member_expression object: (_) @app property: (property_identifier) @_addHook)
  arguments: (arguments . (string (string_fragment) @hook) . [(identifier) (member_expression)] @symbol .)
  (#eq? @_addHook "addHook")
  (#any-of? @hook "onRequest" "preParsing" "preValidation" "preHandler" "preSerialization" "onError" "onSend" "onResponse" "onTimeout" "onRequestAbort")) @finding

(call_expression
  function: (member_expression object: (_) @app property: (property_identifier) @_addHook)
  arguments: (arguments . (string (string_fragment) @hook) . [(arrow_function) (function_expression)] @_inline .)
  (#eq? @_addHook "addHook")
  (#any-of? @hook "onRequest" "preParsing" "preValidation" "preHandler" "preSerialization" "onError" "onSend" "onResponse" "onTimeout" "onRequestAbort")
  (#set! symbol "anonymous")) @finding
