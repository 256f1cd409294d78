"""Numbers that answer for a part of a story, not its whole: a place among several, a moment
of the operation that ended it, a scene where nobody was hurt, a headline's label, a past
event it is compared with. None of them may disagree with the story's own totals."""
from datetime import date

import pytest

from engine_helpers import RULES, claims, findings, judged, source
from factcheck.align import align_claims
from factcheck.extract import extract_claims
from factcheck.split import split_sentences

SAT = date(2024, 3, 16)
SUN = date(2024, 3, 17)
MON = date(2024, 3, 18)


def _conflicts(found, kind):
    return [f for f in judged(found, kind) if f.status == "conflict"]


# --- a headline's label glued to the next headline ------------------------------------------


@pytest.mark.parametrize("label", [
    "RIVERSIDE SHOOTING Four Teens Hurt Near Skate Park",
    "MALL SHOOTING Two Guards Recovering in Hospital",
    "CAMPUS SHOOTING Three Bystanders Treated and Released",
])
def test_a_capitalised_label_before_a_headline_is_not_a_verb_of_its_count(label):
    assert claims(label, SUN, "count") == []


@pytest.mark.parametrize("text,value", [
    ("Witnesses saw the man shooting four people outside the store.", 4),
    ("GUNMAN SHOOTING THREE PEOPLE AT DINER IS ARRESTED", 3),
])
def test_shooting_as_a_verb_still_counts_the_people_shot(text, value):
    assert [c.value for c in claims(text, SUN, "count")] == [value]


# --- another event, told in passing -------------------------------------------------------------


@pytest.mark.parametrize("aside", [
    "He had moved to the town days after four officers were shot by another gunman in a different city.",
    "Neighbours said the attack came weeks after four officers were shot by another man across the state.",
    "It was the second ambush this month; in the first, four officers were wounded by another shooter.",
])
def test_officers_hit_by_another_attacker_are_another_events_count(aside):
    found = findings(
        ("a.txt", "Six officers were shot in the ambush on Sunday.", SUN),
        ("b.txt", f"Six officers were shot in Sunday's ambush.\n\n{aside}", SUN),
    )
    assert _conflicts(found, "count") == [] and _conflicts(found, "injuries") == []


@pytest.mark.parametrize("comparison", [
    "It was the deadliest attack on the city since 2009, when a truck bomb killed 52 people.",
    "The blast was the worst the region has suffered since a refinery fire killed 52 workers.",
])
def test_a_past_event_a_story_is_compared_with_is_not_its_count(comparison):
    found = findings(
        ("a.txt", f"The bombing killed 31 people on Sunday.\n\n{comparison}", SUN),
        ("b.txt", "Thirty-one people were killed in the bombing on Sunday.", SUN),
    )
    assert _conflicts(found, "deaths") == []


@pytest.mark.parametrize("own", [
    "The bombs killed 31 people in the worst violence the country has seen in a decade.",
    "Thirty-one people died in the deadliest attack the city has known since the war.",
])
def test_the_storys_own_toll_before_a_comparison_is_still_its_toll(own):
    assert [c.value for c in claims(own, SUN, "deaths") if not c.context.other_event] == [31]


# --- the day of the operation that ended it -----------------------------------------------------


@pytest.mark.parametrize("text,day", [
    ("Rescuers pulled two survivors from the rubble on Saturday, a day after the building collapsed.", "2024-03-15"),
    ("Divers recovered more bodies on Saturday, two days after the ferry sank.", "2024-03-14"),
    ("On Saturday, the day after the shooting, the campus stayed closed.", "2024-03-15"),
])
def test_a_day_stated_as_days_after_the_incident_dates_the_incident_by_the_difference(text, day):
    assert [c.value for c in claims(text, SUN, "date")] == [day]


@pytest.mark.parametrize("operation", [
    "Two of the gunmen were killed when commandos stormed the hotel on Saturday morning.",
    "The siege ended on Saturday when police stormed the building.",
    "Soldiers retook the compound on Saturday after a night of fighting.",
])
def test_the_day_a_siege_was_ended_is_not_the_day_it_began(operation):
    found = findings(
        ("a.txt", "Gunmen attacked the hotel on Friday night and took dozens of guests hostage.", SAT),
        ("b.txt", f"Gunmen attacked the hotel on Friday evening.\n\n{operation}", SUN),
    )
    assert _conflicts(found, "date") == []


@pytest.mark.parametrize("operation", [
    "Two soldiers were killed in Sunday's assault on the hotel.",
    "Both hostages died in the final assault on Sunday, the army said.",
    "A police officer was wounded in Sunday's assault.",
])
def test_the_assault_that_ends_a_siege_has_its_own_day(operation):
    assert {c.subject for c in claims(operation, SUN, "date")} == {"assault"}
    found = findings(
        ("a.txt", "Gunmen seized the hotel on Friday night and held dozens of guests hostage.", SAT),
        ("b.txt", f"Gunmen seized the hotel on Friday night.\n\n{operation}", SUN),
    )
    assert _conflicts(found, "date") == []


@pytest.mark.parametrize("charge", [
    "He was charged with assault on Monday.",
    "She pleaded not guilty Monday to two counts of felonious assault on a peace officer.",
    "Police found an assault rifle in his car on Monday.",
])
def test_assault_the_crime_or_the_weapon_dates_no_siege_assault(charge):
    assert "assault" not in {c.subject for c in claims(charge, SUN, "date")}


@pytest.mark.parametrize("text", [
    "Ten people died in the siege, which began late on Friday and ended before dawn on Sunday.",
    "The siege, which started on Friday and ended on Sunday, left ten people dead.",
    "The riot that began on Friday and was over by Sunday left two people dead.",
])
def test_a_day_told_as_when_the_event_began_is_the_events(text):
    assert [(c.value, c.subject) for c in claims(text, SUN, "date")] == [("2024-03-15", "incident")]


@pytest.mark.parametrize("text", [
    "The number of people arrested over Saturday night's rioting rose to 47.",
    "Police arrested 34 people after a night of rioting in the city on Saturday.",
    "Fifty-two people have now been arrested after Saturday night's disorder.",
])
def test_a_night_of_rioting_is_the_incident_not_the_arrests(text):
    assert [(c.value, c.subject) for c in claims(text, SUN, "date")] == [("2024-03-16", "incident")]


@pytest.mark.parametrize("text", [
    "He was diagnosed with post-traumatic stress disorder on Saturday.",
    "Two men were charged with violent disorder on Saturday.",
])
def test_disorder_the_illness_or_the_charge_is_no_riot(text):
    assert "incident" not in {c.subject for c in claims(text, SUN, "date")}


