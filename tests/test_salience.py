"""Which number a source asserts as the answer: sayings, schedules, datelines, background,
sub-scenes and a source that states both sides are not disagreements; every discrepancy
carries a confidence, and the unsure ones are `uncertain`."""
from datetime import date

import pytest

from engine_helpers import claims, findings, judged

TUE = date(2023, 5, 16)
WED = date(2023, 5, 17)


def _dates(text: str, published: date = WED) -> list[str]:
    return [c.value for c in claims(text, published, "date")]


# --- dates of other things ---------------------------------------------------------------


@pytest.mark.parametrize("text", [
    "The shooting left two dead, police said Tuesday.",
    "Two people died in the blast, the fire chief told reporters on Tuesday.",
    "On Tuesday, the county sheriff said the crash had killed four.",
    "Officials confirmed Tuesday that the fire killed three residents.",
])
def test_the_day_something_was_said_is_not_the_day_of_the_event(text):
    assert _dates(text) == []


@pytest.mark.parametrize("text", [
    "Firefighters at the warehouse after the fire on Tuesday. (Courtesy of Dale Ortiz)",
    "Lena Fox as a nurse at St. Mary's. She was killed in the crash on Tuesday. (Family photo)",
    "Mourners hold candles on Tuesday near the bakery where the shooting happened. (AP Photo/Rita Okafor)",
    "*Photo: Police in riot gear face fans in the square on Tuesday evening after the riot. (City Live)*",
    "_Crews at the grain elevator fire on Tuesday. (WKJI file)_",
])
def test_a_photo_caption_dates_the_picture_not_the_event(text):
    assert _dates(text) == []


def test_a_line_that_only_ends_in_brackets_is_not_a_caption():
    assert _dates("The fire broke out at the warehouse on Tuesday (officials said it spread fast).") == ["2023-05-16"]


@pytest.mark.parametrize("text", [
    "The suspect in the shooting will be arraigned Thursday.",
    "A vigil for the victims of the crash is planned for next Friday.",
    "Investigators will return to the site of the collapse on Monday.",
])
def test_a_day_the_story_looks_forward_to_is_not_an_event_date(text):
    assert _dates(text) == []


@pytest.mark.parametrize("text,published", [
    ("GARVEN, Norway, May 16, 2023 (North Wire) — An avalanche buried a ski lodge on Tuesday.", TUE),
    ("PORT ELLIS, May 16, 2023 (Coast Agency) - A ferry sank in the harbor on Tuesday.", TUE),
    ("LAKESIDE, Ore., May 16, 2023 — A fire swept through a mill on Tuesday.", TUE),
])
def test_a_wire_dateline_opening_the_lead_dates_the_article_not_the_event(text, published):
    from factcheck.dates import find_publication_date

    day, how = find_publication_date("Headline over the story\n\n" + text)
    assert (day, how) == (published, "dateline")
    assert _dates(text, published) == ["2023-05-16"]  # the weekday, read against it


@pytest.mark.parametrize("late_text", [
    "Relatives gathered on Sunday to remember the victims of the mill fire.",
    "The mill fire was the subject of a town meeting held Sunday night.",
    "A fundraiser for families hurt in the mill fire took place on Sunday.",
])
def test_a_weekday_in_an_article_weeks_later_does_not_date_the_event(late_text):
    found = findings(
        ("a.txt", "A fire at the mill on Tuesday killed two workers.", TUE),
        ("b.txt", "The mill fire on Tuesday killed two workers.", WED),
        ("c.txt", late_text, date(2023, 6, 12)),
        min_confidence=0,
    )
    assert all(f.status == "agree" for f in judged(found, "date"))


# --- a source that states both values --------------------------------------------------


@pytest.mark.parametrize("both", [
    "Three people were taken to hospital. In all, five people were injured in the crash.",
    "Five people were injured in the crash; three of them were taken to hospital, where three people were treated for burns.",
    "The crash injured five people. Police first said three were injured.",
])
def test_a_source_that_also_states_the_others_total_is_not_in_conflict(both):
    found = findings(
        ("a.txt", "Five people were injured in the crash on Route 9.", TUE),
        ("b.txt", both, TUE),
        ("c.txt", "The Route 9 crash injured five people.", TUE),
    )
    assert all(f.status != "conflict" for f in judged(found, "injuries"))


