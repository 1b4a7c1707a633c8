"""One in-process event bus: everything that happens in play is published here as a typed event.

Listeners (the event log, autosave, HUD, sound) subscribe; publishers never know who listens.
Every event is checked against the one schema in ``game.research.schema``.
"""
from __future__ import annotations

import logging
from dataclasses import dataclass, field
from typing import Any, Callable

from game.research.schema import EVENT_TYPES, SchemaError, validate_payload

log = logging.getLogger(__name__)

Handler = Callable[["GameEvent"], None]


@dataclass(frozen=True)
class GameEvent:
    type: str
    payload: dict[str, Any] = field(default_factory=dict)
    level_id: str | None = None


class Bus:
    def __init__(self, strict: bool = True) -> None:
        self._handlers: list[tuple[frozenset[str] | None, Handler]] = []
        self.strict = strict
        self.level_id: str | None = None  # set by the play scene; stamped on events

    def subscribe(self, handler: Handler, types: list[str] | tuple[str, ...] | None = None) -> Callable[[], None]:
        for t in types or ():
            if t not in EVENT_TYPES:
                raise SchemaError(f"cannot subscribe to unknown event type {t!r}")
        entry = (frozenset(types) if types else None, handler)
        self._handlers.append(entry)

        def unsubscribe() -> None:
            if entry in self._handlers:
                self._handlers.remove(entry)

        return unsubscribe

    def publish(self, event_type: str, level_id: str | None = None, **payload: Any) -> GameEvent:
        errors = validate_payload(event_type, payload)
        if errors:
            msg = f"invalid {event_type} event: {'; '.join(errors)}"
            if self.strict:
                raise SchemaError(msg)
            log.error(msg)
        event = GameEvent(event_type, dict(payload), level_id if level_id is not None else self.level_id)
        for types, handler in list(self._handlers):
            if types is None or event_type in types:
                try:
                    handler(event)
                except Exception:  # one broken listener never stops play
                    if self.strict:
                        raise
                    log.exception("event listener failed on %s", event_type)
        return event
