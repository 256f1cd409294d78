"""Synthetic wire copy for the benchmarks: N stories x M articles, deterministic from a seed.

Each story is one event (a shooting, crash, fire, flood, siege or riot) in one place on one
day, with a toll, injured, named people with ages, officials and a date. Each article is one
outlet's take on it, published on the day or a few days later: its toll may be an early one
("at least 12"), qualified ("more than", "nearly two dozen"), spelled out ("seven"), or now
and then plainly wrong; ages are sometimes off by one; background paragraphs recall other
events with their own numbers and years; boilerplate lines ("Advertisement", "Also Read",
newsletter pitches, copyright lines) sit between paragraphs; a few articles are syndicated
copies of another, a few carry mojibake or CRLF line ends. Article lengths run 1-8 KB.

Layout:  <out>/story_0001/01_outlet.com.txt   (title line, then "Date: YYYY-MM-DD", then body)

The text of story i, article j depends only on (seed, i, j), never on how many stories or
articles were asked for, so a smaller corpus is a prefix of a bigger one with the same seed.

    python bench/generate.py --out /tmp/factcheck-bench/corpus --stories 100 --articles 10 --seed 1

From Python:  generate(out, stories, articles, seed) -> {"files", "bytes", "stories"}.
"""
from __future__ import annotations

import argparse
import datetime as dt
import math
import os
import random
import re
import sys
from pathlib import Path

GENERATOR_VERSION = 1

# ---------------------------------------------------------------------------- vocabulary

PLACES = [  # city, region or state, country, kind of place it is
    ("Lyon", "Auvergne-Rhone-Alpes", "France"), ("Marseille", "Provence", "France"),
    ("Liege", "Wallonia", "Belgium"), ("Verviers", "Wallonia", "Belgium"),
    ("Antwerp", "Flanders", "Belgium"), ("Rotterdam", "South Holland", "Netherlands"),
    ("Hamburg", "Hamburg", "Germany"), ("Dortmund", "North Rhine-Westphalia", "Germany"),
    ("Leipzig", "Saxony", "Germany"), ("Graz", "Styria", "Austria"),
    ("Bologna", "Emilia-Romagna", "Italy"), ("Naples", "Campania", "Italy"),
    ("Porto", "Norte", "Portugal"), ("Valencia", "Valencia", "Spain"),
    ("Seville", "Andalusia", "Spain"), ("Gdansk", "Pomerania", "Poland"),
    ("Brno", "South Moravia", "Czech Republic"), ("Cluj-Napoca", "Transylvania", "Romania"),
    ("Thessaloniki", "Central Macedonia", "Greece"), ("Izmir", "Aegean", "Turkey"),
    ("Manchester", "Greater Manchester", "England"), ("Leeds", "West Yorkshire", "England"),
    ("Glasgow", "Lanarkshire", "Scotland"), ("Cork", "Munster", "Ireland"),
    ("Tulsa", "Oklahoma", "United States"), ("Dayton", "Ohio", "United States"),
    ("El Paso", "Texas", "United States"), ("Fresno", "California", "United States"),
    ("Spokane", "Washington", "United States"), ("Savannah", "Georgia", "United States"),
    ("Baton Rouge", "Louisiana", "United States"), ("Omaha", "Nebraska", "United States"),
    ("Winnipeg", "Manitoba", "Canada"), ("Halifax", "Nova Scotia", "Canada"),
    ("Monterrey", "Nuevo Leon", "Mexico"), ("Guadalajara", "Jalisco", "Mexico"),
    ("Medellin", "Antioquia", "Colombia"), ("Rosario", "Santa Fe", "Argentina"),
    ("Recife", "Pernambuco", "Brazil"), ("Porto Alegre", "Rio Grande do Sul", "Brazil"),
    ("Durban", "KwaZulu-Natal", "South Africa"), ("Mombasa", "Coast", "Kenya"),
    ("Kano", "Kano State", "Nigeria"), ("Kumasi", "Ashanti", "Ghana"),
    ("Alexandria", "Alexandria", "Egypt"), ("Sfax", "Sfax", "Tunisia"),
    ("Karachi", "Sindh", "Pakistan"), ("Peshawar", "Khyber Pakhtunkhwa", "Pakistan"),
    ("Chennai", "Tamil Nadu", "India"), ("Pune", "Maharashtra", "India"),
    ("Chittagong", "Chittagong", "Bangladesh"), ("Cebu", "Central Visayas", "Philippines"),
    ("Davao", "Davao Region", "Philippines"), ("Surabaya", "East Java", "Indonesia"),
    ("Medan", "North Sumatra", "Indonesia"), ("Da Nang", "Quang Nam", "Vietnam"),
    ("Chiang Mai", "Chiang Mai", "Thailand"), ("Busan", "South Gyeongsang", "South Korea"),
    ("Osaka", "Kansai", "Japan"), ("Brisbane", "Queensland", "Australia"),
    ("Christchurch", "Canterbury", "New Zealand"), ("Perth", "Western Australia", "Australia"),
]