# --- background ---------------------------------------------------------------------------


@pytest.mark.parametrize("background", [
    "A 2009 fire in the same building killed four workers.",
    "In 2011 a flood on the same river killed nine people.",
    "The plant's last deadly accident, in 2015, left six workers dead.",
])
def test_a_toll_in_a_sentence_about_an_earlier_year_is_background(background):
    found = findings(
        ("a.txt", "Two workers were killed in the fire at the plant.", TUE),
        ("b.txt", "The fire killed two workers. " + background, TUE),
    )
    assert {f.status for f in judged(found, "deaths")} == {"agree"}


# --- confidence ----------------------------------------------------------------------------


def test_dates_a_day_apart_on_the_same_day_are_a_confident_conflict():
    found = findings(
        ("a.txt", "The bridge collapsed on May 15, 2023, killing two.", WED),
        ("b.txt", "The bridge collapsed on May 16, 2023, killing two.", WED),
    )
    [fact] = judged(found, "date")
    assert fact.status == "conflict" and fact.confidence >= 0.5


@pytest.mark.parametrize("far", ["April 2, 2023", "March 30, 2023", "May 3, 2023"])
def test_dates_far_apart_are_uncertain_but_kept_with_their_confidence(far):
    texts = (("a.txt", "The bridge collapsed on May 15, 2023, killing two.", WED),
             ("b.txt", f"The bridge collapsed on {far}, killing two.", WED))
    [fact] = judged(findings(*texts), "date")
    assert fact.status == "uncertain" and fact.confidence < 0.5
    assert fact.reason.startswith("conflict at confidence")
    [every] = judged(findings(*texts, min_confidence=0), "date")
    assert every.status == "conflict" and every.confidence == fact.confidence


@pytest.mark.parametrize("scene", [
    "Three people were taken to hospital after the crash.",
    "Three people were treated at Mercy Hospital after the crash.",
    "Three people were rushed to hospital after the crash.",
])
def test_a_number_framed_as_a_part_of_the_scene_is_less_sure_than_a_stated_total(scene):
    total = ("a.txt", "Route 9 crash\n\nFive people were injured in the crash.", TUE)
    [stated] = judged(findings(total, ("b.txt", "Route 9 crash\n\nThree people were injured in the crash.", TUE), min_confidence=0), "injuries")
    [framed] = judged(findings(total, ("b.txt", "Route 9 crash\n\n" + scene, TUE), min_confidence=0), "injuries")
    assert stated.status == framed.status == "conflict"
    assert framed.confidence < stated.confidence


def test_a_clash_among_many_agreeing_sources_keeps_the_confidence_of_its_own_pair():
    """Many sources repeating a figure neither add to nor take from the one pair that clashes;
    a day-later source with a third figure does not outweigh a same-day clash either."""
    total = ("a.txt", "Route 9 crash\n\nFive people were injured in the crash.", TUE)
    scene = ("b.txt", "Route 9 crash\n\nThree people were taken to hospital after the crash.", TUE)
    [pair] = judged(findings(total, scene, min_confidence=0), "injuries")
    repeats = [(f"r{i:03d}.txt", "Route 9 crash\n\nFive people were injured in the crash.", TUE) for i in range(150)]
    later = ("z.txt", "Route 9 crash\n\nSeven people were injured in the crash.", WED)
    [crowd] = judged(findings(total, scene, *repeats, later, min_confidence=0), "injuries")
    assert pair.status == crowd.status == "conflict"
    assert crowd.confidence == pair.confidence < 0.95


# --- phrasings ------------------------------------------------------------------------------


@pytest.mark.parametrize("text,kind,value", [
    ("One worker was killed and five were hurt.", "deaths", 1),
    ("One passenger died at the scene of the derailment.", "deaths", 1),
    ("The raid ended with a single arrest.", "arrests", 1),
    ("Police announced the arrests of three men on Friday.", "arrests", 3),
    ("Roughly 90 people remain unaccounted for after the quake.", "missing", 90),
    ("Forty people were treated in hospital after the storm.", "injuries", 40),
    ("Four men were struck by the gunfire outside the bar.", "count", 4),
])
def test_plain_phrasings_of_a_count_are_read(text, kind, value):
    assert value in [c.value for c in claims(text, TUE, kind)]