def test_a_day_something_else_began_after_the_event_is_not_its_day():
    assert claims("The clean-up began on Sunday after the riot.", SUN, "date") == []


@pytest.mark.parametrize("later", [
    "A third suspect was arrested on Monday in the port city.",
    "Two men were held on Saturday, and a third in the port city on Monday.",
    "Police said on Tuesday that they had arrested a second man on Monday.",
])
def test_an_arrest_told_by_its_rank_is_not_the_first_arrests_day(later):
    found = findings(
        ("a.txt", "Police arrested two men on Saturday over the hotel siege.", SUN),
        ("b.txt", f"Two suspects were detained on Saturday.\n\n{later}", date(2024, 3, 19)),
    )
    assert judged(found, "date") and _conflicts(found, "date") == []


def test_an_arrest_for_the_second_time_is_still_the_arrest():
    assert [c.subject for c in claims("He was arrested for the second time on Saturday.", SUN, "date")] == ["arrest"]


# --- hostages are a named sub-group ------------------------------------------------------------


@pytest.mark.parametrize("hostages", [
    "Seven hostages were killed in the siege.",
    "The gunmen killed seven hostages before police moved in.",
    "Among the dead were seven hostages, police said.",
])
def test_hostages_killed_are_not_compared_with_the_whole_toll(hostages):
    found = findings(
        ("a.txt", "Nine people were killed in the siege, including the two gunmen.", SUN),
        ("b.txt", hostages, SUN),
    )
    assert _conflicts(found, "deaths") == []


def test_hostages_are_compared_with_hostages():
    found = findings(
        ("a.txt", "Seven hostages were killed in the siege.", SUN),
        ("b.txt", "Five hostages were killed in the siege.", SUN),
    )
    assert [sorted(c.value for c in f.claims) for f in _conflicts(found, "deaths")] == [[5, 7]]


# --- one place among several --------------------------------------------------------------------


@pytest.mark.parametrize("part", [
    "At St Brendan's Church alone, 15 people were killed.",
    "Fifteen people were killed at St Brendan's Church, the first to be hit.",
    "In Kelham, where the first bomb went off, 15 people died.",
])
def test_a_smaller_toll_at_one_of_the_places_is_a_part_of_the_lead_total(part):
    found = findings(
        ("a.txt", f"Bombs kill 40 in attacks on churches\n\nForty people were killed on Sunday.\n\nThe bombs went off within an hour.\n\n{part}", SUN),
        ("b.txt", "Forty people were killed in the bombings on Sunday.", SUN),
    )
    assert _conflicts(found, "deaths") == []


def test_a_lead_total_that_names_the_places_of_its_parts_is_still_compared_as_the_total():
    found = findings(
        ("a.txt", "Twelve killed in two attacks\n\nTwelve people were killed when gunmen attacked the market in Dorran Square and the station.\n\n"
                  "Eight people were killed in Dorran Square, officials said.", SUN),
        ("b.txt", "Fourteen killed in attacks\n\nFourteen people were killed in the attacks on Sunday.", SUN),
    )
    assert [sorted(c.value for c in f.claims) for f in _conflicts(found, "deaths")] == [[12, 14]]


# --- a scene where nobody was hurt --------------------------------------------------------------


@pytest.mark.parametrize("scene", [
    "Later a parked van blew up as police tried to defuse it. No one was hurt, police said.",
    "A second device was found near the station and made safe. Nobody was injured.",
    "Shoppers fled a nearby mall after a false alarm; no one was hurt.",
])
def test_no_one_hurt_at_a_side_scene_does_not_disagree_with_hundreds_wounded(scene):
    found = findings(
        ("a.txt", f"Blasts wound hundreds\n\nAbout 300 people were injured in the blasts on Sunday.\n\nThe city was tense.\n\n{scene}", SUN),
        ("b.txt", "More than 300 people were wounded in the blasts on Sunday.", SUN),
    )
    assert all(0 not in [c.value for c in f.claims] for f in judged(found, "injuries"))


def test_no_one_hurt_in_the_lead_still_disagrees_with_a_few_hurt():
    found = findings(
        ("a.txt", "No one was injured in the fire on Sunday.", SUN),
        ("b.txt", "Three people were injured in the fire on Sunday.", SUN),
    )
    assert [sorted(c.value for c in f.claims) for f in _conflicts(found, "injuries")] == [[0, 3]]


# --- tolls told by the mark they passed ---------------------------------------------------------


@pytest.mark.parametrize("text,value", [
    ("Quake toll passes 300 as rescuers search the ruins", 300),
    ("The death toll has topped 120, officials said.", 120),
    ("Officials said 212 people were now known to have died.", 212),
])
def test_a_toll_told_by_the_mark_it_passed_or_as_now_known_is_read(text, value):
    assert [c.value for c in claims(text, MON, "deaths")] == [value]


def test_a_toll_that_passed_a_mark_agrees_with_a_larger_count():
    found = findings(
        ("a.txt", "Quake toll passes 300 as rescuers search the ruins", MON),
        ("b.txt", "The quake killed 306 people, officials said.", MON),
    )
    assert _conflicts(found, "deaths") == []


@pytest.mark.parametrize("breakdown", [
    "Officials now put the number of dead at 34: 14 at the airport and 20 at Dorran station.",
    "The death toll stood at 34, with 14 at the airport and 20 at Dorran station.",
])
def test_a_total_followed_by_its_breakdown_by_place_stays_the_total(breakdown):
    found = findings(
        ("a.txt", f"Bombings in the capital\n\nTwin bombings hit the capital on Tuesday.\n\nThe city was shut.\n\n{breakdown}", SUN),
        ("b.txt", "Bombs kill 31 in capital\n\nThirty-one people were killed on Tuesday.\n\nThe city was shut.\n\n"
                  "Twenty people were killed at Dorran station, officials said.", SAT),
    )
    [total] = [f for f in judged(found, "deaths") if 31 in [c.value for c in f.claims]]
    assert sorted(c.value for c in total.claims) == [31, 34]


# --- days of other events told for context -------------------------------------------------------

FRI_JUL = date(2024, 7, 26)


