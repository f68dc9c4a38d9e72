#!/usr/bin/env python3
"""Builds analyzer/src/test/resources/evaluation/reasons.csv from Irvine CA PD's real audit
(../shared/real-logs/irvine-ca-pd-2025/Audit.csv, 44,659 rows, 7,490 distinct reasons), which no
pattern was written from. Rows: a seeded random sample of 500 distinct reasons with letters,
labelled by hand for every category (VAGUE below: the indexes read as stating no purpose: only
case, report, CFS or FI numbers with or without an agency's letters, a plate, a name, a unit, or
words such as 'investigation', 'crime', 'follow up', 'testing', 'locate'); every distinct reason
caught by a broad net of federal, immigration and state words (16), read by hand; 350 distinct
reasons that are numbers only (a bare case number: vague by the category's definition). Owner
state: CA. Split by a hash of the reason: one third dev, two thirds held. Also the 165 distinct
real reasons of Eugene OR PD's portal export (owner OR), labelled in the first session
(tagging/reason-eval.csv); the vague patterns were written from them, so they are all "dev"."""
import csv, collections, hashlib, os, random, re, sys
top = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
logs = sys.argv[1] if len(sys.argv) > 1 else os.path.join(top, '..', 'shared', 'real-logs')
rows = list(csv.DictReader(open(os.path.join(logs, 'irvine-ca-pd-2025', 'Audit.csv'), encoding='utf-8', errors='replace')))
c = collections.Counter(r['Reason'] for r in rows)
letters = sorted(r for r in c if re.search('[A-Za-z]', r))
random.seed(13)
sample = random.sample(letters, 500)
VAGUE = {1,4,7,8,11,12,13,17,20,23,25,33,34,35,42,44,45,46,50,53,54,56,58,61,62,63,68,70,72,73,75,76,77,78,80,82,84,85,86,
         87,89,90,91,94,96,97,100,101,102,104,107,109,111,113,114,115,118,119,120,121,122,125,127,128,130,133,135,137,142,
         144,146,149,151,156,158,159,161,163,164,165,176,178,182,183,185,190,191,194,198,199,200,201,204,205,206,208,211,
         212,215,217,218,222,223,224,225,230,231,235,238,240,243,244,246,248,251,255,258,259,260,261,262,270,272,276,279,
         282,284,285,286,289,290,295,296,297,299,305,306,308,311,317,318,321,322,323,324,325,327,335,337,342,343,348,349,
         350,352,353,356,358,359,363,364,365,366,367,368,371,372,373,374,375,376,380,381,382,384,387,388,389,392,393,395,
         397,398,404,405,406,407,409,410,411,413,414,416,418,419,422,423,424,425,426,428,435,436,437,440,441,443,445,448,
         449,451,453,456,457,458,461,464,466,467,470,471,474,475,477,478,480,483,485,487,489,490,491,492,493,494,495,496,
         497,498}
# The net's catches, read by hand: reason -> (immigration, federal_assist, out_of_state_assist, vague, why)
NET = {
    'ATF suspect vehicle': (0, 1, 0, 0, ''),
    'Anaheim PD ICE Impersonation series June 2024': (0, 0, 0, 0, 'a crime against ICE impersonators, not immigration enforcement'),
    'anaheim pd ICE impersonation case': (0, 0, 0, 0, 'a crime against ICE impersonators, not immigration enforcement'),
    'FBI tip SATG': (0, 1, 0, 0, ''),
    'FBISATG INTEL BULLETIN': (0, 1, 0, 0, 'FBI run into SATG without a space'),
    'Flagler Co FL Sheriff 024-59555': (0, 0, 1, 0, 'Flagler County, Florida'),
    'LA HABRA PD 24-037851': (0, 0, 0, 1, 'La Habra CA, not Louisiana'),
    'LA Habra PD 24-036794': (0, 0, 0, 1, 'La Habra CA, not Louisiana'),
    'LA PD ATI 459R': (0, 0, 0, 0, 'LAPD'),
    'LA PD ATI 594': (0, 0, 0, 0, 'LAPD'),
    'LA VERNE PD 211 CASE BOFA 250100504': (0, 0, 0, 0, 'La Verne CA'),
    'Texas Fusion Center BOLO 2023-01-23.1': (0, 0, 1, 0, 'hard: a Texas state fusion center (DPS), no police word'),
    'atf tip': (0, 1, 0, 0, ''),
    'fbi officer safety bulletin': (0, 1, 0, 0, ''),
    'illinois state police bulletin 24-41783700091': (0, 0, 1, 0, ''),
    'Renton Wa 24-2207': (0, 0, 1, 0, 'hard: Renton, Washington, and its case number; no police word'),
    'NY ORC meds': (0, 0, 0, 0, 'organised retail crime in New York, no agency'),
}
AMBIGUOUS = {'trent DEA': 'may be a surname (real-logs README)', 'trent dea': 'may be a surname (real-logs README)'}
out = {}
def add(reason, imm, fed, oos, vague, source, why='', owner='CA', split=None, missing=0):
    if reason in out or reason in AMBIGUOUS:
        return
    if split is None:
        split = 'dev' if int(hashlib.sha256(reason.encode()).hexdigest(), 16) % 3 == 0 else 'held'
    out[reason] = dict(reason=reason, owner_state=owner, immigration=imm, federal_assist=fed, out_of_state_assist=oos,
                       vague_reason=vague, missing_reason=missing, source=source, note=why, split=split)
for r, v in NET.items():
    add(r, *v[:4], 'irvine-audit (net, by hand)', v[4])
for i, r in enumerate(sample):
    add(r, 0, 0, 0, 1 if i in VAGUE else 0, 'irvine-audit (sample, by hand)')
numbers = sorted(r for r in c if r.strip() and not re.search('[A-Za-z]', r))
random.seed(17)
for r in random.sample(numbers, 350):
    add(r, 0, 0, 0, 1, 'irvine-audit (numbers only)', 'a bare case number')
for r in csv.DictReader(open(os.path.join(top, 'analyzer/src/test/resources/tagging/reason-eval.csv'))):
    if r['source'] == 'real':
        e = set(r['expected'].split(';'))
        add(r['reason'], int('immigration' in e), int('federal_assist' in e), int('out_of_state_assist' in e),
            int('vague_reason' in e), 'eugene-portal (first session, by hand)', owner=r['owner_state'], split='dev',
            missing=int('missing_reason' in e))
w = csv.DictWriter(sys.stdout, fieldnames=list(next(iter(out.values())).keys()), lineterminator='\n')
w.writeheader()
for r in sorted(out):
    w.writerow(out[r])
