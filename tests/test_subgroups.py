"""Sub-groups with a named role: a part of a toll ("12 of them firefighters", "two officers
were among the dead", "71 of them critically") is a fact of its own, compared with the same
part in other sources and never with the toll itself."""
from datetime import date

import pytest

from engine_helpers import claims, findings, judged

THU = date(2024, 8, 15)
FRI = date(2024, 8, 16)


def _values(found, kind, label_part):
    return [sorted(c.value for c in f.claims) for f in judged(found, kind) if label_part in f.label]


def _conflicts(found, kind):
    return [f for f in judged(found, kind) if f.status == "conflict"]


# --- a part of the toll told apart from it ------------------------------------------------------


@pytest.mark.parametrize("text,kind,value,subject", [
    ("Two firefighters were among the dead, the mayor said.", "deaths", 2, "firefighters"),
    ("Eleven of the dead were soldiers, according to the army.", "deaths", 11, "soldiers"),
    ("Among those killed were four police officers.", "deaths", 4, "police officers"),
    ("The dead also included three hostages.", "deaths", 3, "hostages"),
    ("Five security guards were among the injured.", "injuries", 5, "security guards"),
    ("Six of the wounded are paramedics.", "injuries", 6, "paramedics"),
    ("Forty of the missing are soldiers, officials said.", "missing", 40, "soldiers"),
])
def test_a_named_role_among_a_tolls_people_is_a_claim_of_that_role(text, kind, value, subject):
    [claim] = claims(text, THU, kind)
    assert (claim.value, claim.subject) == (value, subject)


@pytest.mark.parametrize("text", [
    "Two of the dead were tourists, the mayor said.",
    "Three women were among the dead.",
    "Four of the injured were passengers on the bus.",
])
def test_a_part_of_a_toll_with_no_named_role_is_neither_the_toll_nor_a_fact(text):
    found = [c for kind in ("deaths", "injuries") for c in claims(text, THU, kind)]
    assert [c.value for c in found if c.subject in ("", "people", "passengers", "tourists")] == []


@pytest.mark.parametrize("part", [
    "Nine firefighters were among the dead.",
    "Nine of the dead were firefighters.",
    "Among the dead were nine firefighters.",
])
def test_a_part_among_the_dead_is_compared_with_the_same_role_in_another_toll(part):
    found = findings(
        ("a.txt", "The blast killed 40 people, including 12 firefighters.", THU),
        ("b.txt", f"The blast killed 40 people on Thursday.\n\n{part}", THU),
    )
    assert _values(found, "deaths", "firefighters") == [[9, 12]]
    assert [sorted(c.value for c in f.claims) for f in judged(found, "deaths") if f.label == "deaths"] == [[40, 40]]


@pytest.mark.parametrize("text", [
    "According to the weekly Marlow, 30 of the dead were firefighters.",
    "So said Brenner, 30 of the injured were guards.",
    "Reports from Dunmore, 30 of the missing are soldiers.",
])
def test_a_count_of_a_tolls_people_after_a_name_and_comma_is_not_an_age(text):
    assert claims(text, THU, "age") == []
    assert [c.value for c in claims(text, THU) if c.kind != "age"] == [30]


# --- the part a total states stands for its source -----------------------------------------------


@pytest.mark.parametrize("scene", [
    "Two dead firefighters were found near the gate.",
    "Crews recovered the bodies of two firefighters on Friday.",
    "Two firefighters were killed when a wall fell on them.",
])
def test_the_part_a_total_states_stands_for_its_source_over_a_scene(scene):
    found = findings(
        ("a.txt", "The blasts killed 50 people, 17 of them firefighters.", FRI),
        ("b.txt", f"The blasts killed 50 people.\n\n{scene}\n\nThe toll stands at 50, including 17 firefighters.", FRI),
    )
    assert _values(found, "deaths", "firefighters") == [[17, 17]]
    assert _conflicts(found, "deaths") == []


# --- foreigners among the dead ----------------------------------------------------------------------


