;; category: event
;; description: A handler subscribed to an event by name: EventEmitter `emitter.on('order.created', handler)` / `once(...)` / `addListener(...)`, a named handler or one written in place; a method bound to its object (`bus.on('$node.connected', this.addNode.bind(this))`) is the method, subscribed; a listener a factory makes in place (restify's `server.on('after', restify.plugins.auditLogger({...}))`) is subscribed where it is registered; the event named by the `name` of a criteria object (@hapi/podium's `events.on({ name: 'log', filter }, listener)`). An empty name is none, nor is the I/O of a Node request, response, stream or socket (`res.once('close', ...)`, `req.on('readable', ...)`: Node's stream and HTTP events on an object named so), nor a database or broker connection's or client's own lifecycle (Mongoose's docs "Connection Events": `mongoose.connection.on('error', ...)`; amqplib's `connection.on('close', ...)`; node-redis's and pg's `client.on('error', ...)`, `pool.on('error', ...)`, also in a table, `clients[name].on('error', ...)`); an HTTP method in place of the event's name is a route (h3's and Hono's `app.on('GET', '/hello', handler)`: rule express-route). (NestJS's `@OnEvent(...)` is a framework decorator: src/core/frameworks/nestjs.yml.)
((call_expression
  function: (member_expression object: (_) @emitter property: (property_identifier) @_verb)
  arguments: (arguments . (string) @event . [(identifier) (member_expression)] @handler)
  (#any-of? @_verb "on" "once" "addListener" "subscribe")
  (#not-match? @event "^.(GET|POST|PUT|PATCH|DELETE|HEAD|OPTIONS|CONNECT|TRACE|get|post|put|patch|delete|head|options)?.$")
  (#set! kind "subscribe")) @finding
  (#not-match? @finding "^(?:[\\w$]+(?:\\[[\\w$]*\\])?\\s*\\.\\s*)*(?:req|res|request|response|stream|socket|connection|client|pool)s?(?:\\[[\\w$]*\\])?\\s*\\.\\s*[\\w$]+\\s*\\(\\s*['\"](?:close|finish|end|data|error|readable|drain|pipe|unpipe|pause|resume|aborted|timeout|connect|ready|reconnecting)['\"]"))

((call_expression
  function: (member_expression object: (_) @emitter property: (property_identifier) @_verb)
  arguments: (arguments . (string) @event . [(arrow_function) (function_expression)])
  (#any-of? @_verb "on" "once" "addListener" "subscribe")
  (#not-match? @event "^.(GET|POST|PUT|PATCH|DELETE|HEAD|OPTIONS|CONNECT|TRACE|get|post|put|patch|delete|head|options)?.$")
  (#set! kind "subscribe")) @finding
  (#not-match? @finding "^(?:[\\w$]+(?:\\[[\\w$]*\\])?\\s*\\.\\s*)*(?:req|res|request|response|stream|socket|connection|client|pool)s?(?:\\[[\\w$]*\\])?\\s*\\.\\s*[\\w$]+\\s*\\(\\s*['\"](?:close|finish|end|data|error|readable|drain|pipe|unpipe|pause|resume|aborted|timeout|connect|ready|reconnecting)['\"]"))

(call_expression
  function: (member_expression object: (_) @emitter property: (property_identifier) @_verb)
  arguments: (arguments . (object (pair key: (property_identifier) @_name value: (string) @event)) . [(identifier) (member_expression) (arrow_function) (function_expression)] @handler)
  (#any-of? @_verb "on" "once" "addListener")
  (#eq? @_name "name")
  (#set! kind "subscribe")) @finding

((call_expression
  function: (member_expression object: (_) @emitter property: (property_identifier) @_verb)
  arguments: (arguments . (string) @event . (call_expression function: (member_expression object: (member_expression) @symbol property: (property_identifier) @_bind)))
  (#any-of? @_verb "on" "once" "addListener" "subscribe")
  (#eq? @_bind "bind")
  (#not-match? @event "^.(GET|POST|PUT|PATCH|DELETE|HEAD|OPTIONS|CONNECT|TRACE|get|post|put|patch|delete|head|options)?.$")
  (#set! kind "subscribe")) @finding
  (#not-match? @finding "^(?:[\\w$]+(?:\\[[\\w$]*\\])?\\s*\\.\\s*)*(?:req|res|request|response|stream|socket|connection|client|pool)s?(?:\\[[\\w$]*\\])?\\s*\\.\\s*[\\w$]+\\s*\\(\\s*['\"](?:close|finish|end|data|error|readable|drain|pipe|unpipe|pause|resume|aborted|timeout|connect|ready|reconnecting)['\"]"))

((call_expression
  function: (member_expression object: (_) @emitter property: (property_identifier) @_verb)
  arguments: (arguments . (string) @event . (call_expression function: [(identifier) (member_expression)] @handler) .)
  (#any-of? @_verb "on" "once" "addListener" "subscribe")
  (#not-match? @handler "\\.bind$")
  (#not-match? @event "^.(GET|POST|PUT|PATCH|DELETE|HEAD|OPTIONS|CONNECT|TRACE|get|post|put|patch|delete|head|options)?.$")
  (#set! kind "subscribe"))  @finding
  (#not-match? @finding "^(?:[\\w$]+(?:\\[[\\w$]*\\])?\\s*\\.\\s*)*(?:req|res|request|response|stream|socket|connection|client|pool)s?(?:\\[[\\w$]*\\])?\\s*\\.\\s*[\\w$]+\\s*\\(\\s*['\"](?:close|finish|end|data|error|readable|drain|pipe|unpipe|pause|resume|aborted|timeout|connect|ready|reconnecting)['\"]"))