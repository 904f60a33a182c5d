#!/usr/bin/env python3
"""Writes the lunar-calendar rows of Resources/lexicons/holidays.tsv (dates per year, 1990-2040) from the
`holidays` package (pip install holidays; MIT licence). Rule-based holidays (fixed days, nth weekdays,
Easter offsets) are written by hand in the file; run this only to refresh the date tables:
    python3 tools/gen_holidays.py > /tmp/lunar.tsv   # then paste over the generated block"""
import holidays

YEARS = range(1990, 2041)
# (canonical name, country whose calendar has it, the package's name for it, aliases)
LUNAR = [
    ("Eid al-Fitr", "TR", "Eid al-Fitr", "Eid ul-Fitr;Eid al Fitr;Eid-al-Fitr;Ramadan Bayram"),
    ("Eid al-Adha", "TR", "Eid al-Adha", "Eid ul-Adha;Eid al Adha;Eid-al-Adha;Kurban Bayram;Bakri Eid;Feast of the Sacrifice"),
    ("Islamic New Year", "AE", "Islamic New Year", "Hijri New Year;Muharram"),
    ("Mawlid", "AE", "Prophet's Birthday", "Prophet's Birthday;Mawlid al-Nabi;Milad un Nabi"),
    ("Isra and Mi'raj", "AE", "Isra' and Mi'raj", "Isra' and Mi'raj;Lailat al Miraj"),
    ("Ashura", "IN", "Ashura", "Day of Ashura"),
    ("Chinese New Year", "CN", "Chinese New Year (Spring Festival)", "Spring Festival;Lunar New Year"),
    ("Diwali", "IN", "Diwali", "Deepavali"),
    ("Holi", "IN", "Holi", ""),
    ("Vijayadashami", "IN", "Dussehra", "Dussehra;Dasara"),
    ("Krishna Janmashtami", "IN", "Janmashtami (Vaishnava)", "Janmashtami"),
    ("Rama Navami", "IN", "Ram Navami", "Ram Navami"),
    ("Mahavir Jayanti", "IN", "Mahavira's Birthday", "Mahavira Jayanti"),
    ("Vesak", "IN", "Buddha Purnima", "Buddha Purnima;Buddha Day;Buddha Jayanti"),
    ("Rosh Hashanah", "IL", "Rosh Hashanah", "Jewish New Year"),
    ("Yom Kippur", "IL", "Yom Kippur", "Day of Atonement"),
    ("Passover", "IL", "Pesach", "Pesach"),
    ("Shavuot", "IL", "Shavuot", ""),
    ("Sukkot", "IL", "Sukkot", ""),
    ("Simchat Torah", "IL", "Simchat Torah / Shemini Atzeret", "Shemini Atzeret"),
]

for name, country, source, aliases in LUNAR:
    dates = []
    for y in YEARS:
        try:
            h = holidays.country_holidays(country, years=y)
        except Exception:
            continue
        days = sorted(d for d, n in h.items() if n.replace(" (estimated)", "") == source)
        if days:
            dates.append(days[0].isoformat())
    print(f"{name}\tdates {';'.join(dates)}\t{aliases}")
