"""Folder-level import graph of the API (non-spec, non-test-helper files): edges, 2-cycles with example files,
and every strongly connected component (cycles of any length) the split into libraries must
break. Run from the workspace root: python3 tools/api-folder-graph.py"""
import collections
import os
import re

root = 'apps/api/src'
edges = collections.defaultdict(set)
for dp, dn, fn in os.walk(root):
    for f in fn:
        if not f.endswith('.ts') or f.endswith('.spec.ts'):
            continue
        p = os.path.join(dp, f)
        # Test helpers (apps/api/src/testing, mail/*/testing) are only loaded by specs.
        if '/testing' in p[len(root):] + '/':
            continue
        rel = os.path.relpath(p, root)
        src = rel.split('/')[0] if '/' in rel else '(root)'
        for m in re.finditer(r"from '(\.[^']+)'", open(p).read()):
            t = os.path.normpath(os.path.join(dp, m.group(1)))
            tr = os.path.relpath(t, root)
            if tr.startswith('..'):
                continue
            dst = tr.split('/')[0] if '/' in tr else '(root)'
            if dst != src:
                edges[src].add((dst, rel))
deg = {s: set(d for d, _ in v) for s, v in edges.items()}
for s in sorted(deg):
    print(s, '->', sorted(deg[s]))
print('LOOPS:')
for a in sorted(deg):
    for b in sorted(deg[a]):
        if a < b and a in deg.get(b, ()):
            print(a, '<->', b, [r for d, r in edges[a] if d == b][:3],
                  [r for d, r in edges[b] if d == a][:3])

# Tarjan's strongly connected components.
index, low, on, stack, sccs, counter = {}, {}, set(), [], [], [0]
nodes = sorted(set(deg) | {d for ds in deg.values() for d in ds})


def visit(v):
    index[v] = low[v] = counter[0]
    counter[0] += 1
    stack.append(v)
    on.add(v)
    for w in sorted(deg.get(v, ())):
        if w not in index:
            visit(w)
            low[v] = min(low[v], low[w])
        elif w in on:
            low[v] = min(low[v], index[w])
    if low[v] == index[v]:
        comp = []
        while True:
            w = stack.pop()
            on.discard(w)
            comp.append(w)
            if w == v:
                break
        if len(comp) > 1:
            sccs.append(sorted(comp))


for v in nodes:
    if v not in index:
        visit(v)
print('CYCLIC COMPONENTS (folders that reach each other through some path):')
for comp in sccs:
    inner = {a: sorted(deg.get(a, set()) & set(comp)) for a in comp}
    print(' ', comp)
    for a in comp:
        print('     ', a, '->', inner[a])
if not sccs:
    print('  none')
