"""Drawing the world: pyscroll for the map, sprites for the characters, a camera that follows the
player and stays inside the map. Colour returns to the world as the player learns."""
from __future__ import annotations

import math
from functools import lru_cache

import pygame
import pyscroll

from game.paths import resource
from game.world.world import Actor, World

ROWS = {"down": 0, "left": 1, "right": 2, "up": 3}


@lru_cache(maxsize=64)
def load_sheet(name: str) -> pygame.Surface:
    path = resource("assets", "sprites", f"{name}.png")
    try:
        return pygame.image.load(str(path)).convert_alpha()
    except (FileNotFoundError, pygame.error):
        surf = pygame.Surface((192, 192), pygame.SRCALPHA)
        for r in range(4):
            for c in range(4):
                pygame.draw.circle(surf, (240, 200, 120), (c * 48 + 24, r * 48 + 28), 14)
                pygame.draw.circle(surf, (60, 40, 60), (c * 48 + 24, r * 48 + 28), 14, 3)
        return surf


def sprite_names() -> set[str]:
    folder = resource("assets", "sprites")
    return {p.stem for p in folder.glob("*.png")} if folder.exists() else set()


def desaturate(img: pygame.Surface, colour: float) -> pygame.Surface:
    """Blend an image towards grey; colour=1 keeps it, 0 makes it fully grey."""
    if colour >= 0.999:
        return img
    out = img.copy()
    grey = pygame.transform.grayscale(img)
    grey.set_alpha(int((1.0 - max(0.0, colour)) * 255))
    out.blit(grey, (0, 0))
    return out


class CharacterSprite(pygame.sprite.Sprite):
    def __init__(self, actor: Actor, tile: int, sheet: pygame.Surface | None = None) -> None:
        super().__init__()
        self.actor = actor
        self.tile = tile
        self.sheet = sheet if sheet is not None else load_sheet(actor.sprite)  # a sheet: e.g. the player's avatar
        fw = self.sheet.get_width() // 4
        fh = self.sheet.get_height() // 4
        self.frames = {(r, c): self.sheet.subsurface((c * fw, r * fh, fw, fh)) for r in range(4) for c in range(4)}
        self.image = self.frames[(0, 0)]
        self.rect = self.image.get_rect()
        self.bob = actor.sprite in ("guide", "thought")

    def sync(self) -> None:
        a = self.actor
        self.image = self.frames[(ROWS.get(a.facing, 0), a.frame())]
        x, y = a.pixel_pos(self.tile)
        dy = math.sin(a.anim_t * 3.0) * 3 if self.bob else 0
        self.rect.topleft = (round(x), round(y + dy - (self.rect.height - self.tile)))


class WorldView:
    def __init__(self, world: World, size: tuple[int, int], colour: float = 1.0,
                 player_sheet: pygame.Surface | None = None) -> None:
        self.world = world
        self.player_sheet = player_sheet  # the player's own avatar (built in memory), else the map's sprite
        tmx = world.lmap.tmx
        if colour < 0.999:
            tmx.images = [desaturate(img, colour) if img else img for img in tmx.images]
        data = pyscroll.data.TiledMapData(tmx)
        self.renderer = pyscroll.BufferedRenderer(data, size, clamp_camera=True)
        self.group = pyscroll.PyscrollGroup(map_layer=self.renderer, default_layer=world.lmap.sprite_layer)
        self.player_sprite = CharacterSprite(world.player, world.lmap.tile, player_sheet)
        self.npc_sprites = {id(n): CharacterSprite(n, world.lmap.tile) for n in world.npcs}
        self.group.add(self.player_sprite, *self.npc_sprites.values())

    def rebind_player(self) -> None:
        self.group.remove(self.player_sprite)
        self.player_sprite = CharacterSprite(self.world.player, self.world.lmap.tile, self.player_sheet)
        self.group.add(self.player_sprite)

    def hide_npc(self, actor: Actor) -> None:
        spr = self.npc_sprites.pop(id(actor), None)
        if spr is not None:
            self.group.remove(spr)

    def covers(self, size: tuple[int, int]) -> bool:
        """True when the map is at least as big as the screen: every frame paints every pixel."""
        lm = self.world.lmap
        return lm.width * lm.tile >= size[0] and lm.height * lm.tile >= size[1]

    def draw(self, surface: pygame.Surface) -> None:
        self.player_sprite.sync()
        for spr in self.npc_sprites.values():
            spr.sync()
        self.group.center(self.player_sprite.rect.center)
        self.group.draw(surface)

    def screen_pos(self, tile_xy: tuple[int, int]) -> tuple[int, int]:
        """Where a tile's top-left is on screen (for speech bubbles and prompts)."""
        t = self.world.lmap.tile
        ox, oy = self.renderer.get_center_offset()
        return tile_xy[0] * t + ox, tile_xy[1] * t + oy