@pytest.mark.parametrize("context", [
    "The ambush followed a July 5 attack in Harlow City that killed four officers.",
    "Tensions had been high since a sniper killed four officers in Harlow City on July 5.",
])
def test_the_day_of_an_attack_elsewhere_weeks_before_is_not_a_day_of_the_story(context):
    articles = [
        source("a.txt", "Officer killed in Brenton\n\nA police officer was shot dead in Brenton.\n\nThe city mourned.\n\n"
                        "The shooting happened on Thursday night. " + context, FRI_JUL),
        source("b.txt", "Brenton police mourn officer\n\nAn officer was shot dead in Brenton.\n\nThe shooting was on Thursday night.", FRI_JUL),
    ]
    everything = [c for s in articles for c in extract_claims(s, split_sentences(s), RULES)]
    stated = {c.value for f in align_claims(everything, articles, RULES) if f.kind == "date" for c in f.stated or f.claims}
    assert stated == {"2024-07-25"}


@pytest.mark.parametrize("text,day", [
    ("The second man was arrested Friday after a standoff at a house nearby.", ("second arrest", "2024-07-26")),
    ("A suspect was detained Friday following a car chase.", ("arrest", "2024-07-26")),
])
def test_a_day_told_before_after_belongs_to_the_event_before_it(text, day):
    assert [(c.subject, c.value) for c in claims(text, FRI_JUL, "date")] == [day]


@pytest.mark.parametrize("text,day", [
    ("On Aug. 2 last year, a dust explosion at a factory killed 75.", "2023-08-02"),
    ("The fire of March 3 of last year killed two.", "2023-03-03"),
])
def test_a_month_and_day_of_last_year_is_dated_in_last_year(text, day):
    assert [c.value for c in claims(text, date(2024, 8, 20), "date")] == [day]


# --- the hurt counted with the dead ----------------------------------------------------------------


@pytest.mark.parametrize("counted", [
    "One person was killed and six others hurt at the club. In all, six people were shot, including the one who died.",
    "One person died and six people were hurt at the club, where six people were shot.",
])
def test_a_count_of_the_hurt_that_is_also_the_count_of_everyone_shot_includes_the_dead(counted):
    found = findings(
        ("a.txt", counted, SUN),
        ("b.txt", "One person was killed and five others were hurt in the shooting at the club.", SUN),
    )
    [hurt] = judged(found, "injuries")
    assert hurt.status == "explained" and "6 − 1 = 5" in hurt.reason


def test_a_larger_count_of_the_hurt_with_no_count_of_everyone_shot_still_disagrees():
    found = findings(
        ("a.txt", "One person was killed and six others were hurt at the club.", SUN),
        ("b.txt", "One person was killed and five others were hurt in the shooting at the club.", SUN),
    )
    assert [sorted(c.value for c in f.claims) for f in _conflicts(found, "injuries")] == [[5, 6]]


@pytest.mark.parametrize("text", [
    "A woman was killed and five others were shot outside the club.",
    "The conditions of the five others who were shot are not known.",
    "1 shot dead, 5 wounded near the campus",
    "Two shot and killed outside a bar on Main Street",
    "One deputy was shot and killed and another was wounded during the stop.",
])
def test_shot_dead_or_one_of_a_pair_is_not_a_count_of_everyone_shot(text):
    assert [c for c in claims(text, SUN, "count") if c.rule == "FC204"] == []


@pytest.mark.parametrize("recalled", [
    "The last two officers slain in the city were killed in 2019.",
    "Recent attacks in two other cities claimed the lives of eight officers.",
])
def test_the_last_ones_killed_or_recent_attacks_elsewhere_are_other_events(recalled):
    assert [c.value for c in claims(recalled, SUN, "deaths") if not c.context.other_event] == []


@pytest.mark.parametrize("count", ["two", "2", "a pair of"])
def test_the_day_of_an_arrest_in_a_shooting_is_the_arrests_however_the_count_is_written(count):
    text = f"Police arrested {count} teenagers on Sunday in the drive-by shooting that killed a boy late Friday."
    assert [(c.subject, c.value) for c in claims(text, date(2024, 5, 13), "date")] == [("arrest", "2024-05-12"), ("incident", "2024-05-10")]


@pytest.mark.parametrize("later", [
    "A fifth victim, a groundskeeper's daughter, died in the hospital on Sunday.",
    "One of the wounded later died on Sunday, police said.",
    "A woman shot in the attack succumbed to her wounds on Sunday.",
])
def test_the_day_a_victim_died_later_is_not_the_day_of_the_attack(later):
    found = findings(
        ("a.txt", f"The college mourns its dead.\n\n{later}", MON),
        ("b.txt", "The shooting at the college happened on Friday.", MON),
    )
    assert all(len({c.value for c in f.claims}) == 1 for f in judged(found, "date"))


# --- captions and video blurbs --------------------------------------------------------------------


@pytest.mark.parametrize("caption", [
    "CLOSE Skip in Skip x Embed x Share Police announce arrests | 2:14 The chief said two men were arrested in the shooting.",
    "Buy Photo Officers at the scene, where two men were arrested in the shooting. (Photo: Dana Holt, Metro Daily)",
    "(Dana Holt — Metro Daily)Sunday (Dana Holt — Metro Daily)Police at the scene where two men were arrested.",
])
def test_a_count_in_a_caption_is_too_unsure_to_fail_a_story(caption):
    found = findings(
        ("a.txt", "No arrests have been made in the shooting, police said.", SUN),
        ("b.txt", f"Police are still looking for the gunman.\n\nThe club stayed closed.\n\n{caption}", SUN),
    )
    assert _conflicts(found, "arrests") == []
    assert [f.status for f in judged(found, "arrests")] == ["uncertain"]


def test_the_same_count_in_the_text_still_disagrees():
    found = findings(
        ("a.txt", "No arrests have been made in the shooting, police said.", SUN),
        ("b.txt", "Police are still looking for the gunman.\n\nThe club stayed closed.\n\nThe chief said two men were arrested in the shooting.", SUN),
    )
    assert [sorted(c.value for c in f.claims) for f in _conflicts(found, "arrests")] == [[0, 2]]


@pytest.mark.parametrize("service", ["the fire service said", "according to the fire department", "the fire chief told reporters"])
def test_a_service_named_after_an_event_names_no_event_to_date(service):
    text = f"Four people were pulled out alive on Sunday, {service}."
    assert claims(text, MON, "date") == []


# --- two sources that each report their figure as the newest -------------------------------------


@pytest.mark.parametrize("first,second", [
    ("The quake toll rose to 286 on Friday.", "The quake death toll climbs to 293."),
    ("Quake toll reaches 286 as rescuers dig", "Officials raised the death toll to 293 on Friday."),
])
def test_two_rises_reported_the_same_day_to_different_figures_still_disagree(first, second):
    found = findings(("a.txt", first, date(2024, 9, 22)), ("b.txt", second, date(2024, 9, 22)))
    assert [sorted(c.value for c in f.claims) for f in _conflicts(found, "deaths")] == [[286, 293]]


