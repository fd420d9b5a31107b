#!/usr/bin/env python3
"""Writes the seed corpora for the fuzz targets into fuzz/corpus/<target>/ (gitignored)."""
import os
import pathlib

here = pathlib.Path(__file__).resolve().parent
articles = sorted((here.parent / "src" / "articles").glob("*.txt"))
texts = [p.read_text(encoding="utf-8") for p in articles] + [
    "I ❤️ 🦀 Rust 👍🏽 a😀b 👨‍👩‍👧 🇰🇷🇰🇵",
    "日本語のテキスト 한국어 텍스트 中文文本。第二句！",
    "“Hello,” she said – ‘twice’… Putin’s PUTIN'S can’t Putinʼs states' rights",
    "ΟΔΥΣΣΕΥΣ STRASSE Straße İstanbul Ⅻ ٣٤ كتاب Cafe\u0301 x² ½",
    "The U.S. said 3.14 and 2:45 am; 11,000 people. a.B snake_case nuclear-armed",
    "10\u202f000 habitants\u00a0; l’été « déjà »",
    "L’été qu’il jusqu'à aujourd’hui, dell’anno un’amica l’\u0301été d’l’x QU’IL",
    " \u093e\n\u0301a \u200d\u200dx\u00ad",
]
queries = [
    '"north korea"|kim', "sanction*", "putin", "putin's", "*tion", "col*r",
    '"north kor*"', "north korea", "kim|", '"north', "*", "!!!", "", "日", "rust",
    "he*o", "hello|she|twice", "été", "10\u202f000",
]
sorts = ["", "position", "1R", "1L", "K", "1R,2R,3R", "2L,1L,K", "51L", "0R", "1é", "+1R", " k , 1r "]

tok = here / "corpus" / "tokenize"
qry = here / "corpus" / "query"
for d in (tok, qry):
    d.mkdir(parents=True, exist_ok=True)

for i, t in enumerate(texts):
    (tok / f"seed-{i:02}").write_bytes(t.encode("utf-8"))

n = 0
def seed(header, *parts):
    global n
    (qry / f"seed-{n:03}").write_bytes(bytes(header) + "\0".join(parts).encode("utf-8"))
    n += 1

# window, offset, limit, flags (bit 0: articles; bits 1-2: doc filter; bit 6: query from text), b4, b5
for q in queries:
    seed([5, 0, 100, 1, 0, 0], q, "")
for s in sorts:
    seed([3, 2, 20, 1, 0, 0], "putin|kim|korea*", s)
for t in texts[2:]:
    seed([2, 0, 50, 0, 0, 0], "rust|said|*s", "1R,1L", t)
    seed([50, 1, 10, 0x40, 3, 4], "", "K", t, t)
seed([5, 0, 254, 0x41, 17, 5], "", "1R,2L")           # query built from article 0
seed([0, 0, 255, 1, 0, 0], "putin", "")                 # limit too large
seed([60, 0, 10, 1, 0, 0], "putin", "")                 # window too large
seed([5, 0, 10, 1 | (3 << 1) | (5 << 3), 0, 0], "putin", "")  # unknown document
print(f"{len(texts)} tokenize seeds, {n} query seeds")
