;; hint: global-prefix
;; framework: nestjs
;; description: NestJS `app.setGlobalPrefix('api', { exclude: ['health', { path: 'sitemap.xml', method: RequestMethod.GET }] })` in the bootstrap: every controller's routes are under the prefix, except those the options exclude. The prefix may be kept in a constant (`const globalPrefix = 'api'; app.setGlobalPrefix(globalPrefix)`, as Nx's NestJS application generator writes it: `prefixName`) or read from the configuration, `setGlobalPrefix(configService.getOrThrow('app.apiPrefix'))`: the key is kept, and looked up among the namespaces `registerAs` declares (nest-config-namespace).
(call_expression
  function: (member_expression property: (property_identifier) @_verb)
  arguments: (arguments . (string) @prefix . (object)? @options)
  (#eq? @_verb "setGlobalPrefix")) @finding

(call_expression
  function: (member_expression property: (property_identifier) @_verb)
  arguments: (arguments
    .
    (call_expression
      function: (member_expression property: (property_identifier) @_read)
      arguments: (arguments . (string) @configKey))
    .
    (object)? @options)
  (#eq? @_verb "setGlobalPrefix")
  (#any-of? @_read "get" "getOrThrow")) @finding

(call_expression
  function: (member_expression property: (property_identifier) @_verb)
  arguments: (arguments . [(identifier) (member_expression)] @prefixName . (object)? @options)
  (#eq? @_verb "setGlobalPrefix")) @finding