OUTLETS = [
    "metrowire.com", "thecoastalpost.com", "northstartribune.com", "dailyledger.co.uk",
    "eveningcourier.co.uk", "globalnewsdesk.com", "worlddispatch.net", "theobserverdaily.com",
    "citybeacon.com", "heraldonline.net", "newsline24.com", "presswire.org",
    "continentaltimes.eu", "riverside-gazette.com", "mountainchronicle.com", "harbourmail.com",
    "thenationalreview.net", "frontpagenews.com", "capitalbulletin.com", "sundaysentinel.com",
    "independentvoice.org", "eastern-star.com", "westernrecord.com", "thepioneer.net",
    "southernexaminer.com", "newsroomasia.com", "africawire.net", "latamreport.com",
    "euroflash.eu", "pacificherald.com", "themorningpaper.com", "breakingdesk.com",
    "localnewsnow.com", "thetimesunion.net", "dailyrecordonline.com", "thepublicinquirer.com",
    "statesmanjournal.net", "regionalpress.org", "worldbriefing.com", "thewatchman.co.uk",
]

FIRST = ["James", "Maria", "Ahmed", "Sofia", "Daniel", "Aisha", "Lukas", "Elena", "Kwame",
         "Priya", "Tomas", "Fatima", "Jonathan", "Mei", "Oliver", "Amara", "Mateo", "Hannah",
         "Yusuf", "Chloe", "Dmitri", "Grace", "Rafael", "Leila", "Samuel", "Ingrid", "Kenji",
         "Nadia", "Patrick", "Zanele", "Hugo", "Camila", "Rohan", "Eva", "Tariq", "Julia",
         "Marcus", "Anika", "Pierre", "Lucia", "Emeka", "Sara", "Viktor", "Isabel", "Ali",
         "Monique", "Henrik", "Rosa", "Brendan", "Yara"]
LAST = ["Mercer", "Lopez", "Haddad", "Novak", "Okafor", "Schmidt", "Rossi", "Dubois", "Mensah",
        "Sharma", "Kowalski", "Bakr", "Whitfield", "Chen", "Hartley", "Diallo", "Fernandes",
        "Bauer", "Yilmaz", "Laurent", "Petrov", "O'Neill", "Moreira", "Karimi", "Abernathy",
        "Lindqvist", "Tanaka", "Farouk", "Brennan", "Ndlovu", "Marchetti", "Reyes", "Iyer",
        "Vogel", "Rahman", "Costa", "Pereira", "Jansen", "Moreau", "Santos", "Eze", "Nilsson",
        "Volkov", "Castillo", "Hussain", "Girard", "Larsen", "Ortiz", "Gallagher", "Mansour"]

EDITORS = ["Reporting by {a}; Editing by {b}", "Additional reporting by {a} and {b}",
           "Writing by {a}; editing by {b}", "({a} reported from {city}; {b} contributed.)"]

BOILERPLATE = [
    "Advertisement", "ADVERTISEMENT", "Also Read", "Also read:", "Related coverage",
    "Story continues below advertisement", "Sign up for our morning newsletter",
    "Share this article", "Share on Facebook Share on Twitter Share via Email",
    "Click here to get the latest updates on your phone", "Read more:", "Recommended",
    "Subscribe to our channel for more videos", "Follow us on social media",
    "This story has been updated.", "Watch: video from the scene",
    "Our journalism depends on readers like you. Subscribe today.",
    "Photo: handout", "Image caption: The scene on {weekday}",
    "Copyright {year} {outlet_name}. All rights reserved.",
    "(Updated at {hour}:{minute:02d} GMT)", "Trending now",
]

SMALL = ["zero", "one", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten",
         "eleven", "twelve", "thirteen", "fourteen", "fifteen", "sixteen", "seventeen",
         "eighteen", "nineteen"]
TENS = ["", "", "twenty", "thirty", "forty", "fifty", "sixty", "seventy", "eighty", "ninety"]

MONTHS = ["January", "February", "March", "April", "May", "June", "July", "August",
          "September", "October", "November", "December"]
MONTHS_AP = ["Jan.", "Feb.", "March", "April", "May", "June", "July", "Aug.", "Sept.", "Oct.",
             "Nov.", "Dec."]
WEEKDAYS = ["Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"]


def words(n: int) -> str:
    """0..999 in words: 'twenty-three', 'one hundred and four'."""
    if n < 20:
        return SMALL[n]
    if n < 100:
        t, u = divmod(n, 10)
        return TENS[t] + ("-" + SMALL[u] if u else "")
    h, rest = divmod(n, 100)
    return SMALL[h] + " hundred" + (" and " + words(rest) if rest else "")


def cap(s: str) -> str:
    return s[:1].upper() + s[1:]