@pytest.mark.parametrize("first,second", [
    ("The bodies of at least 27 foreigners were recovered.", "The ministry said 40 foreign nationals were among the dead."),
    ("Officials said 27 foreigners were killed.", "Forty of the dead were foreigners, the ministry said."),
    ("The blasts killed 300 people, including 27 foreign tourists.", "Among the dead were 40 foreigners."),
])
def test_foreigners_among_the_dead_are_compared_with_foreigners_only(first, second):
    found = findings(
        ("a.txt", f"Bombs killed 300 people on Sunday.\n\n{first}", THU),
        ("b.txt", f"Bombs killed 300 people on Sunday.\n\n{second}", FRI),
    )
    assert _values(found, "deaths", "foreigners") == [[27, 40]]
    assert [f.status for f in judged(found, "deaths") if "foreigners" in f.label] == ["explained"]
    assert [sorted(c.value for c in f.claims) for f in judged(found, "deaths") if f.label == "deaths"] == [[300, 300]]


# --- the hurt in one condition ---------------------------------------------------------------------


@pytest.mark.parametrize("text,value,condition", [
    ("A total of 700 people were injured, 71 of them critically.", 71, "critical"),
    ("Officials said 500 were in hospital, 66 of them in a critical condition.", 66, "critical"),
    ("Twelve people were wounded, three of whom remain in serious condition.", 3, "serious"),
    ("Nine people were hurt, two of them seriously.", 2, "serious"),
    ("About 300 people were injured; 61 of them were being treated in intensive care.", 61, "intensive"),
    ("Officials said 90 were hurt, 12 of them in intensive care.", 12, "intensive"),
    ("Thirty-five people were injured, and seven of them remain in critical condition.", 7, "critical"),
    ("Twelve people were wounded and three of whom remain in serious condition.", 3, "serious"),
])
def test_the_hurt_in_one_condition_are_a_part_of_the_injured(text, value, condition):
    [claim] = claims(text, THU, "injuries")
    assert [(p.value, p.role) for p in claim.parts] == [(value, condition)]


@pytest.mark.parametrize("first,second", [
    ("Some 520 people were injured, 66 of them critically.", "A total of 700 people were injured, 71 of them critically."),
    ("Officials said 520 were in hospital, 66 of them in a critical condition.", "In all 700 people were hurt, 71 of whom are in critical condition."),
    ("The blasts wounded 520 people, 66 of them critically.", "More than 700 people were wounded, 71 of them critically."),
])
def test_a_condition_is_compared_with_the_same_condition_not_with_the_injured(first, second):
    found = findings(("a.txt", first, THU), ("b.txt", second, FRI))
    assert _values(found, "injuries", "critical condition") == [[66, 71]]
    injured = [f for f in judged(found, "injuries") if f.label == "injuries"]
    assert [sorted(c.value for c in f.claims) for f in injured] == [[520, 700]]


def test_the_hurt_in_intensive_care_are_compared_with_the_same_part():
    found = findings(("a.txt", "About 300 people were injured; 61 of them were being treated in intensive care.", THU),
                     ("b.txt", "Some 310 people were injured, 64 of them in intensive care.", THU))
    assert _values(found, "injuries", "in intensive care") == [[61, 64]]


def test_a_critical_count_and_a_serious_count_are_not_compared():
    found = findings(
        ("a.txt", "Ten people were wounded, four of them critically.", THU),
        ("b.txt", "Ten people were wounded, two of them seriously.", THU),
    )
    assert _conflicts(found, "injuries") == []


# --- the attackers a total counts ------------------------------------------------------------------


@pytest.mark.parametrize("total", [
    "In all, the siege left 28 people dead, including the six gunmen.",
    "Twenty-eight people died in the siege, including the six attackers.",
    "The siege killed 28 people, including the six militants.",
])
def test_a_total_that_counts_the_attackers_it_names_explains_a_total_without_them(total):
    found = findings(
        ("a.txt", total, THU),
        ("b.txt", "In all, 22 people were killed in the siege.", THU),
    )
    [toll] = [f for f in judged(found, "deaths") if f.label == "deaths"]
    assert toll.status == "explained" and "28 − 6 = 22" in toll.reason


# --- lost contact is missing ------------------------------------------------------------------------


@pytest.mark.parametrize("text,value", [
    ("The paper reported that 36 firefighters had lost contact with their units.", 36),
    ("Nine climbers lost contact with the base camp on Sunday.", 9),
    ("Officials said 14 crew members have lost contact since the storm.", 14),
])
def test_people_who_lost_contact_are_missing(text, value):
    assert [c.value for c in claims(text, THU, "missing")] == [value]


# --- one site of the story --------------------------------------------------------------------------


