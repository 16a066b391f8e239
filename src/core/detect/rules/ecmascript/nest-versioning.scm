;; hint: versioning
;; description: NestJS `app.enableVersioning({ type: VersioningType.URI, defaultVersion: '1' })`: URI versioning puts `v1` after the global prefix of every route that states no version of its own. Called with no options it is URI versioning (Nest's default, `enableVersioning(options = { type: VersioningType.URI })`), and only routes that state a version (`@Version('1')`) get one.
(call_expression
  function: (member_expression property: (property_identifier) @_verb)
  arguments: (arguments . (object) @options)
  (#eq? @_verb "enableVersioning")) @finding

(call_expression
  function: (member_expression property: (property_identifier) @_verb)
  arguments: (arguments) @_arguments
  (#eq? @_verb "enableVersioning")
  (#match? @_arguments "^\\(\\s*\\)$")
  (#set! options "{}")) @finding
