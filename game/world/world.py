"""Movement, collision and map triggers on the tile grid (no drawing, no widgets).

The player moves tile by tile on the fixed update step; triggers fire on tile entry, so a slow
frame can never carry the player through a wall or past an exit.
"""
from __future__ import annotations

from dataclasses import dataclass, field

from game.world.objects import MapObject
from game.world.tmx import LoadedMap

DIRS = {"up": (0, -1), "down": (0, 1), "left": (-1, 0), "right": (1, 0)}
WALK_TILES_PER_S = 4.5


@dataclass
class Actor:
    x: int
    y: int
    facing: str = "down"
    sprite: str = "player_default"
    moving: bool = False
    progress: float = 0.0
    from_xy: tuple[int, int] = (0, 0)
    anim_t: float = 0.0
    obj: MapObject | None = None

    def pixel_pos(self, tile: int) -> tuple[float, float]:
        if not self.moving:
            return self.x * tile, self.y * tile
        fx, fy = self.from_xy
        return (fx + (self.x - fx) * self.progress) * tile, (fy + (self.y - fy) * self.progress) * tile

    def frame(self) -> int:
        """Walk-cycle column: 0 stand, 1 step A, 2 stand, 3 step B."""
        if not self.moving:
            return 0
        return int(self.anim_t * 8) % 4


@dataclass
class World:
    lmap: LoadedMap
    player: Actor = field(init=False)
    npcs: list[Actor] = field(default_factory=list)
    steps_taken: int = 0

    def __post_init__(self) -> None:
        sx, sy = self.lmap.spawn
        self.player = Actor(sx, sy, "down")
        self._by_cell: dict[tuple[int, int], list[MapObject]] = {}
        for obj in self.lmap.objects:
            for cell in obj.tiles:
                self._by_cell.setdefault(cell, []).append(obj)
            if obj.kind in ("npc", "thought"):
                x, y = obj.tiles[0]
                sprite = obj.prop("sprite", "thought") if obj.kind == "npc" else "thought"
                self.npcs.append(Actor(x, y, obj.prop("facing", "down"), sprite, obj=obj))

    def objects_at(self, x: int, y: int) -> list[MapObject]:
        return self._by_cell.get((x, y), [])

    def blocked(self, x: int, y: int) -> bool:
        if not self.lmap.in_bounds(x, y) or self.lmap.solid[y][x]:
            return True
        return any(o.solid and not o.props.get("_gone") for o in self.objects_at(x, y))

    def place_player(self, x: int, y: int, facing: str = "down") -> None:
        self.player = Actor(x, y, facing)

    def facing_cell(self) -> tuple[int, int]:
        dx, dy = DIRS[self.player.facing]
        return self.player.x + dx, self.player.y + dy

    def facing_object(self) -> MapObject | None:
        for obj in self.objects_at(*self.facing_cell()):
            if obj.interact and not obj.props.get("_gone"):
                return obj
        return None

    def step(self, dt: float, direction: str | None) -> list[MapObject]:
        """Advance one fixed step. Returns the on-enter objects of a tile the player just entered."""
        p = self.player
        entered: list[MapObject] = []
        if p.moving:
            p.progress += dt * WALK_TILES_PER_S
            p.anim_t += dt
            if p.progress >= 1.0:
                p.moving = False
                p.progress = 0.0
                self.steps_taken += 1
                entered = [o for o in self.objects_at(p.x, p.y) if o.on_enter]
        if not p.moving and direction:
            p.facing = direction
            dx, dy = DIRS[direction]
            nx, ny = p.x + dx, p.y + dy
            if not self.blocked(nx, ny):
                p.from_xy = (p.x, p.y)
                p.x, p.y = nx, ny
                p.moving = True
                p.progress = 0.0
        if not p.moving and not direction:
            p.anim_t = 0.0
        for npc in self.npcs:
            npc.anim_t += dt
        return entered

    def face_player(self, npc_obj: MapObject) -> None:
        """The NPC turns to the player when spoken to."""
        opposite = {"up": "down", "down": "up", "left": "right", "right": "left"}
        for npc in self.npcs:
            if npc.obj is npc_obj:
                npc.facing = opposite[self.player.facing]

    def path_to(self, goal: tuple[int, int], adjacent: bool = False,
                start: tuple[int, int] | None = None) -> list[str] | None:
        """Breadth-first path (for the scripted player and tests): directions from the player (or
        from ``start``)."""
        from collections import deque

        start = start or (self.player.x, self.player.y)
        goals = {goal}
        if adjacent:
            goals = {(goal[0] + dx, goal[1] + dy) for dx, dy in DIRS.values()}
        prev: dict[tuple[int, int], tuple[tuple[int, int], str] | None] = {start: None}
        q = deque([start])
        while q:
            cur = q.popleft()
            if cur in goals:
                path = []
                while prev[cur] is not None:
                    cur, d = prev[cur][0], prev[cur][1]  # type: ignore[index]
                    path.append(d)
                return list(reversed(path))
            for d, (dx, dy) in DIRS.items():
                nxt = (cur[0] + dx, cur[1] + dy)
                if nxt not in prev and not self.blocked(*nxt):
                    prev[nxt] = (cur, d)
                    q.append(nxt)
        return None