def test_a_toll_revised_down_the_same_day_does_not_explain_a_higher_figure():
    found = findings(
        ("a.txt", "Officials revised the death toll to 231 overnight.", date(2024, 1, 28)),
        ("b.txt", "The fire killed 233 people, the state government said.", date(2024, 1, 28)),
    )
    assert [sorted(c.value for c in f.claims) for f in _conflicts(found, "deaths")] == [[231, 233]]


@pytest.mark.parametrize("recalled,kind", [
    ("Last year, an explosion at a paint factory nearby killed 75 people.", "deaths"),
    ("Five months later, a leaking pipeline exploded in the same city, killing 62 people.", "deaths"),
])
def test_an_event_of_last_year_or_months_later_is_another_event(recalled, kind):
    assert [c.value for c in claims(recalled, date(2024, 8, 28), kind) if not c.context.other_event] == []


def test_a_day_named_after_a_count_dates_what_it_is_about_not_the_count():
    text = "Police had arrested 12 people, among them the owners of the depot that blew up on Aug. 12."
    assert [c.value for c in claims(text, date(2024, 8, 28), "arrests") if not c.context.other_event] == [12]


@pytest.mark.parametrize("phase", [
    "After the shooting, the gunman went into the neighbourhood and fired again, wounding three people.",
    "He then drove to a second house, where he shot and wounded three people.",
])
def test_what_one_narrated_phase_hurt_is_too_unsure_to_fail_a_story(phase):
    found = findings(
        ("a.txt", "Six hurt in shooting spree\n\nTwo people were killed and six were injured in the rampage.", SUN),
        ("b.txt", f"Rampage leaves two dead\n\nTwo people were killed in the rampage on Sunday.\n\n{phase}", SUN),
    )
    assert _conflicts(found, "injuries") == []


def test_a_stated_total_in_the_body_still_disagrees():
    found = findings(
        ("a.txt", "Six hurt in shooting spree\n\nTwo people were killed and six were injured in the rampage.", SUN),
        ("b.txt", "Rampage leaves two dead\n\nTwo people were killed in the rampage on Sunday.\n\nThree people were injured, police said.", SUN),
    )
    assert [sorted(c.value for c in f.claims) for f in _conflicts(found, "injuries")] == [[3, 6]]


# --- places listed after a placed count -----------------------------------------------------------


@pytest.mark.parametrize("text,expected", [
    ("Officials said 40 people died in Dorran, 12 in the province of Kelm and three in Abbot Vale.",
     [(40, "dorran"), (12, "kelm"), (3, "abbot vale")]),
    ("The agency said 25 were injured in Marrow Bay and 9 in Tessel, with the rest elsewhere.",
     [(25, "marrow bay"), (9, "tessel")]),
])
def test_each_place_listed_after_a_placed_count_has_its_own_count(text, expected):
    kind = "deaths" if "died" in text else "injuries"
    assert [(c.value, *sorted(c.context.places)) for c in claims(text, MON, kind)] == expected


def test_a_listed_place_is_compared_with_the_same_place_not_with_the_total():
    found = findings(
        ("a.txt", "Quake kills 90\n\nThe quake killed 90 people on Sunday.\n\nThe ministry said 50 people died in Dorran, 12 in Kelm and 28 elsewhere.", SUN),
        ("b.txt", "Quake toll 90\n\nNinety people died in the quake on Sunday.\n\nOf them, 50 people died in Dorran and 15 in Kelm.", SUN),
    )
    assert [sorted(c.value for c in f.claims) for f in _conflicts(found, "deaths")] == [[12, 15]]


# --- two numbers of the same scene -----------------------------------------------------------------


@pytest.mark.parametrize("first,later", [
    ("At least 60 people were taken to hospital after the crash.", "At least 70 injured passengers were taken to hospital."),
    ("Forty people were treated in hospital after the blast.", "Fifty-two people were treated in hospital, officials said."),
])
def test_two_counts_of_one_scene_days_apart_are_a_sure_change(first, later):
    found = findings(
        ("a.txt", f"Crash in the valley\n\nThe crash happened on Sunday.\n\nRescuers worked all night.\n\n{first}", SUN),
        ("b.txt", f"Crash toll\n\nThe crash happened on Sunday.\n\nRescuers worked all night.\n\n{later}", MON),
    )
    [hurt] = judged(found, "injuries")
    assert hurt.status == "explained" and hurt.confidence >= 0.5


def test_a_count_of_one_scene_against_a_stated_total_the_same_day_stays_unsure():
    found = findings(
        ("a.txt", "Crash in the valley\n\nThe crash happened on Sunday.\n\nRescuers worked all night.\n\nForty people were treated in hospital after the crash.", MON),
        ("b.txt", "Crash toll\n\nThe crash happened on Sunday.\n\nRescuers worked all night.\n\nFifty-two people were injured, officials said.", MON),
    )
    [hurt] = judged(found, "injuries")
    assert hurt.status == "uncertain"


@pytest.mark.parametrize("scene", [
    "Forty people were treated in hospital after the crash.",
    "Forty people were critically injured in the crash.",
    "Forty people were being treated for injuries on Sunday night.",
])
def test_a_count_of_one_scene_and_a_total_days_apart_are_a_change_over_time(scene):
    found = findings(
        ("a.txt", f"Crash in the valley\n\nThe crash happened on Sunday.\n\nRescuers worked all night.\n\n{scene}", SUN),
        ("b.txt", "Crash toll\n\nThe crash happened on Sunday.\n\nRescuers worked all night.\n\nFifty-two people were injured, officials said.", MON),
    )
    [hurt] = judged(found, "injuries")
    assert hurt.status == "explained" and hurt.confidence >= 0.5


@pytest.mark.parametrize("text,subject", [
    ("The three injured students had run back into the school.", "students"),
    ("Four wounded officers were flown to the trauma centre.", "officers"),
    ("The two injured children were treated at the scene.", "children"),
])
def test_a_count_of_hurt_described_by_the_noun_after_it_counts_that_noun(text, subject):
    assert [(c.value > 0, c.subject) for c in claims(text, SUN, "injuries")] == [(True, subject)]


