#!/usr/bin/env python3
"""The shape of the house, for reviews: files and lines per folder, the longest methods, and which folder of
src/Parley references which. Usage: tools/house.py [REPO]  (default: this repository). Method lengths are a
heuristic (a declaration at class level to its closing brace or semicolon), good enough to rank them."""
import os, re, sys, collections
root = sys.argv[1] if len(sys.argv) > 1 else os.path.join(os.path.dirname(os.path.abspath(__file__)), '..')
src = os.path.join(root, 'src/Parley')
feats = ['Access', 'Cli', 'Correspondence', 'Demo', 'Directory', 'Engagements', 'Calendars', 'Host', 'Pages', 'Record', 'Statements', 'Web']
def files(base):
    for d, _, fs in os.walk(base):
        if '/bin' in d or '/obj' in d: continue
        for f in fs:
            if f.endswith('.cs') or f.endswith('.cshtml'):
                yield os.path.join(d, f)
per = collections.Counter(); perf = collections.Counter()
for f in files(root + '/src'):
    rel = os.path.relpath(f, root + '/src')
    parts = rel.split('/')
    key = '/'.join(parts[:2]) if parts[0] == 'Parley' and len(parts) > 2 else parts[0] if parts[0] != 'Parley' else 'Parley (root)'
    if 'Migrations' in parts: key = 'migrations (generated)'
    n = sum(1 for _ in open(f, encoding='utf-8'))
    per[key] += n; perf[key] += 1
for t in ['tests', 'bench']:
    for f in files(root + '/' + t):
        per[t] += sum(1 for _ in open(f, encoding='utf-8')); perf[t] += 1
print('| folder | files | lines |'); print('|---|---|---|')
for k in sorted(per): print(f'| {k} | {perf[k]} | {per[k]} |')
# longest methods
meth = []
sig = re.compile(r'^(\s{4,8})(public|private|internal|protected)\s[^=;{]*?\b(\w+)(<[^>]*>)?\(')
for f in files(src):
    if f.endswith('.cshtml') or '/Migrations/' in f: continue
    lines = open(f, encoding='utf-8').read().split('\n')
    i = 0
    while i < len(lines):
        m = sig.match(lines[i])
        if m and ' class ' not in lines[i] and ' record ' not in lines[i]:
            ind = m.group(1); j = i
            # find body start
            while j < len(lines) and '{' not in lines[j] and '=>' not in lines[j] and not lines[j].rstrip().endswith(';'): j += 1
            if j < len(lines) and '=>' in lines[j] and '{' not in lines[j].split('=>')[0]:
                k = j
                while k < len(lines) and not lines[k].rstrip().endswith(';'): k += 1
            else:
                k = j + 1
                while k < len(lines) and not (lines[k].startswith(ind + '}') and len(lines[k].rstrip()) == len(ind) + 1): k += 1
            meth.append((k - i + 1, os.path.relpath(f, src) + ':' + str(i + 1), m.group(3)))
            i = k
        i += 1
meth.sort(reverse=True)
print('\n| lines | method | where |'); print('|---|---|---|')
for n, w, name in meth[:15]: print(f'| {n} | {name} | {w} |')
# references between folders
refs = collections.defaultdict(set)
for f in files(src):
    if '/Migrations/' in f: continue
    rel = os.path.relpath(f, src).split('/')
    me = rel[0] if len(rel) > 1 else '(root)'
    text = open(f, encoding='utf-8').read()
    for o in feats:
        if o == me: continue
        if re.search(r'(using Parley\.%s\b|Parley\.%s\.|(?<![\w.])%s\.[A-Z])' % (o, o, o), text):
            if o == 'Pages' and me == 'Pages': continue
            refs[me].add(o)
print('\n| folder | references |'); print('|---|---|')
for k in sorted(refs): print(f'| {k} | {", ".join(sorted(refs[k]))} |')
