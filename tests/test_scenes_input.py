"""Scene stack semantics and the input mapper (keyboard, gamepad, replay state)."""
import pygame
import pytest

from game.input.actions import A, Action, InputState
from game.input.mapper import InputMapper
from game.scenes.base import Scene, SceneStack


class Rec(Scene):
    def __init__(self, name, log, modal=True, opaque=True, consume=True):
        self.name, self.log, self.modal, self.opaque, self.consume = name, log, modal, opaque, consume

    def enter(self): self.log.append(f"{self.name}.enter")
    def exit(self): self.log.append(f"{self.name}.exit")
    def pause(self): self.log.append(f"{self.name}.pause")
    def resume(self): self.log.append(f"{self.name}.resume")
    def update(self, dt): self.log.append(f"{self.name}.update")
    def draw(self, s): self.log.append(f"{self.name}.draw")

    def handle(self, action):
        self.log.append(f"{self.name}.handle")
        return self.consume


def test_transitions_apply_between_frames_with_lifecycle():
    log = []
    st = SceneStack()
    a, b, c = Rec("a", log), Rec("b", log), Rec("c", log)
    st.push(a)
    assert st.top is None  # nothing happens until apply()
    st.apply()
    st.push(b)
    st.apply()
    st.replace(c)
    st.apply()
    st.pop()
    st.apply()
    assert log == ["a.enter", "a.pause", "b.enter", "b.exit", "c.enter", "c.exit", "a.resume"]
    assert st.top is a


def test_modal_scene_takes_input_and_freezes_scenes_below():
    log = []
    st = SceneStack()
    world, dialog = Rec("world", log), Rec("dialog", log, modal=True, opaque=False, consume=False)
    st.push(world)
    st.push(dialog)
    st.apply()
    log.clear()
    st.dispatch(Action(A.CONFIRM))
    st.update(1 / 60)
    st.draw(pygame.Surface((8, 8)))
    assert "world.handle" not in log and "world.update" not in log
    assert log.index("world.draw") < log.index("dialog.draw")  # transparent: world drawn beneath


def test_non_modal_overlay_lets_unhandled_actions_through():
    log = []
    st = SceneStack()
    st.push(Rec("world", log))
    st.push(Rec("hud", log, modal=False, opaque=False, consume=False))
    st.apply()
    log.clear()
    st.dispatch(Action(A.CONFIRM))
    assert log == ["hud.handle", "world.handle"]


def key(k, down=True, mod=0):
    return pygame.event.Event(pygame.KEYDOWN if down else pygame.KEYUP, key=k, mod=mod, unicode="")


def test_the_frame_is_cleared_unless_the_scene_at_the_bottom_paints_all_of_it():
    class Painter(Rec):
        def covers_screen(self):
            return True

    surface = pygame.Surface((64, 36))
    stack = SceneStack()
    stack.push(Rec("menu", []))                 # draws only parts of the screen
    stack.apply()
    surface.fill((0, 255, 0))
    stack.draw(surface)
    assert surface.get_at((5, 5))[:3] == (20, 15, 34)          # last frame's pixels are gone
    stack.push(Painter("map", []))              # paints every pixel itself: no clear first
    stack.push(Rec("dialogue", [], opaque=False))
    stack.apply()
    surface.fill((0, 255, 0))
    stack.draw(surface)
    assert surface.get_at((5, 5))[:3] == (0, 255, 0)


def test_keyboard_arrows_and_wasd_map_to_the_same_actions():
    m = InputMapper()
    assert m.process(key(pygame.K_w)) == m.process(key(pygame.K_UP))
    assert Action(A.MOVE_START, "left") in m.process(key(pygame.K_a))
    assert m.process(key(pygame.K_a, down=False)) == [Action(A.MOVE_END, "left")]
    assert m.process(key(pygame.K_RETURN)) == [Action(A.CONFIRM)]
    assert m.process(key(pygame.K_SPACE)) == [Action(A.CONFIRM)]
    assert m.process(key(pygame.K_ESCAPE)) == [Action(A.CANCEL)]
    assert m.process(key(pygame.K_F1)) == [Action(A.HELP)]
    assert m.process(key(pygame.K_F11)) == [Action(A.FULLSCREEN)]
    assert m.process(key(pygame.K_F4, mod=pygame.KMOD_ALT)) == [Action(A.QUIT)]
    assert m.process(pygame.event.Event(pygame.QUIT)) == [Action(A.QUIT)]


def test_typing_a_nickname_does_not_walk_or_confirm_on_space():
    m = InputMapper(text_input_active=lambda: True)
    assert m.process(key(pygame.K_SPACE)) == []
    assert m.process(key(pygame.K_w)) == []
    assert m.process(key(pygame.K_RETURN)) == [Action(A.CONFIRM)]
    assert m.process(key(pygame.K_F1)) == [Action(A.HELP)]


def test_gamepad_hat_stick_and_buttons():
    m = InputMapper()
    assert m.process(pygame.event.Event(pygame.JOYBUTTONDOWN, button=0, instance_id=0)) == [Action(A.CONFIRM)]
    assert m.process(pygame.event.Event(pygame.JOYBUTTONDOWN, button=1, instance_id=0)) == [Action(A.CANCEL)]
    assert Action(A.MOVE_START, "up") in m.process(pygame.event.Event(pygame.JOYHATMOTION, value=(0, 1), hat=0, instance_id=0))
    assert m.process(pygame.event.Event(pygame.JOYHATMOTION, value=(0, 0), hat=0, instance_id=0)) == [Action(A.MOVE_END, "up")]
    out = m.process(pygame.event.Event(pygame.JOYAXISMOTION, axis=0, value=0.9, instance_id=0))
    assert Action(A.MOVE_START, "right") in out
    assert m.process(pygame.event.Event(pygame.JOYAXISMOTION, axis=0, value=0.1, instance_id=0)) == [Action(A.MOVE_END, "right")]


def test_input_state_is_built_from_actions_only_so_replays_match():
    s = InputState()
    for a in [Action(A.MOVE_START, "up"), Action(A.MOVE_START, "left"), Action(A.MOVE_END, "left")]:
        s.feed(a)
    assert s.direction() == "up"
    replay = [Action.from_json(a.to_json()) for a in [Action(A.MOVE_START, "down")]]
    s.feed(replay[0])
    assert s.direction() == "down"
