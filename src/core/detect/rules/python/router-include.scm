;; hint: include
;; description: A router attached under another with a prefix (a literal in `prefix`, a constant's name or a configuration key read, `app.config["API_PREFIX"]`, in `prefixName`): FastAPI `parent.include_router(child, prefix="/x")`, Starlette `app.mount("/x", app=child)`, Flask `app.register_blueprint(bp, url_prefix="/x")`, Sanic `app.blueprint(bp, url_prefix="/x")` (sanic.dev "Blueprints", `Sanic.blueprint`), Flask-RESTX `api.add_namespace(ns, path="/x")`, Microdot `app.mount(subapp, url_prefix="/x")`, aiohttp `app.add_subapp("/x", subapp)` and `app.add_routes(routes)` (a `RouteTableDef`, under no prefix of its own), Django Ninja `api.add_router("/x", router)`, or the router's import path (`api.add_router("/news/", "news.api.router")`, in `childPath`).
(call
  function: (attribute object: (_) @parent attribute: (identifier) @_verb)
  arguments: (argument_list
    . (_) @child
    (keyword_argument name: (identifier) @_key value: [(string) @prefix (identifier) @prefixName (attribute) @prefixName (subscript) @prefixName])?)
  (#any-of? @_verb "include_router" "register_blueprint" "add_namespace" "blueprint")
  ; match? fails when the optional keyword is absent; not-match? of the complement holds then.
  (#not-match? @_key "^(?!(prefix|url_prefix|path)$)")) @finding

; aiohttp's route table handed whole to an application: its routes, under no prefix of its own.
(call
  function: (attribute object: (_) @parent attribute: (identifier) @_verb)
  arguments: (argument_list . [(identifier) (attribute)] @child .)
  (#eq? @_verb "add_routes")) @finding

(call
  function: (attribute object: (_) @parent attribute: (identifier) @_verb)
  arguments: (argument_list . (string) @prefix . [(identifier) (attribute) (call)] @child)
  (#any-of? @_verb "mount" "add_subapp" "add_router")) @finding

(call
  function: (attribute object: (_) @parent attribute: (identifier) @_verb)
  arguments: (argument_list . (string) @prefix . (string) @childPath)
  (#eq? @_verb "add_router")) @finding

(call
  function: (attribute object: (_) @parent attribute: (identifier) @_verb)
  arguments: (argument_list
    . (string) @prefix
    (keyword_argument name: (identifier) @_app value: (_) @child))
  (#eq? @_verb "mount")
  (#eq? @_app "app")) @finding

(call
  function: (attribute object: (_) @parent attribute: (identifier) @_verb)
  arguments: (argument_list
    . [(identifier) (attribute)] @child
    (keyword_argument name: (identifier) @_key value: [(string) @prefix (identifier) @prefixName (attribute) @prefixName]))
  (#eq? @_verb "mount")
  (#eq? @_key "url_prefix")) @finding