@pytest.mark.parametrize("text", [
    "The mayor is planning to meet residents on Thursday to talk about the shooting.",
    "A memorial service for the crash victims is scheduled for Saturday.",
    "Council members said a hearing on the fire is set for Friday.",
])
def test_a_planned_or_scheduled_day_is_not_the_event_date(text):
    assert _dates(text) == []


@pytest.mark.parametrize("recalled", [
    "The shooting came just over a year after nine people were shot at a nearby park.",
    "Two years before, a crash at the same junction had killed six people.",
    "It happened about six months after four people were killed in a fire on the same street.",
])
def test_an_event_recalled_as_months_or_years_apart_is_background(recalled):
    found = findings(
        ("a.txt", "Three people were killed in the shooting on Elm Street.", TUE),
        ("b.txt", "Three people were killed in the Elm Street shooting. " + recalled, TUE),
    )
    assert all(f.status == "agree" for f in judged(found, "deaths") + judged(found, "count"))


@pytest.mark.parametrize("history", [
    "In initial reports, police said four people had been hurt, but six were injured in all.",
    "Early reports put the injured at four; six people were injured, the hospital said.",
    "First reports said four were hurt. The fire chief said six people were injured.",
])
def test_early_reports_a_source_corrects_are_history(history):
    found = findings(
        ("a.txt", "Six people were injured in the warehouse fire.", TUE),
        ("b.txt", history, TUE),
    )
    assert all(f.status == "agree" for f in judged(found, "injuries"))


@pytest.mark.parametrize("anniversary", ["May 16, 2013", "May 16, 1998", "May 16, 2022"])
def test_the_same_day_of_another_year_is_an_anniversary_not_a_conflict(anniversary):
    texts = ("The earthquake struck on May 16, 2023, flattening the old town.",
             f"The earthquake struck on {anniversary}, flattening the old town.")
    undated = judged(findings(("a.txt", texts[0], WED), ("b.txt", texts[1], None)), "date")
    assert [f.status for f in undated] == ["uncertain"]
    dated = judged(findings(("a.txt", texts[0], WED), ("b.txt", texts[1], WED)), "date")
    assert all(f.status != "conflict" for f in dated)


def test_dates_of_arrests_are_less_sure_than_the_incident_date_a_story_has_only_one_of():
    incident = judged(findings(
        ("a.txt", "The shooting happened on May 15, 2023.", WED),
        ("b.txt", "The shooting happened on May 14, 2023.", WED),
        min_confidence=0), "date")
    arrest = judged(findings(
        ("a.txt", "Police arrested the suspect on May 15, 2023.", WED),
        ("b.txt", "Police arrested the suspect on May 14, 2023.", WED),
        min_confidence=0), "date")
    assert incident[0].confidence > arrest[0].confidence


@pytest.mark.parametrize("total", [
    "A total of 240 people were injured, 31 of them critically.",
    "240 people were injured, 31 seriously.",
    "In all 240 people were injured; 31 remain in critical condition.",
])
def test_a_breakdown_after_a_total_does_not_weaken_the_total(total):
    [fact] = judged(findings(
        ("a.txt", "Quake injures 240\n\n" + total, TUE),
        ("b.txt", "Quake injures 200\n\nThe quake injured 200 people.", TUE),
        min_confidence=0), "injuries")
    assert fact.confidence >= 0.5


@pytest.mark.parametrize("first,later", [
    ("No arrests have been made in the shooting.", "Police arrested two men in the shooting."),
    ("No one has been arrested over the fire.", "Three people were arrested over the fire."),
    ("Police have not arrested anyone in the attack.", "One man was arrested in the attack on Friday."),
])
def test_no_arrests_then_arrests_days_later_is_a_confident_change_over_time(first, later):
    [fact] = judged(findings(("a.txt", first, TUE), ("b.txt", later, date(2023, 5, 19))), "arrests")
    assert fact.status == "explained" and fact.confidence >= 0.5
    assert "changed over time" in fact.reason


