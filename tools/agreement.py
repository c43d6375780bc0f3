#!/usr/bin/env python3
"""Agreement between two annotations of the same gold sentences (optional tooling, not run by kgraph).

    python3 tools/agreement.py FIRST.jsonl [FIRST2.jsonl ...] -- SECOND.jsonl

Prints how many triples each annotator wrote, the share of the second's triples the first has
(P), of the first's the second has (R), and their F1. Names match loosely, as names in
`kgraph eval` do: case, periods, hyphens, a leading article and "'s" aside, "U.S." for the
United States, one name inside the other with the same last word; lemmas match exactly, with a
role's "former" aside.
"""
import json
import re
import sys

ALIASES = {'us': 'united states', 'usa': 'united states', 'america': 'united states', 'uk': 'united kingdom',
           'britain': 'united kingdom', 'un': 'united nations', 'eu': 'european union'}


def norm(s):
    s = s.lower().replace('.', '').replace('-', ' ').replace("'s", '')
    s = re.sub(r'^(the|a|an) ', '', s).strip()
    return ALIASES.get(s, s)


def same_name(a, b):
    a, b = norm(a), norm(b)
    if a == b:
        return True
    wa, wb = a.split(), b.split()
    if not wa or not wb or wa[-1] != wb[-1]:
        return False
    return a in b or b in a or set(wa) <= set(wb) or set(wb) <= set(wa)


def same_lemma(a, b):
    return ' '.join(a.lower().replace('former ', '').split()) == ' '.join(b.lower().replace('former ', '').split())


def load(paths):
    out = {}
    for path in paths:
        for line in open(path, encoding='utf-8'):
            d = json.loads(line)
            out[d['id']] = d['relations']
    return out


def main():
    if '--' not in sys.argv:
        sys.exit('usage: agreement.py FIRST.jsonl [...] -- SECOND.jsonl [...]')
    k = sys.argv.index('--')
    first, second = load(sys.argv[1:k]), load(sys.argv[k + 1:])
    match = lambda x, y: same_name(x[0], y[0]) and same_lemma(x[1], y[1]) and same_name(x[2], y[2])
    n1 = n2 = has1 = has2 = 0
    for sid, rels in first.items():
        other = second.get(sid, [])
        n1 += len(rels)
        n2 += len(other)
        has1 += sum(1 for y in rels if any(match(x, y) for x in other))
        has2 += sum(1 for x in other if any(match(x, y) for y in rels))
    p, r = has2 / max(1, n2), has1 / max(1, n1)
    f1 = 2 * p * r / max(1e-9, p + r)
    print(f'first {n1} triples, second {n2}; P {100 * p:.1f} R {100 * r:.1f} F1 {100 * f1:.1f}')


if __name__ == '__main__':
    main()
