;; hint: config-object
;; description: An application's configuration loaded from an object (Flask's "Configuration Handling": `app.config.from_object("yourapplication.default_settings")`, `app.config.from_object(Config)`): its upper-case attributes are the values `app.config["KEY"]` reads, as a blueprint's `url_prefix=app.config["API_PREFIX"]`. `object` is the import path or the name, as written.
(call
  function: (attribute
    object: (attribute attribute: (identifier) @_config)
    attribute: (identifier) @_verb)
  arguments: (argument_list . [(string) (identifier) (attribute)] @object .)
  (#eq? @_config "config")
  (#eq? @_verb "from_object")) @finding