@pytest.mark.parametrize("follow_up", [
    "Investigators boarded the damaged ferry on Wednesday, a day after the fire.",
    "Crews sealed the breach on Wednesday, a day after the flood that killed two.",
    "The siege ended early Wednesday when officers stormed the bank.",
])
def test_a_day_after_another_source_was_published_is_another_event(follow_up):
    found = findings(
        ("a.txt", "The fire broke out on Tuesday; two people were killed in the fire.", TUE),
        ("b.txt", follow_up, date(2023, 5, 18)),
    )
    assert all(f.status != "conflict" for f in judged(found, "date"))


@pytest.mark.parametrize("late,early", [
    ("late Monday night", "early Tuesday, at about 12:40 a.m."),
    ("late on Monday", "in the early hours of Tuesday, at 1:15 a.m."),
    ("Monday night", "just after midnight on Tuesday"),
])
def test_late_one_day_and_early_the_next_is_the_same_night_when_a_time_shows_it(late, early):
    found = findings(
        ("a.txt", f"The explosion happened {late}, killing three.", WED),
        ("b.txt", f"The explosion happened {early}, killing three.", WED),
    )
    [fact] = judged(found, "date")
    assert fact.status == "explained" and "midnight" in fact.reason


@pytest.mark.parametrize("late,early", [
    ("late Monday night", "early Tuesday"),
    ("late on Monday", "in the early hours of Tuesday"),
    ("shortly before midnight on Monday", "just after midnight on Tuesday"),
])
def test_late_and_early_without_a_stated_time_near_midnight_is_still_a_conflict(late, early):
    found = findings(
        ("a.txt", f"The dam burst {late}, killing three.", WED),
        ("b.txt", f"The dam burst {early}, killing three.", WED),
    )
    [fact] = judged(found, "date")
    assert fact.status == "conflict"


@pytest.mark.parametrize("afternoon", ["at 1:14 p.m.", "at about 2:30 pm", "shortly after 12:45 p.m."])
def test_an_afternoon_time_in_the_story_does_not_make_late_and_early_one_night(afternoon):
    found = findings(
        ("a.txt", f"The dam burst late on Monday, killing three. Rescuers arrived on Wednesday {afternoon}.", WED),
        ("b.txt", "The dam burst in the early hours of Tuesday, killing three.", WED),
    )
    [fact] = [f for f in judged(found, "date") if f.key == "date:incident"]
    assert fact.status == "conflict"


def test_a_plain_day_apart_is_still_a_conflict():
    found = findings(
        ("a.txt", "The explosion happened on Monday, killing three.", WED),
        ("b.txt", "The explosion happened on Tuesday, killing three.", WED),
    )
    [fact] = judged(found, "date")
    assert fact.status == "conflict"


# --- sub-groups with a named role ------------------------------------------------------------


@pytest.mark.parametrize("first,second", [
    ("The blasts killed 44 people, 12 of them firefighters.", "The blasts killed 50 people, including 17 firefighters."),
    ("Rioting injured 130 people, 23 of them police officers.", "Rioting injured 130 people, including 18 officers."),
    ("The siege left 9 dead, among them two soldiers.", "Nine people died in the siege, including three soldiers."),
])
def test_a_named_part_of_a_total_is_compared_with_the_same_part_elsewhere(first, second):
    found = findings(("a.txt", first, TUE), ("b.txt", second, TUE), min_confidence=0)
    parts = [f for f in found if f.status in ("conflict", "explained") and f.claims[0].subject not in ("people", "")]
    assert len(parts) == 1 and len({c.value for c in parts[0].claims}) == 2


def test_firefighters_are_never_compared_with_police_officers():
    found = findings(
        ("a.txt", "Three firefighters were injured in the blaze.", TUE),
        ("b.txt", "Two police officers were injured in the blaze.", TUE),
        min_confidence=0,
    )
    assert judged(found, "injuries") == []