def test_a_figure_between_days_that_agree_on_another_is_unsure_not_a_change():
    found = findings(
        ("a.txt", "Nine people were wounded in the shooting on Sunday.", SUN),
        ("b.txt", "Police said 10 people were wounded in the shooting.", MON),
        ("c.txt", "Nine people were wounded in Sunday's shooting, police said.", date(2024, 3, 20)),
    )
    [hurt] = judged(found, "injuries")
    assert hurt.status == "uncertain"


def test_a_toll_that_keeps_rising_is_a_sure_change():
    found = findings(
        ("a.txt", "Nine people were wounded in the shooting on Sunday.", SUN),
        ("b.txt", "Police said 10 people were wounded in the shooting.", MON),
        ("c.txt", "Eleven people were wounded in Sunday's shooting, police said.", date(2024, 3, 20)),
    )
    [hurt] = judged(found, "injuries")
    assert hurt.status == "explained"


def test_a_toll_a_source_says_was_corrected_back_is_a_sure_change():
    found = findings(
        ("a.txt", "At least 78 people died when the boat sank on Sunday.", SUN),
        ("b.txt", "The shipwreck toll rises to 79.", MON),
        ("c.txt", "The coast guard corrects the toll to 78.", date(2024, 3, 20)),
    )
    [dead] = judged(found, "deaths")
    assert dead.status == "explained"


# --- page stamps and slips of the month --------------------------------------------------------------


@pytest.mark.parametrize("stamp", [
    "Gunfight case in court Posted: Wednesday, April 8, 2015 4:09 AM EDT",
    "Updated: Wednesday, April 8, 2015, after the shooting hearing",
    "Published on April 8, 2015 - the shooting trial opens",
])
def test_a_pages_own_time_stamp_dates_no_event(stamp):
    assert claims(stamp, date(2015, 4, 8), "date") == []


def test_a_late_article_that_dates_the_event_a_month_off_disagrees():
    found = findings(
        ("a.txt", "Nine people were hurt in a shooting on Bourbon Street on Sunday.", date(2014, 6, 29)),
        ("b.txt", "The July 29, 2014, shooting on Bourbon Street wounded nine people.", date(2016, 1, 15)),
    )
    [day] = judged(found, "date")
    assert day.status == "conflict" and sorted(c.value for c in day.claims) == ["2014-06-29", "2014-07-29"]


# --- a zero for a later scene of a story the source has already told -----------------------


@pytest.mark.parametrize("kind, told, scene", [
    ("arrests", "Officers said Dale Pruitt was arrested at his home an hour later.",
     "Deputies then searched a barn nearby, and no arrests were made there."),
    ("injuries", "A cashier was wounded in the arm and taken to hospital.",
     "A second store was evacuated later that night; no one was hurt."),
    ("arrests", "Two teenagers were taken into custody near the school.",
     "A tip sent officers to a motel in the afternoon, but no arrests were made."),
])
def test_a_zero_deep_in_a_text_that_already_told_of_it_is_a_later_scene(kind, told, scene):
    found = findings(
        ("a.txt", f"Shooting at the mall\n\nPolice responded to reports of gunfire on Sunday.\n\n{told}\n\n"
                  f"Witnesses described a chaotic scene.\n\n{scene}", SUN),
        ("b.txt", f"Mall shooting\n\nPolice said {'two people were arrested' if kind == 'arrests' else 'two people were injured'} after the shooting on Sunday.", SUN),
    )
    assert _conflicts(found, kind) == []


@pytest.mark.parametrize("kind, told, scene", [
    ("arrests", "Three men were arrested at an apartment on Gulf Avenue on Sunday night.",
     "A search of a second house, on Bayou Street, ended with no arrests."),
    ("arrests", "Three brothers were arrested at a motel on Harbor Road.",
     "Officers also raided a garage on Pine Street, but no arrests were made."),
    ("injuries", "Two clerks were wounded at the store on Elm Street.",
     "A bus was evacuated on Oak Avenue later that night; no one was hurt."),
])
def test_a_later_scene_at_a_place_of_its_own_with_only_a_zero_is_no_fact(kind, told, scene):
    found = findings(
        ("a.txt", f"Shooting downtown\n\nPolice responded to reports of gunfire on Sunday.\n\n{told}\n\n"
                  f"Witnesses described a chaotic scene.\n\n{scene}", SUN),
        ("b.txt", f"Downtown shooting\n\nPolice said {'three men were arrested' if kind == 'arrests' else 'two people were injured'} on Sunday.", SUN),
    )
    assert _conflicts(found, kind) == [] and all(f.claims for f in found)


def test_a_zero_in_a_text_that_told_of_nobody_held_still_disagrees():
    found = findings(
        ("a.txt", "Shooting at the mall\n\nPolice responded to reports of gunfire on Sunday.\n\n"
                  "Witnesses described a chaotic scene.\n\nNo arrests were made, a spokesman said.", SUN),
        ("b.txt", "Mall shooting\n\nPolice said two people were arrested after the shooting on Sunday.", SUN),
    )
    assert len(_conflicts(found, "arrests")) == 1


@pytest.mark.parametrize("clause", [
    "The dead were taken to hospitals in Rampur and in nearby Kotla district, where a doctor said 30 bodies had been received.",
    "Victims were flown to clinics in Rampur and at the Kotla base, where officials said 30 people had died.",
    "Survivors were treated in Rampur and at a clinic in Kotla, where staff said 30 people had died.",
])
def test_a_count_in_a_where_clause_belongs_to_the_place_the_clause_opens_on(clause):
    found = findings(
        ("a.txt", f"Crush at fair kills 90\n\nAt least 90 people died in a crush at a fair on Saturday.\n\n{clause}", SAT),
        ("b.txt", "Fair crush\n\nMore than 90 people died in the crush.\n\n"
                  "The number of people killed in the crush in Rampur rose to 95 on Sunday.", SUN),
    )
    assert [f for f in judged(found, "deaths") if 30 in {c.value for c in f.claims}] == []
# --- dates of other events of a story: a journey's start, an event word that carries its own day ---


THU_JUN = date(2024, 6, 20)


@pytest.mark.parametrize("departure", [
    "The trawler sailed from Benghazi on June 11 and was heading north when it went down.",
    "The ferry departed the port of Sfax on June 11, hours before it overturned.",
    "The overloaded dinghy set off from the beach near Zuwara on June 11.",
])
def test_the_day_a_boat_set_out_is_the_departures_not_the_sinkings(departure):
    assert {(c.subject, c.value) for c in claims(departure, THU_JUN, "date")} == {("departure", "2024-06-11")}


