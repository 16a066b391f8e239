;; category: decorator
;; outermost: true
;; description: A decorator that registers the function it is given and hands it back unchanged: `@app.before_request` (`def before_request(self, f): self.handlers.append(f); return f`), or one made by a factory, `@app.route('/x')` / `@app.errorhandler(404)` (`def route(self, url): def decorated(f): self.url_map.append((url, f)); return f; return decorated`).
(function_definition
  parameters: (parameters (identifier) @_param)
  body: (block (return_statement (identifier) @_returned)) @_body
  (#eq? @_param @_returned)
  (#not-eq? @_param "self")
  (#registers? @_body @_param)
  (#set! kind "registers")) @finding

(function_definition
  body: (block
    (function_definition
      name: (identifier) @_inner
      parameters: (parameters . [(identifier) @_param (typed_parameter . (identifier) @_param)] .)
      body: (block (return_statement (identifier) @_returned)) @_inner_body)
    (return_statement (identifier) @_outer_returned))
  (#eq? @_param @_returned)
  (#eq? @_inner @_outer_returned)
  (#registers? @_inner_body @_param)
  (#set! kind "registers")
  (#set! factory "true")) @finding