@pytest.mark.parametrize("history", [
    "The club has a history of violence, including a stabbing there on New Year's Day 2021.",
    "A fire on the same block on March 3, 2022, was also set deliberately.",
    "The bar was closed once before, after a shooting on July 4, 2021.",
])
def test_a_day_long_before_the_article_that_no_other_source_gives_is_history(history):
    found = findings(
        ("a.txt", "The shooting happened on May 14, 2023, at the club.", TUE),
        ("b.txt", "The shooting at the club happened on May 14, 2023. " + history, TUE),
        ("c.txt", "The club shooting happened on May 14, 2023.", WED),
        min_confidence=0,
    )
    assert all(f.status == "agree" for f in judged(found, "date"))


@pytest.mark.parametrize("text", [
    "Dispatchers took dozens of calls after the shooting 911 calls were released.",
    "Police released recordings of the shooting 911 calls on Friday.",
    "The station aired the shooting 911 call in full.",
])
def test_an_emergency_number_is_not_a_count(text):
    assert [c.value for c in claims(text, TUE, "count")] == []


def test_new_years_eve_and_the_small_hours_of_new_years_day_are_one_night():
    found = findings(
        ("a.txt", "Two people were shot at a New Year's Eve party.", date(2023, 1, 1)),
        ("b.txt", "The party shooting happened shortly after 1 a.m. Sunday.", date(2023, 1, 1)),
    )
    assert all(f.status != "conflict" for f in judged(found, "date"))


def test_history_two_sources_recall_is_still_history_but_a_follow_up_a_year_on_agrees():
    recalled = "The club has a history of violence, including a stabbing there on New Year's Day 2021."
    found = findings(
        ("a.txt", "The shooting at the club happened on May 14, 2023. " + recalled, TUE),
        ("b.txt", "The club shooting happened on May 14, 2023. " + recalled, TUE),
        ("c.txt", "A year on, families remember the club shooting of May 14, 2023.", date(2024, 5, 14)),
        min_confidence=0,
    )
    dates = judged(found, "date")
    assert [f.status for f in dates] == ["agree"]
    assert {c.source for c in dates[0].claims} == {"a.txt", "b.txt", "c.txt"}


@pytest.mark.parametrize("text", [
    "Two deputies from Precinct 5 were shot during the raid.",
    "Officers from District 9 were injured in the clashes.",
    "The father of 3 was killed in the crash on the bridge.",
    "Crews from Engine 12 were hurt when the roof fell in.",
])
def test_a_number_that_names_a_precinct_or_describes_a_parent_is_not_a_count(text):
    assert [(c.kind, c.value) for c in claims(text, TUE) if c.kind != "date"] == []


@pytest.mark.parametrize("riser", [
    "The death toll rose to 9 on Wednesday.",
    "Two more have since died, bringing the toll to 9.",
    "UPDATE: quake toll climbs to 9",
])
def test_a_source_saying_the_toll_rose_does_not_explain_two_others_that_differ_the_same_day(riser):
    found = findings(
        ("a.txt", "The quake killed 4 people, the ministry said.", TUE),
        ("b.txt", "The quake killed 6 people, the Red Cross said.", TUE),
        ("c.txt", riser, WED),
        min_confidence=0,
    )
    [fact] = judged(found, "deaths")
    assert fact.status == "conflict"


def test_a_source_saying_the_toll_rose_explains_its_own_difference_the_same_day():
    found = findings(
        ("a.txt", "The quake killed 4 people, the ministry said.", TUE),
        ("b.txt", "The death toll rose to 9 by the evening.", TUE),
        min_confidence=0,
    )
    [fact] = judged(found, "deaths")
    assert fact.status == "explained" and "changed" in fact.reason


@pytest.mark.parametrize("verb", ["burst", "collapsed", "exploded", "capsized"])
def test_a_disaster_told_by_its_verb_is_dated(verb):
    assert _dates(f"The old dam {verb} on Monday, flooding the valley.") == ["2023-05-15"]


@pytest.mark.parametrize("text", [
    "The two trains collided head-on in the first minutes of Monday.",
    "A bus and a lorry collided on Monday near the border.",
    "The ferries collided late on Monday in thick fog.",
])
def test_vehicles_that_collided_date_the_incident(text):
    assert _dates(text) == ["2023-05-15"]


