#!/usr/bin/env python3
"""Builds analyzer/src/test/resources/evaluation/agency-names.csv from the real exports in
../shared/real-logs (Irvine CA PD's four sharing and hot lists, Eugene OR PD's sharing sources).

Labels are made without the analyzer's reader: the state a vendor wrote in a fixed place
(Vigilant's "(ST)" suffix, a "ST -" prefix or "- ST" suffix, Flock's "<City> <ST> <type>" code
in capitals before the agency type), else the list's own state where the list is one state's
(Irvine shares only with California agencies: A1 and A3), else Eugene's State column; a name
none of these labels is left unlabelled ("?"). Every name where the analyzer then disagreed
was read by hand, and hand labels (labels-hand.csv) override, each with why.
The federal label is by hand: every name with a federal word was read (55 of them).
The split is fixed by a hash of the name: one third "dev" (the rules may be tuned on it), two
thirds "held" (measured only)."""
import csv, hashlib, re, sys, os
top = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
logs = sys.argv[1] if len(sys.argv) > 1 else os.path.join(top, '..', 'shared', 'real-logs')
states = {r['code']: r['name'] for r in csv.DictReader(open(os.path.join(top, 'analyzer/src/main/resources/queryaudit/reference/us-states.csv')))}
FEDERAL = {'ATF NATIONAL ACCOUNT', 'HSI MASTER', 'SAN DIEGO SECTOR BORDER PATROL (CA)', 'US POSTAL INSPECTION SERVICE'}
TYPES = r"(?:PD|SO|SD|DA|DAS|DPS|FD|SHERIFF|SHERIFFS|POLICE|MARSHAL|MARSHALS|CONSTABLE|UNIVERSITY|COLLEGE|STATE|DEPARTMENT|DEPT|LAW|PARKS?|CAMPUS|HARBOR|PORT|PUBLIC|DRUG|NARCOTICS|TASK|HIDTA|COUNTY)"

def names(path):
    rows = list(csv.reader(open(path, encoding='utf-8-sig', errors='replace')))
    return [r[0].strip() for r in rows[1:] if r and r[0].strip()]

def vendor_state(name):
    m = re.search(r'\(([A-Z]{2})\)\s*(?:-.*)?$', name) or re.search(r'\(([A-Z]{2})\)', name)
    if m and m.group(1) in states:
        return m.group(1), 'vendor suffix (ST)'
    m = re.match(r'^([A-Z]{2})\s*-\s', name)
    if m and m.group(1) in states:
        return m.group(1), 'prefix ST -'
    m = re.search(r'\s*-\s*([A-Z]{2})\s*$', name)
    if m and m.group(1) in states:
        return m.group(1), 'suffix - ST'
    m = re.search(r'\b([A-Z]{2})\s+' + TYPES + r'\b', name)
    if m and m.group(1) in states and m.group(1) not in ('SD',):
        return m.group(1), 'Flock code before the agency type'
    m = re.search(r'\b(?:SO|PD|SHERIFF|DEPARTMENT)\s+([A-Z]{2})\s*$', name)
    if m and m.group(1) in states:
        return m.group(1), 'code after the agency type'
    for code, full in states.items():
        if name.upper().startswith(full.upper() + ' ') and not re.match(re.escape(full.upper()) + r' (COUNTY|CITY|BEACH)', name.upper()):
            return code, 'state name first'
    return None, None

hand = {}
hand_file = os.path.join(top, 'analyzer/src/test/resources/evaluation/labels-hand.csv')
if os.path.exists(hand_file):
    for r in csv.DictReader(l for l in open(hand_file) if not l.startswith('#')):
        hand[r['name']] = r

out = {}
def add(name, source, list_state=None, column_state=None):
    if name in out:
        out[name]['source'] += ';' + source
        return
    st, basis = vendor_state(name)
    if st is None and list_state:
        st, basis = list_state, 'the list is one state\'s (' + source + ')'
    if st is None and column_state:
        st, basis = column_state, 'the export\'s State column'
    note = ''
    if st is None and name in FEDERAL:
        st, basis = '?', 'federal (no state label)'
    if name in hand:
        st, basis, note = hand[name]['state'] or None, 'hand', hand[name]['why']
    out[name] = dict(name=name, source=source, state=st or '?', federal='true' if name in FEDERAL else 'false',
                     label_basis=basis or 'none', note=note,
                     split='dev' if int(hashlib.sha256(name.encode()).hexdigest(), 16) % 3 == 0 else 'held')

irv = os.path.join(logs, 'irvine-ca-pd-2025')
for n in names(os.path.join(irv, 'A1.csv')):
    add(n, 'irvine-A1', list_state='CA')
for n in names(os.path.join(irv, 'A3.csv')):
    add(n, 'irvine-A3', list_state='CA')
for n in names(os.path.join(irv, 'A2.csv')):
    add(n, 'irvine-A2')
for n in names(os.path.join(irv, 'A4.csv')):
    add(n, 'irvine-A4')
for r in csv.DictReader(open(os.path.join(logs, 'eugene-or-pd-sharing-sources-2025.csv'), encoding='utf-8-sig')):
    add(r['Name'].strip(), 'eugene-sharing', column_state=r['State'] if r['State'] in states else None)

w = csv.DictWriter(sys.stdout, fieldnames=['name', 'source', 'state', 'federal', 'label_basis', 'note', 'split'], lineterminator='\n')
w.writeheader()
for n in sorted(out):
    w.writerow(out[n])
