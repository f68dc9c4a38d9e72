#!/usr/bin/env python3
"""Writes reason-eval.csv: reason strings with the tags a careful reader expects.

Labels are written by hand below (never by running the tagger). Sources:
  real      the 165 distinct reasons of shared/real-logs/eugene-or-pd-portal-search-audit-2025.csv (CC0)
  anchors   reason strings quoted in shared/research/anchors.md
  hard      hard cases for each trap of issue 3, in several surface variants
Run from this folder: python3 make-reason-eval.py ../../../../../shared/real-logs/eugene-or-pd-portal-search-audit-2025.csv
"""
import csv, sys

IMM, FED, OOS, VAGUE, MISS = "immigration", "federal_assist", "out_of_state_assist", "vague_reason", "missing_reason"
rows = []

def add(reason, tags, source, owner="OR"):
    rows.append((reason, owner, ";".join(tags), source))

# --- real: Eugene OR PD portal reasons (owner OR) --------------------------------------
vague_real = {
    "2508068", "2514277", "419DHN", "589hpm", "Admin Test", "Admin test", "Administrative Test", "Camera Test", "Test",
    "admin test", "Training", "INV", "INV.", "INVES", "INVEST", "INVESTIGATIOM", "INVESTIGATION", "INVESTIGATIONS",
    "INVESTIGATIVE", "INVESTIGATON", "IVESTIGATIONS", "Inv", "Investigaiton", "Investigation", "Investigation*",
    "Investigation, 2510494", "Investigation.", "Investigationn", "Investigations", "Investigative", "Investigatoin",
    "inv", "inves", "invesigation", "invest", "investagation", "investgation", "investiga", "investigatin",
    "investigation", "investigation+", "investigations", "investigative", "investigative+", "investigtion",
    "investiogation", "invetigation", "invetigations", "invewsigations", "inestigation", "Criminal Investigation",
    "Criminal investigation", "crim inv", "criminal investigation", "criminal+investigation", "CFS", "cfs",
    "Daytime search for best result", "POLICE", "police", "fu", "Crimes",
}
if len(sys.argv) > 1:
    seen = set()
    with open(sys.argv[1], encoding="utf-8-sig", newline="") as f:
        for r in csv.DictReader(f):
            reason = r["reason"]
            if reason in seen:
                continue
            seen.add(reason)
            if reason.strip() == "":
                add(reason, [MISS], "real")
            else:
                add(reason, [VAGUE] if reason in vague_real else [], "real")

# --- anchors: reasons quoted in anchors.md ----------------------------------------------
for r in ["immigration", "ICE", "ICE+ERO", "ICE WARRANT", "HSI", "DHS", "CBP", "ICE FUGOPS", "criminal alien",
          "ICE pick up", "ice administrative warrant", "Immigration (civil/administrative)", "deportation",
          "removal order", "Immigration (criminal)", "287(g)"]:
    add(r, [IMM], "anchors")
for r in ["targeting", "ADMINISTRATIVE SPOUSE OF TARGET", "DHS AOD", "had an abortion, search for female", "No Kings",
          "protest", "Portland Riots", "Wanted Person (Arrest Warrant/Fugitive) - Criminal Justice Purpose",
          "Auto Theft / VCD Investigation - Auto Theft / VCD Investigation", "Motor Vehicle Theft/Stolen",
          "Larceny/Theft Offenses", "Burglary/Breaking & Entering", "Drugs/Narcotics", "Welfare Check",
          "Homicide/Death Investigation", "Assault/Battery Offenses (Domestic)", "Hit and Run/Car Accident"]:
    add(r, [], "anchors")
for r in ["Investigation", "check", "test", "n/a", "asdf", ".", "-", "none", "lookup", "verify"]:
    add(r, [VAGUE], "anchors")
add("assist US Marshals", [FED], "anchors")
add("FBI", [FED], "anchors")

# --- hard cases, each in variants that keep its meaning --------------------------------
def variants(base):
    return [base, base.upper(), "re: " + base + " 25-004411"]

def hard(bases, tags, owner="CA"):
    for b in bases:
        for v in variants(b):
            add(v, tags, "hard", owner)

# ice as methamphetamine, a nickname, or weather: not immigration
hard(["ice possession", "ice sales H&S 11379", "poss of ice", "selling ice", "ice (meth) sales", "suspect selling ice and fentanyl",
      "11377 HS - ice", "crystal ice possession", "ice dealer", "narcotics - ice", "ice 3 grams", "buy bust ice", "ice pipe found",
      "meth / ice distribution", "suspect aka Ice", "subject goes by ice", "black ice collision", "ice storm damage"], [])