@pytest.mark.parametrize("text", [
    "The minibus plunged into a gorge on Monday.",
    "A lorry slammed into the market stalls on Monday evening.",
    "The coach overturned on a mountain road early on Monday.",
])
def test_a_vehicle_that_left_the_road_dates_the_incident(text):
    assert _dates(text) == ["2023-05-15"]


@pytest.mark.parametrize("text", [
    "Shots rang out late on May 15 outside the stadium.",
    "A man lost his life after a gunman opened the door on Monday.",
    "Two climbers lost their lives on the north face on Monday.",
    "Four miners were fatally injured on Monday when the shaft flooded.",
])
def test_an_event_told_as_shots_ringing_out_or_lives_lost_is_dated(text):
    assert _dates(text) == ["2023-05-15"]


def test_a_price_that_plunged_dates_nothing():
    assert _dates("Shares in the bus operator plunged on Monday.") == []


def test_a_rescue_the_day_after_another_source_reported_the_quake_is_not_the_quake_date():
    found = findings(
        ("a.txt", "The earthquake struck early Monday, killing 14.", date(2023, 5, 15)),
        ("b.txt", "Rescuers pulled a boy from the rubble on Tuesday, a day after the quake struck.", WED),
        ("c.txt", "The earthquake that struck on Monday has killed 80.", WED),
    )
    assert all(f.status != "conflict" for f in judged(found, "date"))


def test_a_conflict_is_as_sure_as_the_same_day_pair_it_rests_on():
    found = findings(
        ("a.txt", "Crash injures four\n\nFour people were injured in the crash.", TUE),
        ("b.txt", "Crash on Route 9\n\nThe road was closed.\n\nPolice were at the scene.\n\nThree people were rushed to hospital.", TUE),
        ("c.txt", "Crash toll\n\nNine people were injured in the crash.", WED),
        min_confidence=0,
    )
    [fact] = judged(found, "injuries")
    assert fact.status == "conflict" and fact.confidence < 0.5


@pytest.mark.parametrize("text,kind", [
    ("No one was slain in the attack.", "deaths"),
    ("Nobody was slain when the roof fell.", "deaths"),
    ("No one has been taken into custody over the fire.", "arrests"),
    ("Nobody was taken into custody after the brawl.", "arrests"),
])
def test_no_one_slain_or_taken_into_custody_is_a_count_of_none(text, kind):
    assert [c.value for c in claims(text, TUE, kind)] == [0]


def test_slain_dates_the_incident_as_killed_does():
    assert _dates("Four people were slain on Monday in the village.") == ["2023-05-15"]


@pytest.mark.parametrize("held", [
    "Two men were detained for questioning; no arrests have been made.",
    "Police detained two people for questioning on Friday.",
    "Two people were taken into custody and later released.",
])
def test_held_for_questioning_is_not_an_arrest(held):
    found = findings(
        ("a.txt", "No arrests have been made in the shooting.", TUE),
        ("b.txt", held, TUE),
    )
    assert all(f.status != "conflict" for f in judged(found, "arrests"))


@pytest.mark.parametrize("first,later", [
    ("At least 20 people were injured in the wreck.", "More than 60 people were injured in the wreck."),
    ("The storm injured 400 people.", "The storm injured 1,900 people."),
    ("Officials said 12 people were missing.", "Officials said 45 people were missing."),
])
def test_a_toll_that_grows_severalfold_over_days_is_a_confident_change(first, later):
    [fact] = judged(findings(("a.txt", first, TUE), ("b.txt", later, date(2023, 5, 20))), _kind(first))
    assert fact.status == "explained" and fact.confidence >= 0.5


def _kind(text: str) -> str:
    return "missing" if "missing" in text else "injuries"


@pytest.mark.parametrize("first,later", [
    ("Police made 2 arrests after the shooting.", "Police made 15 arrests over the festival weekend."),
    ("The blast killed 7 people.", "The blast killed 98 people."),
])
def test_a_far_larger_number_days_later_is_less_sure_to_be_the_same_count(first, later):
    kind = "arrests" if "arrests" in first else "deaths"
    [fact] = judged(findings(("a.txt", first, TUE), ("b.txt", later, date(2023, 5, 20)), min_confidence=0), kind)
    assert fact.confidence < 0.5


