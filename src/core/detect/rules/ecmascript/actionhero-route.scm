;; hint: action-route
;; framework: actionhero
;; description: A route of Actionhero's web server to an action by its name (actionherojs.com, "Web Server", "Routes"): `config/routes.ts` returns `{ get: [{ path: "/status", action: "status" }], post: [...], all: [...] }`, each path served under the server's `urlPathForActions` (`/api` by default) by the action class (extending the package's `Action`) whose `name` field is the one given; its `run` method answers.
(pair
  key: (property_identifier) @method
  value: (array
    (object
      (pair key: (property_identifier) @_path value: (string) @path)
      (pair key: (property_identifier) @_action value: (string) @action)) @finding)
  (#any-of? @method "get" "post" "put" "patch" "delete" "head" "all")
  (#eq? @_path "path")
  (#eq? @_action "action")
  (#set! actionBase "actionhero.Action")
  (#set! handlerMethod "run")
  (#set! prefix "/api"))

(pair
  key: (property_identifier) @method
  value: (array
    (object
      (pair key: (property_identifier) @_action value: (string) @action)
      (pair key: (property_identifier) @_path value: (string) @path)) @finding)
  (#any-of? @method "get" "post" "put" "patch" "delete" "head" "all")
  (#eq? @_path "path")
  (#eq? @_action "action")
  (#set! actionBase "actionhero.Action")
  (#set! handlerMethod "run")
  (#set! prefix "/api"))
