;; hint: nest-application
;; framework: nestjs
;; qualifies: factory @nestjs/core.NestFactory
;; description: A NestJS application made from its root module in a bootstrap function (docs "First steps": `const app = await NestFactory.create(AppModule)`, `NestFactory.create<NestFastifyApplication>(AppModule, new FastifyAdapter())`). A workspace that starts several applications (an API and a collaboration server) sets each one's global prefix in its own bootstrap: the controllers the root module's imports reach are that application's.
;; With type arguments, `await NestFactory.create<T>(...)` parses with the `await` inside the call's function.
(call_expression
  function: [
    (member_expression object: (identifier) @factory property: (property_identifier) @_create)
    (await_expression (member_expression object: (identifier) @factory property: (property_identifier) @_create))
  ]
  arguments: (arguments . (identifier) @rootModule)
  (#eq? @_create "create")) @finding