@pytest.mark.parametrize("later", [
    "The blast killed 98 people, a sharp rise from the first count.",
    "The blast has killed 98 people, officials said, as the toll rose to 98 overnight.",
    "The blast killed 98 people, a steep increase from earlier in the week.",
])
def test_a_far_larger_number_the_source_says_the_count_rose_to_is_a_confident_change(later):
    [fact] = judged(findings(("a.txt", "The blast killed 7 people.", TUE), ("b.txt", later, date(2023, 5, 20))), "deaths")
    assert fact.status == "explained" and fact.confidence >= 0.5


@pytest.mark.parametrize("recalled", [
    "The most recent was April 2, when six people were shot outside a bar.",
    "On March 28 a fire on the same street killed four people.",
    "It was the second such crash since April 10, when nine people were injured.",
])
def test_a_count_on_a_day_weeks_before_the_article_is_another_event(recalled):
    found = findings(
        ("a.txt", "Three people were killed and two injured in the shooting on Monday.", TUE),
        ("b.txt", "Three people were killed and two injured in the shooting on Monday. " + recalled, TUE),
        min_confidence=0,
    )
    assert all(f.status == "agree" for f in found if f.status not in ("single",))


@pytest.mark.parametrize("held", [
    "Five people are now in custody, the police said.",
    "Police said five suspects were detained on Sunday.",
    "Five men are in custody over the collapse.",
])
def test_a_count_held_in_custody_is_the_arrest_total_not_a_scene(held):
    [fact] = judged(findings(("a.txt", "Six people have been arrested over the collapse.", TUE), ("b.txt", held, TUE)), "arrests")
    assert fact.status == "conflict" and fact.confidence >= 0.5


@pytest.mark.parametrize("first", [
    "At least one person from the firm has been detained.",
    "More than 4 people were arrested on the first night.",
    "At least two suspects were arrested, police said.",
])
def test_an_open_ended_count_grows_without_bound_over_days(first):
    [fact] = judged(findings(("a.txt", first, TUE), ("b.txt", "Police have now arrested 40 people.", date(2023, 5, 28))), "arrests")
    assert fact.status == "explained" and fact.confidence >= 0.5


@pytest.mark.parametrize("text", [
    "Police registered an FIR against the organisers on Monday.",
    "An FIR was lodged at the city police station on Monday.",
    "Officers filed an FIR on Monday naming the owner.",
])
def test_a_first_information_report_dates_the_charges_not_the_incident(text):
    [claim] = claims(text, date(2023, 5, 16), kind="date")
    assert (claim.value, claim.subject) == ("2023-05-15", "charges")


@pytest.mark.parametrize("text", [
    "One man was killed in a New Year's Eve party shooting in Dunmore.",
    "Two people were shot at a Christmas Eve party on Elm Street.",
    "Gunfire broke out at a Fourth of July celebration in the park.",
])
def test_a_holiday_that_names_a_gathering_does_not_date_the_shooting(text):
    assert _dates(text) == []


@pytest.mark.parametrize("held", [
    "Forty people were taken into custody after the march.",
    "Police said 40 people were taken into custody after the march turned violent.",
    "By morning, 40 protesters had been taken into police custody.",
])
def test_taken_into_custody_states_an_arrest_total_not_a_part_of_the_scene(held):
    """A clash between two arrest totals is as sure whether one source says "arrested" or
    "taken into custody"."""
    plain = ("a.txt", "March turns violent\n\nPolice arrested 25 people after the march.", TUE)
    [stated] = judged(findings(plain, ("b.txt", "March turns violent\n\nForty people were arrested after the march.", TUE), min_confidence=0), "arrests")
    [custody] = judged(findings(plain, ("b.txt", "March turns violent\n\n" + held, TUE), min_confidence=0), "arrests")
    assert stated.status == custody.status == "conflict"
    assert custody.confidence == stated.confidence