@pytest.mark.parametrize("first,second", [
    ("At St. Brendan's alone more than 30 people were killed.",
     "A funeral was held at St Brendan's Church, where more than 60 worshippers were killed."),
    ("In St. Brendan's alone 30 people died, a priest said.",
     "More than 60 people were killed at St Brendan's Cathedral, officials said."),
    ("At Mt. Carrow's hotel bar 30 guests were killed.",
     "Sixty people were killed at Mt Carrow, the first target."),
])
def test_the_toll_of_one_site_is_compared_with_the_same_sites_toll_however_its_name_is_written(first, second):
    found = findings(
        ("a.txt", f"Bombs kill 200 in attacks on churches\n\nAt least 200 people were killed on Sunday.\n\nThe blasts came minutes apart.\n\n{first}", THU),
        ("b.txt", f"Toll from bombings passes 300\n\nMore than 300 people have been killed.\n\nThe blasts came minutes apart.\n\n{second}", FRI),
    )
    sites = [sorted(c.value for c in f.claims) for f in judged(found, "deaths") if " at " in f.label]
    assert sites == [[30, 60]]
    assert [sorted(c.value for c in f.claims) for f in judged(found, "deaths") if f.label == "deaths"] == [[200, 300]]


# --- children, women, adults: parts a total states -----------------------------------------------


@pytest.mark.parametrize("text,parts", [
    ("The minister said 25 people had died there, 21 children and four adults.", [(21, "children"), (4, "adults")]),
    ("The fire killed 12 people: eight women and four men.", [(8, "women"), (4, "men")]),
    ("Nine people were hurt - six students, two teachers and one janitor.", [(6, "students")]),
    ("The 20 hostages killed were 17 foreigners and three locals, the army said.", [(17, "foreigners")]),
    ("In all, 22 people died - 20 hostages and two police officers.", [(20, "hostages"), (2, "police officers")]),
    ("The fire killed 12 people, eight women and three men.", []),
])
def test_a_breakdown_right_after_a_total_is_its_parts_when_it_adds_up(text, parts):
    [claim] = [c for c in claims(text, THU) if c.kind in ("deaths", "injuries")]
    assert [(p.value, p.subject) for p in claim.parts] == parts


@pytest.mark.parametrize("first,second", [
    ("The collapse killed 25 people, 21 children and four adults.", "The collapse killed 26 people, 19 of them children."),
    ("In all 25 people died, including 21 children.", "Twenty-six people died, 19 of them children, officials said."),
    ("The collapse left 25 people dead, 21 of them children.", "The collapse killed 26 people, including 19 children."),
])
def test_children_a_total_counts_are_compared_with_the_children_another_total_counts(first, second):
    found = findings(("a.txt", first, THU), ("b.txt", second, FRI))
    assert _values(found, "deaths", "children") == [[19, 21]]
    assert [f.status for f in judged(found, "deaths") if "children" in f.label] == ["explained"]


@pytest.mark.parametrize("alone", [
    "Three children were killed in the collapse.",
    "The victims left behind three children.",
    "Among the dead were three children, a priest said.",
])
def test_children_told_apart_from_any_total_are_not_compared(alone):
    found = findings(
        ("a.txt", "The collapse killed 25 people, including 21 children.", THU),
        ("b.txt", f"The collapse killed 25 people.\n\n{alone}", THU),
    )
    assert _values(found, "deaths", "children") == []


@pytest.mark.parametrize("site", [
    "At the Harlan school alone, 26 people died, 19 of them children.",
    "Twenty-six people died at the Harlan school, including 19 children.",
    "The Harlan school collapsed; 26 people died there, 19 children and seven adults.",
])
def test_children_of_one_sites_toll_are_not_compared_with_the_storys_children(site):
    found = findings(
        ("a.txt", "Quake kills 200\n\nThe quake killed 200 people, including 50 children.", THU),
        ("b.txt", f"Quake kills 200\n\nThe quake killed 200 people on Tuesday.\n\nSchools were hit.\n\n{site}", THU),
    )
    assert _values(found, "deaths", "children") == []
    assert _conflicts(found, "deaths") == []


@pytest.mark.parametrize("text", [
    "The gunman killed two people and wounded five including three children.",
    "He killed two men and hurt six others including four officers.",
    "Storms killed four people and injured 20 among them three firefighters.",
])
def test_a_part_after_another_count_is_not_the_first_counts(text):
    [deaths] = claims(text, THU, "deaths")
    assert deaths.parts == ()


