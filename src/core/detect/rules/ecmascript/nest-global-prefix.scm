;; hint: global-prefix
;; description: NestJS `app.setGlobalPrefix('api', { exclude: ['health', { path: 'sitemap.xml', method: RequestMethod.GET }] })` in the bootstrap: every controller's routes are under the prefix, except those the options exclude.
(call_expression
  function: (member_expression property: (property_identifier) @_verb)
  arguments: (arguments . (string) @prefix . (object)? @options)
  (#eq? @_verb "setGlobalPrefix")) @finding