@pytest.mark.parametrize("first,second", [
    ("The trawler sailed from Benghazi on June 11.", "The trawler sailed from Benghazi on June 12 with 500 people on board, survivors said."),
    ("The ferry departed Sfax on June 11 with 300 aboard.", "The ferry had departed Sfax on June 12, officials said."),
    ("The vessel set off from Zuwara on June 11.", "Survivors said the vessel set off from Zuwara on June 12."),
])
def test_two_days_given_for_one_departure_disagree(first, second):
    found = findings(("a.txt", first, date(2024, 6, 15)), ("b.txt", second, date(2024, 6, 16)))
    assert [(f.key, sorted(c.value for c in f.claims)) for f in _conflicts(found, "date")] == [
        ("date:departure", ["2024-06-11", "2024-06-12"])
    ]


def test_a_departure_day_is_not_compared_with_the_day_of_the_sinking():
    found = findings(
        ("a.txt", "The boat sailed from Tobruk on June 11.", THU_JUN),
        ("b.txt", "The boat capsized on June 14.", THU_JUN),
    )
    assert _conflicts(found, "date") == []


@pytest.mark.parametrize("text,day", [
    ("More than 400 people have died since the heatwave began on Saturday.", "2024-06-15"),
    ("The wildfire broke through the firebreak on Monday evening.", "2024-06-17"),
    ("Ash from Tuesday's eruption grounded flights across the region.", "2024-06-18"),
])
def test_a_natural_disaster_named_by_its_noun_is_the_incident_dated(text, day):
    assert [(c.subject, c.value) for c in claims(text, THU_JUN, "date")] == [("incident", day)]


@pytest.mark.parametrize("text,days", [
    ("Coast guards arrested six survivors of Monday's shipwreck on Wednesday.", {("incident", "2024-06-17"), ("arrest", "2024-06-19")}),
    ("Police detained a man wanted in Saturday night's shooting at a bar on Tuesday.", {("incident", "2024-06-15"), ("arrest", "2024-06-18")}),
    ("The driver held over Sunday's deadly crash near the bridge was arrested on Wednesday.", {("incident", "2024-06-16"), ("arrest", "2024-06-19")}),
])
def test_an_event_dated_by_its_own_possessive_does_not_take_another_day_of_the_sentence(text, days):
    assert {(c.subject, c.value) for c in claims(text, THU_JUN, "date")} == days


@pytest.mark.parametrize("booked", [
    "The suspect was booked into the county jail on Thursday after his return from Ohio.",
    "Garza was extradited on Thursday and held without bond.",
    "He was transferred to the county jail on Thursday evening.",
])
def test_a_jail_intake_days_later_is_not_the_day_of_the_arrest(booked):
    assert [c.subject for c in claims(booked, date(2024, 6, 21), "date")] == []
    found = findings(
        ("a.txt", "Marshals arrested the suspect in Ohio on Wednesday, police said.", date(2024, 6, 21)),
        ("b.txt", booked, date(2024, 6, 21)),
    )
    assert judged(found, "date") == []


@pytest.mark.parametrize("text,day", [
    ("The gunman was arrested in Reno on July 9.", "2024-07-09"),
    ("Investigators detained the driver on July 9 at a motel.", "2024-07-09"),
    ("He surrendered to deputies on July 9, his lawyer said.", "2024-07-09"),
])
def test_an_arrest_dated_days_after_the_first_publication_is_of_that_year(text, day):
    assert [c.value for c in claims(text, date(2024, 7, 5), "date")] == [day]


# --- the steps of a case: each dated as a fact of its own ---------------------------------------


TUE_OCT = date(2024, 10, 8)


@pytest.mark.parametrize("text,step", [
    ("Prosecutors charged the driver with manslaughter on Monday.", "charges"),
    ("The teenager was arraigned on Monday in juvenile court.", "arraignment"),
    ("A judge denied bail for the 31-year-old on Monday.", "bail"),
])
def test_a_step_of_the_case_is_dated_as_that_step(text, step):
    assert [(c.subject, c.value) for c in claims(text, TUE_OCT, "date")] == [(step, "2024-10-07")]


@pytest.mark.parametrize("first,second,step", [
    ("Mara Quint was arraigned on Monday on two counts of murder.", "Quint was arraigned Tuesday morning, her lawyer said.", "arraignment"),
    ("A judge denied bail for Quint on Monday.", "Quint was held without bail on Tuesday after a brief hearing.", "bail"),
    ("Prosecutors charged Quint with murder on Monday.", "Quint was charged on Tuesday with two counts of murder.", "charges"),
])
def test_two_days_given_for_one_persons_step_of_the_case_disagree(first, second, step):
    found = findings(("a.txt", first, TUE_OCT), ("b.txt", second, TUE_OCT))
    assert [(f.key, sorted(c.value for c in f.claims)) for f in _conflicts(found, "date")] == [
        (f"date:{step}", ["2024-10-07", "2024-10-08"])
    ]


@pytest.mark.parametrize("first,second", [
    ("Two of the men were arraigned on Monday.", "The third suspect was arraigned on Tuesday."),
    ("Both brothers were denied bail on Monday.", "Another defendant was denied bail on Tuesday."),
    ("Prosecutors charged two teenagers on Monday.", "A second teenager was charged on Tuesday."),
])
def test_steps_of_the_case_of_several_people_on_different_days_do_not_fail_the_story(first, second):
    found = findings(("a.txt", first, TUE_OCT), ("b.txt", second, TUE_OCT))
    assert _conflicts(found, "date") == []


@pytest.mark.parametrize("step", [
    "The suspect was arraigned on Monday.",
    "The suspect was denied bail on Monday.",
    "The suspect was charged with murder on Monday.",
])
def test_a_step_of_the_case_is_never_compared_with_the_day_of_the_shooting(step):
    found = findings(
        ("a.txt", f"The shooting happened on Saturday.\n\n{step}", TUE_OCT),
        ("b.txt", "The shooting happened on Saturday, police said.", TUE_OCT),
    )
    assert _conflicts(found, "date") == []
    assert [sorted({c.value for c in f.claims}) for f in judged(found, "date")] == [["2024-10-05"]]


@pytest.mark.parametrize("text", [
    "The man accused of beating his neighbour to death on Saturday made his first court appearance on Monday.",
    "The woman charged with stabbing her cousin to death on Saturday night was arraigned Monday.",
    "A 20-year-old accused of shooting two relatives to death on Saturday was arraigned by video on Monday.",
])
def test_a_killing_told_as_to_death_keeps_its_day_beside_the_court_step(text):
    assert sorted((c.subject, c.value) for c in claims(text, TUE_OCT, "date")) == [
        ("arraignment", "2024-10-07"), ("incident", "2024-10-05")
    ]