@pytest.mark.parametrize("text,place", [
    ("The roof fell in at the Dalton school. The minister said 25 people had died there.", "dalton school"),
    ("A fire broke out at the Kestrel Hotel. Nine guests were killed there, officials said.", "kestrel hotel"),
    ("Gunmen opened fire in the Orla mall. Police said six people were wounded there.", "orla mall"),
])
def test_a_count_said_to_be_there_is_at_the_place_the_sentence_before_named(text, place):
    [claim] = [c for c in claims(text, THU) if c.kind in ("deaths", "injuries")]
    assert place in claim.context.places


def test_there_as_in_there_were_names_no_place():
    [claim] = claims("The roof fell in at the Dalton school. There were 25 people killed.", THU, "deaths")
    assert claim.context.places == frozenset()


@pytest.mark.parametrize("text,kind,value", [
    ("The blasts killed 44 people, with 12 firefighters among the dead.", "deaths", 12),
    ("The injured included four paramedics, the hospital said.", "injuries", 4),
    ("The storm hurt 30 people, three linemen and two firefighters among the injured.", "injuries", 2),
])
def test_a_named_role_among_a_tolls_people_needs_no_verb(text, kind, value):
    assert [c.value for c in claims(text, THU, kind) if c.subject not in ("", "people")] == [value]


@pytest.mark.parametrize("hospital", [
    "Officials said six people were in hospital.",
    "Six were in hospital on Thursday night.",
    "Doctors said six of them were in hospital.",
])
def test_those_in_hospital_are_too_unsure_a_count_of_the_hurt_to_fail_a_story(hospital):
    found = findings(
        ("a.txt", "Nine people were injured in the blast on Thursday.", THU),
        ("b.txt", f"The blast hit a market.\n\nStalls burned.\n\n{hospital}", THU),
    )
    assert _conflicts(found, "injuries") == []


@pytest.mark.parametrize("text,part", [
    ('Troops found the bodies of 20 hostages inside, "all of them foreigners", officers said.', (20, "foreigners")),
    ("Two people were killed, both of them police officers.", (2, "police officers")),
    ("Nine people died in the fire, all of them firefighters.", (9, "firefighters")),
])
def test_all_of_them_is_a_part_as_large_as_its_total(text, part):
    [claim] = claims(text, THU, "deaths")
    assert [(p.value, p.subject) for p in claim.parts] == [part]


def test_all_of_them_on_one_day_and_fewer_the_next_are_compared():
    found = findings(
        ("a.txt", "Gunmen killed 20 hostages, all of them foreigners, the army said.", THU),
        ("b.txt", "The 20 hostages killed were 17 foreigners and three locals.", FRI),
    )
    assert _values(found, "deaths", "foreigners") == [[17, 20]]
    assert [f.status for f in judged(found, "deaths") if "foreigners" in f.label] == ["explained"]


@pytest.mark.parametrize("text,kind,part", [
    ("Twelve people were killed, two soldiers among them.", "deaths", (2, "soldiers")),
    ("The flood killed 30 people, 11 children among them, officials said.", "deaths", (11, "children")),
    ("Forty people were hurt, three firefighters among them.", "injuries", (3, "firefighters")),
])
def test_a_role_among_them_after_a_total_is_its_part_and_not_a_count_of_its_own(text, kind, part):
    [claim] = claims(text, THU, kind)
    assert [(p.value, p.subject) for p in claim.parts] == [part]
    assert claims(text, THU, "count") == []


@pytest.mark.parametrize("text,kind,part", [
    ("Five people were wounded, including a police officer.", "injuries", (1, "police")),
    ("Three people were killed, including an off-duty deputy.", "deaths", (1, "police")),
    ("Four people were hurt, including one firefighter.", "injuries", (1, "firefighter")),
])
def test_a_single_named_role_a_total_includes_is_its_part(text, kind, part):
    [claim] = claims(text, THU, kind)
    assert [(p.value, p.role) for p in claim.parts] == [part]


def test_a_single_officer_a_total_includes_is_compared_with_officers_another_total_includes():
    found = findings(
        ("a.txt", "Five people were wounded, including a police officer.", THU),
        ("b.txt", "Five people were wounded, including two officers.", THU),
    )
    assert _values(found, "injuries", "police") == [[1, 2]]
    assert [sorted(c.value for c in f.claims) for f in judged(found, "injuries") if f.label == "injuries"] == [[5, 5]]