# ------------------------------------------------------------------------------- events

EVENTS = {
    "shooting": dict(
        nouns=["shooting", "shooting", "attack", "gun attack", "mass shooting"],
        scenes=["a nightclub in {place}", "a shopping centre in {place}", "a school in {place}",
                "a supermarket in central {place}", "a church in {place}", "a concert hall in {place}",
                "an office building in {place}", "a bar in {place}", "a university campus in {place}"],
        kill_verbs=["were killed", "were shot dead", "died", "lost their lives"],
        agent="gunman", agent_pl="gunmen", officials="police",
        titles=["{n_dead_title} killed in {place} {noun}", "Gunman opens fire at {scene}",
                "{place} shooting: {n_dead_title} dead, {n_inj_title} hurt",
                "Police name suspect in {place} {noun}", "{place} mourns after {noun}"],
        details=[
            "Witnesses said the {agent} entered {scene} shortly after {time} and began firing.",
            "The {agent}, armed with a semi-automatic rifle, fired dozens of rounds before officers arrived.",
            "Officers reached the scene within {minutes} minutes of the first emergency call, {official_title} {official} said.",
            "Police said the suspect, identified as {suspect_age_phrase}, was taken into custody.",
            "A second suspect was being questioned, but officers said they believed the {agent} acted alone.",
            "Investigators recovered {casings} shell casings and {guns} firearms from the scene.",
            "\"We heard what sounded like firecrackers, then people started running,\" said {witness_age_phrase}, who was inside.",
        ]),
    "crash": dict(
        nouns=["crash", "bus crash", "coach crash", "collision", "pile-up", "accident"],
        scenes=["a junction on the motorway near {place}", "a bend on a mountain road outside {place}",
                "a toll plaza on the main highway into {place}", "a level crossing east of {place}",
                "the approach to a river bridge in {place}"],
        kill_verbs=["were killed", "died", "were killed instantly", "lost their lives"],
        agent="driver", agent_pl="drivers", officials="traffic police",
        titles=["{n_dead_title} dead in {place} {noun}", "{noun_cap} near {place} kills {n_dead}",
                "{place} {noun}: driver arrested", "Dozens hurt as bus overturns near {place}",
                "Investigators examine cause of {place} {noun}"],
        details=[
            "The bus, carrying {passengers} passengers, left the road and overturned shortly after {time}.",
            "Traffic police said the {agent}, {suspect_age_phrase}, had been driving for {hours} hours without a break.",
            "The {agent} was arrested at the scene and tested for alcohol, {official_title} {official} said.",
            "Rescue workers used cutting equipment to free passengers trapped in the wreckage.",
            "The road was closed in both directions for {hours} hours while debris was cleared.",
            "\"The bus was going far too fast on the bend,\" said {witness_age_phrase}, who saw the crash.",
            "Investigators were examining whether the vehicle's brakes had failed on the {km} km descent.",
        ]),
    "fire": dict(
        nouns=["fire", "blaze", "apartment fire", "factory fire", "nightclub fire"],
        scenes=["a 14-storey apartment block in {place}", "a textile factory in {place}",
                "a crowded nightclub in {place}", "a hospital wing in {place}",
                "a covered market in {place}", "a hostel in {place}"],
        kill_verbs=["were killed", "died", "perished", "died of smoke inhalation"],
        agent="arsonist", agent_pl="arsonists", officials="fire officials",
        titles=["{n_dead_title} killed in {place} {noun}", "Blaze tears through {scene}",
                "{place} fire: toll rises to {n_dead}", "Questions over fire exits after {place} blaze",
                "Firefighters battle {noun} in {place} for hours"],
        details=[
            "The fire broke out on the {floor} floor shortly after {time} and spread rapidly.",
            "More than {trucks} fire engines and {firefighters} firefighters were sent to the scene.",
            "Residents said the fire alarms did not sound and the stairwell quickly filled with smoke.",
            "{official_title_cap} {official} said the cause of the fire was not yet known but an electrical fault was suspected.",
            "The building's owner, {suspect_age_phrase}, was detained for questioning, police said.",
            "\"We could not get down the stairs, there was smoke everywhere,\" said {witness_age_phrase}, who escaped through a window.",
            "It took firefighters {hours} hours to bring the blaze under control.",
        ]),
    "flood": dict(
        nouns=["flood", "flash flood", "flood surge"],
        scenes=["a riverside district of {place}", "a village near {place}",
                "the old town of {place}", "a farming area outside {place}"],
        kill_verbs=["were killed", "drowned", "died", "were swept away and killed"],
        agent="river", agent_pl="rivers", officials="emergency officials",
        titles=["{n_dead_title} dead as floods hit {place}", "Flash floods sweep through {place}",
                "{place} floods: {n_missing_title} still missing", "Thousands evacuated as river bursts banks in {place}",
                "Rescue efforts continue after {place} floods"],
        details=[
            "More than {rain} millimetres of rain fell in {hours} hours, the weather service said.",
            "About {evacuated} people were evacuated from their homes and moved to temporary shelters.",
            "{n_missing_cap} people were still missing, {official_title} {official} said.",
            "Rescuers in boats pulled residents from rooftops as the water rose to {metres} metres in places.",
            "Among the dead was {victim_age_phrase}, whose car was swept off a bridge.",
            "\"The water came in so fast we had no time to take anything,\" said {witness_age_phrase}.",
            "Power was cut to some {households} households and several roads were closed.",
        ]),
    "siege": dict(
        nouns=["siege", "hostage siege", "hostage-taking", "standoff"],
        scenes=["a kosher supermarket in {place}", "a bank in {place}", "a hotel in {place}",
                "a cafe in {place}", "a government building in {place}", "a printing works near {place}"],
        kill_verbs=["were killed", "died", "were killed in the operation", "were killed when police stormed the building"],
        agent="hostage-taker", agent_pl="hostage-takers", officials="police",
        titles=["Hostage siege ends in {place}, {n_dead_title} dead", "Gunman holds hostages in {place} {scene_short}",
                "{place} siege: police storm building", "{n_hostages_title} hostages freed in {place}",
                "What we know about the {place} siege"],
        details=[
            "The {agent} held {n_hostages} hostages for more than {hours} hours before special forces stormed the building.",
            "Police said the suspect, {suspect_age_phrase}, had demanded safe passage out of the country.",
            "Negotiators spoke to the {agent} by telephone several times during the afternoon.",
            "Explosions were heard shortly after {time} as officers moved in.",
            "{official_title_cap} {official} said {n_police} officers were wounded in the assault.",
            "\"I hid in the cold room with the others,\" said {witness_age_phrase}, one of the freed hostages.",
            "Streets within {metres} metres of the building were sealed off and nearby schools locked down.",
        ]),
    "riot": dict(
        nouns=["riot", "clash", "violent protest", "street riot"],
        scenes=["the centre of {place}", "the main square of {place}", "the northern suburbs of {place}",
                "the port district of {place}"],
        kill_verbs=["were killed", "died", "were killed in the clashes", "lost their lives"],
        agent="rioter", agent_pl="rioters", officials="police",
        titles=["{n_dead_title} killed in {place} riots", "Clashes erupt in {place} for a second night",
                "{n_arrested_title} arrested after {place} unrest", "Curfew imposed in {place} after riots",
                "{place} riots: what sparked the violence"],
        details=[
            "Protesters set fire to cars and shops and threw stones at police, who responded with tear gas.",
            "Police said {n_arrested} people were arrested and {n_police} officers were injured.",
            "The unrest began after {victim_age_phrase} died in police custody on {weekday_prev}.",
            "{official_title_cap} {official} appealed for calm and announced a curfew from {curfew} p.m.",
            "\"They came with sticks and bottles, it was chaos,\" said {witness_age_phrase}, a shop owner.",
            "Some {shops} shops were looted and at least {cars} vehicles were set alight overnight.",
            "Authorities deployed {troops} troops to support the police.",
        ]),
}

