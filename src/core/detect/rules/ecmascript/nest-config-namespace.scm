;; hint: config-value
;; qualifies: register @nestjs/config.registerAs
;; description: A value of a @nestjs/config namespace, `registerAs('app', () => ({ apiPrefix: process.env.API_PREFIX || 'api' }))`: the namespace, the key and the value the factory gives when the environment does not (a string literal, or the literal after `||` or `??`); `configService.get('app.apiPrefix')` reads it.
(call_expression
  function: (identifier) @register
  arguments: (arguments
    .
    (string) @namespace
    .
    [
      (arrow_function body: (parenthesized_expression (object (pair key: (property_identifier) @key value: [(string) @value (binary_expression operator: ["||" "??"] right: (string) @value)]))))
      (arrow_function body: (statement_block (return_statement (object (pair key: (property_identifier) @key value: [(string) @value (binary_expression operator: ["||" "??"] right: (string) @value)])))))
      (function_expression body: (statement_block (return_statement (object (pair key: (property_identifier) @key value: [(string) @value (binary_expression operator: ["||" "??"] right: (string) @value)])))))
    ])) @finding