@pytest.mark.parametrize("text", [
    "Twenty people were killed, all of them men and boys.",
    "Twenty people were killed, all of them officers, soldiers or guards.",
    "Twenty people were killed, all of them workers, the company said.",
])
def test_all_of_them_naming_more_than_one_group_or_no_sub_group_gives_no_part(text):
    [claim] = claims(text, THU, "deaths")
    assert [p for p in claim.parts if p.role != "total"] == []


def test_all_of_them_before_a_comma_is_still_a_part():
    [claim] = claims("Gunmen killed 20 hostages, all of them foreigners, and most were stabbed.", THU, "deaths")
    assert [(p.value, p.subject) for p in claim.parts] == [(20, "foreigners")]


@pytest.mark.parametrize("text,kind,role", [
    ("Two journalists were killed in the crossfire.", "deaths", "journalist"),
    ("Three constables were injured during the clashes.", "injuries", "police"),
    ("Two marines were among the dead.", "deaths", "soldier"),
    ("Four medics were wounded by the second blast.", "injuries", "rescuer"),
])
def test_more_named_roles_are_counted_as_their_role(text, kind, role):
    [claim] = claims(text, THU, kind)
    assert claim.role == role


def test_journalists_hurt_are_not_compared_with_everyone_hurt():
    found = findings(
        ("a.txt", "Forty people were injured in the clashes, including three journalists.", THU),
        ("b.txt", "Forty people were injured in the clashes.\n\nFive journalists were injured, a press group said.", THU),
    )
    assert _values(found, "injuries", "journalists") == [[3, 5]]
    assert [sorted(c.value for c in f.claims) for f in judged(found, "injuries") if f.label == "injuries"] == [[40, 40]]


@pytest.mark.parametrize("headline", [
    "At Least 5 Dead In Shooting At Northside Bar",
    "In Shooting At Mall, Two Killed And Four Hurt",
    "At Least 12 Killed, Dozens Hurt In Blast",
])
def test_a_headline_in_title_case_names_no_place_with_its_prepositions(headline):
    assert all(c.context.places == frozenset() for c in claims(headline, THU) if c.kind in ("deaths", "injuries"))


@pytest.mark.parametrize("text,kind,total,part", [
    ("Twelve firefighters were among the 44 killed in the blasts.", "deaths", 44, 12),
    ("Of the 44 dead, 12 were firefighters, officials said.", "deaths", 44, 12),
    ("Two paramedics were among the 30 people injured.", "injuries", 30, 2),
    ("Of the 30 injured, five are police officers.", "injuries", 30, 5),
])
def test_a_named_role_among_a_counted_toll_gives_both_the_toll_and_the_role(text, kind, total, part):
    found = claims(text, THU, kind)
    assert sorted((c.value, c.role) for c in found) == sorted([(total, ""), (part, found[-1].role)])
    assert found[-1].role != ""


@pytest.mark.parametrize("text", [
    "The blasts killed 44 people (12 of them firefighters) and injured hundreds.",
    "The blasts killed 44 people — 12 of them firefighters — officials said.",
    "The blasts killed 44 people -- 12 of them firefighters -- officials said.",
])
def test_a_part_in_brackets_or_between_dashes_is_the_totals_part(text):
    [claim] = claims(text, THU, "deaths")
    assert [(p.value, p.role) for p in claim.parts] == [(12, "firefighter")]


# --- suspects still at large -------------------------------------------------------------------------


@pytest.mark.parametrize("text,value", [
    ("Police said two suspects remain at large.", 2),
    ("Officers have arrested nine suspects in all, three of whom remain at large.", 3),
    ("Police have named nine suspects, three of whom remain at large.", 3),
    ("The lone suspect still on the loose is a 19-year-old from the east side.", 1),
    ("One suspected gunman from the robbery remains at large.", 1),
])
def test_suspects_still_at_large_are_counted(text, value):
    assert [c.value for c in claims(text, THU, "count") if c.rule == "FC212"] == [value]


@pytest.mark.parametrize("text", [
    "The gunman remains at large, police said.",
    "Two men were arrested on Friday; a third remains at large.",
    "Police arrested two suspects on Friday.",
])
def test_no_number_of_suspects_at_large_no_count(text):
    assert [c for c in claims(text, THU, "count") if c.rule == "FC212"] == []