OFFICIAL_TITLES = ["police chief", "police spokesman", "police spokeswoman", "mayor",
                   "regional governor", "interior minister", "fire chief", "prosecutor",
                   "health minister", "civil protection head"]

HISTORY = [
    "In {hyear}, a similar {noun} in {hplace} killed {hdead} people and injured {hinj}.",
    "It was the deadliest {noun} in the region since {hyear}, when {hdead} people died in {hplace}.",
    "The {noun} revived memories of {hyear}, when {hdead_words} people were killed in {hplace}.",
    "{hplace} was hit by a {noun} in {hyear} that left {hdead} dead, according to official figures.",
    "Last year, {hdead} people died in {event_count} separate incidents across the country, government data show.",
    "A report published in {hyear} found that {pct} percent of such incidents were never fully investigated.",
]

GENERIC = [
    "{city} is home to about {population} people and is one of the largest cities in {region}.",
    "The {official_body} said it would publish a full report within {weeks} weeks.",
    "Hospitals in the area said they had treated {treated} people, {critical} of them in critical condition.",
    "A hotline has been set up for relatives on {phone}.",
    "A vigil was planned for {weekday_next} evening in the main square, organisers said.",
    "Flags on public buildings were lowered to half-mast and {mourn_days} days of national mourning were declared.",
    "The government pledged {money} million {currency} in emergency aid for the families of the victims.",
    "Opposition politicians demanded an inquiry, saying warnings had been ignored for years.",
    "Prosecutors opened an investigation on charges including manslaughter, a spokesman said.",
    "Local media broadcast images of ambulances lining the street and of people being led away wrapped in blankets.",
    "Messages of condolence poured in from around the world, including from the leaders of {n_countries} countries.",
    "The {weekday} incident came {days_since} days after officials announced new safety rules.",
    "The Red Cross said {volunteers} volunteers were helping at the scene and at the city's main hospital.",
    "A crowdfunding appeal for the victims had raised more than {money2} {currency} by {weekday_next} morning.",
    "Schools in the district would remain closed until {weekday_next}, the education authority said.",
    "Rail services through {city} were suspended and passengers were advised to avoid the area.",
    "The interior ministry said security would be stepped up at {n_sites} sites across the country.",
    "Police asked anyone with photographs or video of the incident to contact them.",
    "Insurance companies estimated the damage at about {money} million {currency}.",
    "The city council held an emergency meeting on {weekday_next}, the mayor's office said.",
    "Forensic teams worked through the night to identify the victims.",
    "\"Our thoughts are with the families,\" {official_title} {official} told reporters at a news conference.",
    "\"This is a dark day for {city},\" {official_title} {official} said in a statement.",
    "\"We will find out exactly what happened and who is responsible,\" {official} said.",
    "Authorities said there was no immediate indication of a link to terrorism.",
    "Several of the injured were flown by helicopter to hospitals in neighbouring towns.",
    "Television footage showed {detail_scene}.",
    "Officials said the figures were provisional and could change as the search continued.",
    "Blood banks in {region} appealed for donors after hospitals ran short of supplies.",
    "The last comparable incident in {country} was in {hyear}, according to a database kept by a university research group.",
]

