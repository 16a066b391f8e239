;; category: event
;; framework: medusa
;; description: A subscriber written as a file (Medusa's "Events and Subscribers": a file under `src/subscribers` exports its handler as the default export and a `config` object whose `event` names the event or events it handles, `export const config: SubscriberConfig = { event: "order.placed" }`): the handler function, subscribed to those events. Either export may come first.
;; scope: file
(program
  (export_statement "default" declaration: (function_declaration) @finding)
  (export_statement
    declaration: (lexical_declaration
      (variable_declarator
        name: (identifier) @_config
        value: (object (pair key: (property_identifier) @_key value: (_) @event)))))
  (#eq? @_config "config")
  (#eq? @_key "event")
  (#set! kind "subscribe"))

(program
  (export_statement
    declaration: (lexical_declaration
      (variable_declarator
        name: (identifier) @_config
        value: (object (pair key: (property_identifier) @_key value: (_) @event)))))
  (export_statement "default" declaration: (function_declaration) @finding)
  (#eq? @_config "config")
  (#eq? @_key "event")
  (#set! kind "subscribe"))
