;; category: middleware
;; outermost: true
;; description: A middleware factory that hands back the middleware another object makes by its `middleware()` method, returned as it is or under a condition (`module.exports = function CacherMiddleware(broker) { return broker.cacher ? broker.cacher.middleware() : null; }`: Moleculer registers what a middleware function returns; apicache's `apicache.middleware('5 minutes')` in Express). The object's method is the middleware's maker; the factory is what an application registers.

(function_declaration
  body: (statement_block (return_statement [(call_expression function: (member_expression property: (property_identifier) @_made)) (ternary_expression consequence: (call_expression function: (member_expression property: (property_identifier) @_made)))]))
  (#eq? @_made "middleware")) @finding
(function_expression
  body: (statement_block (return_statement [(call_expression function: (member_expression property: (property_identifier) @_made)) (ternary_expression consequence: (call_expression function: (member_expression property: (property_identifier) @_made)))]))
  (#eq? @_made "middleware")) @finding