SCENES_TV = ["rescue workers carrying stretchers", "smoke rising over rooftops", "a line of police vans",
             "crowds gathering behind a cordon", "debris scattered across the road",
             "relatives waiting outside a hospital"]


# ------------------------------------------------------------------------------- facts

def _age_phrase(rng: random.Random, name: str, age: int) -> str:
    style = rng.random()
    if style < 0.45:
        return f"{name}, {age},"
    if style < 0.7:
        return f"{age}-year-old {name}"
    return f"{name}, aged {age},"


def _person(rng: random.Random, used: set) -> str:
    while True:
        name = f"{rng.choice(FIRST)} {rng.choice(LAST)}"
        if name not in used:
            used.add(name)
            return name


def story_facts(seed: int, story: int) -> dict:
    """The truth of one story: what every article is about."""
    rng = random.Random(f"factcheck-bench:{seed}:{story}")
    kind = rng.choice(list(EVENTS))
    ev = EVENTS[kind]
    city, region, country = rng.choice(PLACES)
    day = dt.date(2014, 1, 1) + dt.timedelta(days=rng.randrange(0, 365 * 11))
    # tolls: mostly small, sometimes large
    dead = int(min(250, rng.lognormvariate(2.0, 1.0))) if kind != "riot" else rng.randrange(0, 12)
    injured = dead * rng.randrange(1, 5) + rng.randrange(0, 30)
    used: set = set()
    people = {
        "suspect": (_person(rng, used), rng.randrange(17, 66)),
        "witness": (_person(rng, used), rng.randrange(19, 80)),
        "victim": (_person(rng, used), rng.randrange(8, 90)),
        "official": (_person(rng, used), None),
    }
    return dict(
        kind=kind, noun=rng.choice(ev["nouns"]), scene=rng.choice(ev["scenes"]).format(place=city),
        city=city, region=region, country=country, day=day, dead=dead, injured=injured,
        missing=rng.randrange(0, 40) if kind == "flood" else 0,
        hostages=rng.randrange(3, 40) if kind == "siege" else 0,
        arrested=rng.randrange(5, 300) if kind == "riot" else rng.randrange(0, 4),
        police_hurt=rng.randrange(1, 60), people=people,
        official_title=rng.choice(OFFICIAL_TITLES), hour=rng.randrange(0, 24), minute=rng.randrange(0, 60),
        hist_year=rng.randrange(1975, day.year), hist_place=rng.choice(PLACES)[0],
        hist_dead=rng.randrange(2, 300),
    )


# ------------------------------------------------------------------------------ numbers

def say_number(rng: random.Random, n: int, style: dict, title: bool = False) -> str:
    """A count as an outlet would write it: AP style spells out one to nine."""
    if n < 10 and style["ap"] and not title:
        return SMALL[n]
    if n < 10 and title:
        return str(n) if style["ap"] else cap(SMALL[n])
    if n < 100 and style["spell"] and rng.random() < 0.25:
        return words(n)
    if n >= 1000:
        return f"{n:,}"
    return str(n)


