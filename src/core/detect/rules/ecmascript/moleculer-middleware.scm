;; category: middleware
;; framework: moleculer
;; outermost: true
;; description: A Moleculer middleware: an object of the hooks the service broker runs around actions, events and the transit (docs "Middlewares", and the `Middleware` interface of moleculer's middleware.d.ts: `localAction(next, action)`, `remoteAction`, `localEvent`, `localMethod`, `transporterSend(next)`, `transitPublish(next)`, `serviceStarting(service)`…; the broker's own methods `call`, `mcall`, `emit`, `broadcast`, `createService`… only written as a hook taking `next`), registered in the broker's `middlewares: [...]`. Found as the object bound to a name or exported (`const audit = { localAction(next) {...} }`, `module.exports = {...}`, `export default {...}`), written in place in a `middlewares` list, or made by a function or method that returns it (`module.exports = function RetryMiddleware(broker) { ... return { name: "Retry", localAction: wrapRetry } }`, a cacher's `middleware()`). Hook keys given a plain value (`serviceStarted: false`) are settings, not hooks.

;; The object bound to a name, assigned (`module.exports = {...}`) or exported as the default; the hooks of the broker's own methods are told by their `next`.

(variable_declarator
  value: (object [(pair key: (property_identifier) @_hook value: (_) @_value) (method_definition name: (property_identifier) @_hook)])
  (#any-of? @_hook "localAction" "remoteAction" "localEvent" "remoteEvent" "localMethod" "registerLocalService" "serviceCreating" "serviceCreated" "serviceStarting" "serviceStarted" "serviceStopping" "serviceStopped" "transitPublish" "transitMessageHandler" "transporterSend" "transporterReceive")
  (#not-match? @_value "^(?:true|false|null|undefined|[0-9'\"`-])")) @finding

(variable_declarator
  value: (object (method_definition name: (property_identifier) @_hook parameters: (formal_parameters . (_) @_next .)))
  (#any-of? @_hook "call" "mcall" "emit" "broadcast" "broadcastLocal" "createService" "destroyService" "newLogger")
  (#match? @_next "^next\\b")) @finding

(assignment_expression
  right: (object [(pair key: (property_identifier) @_hook value: (_) @_value) (method_definition name: (property_identifier) @_hook)])
  (#any-of? @_hook "localAction" "remoteAction" "localEvent" "remoteEvent" "localMethod" "registerLocalService" "serviceCreating" "serviceCreated" "serviceStarting" "serviceStarted" "serviceStopping" "serviceStopped" "transitPublish" "transitMessageHandler" "transporterSend" "transporterReceive")
  (#not-match? @_value "^(?:true|false|null|undefined|[0-9'\"`-])")) @finding

(export_statement
  value: (object [(pair key: (property_identifier) @_hook value: (_) @_value) (method_definition name: (property_identifier) @_hook)])
  (#any-of? @_hook "localAction" "remoteAction" "localEvent" "remoteEvent" "localMethod" "registerLocalService" "serviceCreating" "serviceCreated" "serviceStarting" "serviceStarted" "serviceStopping" "serviceStopped" "transitPublish" "transitMessageHandler" "transporterSend" "transporterReceive")
  (#not-match? @_value "^(?:true|false|null|undefined|[0-9'\"`-])")) @finding

;; Written in place in the broker's list (`new ServiceBroker({ middlewares: [{ localAction(next) {...} }] })`), named after its line.

(pair
  key: (property_identifier) @_list
  value: (array (object [(pair key: (property_identifier) @_hook value: (_) @_value) (method_definition name: (property_identifier) @_hook)]) @finding)
  (#eq? @_list "middlewares")
  (#any-of? @_hook "localAction" "remoteAction" "localEvent" "remoteEvent" "localMethod" "registerLocalService" "serviceCreating" "serviceCreated" "serviceStarting" "serviceStarted" "serviceStopping" "serviceStopped" "transitPublish" "transitMessageHandler" "transporterSend" "transporterReceive")
  (#not-match? @_value "^(?:true|false|null|undefined|[0-9'\"`-])")
  (#set! symbol "anonymous"))

;; A function or a method that returns the object (the broker calls a function it is given with itself and registers what it returns).

(function_declaration
  body: (statement_block (return_statement (object [(pair key: (property_identifier) @_hook value: (_) @_value) (method_definition name: (property_identifier) @_hook)])))
  (#any-of? @_hook "localAction" "remoteAction" "localEvent" "remoteEvent" "localMethod" "registerLocalService" "serviceCreating" "serviceCreated" "serviceStarting" "serviceStarted" "serviceStopping" "serviceStopped" "transitPublish" "transitMessageHandler" "transporterSend" "transporterReceive")
  (#not-match? @_value "^(?:true|false|null|undefined|[0-9'\"`-])")) @finding

(function_expression
  body: (statement_block (return_statement (object [(pair key: (property_identifier) @_hook value: (_) @_value) (method_definition name: (property_identifier) @_hook)])))
  (#any-of? @_hook "localAction" "remoteAction" "localEvent" "remoteEvent" "localMethod" "registerLocalService" "serviceCreating" "serviceCreated" "serviceStarting" "serviceStarted" "serviceStopping" "serviceStopped" "transitPublish" "transitMessageHandler" "transporterSend" "transporterReceive")
  (#not-match? @_value "^(?:true|false|null|undefined|[0-9'\"`-])")) @finding

(method_definition
  body: (statement_block (return_statement (object [(pair key: (property_identifier) @_hook value: (_) @_value) (method_definition name: (property_identifier) @_hook)])))
  (#any-of? @_hook "localAction" "remoteAction" "localEvent" "remoteEvent" "localMethod" "registerLocalService" "serviceCreating" "serviceCreated" "serviceStarting" "serviceStarted" "serviceStopping" "serviceStopped" "transitPublish" "transitMessageHandler" "transporterSend" "transporterReceive")
  (#not-match? @_value "^(?:true|false|null|undefined|[0-9'\"`-])")) @finding

(function_expression
  body: (statement_block (return_statement (object (method_definition name: (property_identifier) @_hook parameters: (formal_parameters . (_) @_next .)))))
  (#any-of? @_hook "call" "mcall" "emit" "broadcast" "broadcastLocal" "createService" "destroyService" "newLogger")
  (#match? @_next "^next\\b")) @finding

(arrow_function
  body: (parenthesized_expression (object [(pair key: (property_identifier) @_hook value: (_) @_value) (method_definition name: (property_identifier) @_hook)]))
  (#any-of? @_hook "localAction" "remoteAction" "localEvent" "remoteEvent" "localMethod" "registerLocalService" "serviceCreating" "serviceCreated" "serviceStarting" "serviceStarted" "serviceStopping" "serviceStopped" "transitPublish" "transitMessageHandler" "transporterSend" "transporterReceive")
  (#not-match? @_value "^(?:true|false|null|undefined|[0-9'\"`-])")) @finding
