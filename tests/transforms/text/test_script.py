"""Traditional -> Simplified: only where needed, complete on the Traditional seed, OpenCC gaps fixed."""

import re
from pathlib import Path

from transforms.text.script import detect_script, to_simplified, traditional_pattern

RAW = Path(__file__).resolve().parents[3] / "raw"


def test_pattern_has_traditional_only_characters() -> None:
    pattern = re.compile(traditional_pattern())
    for ch in "說區這個後裡於麼":
        assert pattern.fullmatch(ch), ch
    for ch in "说区这个后里于么着干发":  # Simplified characters, some shared with Traditional
        assert not pattern.fullmatch(ch), ch


def test_simplified_text_is_skipped_untouched() -> None:
    text = (RAW / "000_900b9bbc950467db.txt").read_text(encoding="utf-8")
    assert detect_script(text) == "simplified"
    assert to_simplified(text) == (text, 0)


def test_traditional_seed_converts_completely() -> None:
    text = (RAW / "003_92522d596ed444a6.txt").read_text(encoding="utf-8")
    assert detect_script(text) == "traditional"
    converted, changed = to_simplified(text)
    assert changed > 500
    assert not re.search(traditional_pattern(), converted)
    assert "万州区(qū)百安坝街道" in converted  # pinyin is a separate repair


def test_opencc_gaps_fixed_from_phrase_list() -> None:
    converted, _ = to_simplified("隨著活動開展，有著設施，走著害怕，意味著變化，著力解決")
    assert converted == "随着活动开展，有着设施，走着害怕，意味着变化，着力解决"
