"""An in-process event bus; a real deployment would publish to a message broker."""
from collections import defaultdict

_handlers = defaultdict(list)


class EventBus:
    def subscribe(self, event_type, handler):
        _handlers[event_type].append(handler)

    def publish(self, event):
        for handler in _handlers[type(event)]:
            handler(event)


event_bus = EventBus()
