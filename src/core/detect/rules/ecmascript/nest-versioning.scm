;; hint: versioning
;; description: NestJS `app.enableVersioning({ type: VersioningType.URI, defaultVersion: '1' })`: URI versioning puts `v1` after the global prefix of every route that states no version of its own.
(call_expression
  function: (member_expression property: (property_identifier) @_verb)
  arguments: (arguments . (object) @options)
  (#eq? @_verb "enableVersioning")) @finding
