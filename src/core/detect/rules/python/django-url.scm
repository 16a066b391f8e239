;; category: route
;; framework: django
;; resolves: django-urlpatterns
;; qualifies: callee django.urls.path django.urls.re_path django.conf.urls.url
;; description: A Django URL pattern: `path("articles/<int:pk>/", view)`, `re_path(r"^...$", view)` or the old `url(...)`, with the view or the `include(...)` it points to. Prefixes and includes are joined across urlconfs by the route resolver.
(call
  function: [(identifier) @callee (attribute) @callee]
  arguments: (argument_list . [(string) (concatenated_string) (parenthesized_expression)] @path . (_) @view)
  (#match? @callee "(^|\\.)(path|re_path|url)$")) @finding
