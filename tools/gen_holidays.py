#!/usr/bin/env python3
"""Writes the lunar-calendar rows of Resources/lexicons/holidays.tsv (dates per year, 1950-2050) from the
`holidays` package (pip install holidays; MIT licence). Rule-based holidays (fixed days, nth weekdays,
Easter offsets) are written by hand in the file; run this only to refresh the date tables:
    python3 tools/gen_holidays.py > /tmp/lunar.tsv   # then paste over the generated block"""
import holidays

YEARS = range(1950, 2051)
# (canonical name, country whose calendar has it, the package's name for it, aliases)
LUNAR = [
    ("Eid al-Fitr", "TR", "Eid al-Fitr", "Eid ul-Fitr;Eid al Fitr;Eid-al-Fitr;Ramadan Bayram"),
    ("Eid al-Adha", "TR", "Eid al-Adha", "Eid ul-Adha;Eid al Adha;Eid-al-Adha;Kurban Bayram;Bakri Eid;Bakr Id;Id ul-Adha;Feast of the Sacrifice;Sacrifice Feast"),
    ("Islamic New Year", "AE", "Islamic New Year", "Hijri New Year;Muharram"),
    ("Mawlid", "AE", "Prophet's Birthday", "Prophet's Birthday;Mawlid al-Nabi;Mawlid al-Nabawi;Milad un Nabi"),
    ("Isra and Mi'raj", "AE", "Isra' and Mi'raj", "Isra' and Mi'raj;Lailat al Miraj"),
    ("Ashura", "IN", "Ashura", "Day of Ashura"),
    ("Chinese New Year", "CN", "Chinese New Year (Spring Festival)", "Spring Festival;Lunar New Year;Chinese Lunar New Year"),
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
    ("Purim", "IL", "Purim", ""),
    ("Hanukkah", "IL", "Hanukkah", "Chanukah;Hanukah"),
    ("Lag BaOmer", "IL", "Lag BaOmer", "Lag b'Omer;Lag Ba'omer"),
    ("Tisha B'Av", "IL", "Tisha B'Av (observed)", "Tisha b'Av;Tisha Be'av"),
    ("Yom HaAtzmaut", "IL", "Independence Day (observed)", "Yom Haatzmaut;Israeli Independence Day"),
    ("Day of Arafah", "AE", "Day of Arafah", "Arafat Day;Arafah Day"),
    ("Dragon Boat Festival", "CN", "Dragon Boat Festival", "Duanwu Festival"),
    ("Mid-Autumn Festival", "CN", "Mid-Autumn Festival", "Moon Festival;Mooncake Festival"),
    ("Qingming Festival", "CN", "Tomb-Sweeping Day", "Tomb-Sweeping Day;Qingming"),
    ("Maha Shivaratri", "IN", "Maha Shivaratri", "Mahashivratri;Shivaratri"),
    ("Ganesh Chaturthi", "IN", "Ganesh Chaturthi", "Vinayaka Chaturthi;Vinayak Chaturthi"),
    ("Raksha Bandhan", "IN", "Raksha Bandhan", "Rakhi"),
    ("Onam", "IN", "Onam", "Thiru Onam;Thiruvonam"),
    ("Makar Sankranti", "IN", "Makar Sankranti", "Makara Sankranthi;Maghi"),
    ("Pongal", "IN", "Pongal", "Thai Pongal"),
    ("Vaisakhi", "IN", "Vaisakhi", "Baisakhi;Vasakhi"),
    ("Ugadi", "IN", "Ugadi", "Yugadi;Gudi Padwa;Chaitra Sukladi;Samvatsaradi"),
    ("Basant Panchami", "IN", "Basant Panchami", "Vasant Panchami;Saraswati Puja"),
    ("Bhai Dooj", "IN", "Bhai Duj", "Bhai Duj;Bhaiya Dooj;Bhau Beej"),
    ("Holika Dahan", "IN", "Holika Dahan", "Chhoti Holi;Kamudu Pyre"),
    ("Govardhan Puja", "IN", "Govardhan Puja", "Annakut"),
    ("Karva Chauth", "IN", "Karaka Chaturthi (Karwa Chouth)", "Karwa Chauth;Karaka Chaturthi"),
    ("Chhath Puja", "IN", "Pratihar Shashthi or Surya Shashthi (Chhath Puja)", "Surya Shashthi;Chhath"),
    ("Rath Yatra", "IN", "Rath Yatra", "Ratha-Yatra;Ratha Yatra"),
    ("Guru Nanak Jayanti", "IN", "Guru Nanak's Birthday", "Guru Nanak's Birthday;Gurpurab"),
    ("Guru Gobind Singh Jayanti", "IN", "Guru Gobind Singh's Birthday", "Guru Gobind Singh's Birthday;Guru Gobind Singh Birthday;Guru Govind Singh Jayanti"),
    ("Guru Ravidas Jayanti", "IN", "Guru Ravi Das's Birthday", "Guru Ravidass Jayanti;Guru Ravidas Birthday;Guru Ravidass Birthday"),
    ("Rabindra Jayanti", "IN", "Guru Rabindranath's Birthday", "Rabindranath Jayanti"),
    ("Valmiki Jayanti", "IN", "Maharishi Valmiki's Birthday", "Pargat Diwas"),
    ("Parsi New Year", "IN", "Parsi New Year", "Jamshedi Navroz;Navroz"),
]

def names_of(label):
    """The holiday names in one of the package's labels ("Makar Sankranti; Pongal", "A / B")."""
    out = {label.replace(" (estimated)", "")}
    for part in label.replace(" (estimated)", "").replace(" / ", "; ").split("; "):
        out.add(part.strip())
    return out

def calendar(country, year):
    cls = holidays.country_holidays(country)
    return holidays.country_holidays(country, years=year, categories=cls.supported_categories)



for name, country, source, aliases in LUNAR:
    dates = []
    for y in YEARS:
        try:
            h = calendar(country, y)
        except Exception:
            continue
        days = sorted(d for d, n in h.items() if source in names_of(n))
        if days:
            dates.append(days[0].isoformat())
    print(f"{name}\tdates {';'.join(dates)}\t{aliases}")
