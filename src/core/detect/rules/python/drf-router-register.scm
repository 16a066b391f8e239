;; hint: viewset
;; description: A Django REST framework router registering a ViewSet: `router.register(r"users", UserViewSet)`. The resolver checks that the router is a DRF router and lists the ViewSet's actions.
(call
  function: (attribute object: (_) @router attribute: (identifier) @_verb)
  arguments: (argument_list . (string) @prefix . [(identifier) (attribute)] @viewset)
  (#eq? @_verb "register")) @finding