def say_toll(rng: random.Random, n: int, style: dict, early: bool) -> str:
    """'at least 12', 'more than 20', 'nearly two dozen', 'seven'."""
    r = rng.random()
    if n == 0:
        return "no one"
    if early or r < 0.35:
        q = rng.choice(["at least", "at least", "at least", "more than", "some", "as many as"])
        if q == "more than" and n > 3:
            return f"more than {say_number(rng, (n // 5) * 5 or n - 1, style)}"
        return f"{q} {say_number(rng, n, style)}"
    if r < 0.45 and 20 <= n <= 30:
        return rng.choice(["nearly two dozen", "about two dozen", "two dozen"]) if n >= 22 else "about 20"
    if r < 0.5 and n >= 40:
        return rng.choice(["dozens of", "scores of"]) if rng.random() < 0.5 else f"about {round(n, -1)}"
    return say_number(rng, n, style)


# ------------------------------------------------------------------------------ articles

def _date_phrase(rng: random.Random, day: dt.date, published: dt.date, style: dict) -> str:
    delta = (published - day).days
    if delta == 0 and rng.random() < 0.6:
        return rng.choice(["on " + WEEKDAYS[day.weekday()], "early on " + WEEKDAYS[day.weekday()],
                           "late on " + WEEKDAYS[day.weekday()], "today", "this morning"])
    if delta == 1 and rng.random() < 0.4:
        return rng.choice(["yesterday", "on " + WEEKDAYS[day.weekday()], "late " + WEEKDAYS[day.weekday()] + " night"])
    month = (MONTHS_AP if style["ap"] else MONTHS)[day.month - 1]
    if rng.random() < 0.5:
        return f"on {WEEKDAYS[day.weekday()]}, {month} {day.day}"
    if rng.random() < 0.5:
        return f"on {month} {day.day}"
    return f"on {day.day} {MONTHS[day.month - 1]} {day.year}"


