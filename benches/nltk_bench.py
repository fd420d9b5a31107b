"""The NLTK side of the benchmark (benches/run.mjs runs it): the operations a researcher
scripts with NLTK, on the engine's own tokens (the terms of `tokens(id)` for every document,
exported by run.mjs, one a line, documents in order), so that both count the same words.

Usage: python3 benches/nltk_bench.py <tokens file> <runs>

Prints one JSON object: milliseconds (medians) and the counts that check the comparison.
No NLTK data is needed (no corpus readers, no nltk.download).
"""

import json
import sys
import time

from nltk import FreqDist
from nltk.collocations import BigramAssocMeasures, BigramCollocationFinder
from nltk.text import ConcordanceIndex


def timed(runs, fn):
    times = []
    out = None
    for _ in range(runs):
        start = time.perf_counter()
        out = fn()
        times.append((time.perf_counter() - start) * 1000)
    times.sort()
    return times[len(times) // 2], out


def main():
    path, runs = sys.argv[1], int(sys.argv[2])
    with open(path, encoding="utf-8") as f:
        tokens = f.read().split("\n")
    if tokens and tokens[-1] == "":
        tokens.pop()
    measures = BigramAssocMeasures()
    out = {"tokens": len(tokens)}

    ms, freq = timed(runs, lambda: FreqDist(tokens))
    out["freqDist"] = ms
    out["types"] = len(freq)
    out["theCount"] = freq["the"]
    ms, _ = timed(runs, lambda: freq.most_common())
    out["freqDistMostCommon"] = ms

    # Every adjacent bigram, scored by each measure (the finder's usual use).
    ms, finder = timed(runs, lambda: BigramCollocationFinder.from_words(tokens))
    out["bigramFinder"] = ms
    out["bigrams"] = len(finder.ngram_fd)
    for name in ("likelihood_ratio", "pmi", "student_t"):
        ms, _ = timed(runs, lambda: finder.score_ngrams(getattr(measures, name)))
        out["bigram_" + name] = ms

    # The collocates of "the" within 5 words either side: a window of 6 (the node and the 5
    # words after it; "the" as the second word of a pair gives the 5 before it), the pairs
    # without "the" filtered out, then scored by the three measures.
    def the_finder():
        f = BigramCollocationFinder.from_words(tokens, window_size=6)
        f.apply_ngram_filter(lambda w1, w2: "the" not in (w1, w2))
        return f

    ms, the = timed(max(1, runs // 2), the_finder)
    out["theFinder"] = ms
    out["theCollocatePairs"] = len(the.ngram_fd)
    for name in ("likelihood_ratio", "pmi", "student_t"):
        ms, _ = timed(runs, lambda: the.score_ngrams(getattr(measures, name)))
        out["the_" + name] = ms

    ms, index = timed(runs, lambda: ConcordanceIndex(tokens))
    out["concordanceIndex"] = ms
    ms, offsets = timed(runs, lambda: index.offsets("the"))
    out["offsetsThe"] = ms
    out["offsetsTheCount"] = len(offsets)
    ms, lines = timed(max(1, runs // 2), lambda: index.find_concordance("the", width=80))
    out["concordanceThe"] = ms
    out["concordanceTheLines"] = len(lines)
    print(json.dumps(out))


if __name__ == "__main__":
    main()