def test_suspects_at_large_a_day_apart_are_explained_and_never_compared_with_arrests():
    found = findings(
        ("a.txt", "Police have named nine suspects, three of whom remain at large.", THU),
        ("b.txt", "Police have arrested eight suspects. The lone suspect still on the loose is a local man.", FRI),
    )
    [at_large] = [f for f in judged(found, "count") if f.claims[0].rule == "FC212"]
    assert sorted(c.value for c in at_large.claims) == [1, 3] and at_large.status == "explained"
    assert all(f.status != "conflict" for f in found)


# --- children, women, adults: a toll told only as the list of its parts --------------------------


@pytest.mark.parametrize("text,parts", [
    ("Rescuers said 14 girls and three women died at the dormitory.", [(14, "girls"), (3, "women")]),
    ("Four women and two men were killed when the bus overturned.", [(4, "women"), (2, "men")]),
    ("A driver lost control, killing five children and one adult near the fair.", [(5, "children"), (1, "adult")]),
    ("The tremor left three adults and seven children dead, a relief worker said.", [(3, "adults"), (7, "children")]),
])
def test_a_toll_told_as_a_list_of_sub_groups_gives_each_as_a_part(text, parts):
    found = [c for c in claims(text, THU, "deaths")]
    assert [(c.value, c.subject) for c in found if c.part_of_total] == parts
    assert [c for c in found if not c.part_of_total] == []  # the list's sum is no total


@pytest.mark.parametrize("first,second", [
    ("At the Larkin dormitory 17 people died, 14 girls and three adults.", "At the dormitory alone, 12 girls and five adults died, police said."),
    ("Four women and two men were killed in the ferry fire.", "The ferry fire killed three women and three men, the coast guard said."),
    ("The gunman opened fire in the yard, killing five children and one adult.", "Five children and two adults were fatally shot in the yard."),
])
def test_a_sub_group_in_a_listed_toll_is_compared_with_the_same_sub_group(first, second):
    found = findings(("a.txt", first, THU), ("b.txt", second, FRI))
    assert _values(found, "deaths", "adults") + _values(found, "deaths", "men") != []
    assert [f for f in judged(found, "deaths") if f.label == "deaths"] == []  # no toll from either sum
    assert _conflicts(found, "deaths") == []  # different days: explained


@pytest.mark.parametrize("second", [
    "Six children and two adults were killed at the Marsh school.",
    "At the Marsh school, six children and two adults died.",
    "The storm killed six children and two adults at the Marsh school.",
])
def test_a_listed_toll_at_one_site_is_not_compared_with_another_sites(second):
    found = findings(
        ("a.txt", "The storm killed 40 people.\n\nAt the Holt school, 12 people died, nine children and three adults.", THU),
        ("b.txt", f"The storm killed 40 people.\n\nAt the Holt school 12 people died.\n\n{second}", THU),
    )
    assert _values(found, "deaths", "children") == []
    assert _conflicts(found, "deaths") == []


@pytest.mark.parametrize("text", [
    "The gunman killed six children and wounded two adults.",
    "Dozens of men and two women died in the raid.",
    "Three children were killed and two adults were hurt.",
])
def test_counts_that_are_not_one_list_of_a_tolls_parts_are_no_parts(text):
    assert [c for c in claims(text, THU) if c.part_of_total and c.kind in ("deaths", "injuries")] == []


@pytest.mark.parametrize("beside", [
    "Eight people were killed in the attack.\n\nThree children and two adults were shot dead as they ran.",
    "The attack killed eight people.\n\nWitnesses said the gunman fired at a car, killing three children and two adults.",
    "Eight people died, police said.\n\nThree children and two adults were found dead in one room.",
])
def test_a_listed_toll_with_no_place_beside_a_sources_own_total_is_not_compared(beside):
    found = findings(
        ("a.txt", beside, THU),
        ("b.txt", "Four children and one adult were killed in the attack.", THU),
    )
    assert _values(found, "deaths", "children") == []
    assert _conflicts(found, "deaths") == []