@pytest.mark.parametrize("text", [
    "Two men have been charged in Saturday's fatal shooting at a gas station.",
    "A woman was arraigned over Saturday's deadly crash on the interstate.",
    "Bail was denied for the driver in Saturday night's hit-and-run crash.",
])
def test_a_court_step_about_an_event_dated_by_its_possessive_leaves_the_day_to_the_event(text):
    assert [(c.subject, c.value) for c in claims(text, TUE_OCT, "date")] == [("incident", "2024-10-05")]


@pytest.mark.parametrize("text,day", [
    ("The mercury hit 47C in the capital on Sunday, the day the heat wave began, the hottest reading since 1998, when 51C was logged.", "2024-06-16"),
    ("The river peaked on Sunday, when the flood began, at its highest level since 2007, when it burst its banks.", "2024-06-16"),
    ("The shooting on Sunday was the deadliest in the state since 2016, when a gunman killed nine.", "2024-06-16"),
])
def test_a_day_before_a_comparison_with_a_past_record_is_the_storys(text, day):
    assert [c.value for c in claims(text, THU_JUN, "date") if not c.context.other_event] == [day]


@pytest.mark.parametrize("text", [
    "In a separate attack on Sunday, a man was stabbed, the worst violence there since 2016.",
    "A similar blaze on Sunday was the deadliest since 2001.",
    "Last year's flood, which began on June 3, was the highest since 1990.",
])
def test_a_day_of_an_event_recalled_before_the_comparison_stays_another_events(text):
    assert [c.value for c in claims(text, THU_JUN, "date") if not c.context.other_event] == []


@pytest.mark.parametrize("text", [
    "The minister toured the port on Tuesday, her first visit since the explosion.",
    "Families gathered at the gates on Tuesday evening, a week after the collapse.",
    "Divers went back into the water on Tuesday before the storm returned.",
])
def test_a_day_of_something_told_before_or_after_the_event_is_not_the_events_day(text):
    assert claims(text, THU_JUN, "date") == []


@pytest.mark.parametrize("text", [
    "Crews pulled a worker alive from the rubble of the collapsed mall early on Tuesday.",
    "A dog was found near the site of the blasts on Tuesday afternoon.",
    "Soldiers cleared debris at the crash site on Tuesday.",
])
def test_a_place_named_after_the_event_does_not_date_the_event(text):
    assert claims(text, THU_JUN, "date") == []


@pytest.mark.parametrize("text", [
    "On Tuesday, new fires broke out in the rubble of the depot.",
    "Fresh clashes erupted in the old town on Tuesday night.",
    "Renewed flooding swept through the lower valley on Tuesday.",
])
def test_a_new_outbreak_is_not_the_day_of_the_first(text):
    assert claims(text, THU_JUN, "date") == []


@pytest.mark.parametrize("text", [
    "Villagers on the coast were told to leave on Tuesday, fearing a tidal surge from the storm.",
    "Shops boarded up their windows on Tuesday ahead of the hurricane.",
    "Officials closed the beaches on Tuesday, warning of flooding along the river.",
])
def test_a_day_of_preparing_for_a_feared_event_is_not_its_day(text):
    assert claims(text, THU_JUN, "date") == []


@pytest.mark.parametrize("text", [
    "The disaster came days after a strong earthquake struck the south on Friday, killing 300.",
    "The floods come two weeks after a cyclone hit the coast on June 1.",
    "The blast followed just days after an explosion at a refinery on Friday night.",
])
def test_an_earlier_disaster_the_story_came_after_is_another_event(text):
    assert [c for c in claims(text, THU_JUN) if not c.context.other_event] == []


@pytest.mark.parametrize("text", [
    "The crash came a month after a collapse at a stadium in the capital, where a crowd surge during a cup final killed 31 fans.",
    "Monday's fire followed just weeks after a blaze at a chemical depot on the other side of the river, which investigators say was started by a faulty heater, killed 12 workers.",
    "The attack comes three weeks after a bombing at a market in the north of the country, claimed by the same group, killed 40 people.",
])
def test_the_numbers_of_an_earlier_event_recalled_far_back_in_the_sentence_are_its_own(text):
    assert [c.value for c in claims(text, THU_JUN) if c.kind == "deaths" and not c.context.other_event] == []


@pytest.mark.parametrize("text", [
    "The flood came days after a quake struck on Monday, the worst since 2009.",
    "The crash came weeks after a fire broke out on Monday at the depot, the deadliest since 1998.",
    "The riot followed days after a bombing on Monday, the worst attack since 2015.",
])
def test_a_day_of_the_recalled_event_stays_its_own_before_a_comparison(text):
    assert [c for c in claims(text, THU_JUN, "date") if not c.context.other_event] == []


@pytest.mark.parametrize("text,own", [
    ("The ferry fire, which killed 14 passengers, came days after a bus crash killed nine.", 14),
    ("A flood that killed 22 people followed weeks after an earthquake in the same valley killed 300.", 22),
    ("The mine blast that killed six workers came a month after a fire at a nearby pit killed four.", 6),
])
def test_the_storys_own_numbers_before_the_recalled_event_stay_its_own(text, own):
    assert [c.value for c in claims(text, THU_JUN) if c.kind == "deaths" and not c.context.other_event] == [own]


@pytest.mark.parametrize("first,second", [
    ("Offray was arrested on Monday at his home.", "Celestine was arrested on Tuesday at a motel."),
    ("Police arrested Danner on Monday.", "Police arrested Voss on Tuesday."),
    ("Ruiz, 19, was charged on Monday.", "Okafor, 22, was charged on Tuesday."),
])
def test_steps_of_the_case_of_two_named_people_on_different_days_do_not_fail_the_story(first, second):
    found = findings(("a.txt", first, TUE_OCT), ("b.txt", second, TUE_OCT))
    assert _conflicts(found, "date") == []


@pytest.mark.parametrize("text,step", [
    ("Quint was denied bond during a brief hearing on Monday.", "bail"),
    ("At a hearing on Monday, Quint was arraigned on three counts.", "arraignment"),
    ("Quint was formally charged in court on Monday.", "charges"),
])
def test_a_step_of_the_case_named_beside_a_hearing_takes_its_day(text, step):
    assert [(c.subject, c.value) for c in claims(text, TUE_OCT, "date")] == [(step, "2024-10-07")]


