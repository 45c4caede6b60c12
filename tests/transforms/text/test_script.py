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


def test_hong_kong_variant_characters_are_simplified() -> None:
    # 衞 is the Hong Kong form of 衛; plain t2s leaves it (and 擡, 敍) Traditional
    converted, _ = to_simplified("衞生防護中心表示，敍述病例時擡頭的數字")
    assert converted == "卫生防护中心表示，叙述病例时抬头的数字"


def test_taiwan_particle_zhe_becomes_zhe_but_zhu_words_stay() -> None:
    # Taiwan writes the aspect particle 着 as 著; 著名, 顯著, 著作 keep 著
    converted, _ = to_simplified("這標誌著新階段，志工們忙著服務，承擔著責任；著名學者的著作顯著增加")
    assert converted == "这标志着新阶段，志工们忙着服务，承担着责任；著名学者的著作显著增加"


def test_one_converter_for_every_region() -> None:
    from transforms.text import script

    assert script.CONFIG == "t2s"
    hk, _ = to_simplified("港幣800元，實用面積500呎")
    tw, _ = to_simplified("新臺幣3萬元，民國110年")
    assert (hk, tw) == ("港币800元，实用面积500呎", "新台币3万元，民国110年")