@pytest.mark.parametrize("own", [
    "Five people were killed in the attack.\n\nThree children and two adults were shot dead as they ran.",
    "The attack killed five people.\n\nWitnesses said the gunman fired at a car, killing three children and two adults.",
    "Five people died, police said.\n\nThree children and two adults were found dead in one room.",
])
def test_a_listed_toll_that_adds_up_to_its_sources_total_is_compared(own):
    found = findings(("a.txt", own, THU), ("b.txt", "Four children and one adult were killed in the attack.", FRI))
    assert _values(found, "deaths", "children") == [[3, 4]]
    assert _values(found, "deaths", "adults") == [[1, 2]]


@pytest.mark.parametrize("text", [
    "Police said two men and three women were arrested.",
    "Five children and two adults were rescued from the roof.",
    "Four men and a dozen women were evacuated.",
])
def test_only_the_dead_and_the_hurt_are_told_as_lists_of_parts(text):
    assert [c for c in claims(text, THU) if c.part_of_total] == []


# --- a breakdown told in the sentence after its toll ---------------------------------------------


@pytest.mark.parametrize("text,parts", [
    ("Divers recovered 22 bodies from the lake. Of them, 17 are women, four are children and one is a man.",
     [(17, "women"), (4, "children"), (1, "man")]),
    ("The ferry capsized and 22 people drowned.\n\nNineteen were women and three were men.", [(19, "women"), (3, "men")]),
    ("The blaze killed 12 people on Friday, the fire chief said. Among the dead, eight were children and four were adults.",
     [(8, "children"), (4, "adults")]),
    # in a quote, "N of them were", or with who said it
    ('The sheriff said: "Thirty bodies were taken to the county morgue. Of them, 21 are women, six are children and three are men." He gave no names.',
     [(21, "women"), (6, "children"), (3, "men")]),
    ("Rescuers pulled 14 bodies from the rubble. Ten of them were men and four were women, the mayor said.", [(10, "men"), (4, "women")]),
    ("The storm killed nine people on the coast. Of them, five were children and four were adults, officials said.",
     [(5, "children"), (4, "adults")]),
])
def test_a_sentence_listing_the_parts_of_the_toll_before_it_gives_its_parts(text, parts):
    [claim] = claims(text, THU, "deaths")
    assert [(p.value, p.subject) for p in claim.parts] == parts


@pytest.mark.parametrize("text", [
    "Divers recovered 22 bodies from the lake. Of them, 15 are women and four are children.",
    "The ferry capsized and 22 people drowned at once; five people died later.\n\nNineteen were women and three were men.",
    "The blaze killed 12 people on Friday. The firm said eight were employees, and four were children of staff.",
])
def test_a_sentence_after_a_toll_that_is_not_its_breakdown_gives_no_parts(text):
    assert all(c.parts == () for c in claims(text, THU, "deaths"))


def test_sub_groups_listed_after_a_toll_are_compared_with_the_same_sub_groups():
    found = findings(
        ("a.txt", "Divers recovered 22 bodies from the lake. Of them, 17 are women, four are children and one is a man.", THU),
        ("b.txt", "The ferry capsized and 22 people drowned.\n\nTwenty were women and two were men.", FRI),
    )
    assert _values(found, "deaths", "women") == [[17, 20]]
    assert _values(found, "deaths", "(men)") == [[1, 2]]


def test_a_total_followed_by_a_part_that_remains_in_hospital_is_still_the_total():
    [claim] = claims("Twelve people were hurt, and three of them remain in hospital.", THU, "injuries")
    assert claim.value == 12


@pytest.mark.parametrize("first,second", [
    ("Of the 53 injured, 14 were seriously hurt.", "Fifty-three people were hurt, 17 of them seriously."),
    ("Of the 41 people wounded, 12 were critically injured.", "Forty-one people were wounded, 10 of them critically."),
])
def test_a_condition_told_after_of_the_injured_is_that_condition_not_the_injured(first, second):
    found = findings(("a.txt", first, THU), ("b.txt", second, THU))
    assert [sorted(c.value for c in f.claims) for f in judged(found, "injuries") if "condition" in f.label] in ([[14, 17]], [[10, 12]])
    injured = [f for f in judged(found, "injuries") if f.label == "injuries"]
    assert [f.status for f in injured] == ["agree"]


@pytest.mark.parametrize("text", [
    "Of the 41 wounded, nine were hurt by flying glass.",
    "Of those injured, six were taken to hospital.",
])
def test_a_count_after_of_the_injured_is_a_part_not_the_injured(text):
    assert [c.value for c in claims(text, THU, "injuries") if not c.part_of_total] in ([], [41])