def article(seed: int, story: int, index: int, min_bytes: int = 1024, max_bytes: int = 8192) -> tuple[str, str]:
    """(outlet, text) of article `index` (1-based) of story `story`."""
    f = story_facts(seed, story)
    ev = EVENTS[f["kind"]]
    rng = random.Random(f"factcheck-bench:{seed}:{story}:{index}")
    outlet = rng.choice(OUTLETS)
    outlet_name = " ".join(cap(p) for p in outlet.split(".")[0].replace("-", " ").split())
    style = {"ap": rng.random() < 0.6, "spell": rng.random() < 0.3, "sep": "\n\n" if rng.random() < 0.7 else "\n"}
    delay = rng.choice([0, 0, 0, 1, 1, 2, 3])
    published = f["day"] + dt.timedelta(days=delay)
    early = delay == 0 and rng.random() < 0.6
    # what this article reports: early counts are lower; one article in fifteen is wrong
    dead = f["dead"] if not early else max(0, f["dead"] - rng.randrange(0, 1 + f["dead"] // 3))
    if rng.random() < 1 / 15 and dead > 2:
        dead += rng.choice([-2, -1, 1, 2, 3])
    injured = f["injured"] if not early else max(0, f["injured"] - rng.randrange(0, 1 + f["injured"] // 2))
    people = dict(f["people"])
    if rng.random() < 1 / 20:  # an age off by one
        name, age = people["suspect"]
        people["suspect"] = (name, age + rng.choice([-1, 1]))

    target = int(math.exp(rng.uniform(math.log(min_bytes), math.log(max_bytes))))
    city = f["city"]
    weekday = WEEKDAYS[f["day"].weekday()]
    noun = f["noun"]
    official = people["official"][0]
    last = lambda n: n.split()[-1]  # noqa: E731
    slots = dict(
        place=city, city=city, region=f["region"], country=f["country"], noun=noun, noun_cap=cap(noun),
        scene=f["scene"], scene_short=f["scene"].split(" in ")[0].split(" near ")[0].split()[-1], agent=ev["agent"], weekday=weekday,
        weekday_prev=WEEKDAYS[(f["day"].weekday() - 1) % 7], weekday_next=WEEKDAYS[(f["day"].weekday() + 1) % 7],
        time=f"{(f['hour'] % 12) or 12}:{f['minute']:02d} {'a.m.' if f['hour'] < 12 else 'p.m.'}",
        official=official if rng.random() < 0.5 else last(official),
        official_title=f["official_title"], official_title_cap=cap(f["official_title"]),
        suspect_age_phrase=_age_phrase(rng, *people["suspect"]).rstrip(","),
        witness_age_phrase=_age_phrase(rng, *people["witness"]).rstrip(","),
        victim_age_phrase=_age_phrase(rng, *people["victim"]).rstrip(","),
        n_dead=say_number(rng, dead, style), n_dead_title=say_number(rng, dead, style, title=True),
        n_inj_title=say_number(rng, injured, style, title=True),
        n_missing_title=say_number(rng, f["missing"], style, title=True),
        n_missing_cap=cap(say_number(rng, f["missing"], style)),
        n_hostages=say_number(rng, f["hostages"], style), n_hostages_title=say_number(rng, f["hostages"], style, title=True),
        n_arrested=say_number(rng, f["arrested"], style), n_arrested_title=say_number(rng, f["arrested"], style, title=True),
        n_police=say_number(rng, f["police_hurt"], style),
        minutes=say_number(rng, rng.randrange(2, 25), style), casings=rng.randrange(20, 200),
        guns=say_number(rng, rng.randrange(2, 6), style), passengers=rng.randrange(12, 70),
        hours=say_number(rng, rng.randrange(2, 14), style), km=rng.randrange(3, 25),
        floor=rng.choice(["second", "third", "fourth", "ninth", "ground", "top"]),
        trucks=rng.randrange(5, 60), firefighters=rng.randrange(30, 250), rain=rng.randrange(80, 400),
        evacuated=f"{rng.randrange(1, 60) * 500:,}", metres=rng.randrange(1, 6) if f["kind"] == "flood" else rng.randrange(100, 800),
        households=f"{rng.randrange(2, 90) * 1000:,}", curfew=rng.randrange(7, 11),
        shops=rng.randrange(10, 200), cars=rng.randrange(10, 150), troops=f"{rng.randrange(2, 40) * 100:,}",
        hyear=f["hist_year"], hplace=f["hist_place"], hdead=f["hist_dead"], hdead_words=words(f["hist_dead"]) if f["hist_dead"] < 100 else f["hist_dead"],
        hinj=f["hist_dead"] * 2 + 7, event_count=rng.randrange(3, 40), pct=rng.randrange(5, 80),
        population=f"{rng.randrange(80, 3000) * 1000:,}", official_body=rng.choice(["ministry", "inspectorate", "safety board", "commission"]),
        weeks=say_number(rng, rng.randrange(2, 12), style), treated=rng.randrange(5, 200),
        critical=say_number(rng, rng.randrange(1, 9), style),
        phone=f"0800 {rng.randrange(100, 999)} {rng.randrange(1000, 9999)}", mourn_days=say_number(rng, rng.randrange(1, 4), style),
        money=rng.choice(["1.5", "2", "3.2", "10", "25", "40"]), money2=f"{rng.randrange(10, 900) * 1000:,}",
        currency=rng.choice(["euros", "dollars", "pounds", "rand", "pesos"]), n_countries=rng.randrange(5, 40),
        days_since=rng.randrange(2, 40), volunteers=rng.randrange(20, 400), n_sites=rng.randrange(20, 900),
        detail_scene=rng.choice(SCENES_TV),
        year=published.year, outlet_name=outlet_name, hour=rng.randrange(0, 24), minute=rng.randrange(0, 60),
    )

    def fill(t: str) -> str:
        return t.format(**slots)

    title = fill(rng.choice(ev["titles"]))
    date_phrase = _date_phrase(rng, f["day"], published, style)
    toll = say_toll(rng, dead, style, early)
    inj = say_toll(rng, injured, style, early)
    kill = rng.choice(ev["kill_verbs"])
    lead_forms = [
        f"{cap(toll)} people {kill} and {inj} were injured in a {noun} at {f['scene']} {date_phrase}, {ev['officials']} said.",
        f"{cap(toll)} people {kill} {date_phrase} when a {noun} struck {f['scene']}, {f['region']}, officials said.",
        f"A {noun} at {f['scene']}, {f['country']}, left {toll} people dead and {inj} wounded {date_phrase}.",
        f"The death toll from the {noun} in {city} {date_phrase} has risen to {toll}, {f['official_title']} {official} said.",
    ]
    if dead == 0:
        lead_forms = [f"No one was killed but {inj} people were injured in a {noun} at {f['scene']} {date_phrase}, {ev['officials']} said."]
    lead = rng.choice(lead_forms)
    dateline = rng.choice([f"{city.upper()}, {f['country']} ({outlet_name}) -- ", f"{city.upper()} -- ", f"{city}: ", ""])
    head = [title, f"Date: {published.isoformat()}"]
    if rng.random() < 0.6:
        head.append(f"By {_person(rng, set())}")
    paras = [dateline + lead]
    # facts that change: some articles say the toll was earlier lower
    if not early and rng.random() < 0.3 and dead > 3:
        before = dead - rng.randrange(1, max(2, dead // 2))
        paras.append(f"Officials had initially reported {say_number(rng, before, style)} dead, but the toll rose as rescuers searched the site.")
    if f["kind"] != "riot" and rng.random() < 0.2 and dead > 1:
        paras.append(f"The dead included the {ev['agent']}, {ev['officials']} said." if f["kind"] in ("shooting", "siege")
                     else f"Among the dead were {say_number(rng, min(dead, rng.randrange(1, 4)), style)} children.")
    details = ev["details"][:]
    rng.shuffle(details)
    paras.extend(fill(d) for d in details[: rng.randrange(2, len(details) + 1)])
    pool = GENERIC + HISTORY
    extra: list[str] = []
    order = list(range(len(pool)))
    rng.shuffle(order)
    body = "\n".join(head) + "\n\n" + style["sep"].join(paras)
    size = len(body)
    k = 0
    while size < target:
        if rng.random() < 0.15:
            line = fill(rng.choice(BOILERPLATE))
        else:
            if k >= len(order):  # long article: a second round of background with new numbers
                rng.shuffle(order)
                k = 0
                for key in ("treated", "volunteers", "n_sites", "days_since", "pct", "event_count"):
                    slots[key] = rng.randrange(3, 500)
            line = fill(pool[order[k]])
            k += 1
        if size + len(line) + 2 > max_bytes:
            break
        extra.append(line)
        size += len(line) + 2
    # the facts paragraphs stay near the top; background and boilerplate after and between them
    at = rng.randrange(1, len(paras) + 1)
    paras = paras[:at] + extra[: len(extra) // 3] + paras[at:] + extra[len(extra) // 3:]
    if rng.random() < 0.5:
        a, b = _person(rng, set()), _person(rng, set())
        paras.append(rng.choice(EDITORS).format(a=a, b=b, city=city))
    text = "\n".join(head) + "\n\n" + style["sep"].join(paras) + "\n"
    while len(text.encode()) > max_bytes and len(paras) > 1:  # never over the limit
        paras.pop()
        text = "\n".join(head) + "\n\n" + style["sep"].join(paras) + "\n"
    if rng.random() < 0.6:  # curly quotes and apostrophes, as most CMSs publish
        text = re.sub(r'"([^"\n]*)"', "\u201c\\1\u201d", text).replace("'", "\u2019")
    if rng.random() < 0.03:  # mojibake from a bad re-encoding
        text = text.replace("\u2019", "\u00e2\u20ac\u2122")
    if rng.random() < 0.05:
        text = text.replace("\n", "\r\n")
    return outlet, text


def story_files(seed: int, story: int, articles: int, min_bytes: int = 1024, max_bytes: int = 8192) -> list[tuple[str, str]]:
    """[(file name, text)] of one story: `01_outlet.com.txt`, ..."""
    width = max(2, len(str(articles)))
    out = []
    texts: list[str] = []
    for j in range(1, articles + 1):
        rng = random.Random(f"factcheck-bench:{seed}:{story}:{j}:copy")
        if texts and rng.random() < 0.02:  # a syndicated exact copy of an earlier article
            outlet, text = rng.choice(OUTLETS), texts[rng.randrange(len(texts))]
        else:
            outlet, text = article(seed, story, j, min_bytes, max_bytes)
        texts.append(text)
        out.append((f"{j:0{width}d}_{outlet}.txt", text))
    return out


def write_story(out: Path, seed: int, story: int, articles: int, min_bytes: int = 1024,
                max_bytes: int = 8192, name: str | None = None) -> tuple[int, int]:
    folder = out / (name or f"story_{story:04d}")
    folder.mkdir(parents=True, exist_ok=True)
    n = size = 0
    for fname, text in story_files(seed, story, articles, min_bytes, max_bytes):
        data = text.encode("utf-8")
        (folder / fname).write_bytes(data)
        n += 1
        size += len(data)
    return n, size


def _write_one(args):
    return write_story(*args)


def generate(out: Path | str, stories: int, articles: int, seed: int = 0, first: int = 1,
             min_bytes: int = 1024, max_bytes: int = 8192, jobs: int = 1) -> dict:
    """Write stories first..first+stories-1 under `out`; returns counts."""
    out = Path(out)
    out.mkdir(parents=True, exist_ok=True)
    work = [(out, seed, i, articles, min_bytes, max_bytes) for i in range(first, first + stories)]
    if jobs > 1 and stories > 1:
        import multiprocessing as mp

        with mp.Pool(jobs) as pool:
            results = pool.map(_write_one, work, chunksize=max(1, stories // (jobs * 8)))
    else:
        results = [_write_one(w) for w in work]
    return {"stories": stories, "files": sum(r[0] for r in results), "bytes": sum(r[1] for r in results)}


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--out", type=Path, required=True, help="folder to write story_NNNN/ folders into")
    ap.add_argument("--stories", type=int, default=100)
    ap.add_argument("--articles", type=int, default=10, help="articles per story")
    ap.add_argument("--seed", type=int, default=0)
    ap.add_argument("--min-kb", type=float, default=1.0)
    ap.add_argument("--max-kb", type=float, default=8.0)
    ap.add_argument("--jobs", type=int, default=os.cpu_count() or 1)
    a = ap.parse_args(argv)
    stats = generate(a.out, a.stories, a.articles, a.seed, 1, int(a.min_kb * 1024), int(a.max_kb * 1024), a.jobs)
    print(f"{stats['stories']} stories, {stats['files']} articles, {stats['bytes'] / 1e6:.1f} MB in {a.out}", file=sys.stderr)
    return 0


if __name__ == "__main__":
    sys.exit(main())