@pytest.mark.parametrize("first,second", [
    ("Quint appeared in court on Monday.", "Quint appeared in court on Tuesday, wearing an orange jumpsuit."),
    ("Quint made a brief court appearance on Monday.", "In a court appearance on Tuesday, Quint said nothing."),
    ("Quint appeared before a judge on Monday by video.", "Quint appeared before a judge on Tuesday."),
])
def test_two_days_given_for_one_persons_court_appearance_disagree(first, second):
    found = findings(("a.txt", first, TUE_OCT), ("b.txt", second, TUE_OCT))
    assert [(f.key, sorted(c.value for c in f.claims)) for f in _conflicts(found, "date")] == [
        ("date:appearance", ["2024-10-07", "2024-10-08"])
    ]


@pytest.mark.parametrize("text,step", [
    ("The county attorney filed murder charges against Quint on Monday.", "charges"),
    ("Quint has been held without bond since a judge ruled on Monday.", "bail"),
    ("Quint's bail was denied on Monday at the request of prosecutors.", "bail"),
])
def test_more_wordings_of_a_step_of_the_case(text, step):
    assert [(c.subject, c.value) for c in claims(text, TUE_OCT, "date")] == [(step, "2024-10-07")]


@pytest.mark.parametrize("text,day", [
    ("Deputies arrested Quint on Sunday, charged her with murder and booked her into jail.", ("arrest", "2024-10-06")),
    ("Quint was detained near the border on Sunday, indicted by a grand jury and returned to the state.", ("arrest", "2024-10-06")),
    ("Officers apprehended Quint on Sunday, arraigned her the next morning and set bond.", ("arrest", "2024-10-06")),
])
def test_a_day_belongs_to_the_event_of_its_own_clause_not_the_next(text, day):
    assert [(c.subject, c.value) for c in claims(text, TUE_OCT, "date")] == [day]


@pytest.mark.parametrize("text,day", [
    ("Mourners remembered the victims of the New Orleans shooting on Sunday.", "2024-10-06"),
    ("The New York attack on Sunday shocked the city.", "2024-10-06"),
    ("The Oct. 6, 2024, shooting left two dead.", "2024-10-06"),
])
def test_a_place_or_a_year_before_the_event_word_leaves_it_an_event(text, day):
    assert [c.value for c in claims(text, TUE_OCT, "date")] == [day]


@pytest.mark.parametrize("text", [
    "The accident happened on Sunday at the junction of Elm and 4th.",
    "Witnesses said the wreck on Sunday blocked both lanes for hours.",
    "The hit-and-run on Sunday left a cyclist with a broken leg.",
])
def test_a_road_crash_named_as_an_accident_or_a_wreck_is_the_incident_dated(text):
    assert [(c.subject, c.value) for c in claims(text, TUE_OCT, "date")] == [("incident", "2024-10-06")]


@pytest.mark.parametrize("ending", [
    "The riot, which ended on Monday morning, left the wing in ruins.",
    "The wildfire was brought under control on Monday after burning for a day.",
    "The protest came to an end on Monday when police cleared the square.",
])
def test_the_day_an_event_ended_is_not_the_day_it_began(ending):
    assert [c.value for c in claims(ending, TUE_OCT, "date")] == []


@pytest.mark.parametrize("text", [
    "Quint turned herself in at the county jail on Sunday.",
    "Deputies took Quint into custody on Sunday without a struggle.",
    "Her brother turned himself in to police on Sunday evening.",
])
def test_a_surrender_or_custody_is_dated_as_the_arrest(text):
    assert [(c.subject, c.value) for c in claims(text, TUE_OCT, "date")] == [("arrest", "2024-10-06")]


@pytest.mark.parametrize("first,second", [
    ("Police said they arrested Quint on Monday.", "Quint was arrested on Tuesday at a motel."),
    ("Detectives say they detained Quint on Monday.", "Quint was detained on Tuesday, police said."),
    ("Officers said they captured Quint on Monday near the river.", "Quint was captured on Tuesday near the river."),
])
def test_police_telling_what_they_did_is_still_one_persons_arrest(first, second):
    found = findings(("a.txt", first, TUE_OCT), ("b.txt", second, TUE_OCT))
    assert [f.key for f in _conflicts(found, "date")] == ["date:arrest"]


@pytest.mark.parametrize("first,second", [
    ("At the Linden Street school in Harwick, where 14 people died, families gathered.",
     "Officials said 12 people had died at the Linden Street school."),
    ("Crews worked at the Linden Street school in Harwick, where 14 people were killed.",
     "At the Linden Street school, 12 people were killed, officials said."),
])
def test_a_where_clause_keeps_the_whole_place_it_opens_on(first, second):
    found = findings(
        ("a.txt", f"Quake kills 300\n\nThe quake killed 300 people on Monday.\n\n{first}", SUN),
        ("b.txt", f"Quake toll 310\n\nThe quake killed 310 people on Monday.\n\n{second}", MON),
        min_confidence=0,
    )
    assert [sorted(c.value for c in f.claims) for f in judged(found, "deaths") if "Linden" in f.label] == [[12, 14]]


def test_the_hurt_counted_with_the_dead_where_the_source_gives_two_counts_of_everyone_shot():
    found = findings(
        ("a.txt", "One person was killed and six others hurt at the club. Six people were shot, including the one "
                  "who died. A witness said eight people were shot at the club.", SUN),
        ("b.txt", "One person was killed and five others were hurt in the shooting at the club.", SUN),
        min_confidence=0,
    )
    assert any("6 − 1 = 5" in f.reason for f in judged(found, "injuries"))


@pytest.mark.parametrize("first,later", [
    ("Police detained two men on Friday in searches of three flats.", "A third suspect, a woman aged 24, was arrested on Saturday evening."),
    ("Officers arrested one man at the scene on Sunday.", "Police arrested a second man on Monday at a relative's home."),
    ("Two teenagers were taken into custody on Friday.", "A third teenager was taken into custody on Saturday."),
])
def test_a_later_suspects_arrest_has_a_day_of_its_own(first, later):
    found = findings(("a.txt", first, TUE_OCT), ("b.txt", later, TUE_OCT))
    assert _conflicts(found, "date") == []
    assert [c.subject for c in claims(later, TUE_OCT, "date")] in (["second arrest"], ["third arrest"])


def test_two_days_for_the_same_later_arrest_still_disagree():
    found = findings(
        ("a.txt", "Police arrested a second man on Monday.", TUE_OCT),
        ("b.txt", "A second man was arrested on Tuesday, police said.", TUE_OCT),
        min_confidence=0,
    )
    assert [f.key for f in _conflicts(found, "date")] == ["date:second arrest"]