# ICE the agency
hard(["ICE hold", "ICE detainer", "ICE warrant", "ice pickup", "ICE pick-up", "assist ICE", "ICE/ERO", "ICE-ERO target",
      "ICE agent request", "per ICE", "ICE case", "U.S. ICE", "req by ICE SA", "ICE"], [IMM])
# letters ICE inside other words
hard(["VICE unit follow up", "police report", "notice of violation", "juice bar burglary", "office burglary",
      "justice court warrant", "price tag switching", "service call", "device theft", "invoice fraud",
      "ice cream truck theft", "Police assist"], [])
# Marshall the surname or street; marshal of a city or fire department
hard(["Marshall St burglary", "suspect Marshall Jones", "John Marshall theft", "Marshall Ave shooting",
      "fire marshal arson", "city marshal request"], [])
hard(["US Marshals", "U.S. Marshals fugitive task force", "USMS warrant", "assist US Marshal", "Marshals Service",
      "USMS TF", "U.S. Marshall assist"], [FED])
# dea inside other words
hard(["idea from tip line", "dead body found", "deal gone bad", "deadline follow up", "Deanna missing", "deaf driver hit and run"], [])
hard(["DEA task force", "assist DEA", "DEA case"], [FED])
# state code sections that look like federal acronyms; HSI itself
hard(["HS 11377", "H&S 11378 sales", "HSC 11550", "VC 10851", "PC 496 stolen property", "HS11350 poss"], [])
hard(["HSI case", "HSI SA request", "Homeland Security Investigations"], [IMM])
# 287 without (g)
hard(["PC 287 theft", "287 PC", "Stolen Vehicle E287021", "287 Main St burglary"], [])
# only a case number (which happens to contain 287): vague, not 287(g)
hard(["case 287-2025"], [VAGUE])
hard(["287(g)", "287g task force", "287 (g) agreement"], [IMM])
# removal in its ordinary senses
hard(["snow removal complaint", "graffiti removal", "removal of property", "tree removal dispute", "vehicle removal tow"], [])
hard(["removal proceedings", "order of removal", "deportation case", "deport", "final removal order"], [IMM])
# DHS of a county health or human-services department
hard(["DHS AOD", "county DHS welfare check", "DHS child welfare", "DHS CPS referral", "assist DHS caseworker",
      "DHS foster placement runaway"], [])
hard(["DHS request", "Dept of Homeland Security", "DHS"], [IMM])
# federal inside a place name
hard(["Federal Way PD assist", "Federal Way burglary", "Federal Heights robbery", "Federal Blvd shooting", "Federal Hill stolen car"], [], owner="WA")
hard(["federal agent request", "federal task force", "feds requested"], [FED])
# justice and police in ordinary reasons
hard(["juvenile justice referral", "police department request", "assist other police", "police impersonation"], [])
# assists for in-state police (owner WA): not federal, not out of state
hard(["assist Tacoma PD", "AOA Seattle PD", "assist Pierce County SO", "mutual aid King County SO", "Washington State Patrol assist"], [], owner="WA")
# another state's police named
hard(["assist Portland OR PD", "Oregon State Police request", "assist Boise Idaho PD", "Las Vegas NV PD", "assist Texas DPS",
      "California Highway Patrol request"], [OOS], owner="WA")
hard(["Washington Blvd theft", "Nevada City burglary", "Virginia St shooting"], [], owner="CA")
# more immigration
hard(["immigration", "immigrant smuggling", "illegal alien", "criminal alien", "8 USC 1326", "8 U.S.C. 1325", "illegal reentry",
      "USCIS request", "border patrol", "CBP", "USBP", "Customs and Border Protection", "ERO", "Enforcement and Removal Operations",
      "ICE FUGOPS", "fugitive operations", "immigration detainer", "I-247 detainer"], [IMM])
hard(["criminal detainer", "county detainer", "IAD detainer"], [])
# more federal assist
hard(["FBI", "FBI Safe Streets", "Safe Streets Task Force", "ATF", "ATF NIBIN lead", "USSS", "Secret Service"], [FED])
hard(["HSI task force"], [IMM, FED])
# vague
hard(["investigation", "inv", "test", "n/a", "NA", "none", ".", "asdf"], [VAGUE])
for r in ["25-001234", "2025-00123", "#123456", "case 25-1234", "investigation - 25-001234"]:
    add(r, [VAGUE], "hard", "CA")
add("", [MISS], "hard", "CA")
add("   ", [MISS], "hard", "CA")

with open("reason-eval.csv", "w", newline="", encoding="utf-8") as f:
    w = csv.writer(f, lineterminator="\n")
    w.writerow(["reason", "owner_state", "expected", "source"])
    w.writerows(rows)
print(len(rows), "rows")
