"""The header and footer kept in each process: bounded, least recently used first out."""

from __future__ import annotations

from django.core.cache import caches

from childhub.core import fragments


def test_a_process_keeps_a_bounded_number_of_fragments_dropping_the_least_recently_used():
    fragments.clear()
    drawn: list[int] = []

    def draw(n: int) -> str:
        drawn.append(n)
        return f"<p>{n}</p>"

    for n in range(fragments.KEEP_ENTRIES):
        fragments.kept(("test", n), lambda n=n: draw(n))
    fragments.kept(("test", 0), lambda: draw(-1))  # used again: kept, not drawn
    fragments.kept(("test", "one more"), lambda: draw(-2))
    assert len(fragments._kept) == fragments.KEEP_ENTRIES
    assert -1 not in drawn
    assert fragments.kept(("test", 0), lambda: draw(-3)) == "<p>0</p>"
    assert fragments.kept(("test", 1), lambda: draw(-4)) == "<p>-4</p>"  # the oldest went first
    fragments.clear()


def test_shared_parts_are_rendered_once_together_and_an_item_gone_meanwhile_is_left_out():
    calls: list[list[int]] = []

    def render(missing: list[int]) -> dict[int, str]:
        calls.append(missing)
        return {n: f"<li>{n}</li>" for n in missing if n != 3}  # 3 was deleted meanwhile

    keys = {n: f"test-part:{n}" for n in (1, 2, 3)}
    assert fragments.shared(keys, render, 60) == {1: "<li>1</li>", 2: "<li>2</li>"}
    assert fragments.shared({**keys, 4: "test-part:4"}, render, 60) == {
        1: "<li>1</li>",
        2: "<li>2</li>",
        4: "<li>4</li>",
    }
    assert calls == [[1, 2, 3], [3, 4]]


def test_joined_parts_are_kept_as_one_value_that_changes_with_any_part():
    calls: list[list[int]] = []

    def render(missing: list[int]) -> dict[int, str]:
        calls.append(missing)
        return {n: f"<li>{n}</li>" for n in missing if n != 9}  # 9 was deleted meanwhile

    keys = {n: f"test-joined:{n}:v1" for n in (1, 2)}
    assert fragments.joined(keys, render, 60) == "<li>1</li><li>2</li>"
    assert fragments.joined(keys, render, 60) == "<li>1</li><li>2</li>"
    assert calls == [[1, 2]]
    cache = caches["pages"]
    assert cache.get("test-joined:1:v1") == "<li>1</li>"  # each part is shared on its own too

    cache.set("test-joined:1:v1", "<li>stale</li>")
    keys[2] = "test-joined:2:v2"  # the second part changed: its own key, and the whole's
    assert fragments.joined(keys, render, 60) == "<li>stale</li><li>2</li>"
    assert calls == [[1, 2], [2]]

    with_gone = {**keys, 9: "test-joined:9:v1"}
    assert fragments.joined(with_gone, render, 60) == "<li>stale</li><li>2</li>"
    assert fragments.joined(with_gone, render, 60) == "<li>stale</li><li>2</li>"
    assert calls == [[1, 2], [2], [9], [9]]  # not kept without the part that is gone
    assert fragments.joined({}, render, 60) == ""
