"""Alignment keeps different events and people apart; comparison explains what the texts explain."""
from datetime import date

import pytest

from engine_helpers import claims, findings, judged

MON = date(2015, 1, 19)


def test_a_total_that_counts_the_gunmen_is_explained_with_the_arithmetic():
    found = findings(
        ("a.txt", "Attacks in Paris killed 20 people, including three gunmen.", MON),
        ("b.txt", "The three-day rampage killed 17 people in Paris.", MON),
    )
    [fact] = judged(found, "deaths")
    assert fact.status == "explained"
    assert "20 − 3 = 17" in fact.reason


@pytest.mark.parametrize("a, b", [
    ("Siege over: 14 dead at the hotel\n\nThe toll rose to 14 dead, including the four attackers, the ministry said.",
     "Hotel siege ends\n\nTen people were killed in the siege at the hotel, the government said."),
    ("14 killed in hotel siege\n\nFourteen people died in the siege, which began on Friday night, among them the four attackers.",
     "Ten people were killed in the siege at the hotel on Friday, officials said."),
    ("The siege left 14 people dead. Security forces said on Sunday that 14 people had died, including the four gunmen.",
     "Ten people were killed at the hotel, not counting the four attackers."),
])
def test_a_source_that_says_its_toll_counts_the_attackers_anywhere_is_explained(a, b):
    found = findings(("a.txt", a, MON), ("b.txt", b, MON))
    [fact] = judged(found, "deaths")
    assert fact.status == "explained"
    assert "14 − 4 = 10" in fact.reason or "10 + 4 = 14" in fact.reason


def test_a_toll_that_leaves_out_the_attackers_beside_one_that_counts_them_is_explained():
    found = findings(
        ("a.txt", "Ten people were killed at the hotel, not counting the four attackers.", MON),
        ("b.txt", "Fourteen people were killed at the hotel.", MON),
    )
    [fact] = judged(found, "deaths")
    assert fact.status == "explained"
    assert "10 + 4 = 14" in fact.reason


def test_tolls_of_two_places_that_one_source_keeps_apart_are_not_compared():
    found = findings(
        ("a.txt", "Attacks in Paris killed 17 people. A raid in Verviers left two dead.", MON),
        ("b.txt", "The rampage killed 17 people in Paris. Police killed two suspects in Verviers.", MON),
    )
    assert {f.status for f in judged(found, "deaths")} == {"agree"}


@pytest.mark.parametrize("kind, a, b", [
    ("deaths",
     "Gunmen hit fair and ferry hall\n\nGunmen attacked the winter fair in Brannock Park and the ferry hall at Holm Quay, killing 11 people.\n\nThe city was in mourning.",
     "Eleven killed in Ostervik attacks\n\nEleven people died in Friday's attacks in Ostervik, officials said.\n\n"
     "According to officials, eight people died at Brannock Park and three at Holm Quay."),
    ("injuries",
     "Blasts hit two stations\n\nBombs went off at the Korrin Street station and outside the Delmar Arcade, and 20 people were hurt.\n\nTrains were stopped.",
     "Twenty hurt in Tessby blasts\n\nTwenty people were injured in the bombings in Tessby on Monday.\n\n"
     "Twelve people were injured at the Korrin Street station and eight at the Delmar Arcade, police said."),
    ("deaths",
     "Gunman opens fire at two schools\n\nA gunman opened fire at Alder Ridge High School, killing six people.\n\nHe later drove to a second school.",
     "Six dead in Fenmore school shootings\n\nSix people were killed in the shootings in Fenmore.\n\n"
     "Four people were killed at Alder Ridge High School and two at Birch Lane Elementary."),
])
def test_a_count_split_among_the_sites_of_one_attack_is_not_a_toll_of_its_own(kind, a, b):
    found = findings(("a.txt", a, MON), ("b.txt", b, MON))
    [fact] = judged(found, kind)
    assert fact.status == "agree"


@pytest.mark.parametrize("a, b, c, values", [
    ("Hurricane Marisol kills at least 7 in Carrow\n\nHurricane Marisol killed at least seven people in Carrow after it came ashore on Thursday, officials said on Friday.",
     "Carrow digs out\n\nThe death toll from Hurricane Marisol rose to nine on Saturday.",
     "Toll from Marisol climbs to eleven\n\nAfter two bodies were found in floodwaters in Belport County, the number of people in Carrow who died rose to eleven, officials said on Sunday.",
     [7, 9, 11]),
    ("Typhoon Haru kills 20 in Kemi\n\nTyphoon Haru killed 20 people in Kemi after it made landfall on Saturday.",
     "Kemi counts the cost\n\nThe death toll from Typhoon Haru rose to 24 on Sunday.",
     "Toll from Haru reaches 30\n\nAfter six bodies were pulled from a landslide in Oto Valley, the number of people in Kemi who died rose to 30, officials said on Monday.",
     [20, 24, 30]),
])
def test_a_storms_name_is_not_a_place_that_keeps_its_toll_apart(a, b, c, values):
    found = findings(("a.txt", a, date(2024, 9, 13)), ("b.txt", b, date(2024, 9, 14)), ("c.txt", c, date(2024, 9, 15)))
    [fact] = judged(found, "deaths")
    assert sorted(claim.value for claim in fact.claims) == values


def test_same_day_different_counts_conflict():
    found = findings(
        ("a.txt", "A shooting left 17 people injured.", date(2015, 11, 23)),
        ("b.txt", "A shooting left 16 people injured.", date(2015, 11, 23)),
    )
    [fact] = judged(found, "injuries")
    assert fact.status == "conflict"


def test_a_later_article_updating_a_toll_is_explained_by_the_dates():
    found = findings(
        ("a.txt", "Two people were killed in the fire.", date(2024, 12, 8)),
        ("b.txt", "Three people were killed in the fire.", date(2024, 12, 9)),
    )
    [fact] = judged(found, "deaths")
    assert fact.status == "explained"
    assert "2024-12-08" in fact.reason and "2024-12-09" in fact.reason


def test_a_qualifier_that_holds_the_other_number_is_explained():
    found = findings(
        ("a.txt", "At least four people were killed.", MON),
        ("b.txt", "Five people were killed.", MON),
    )
    [fact] = judged(found, "deaths")
    assert fact.status == "explained"


@pytest.mark.parametrize("kind,rounded,exact", [
    ("count", "More than 140 people were rescued by boat.", "Boat crews rescued 140 people."),
    ("injuries", "Over 30 people were injured in the blast.", "The blast injured 30 people."),
    ("arrests", "Upwards of 60 people were arrested during the riot.", "Police arrested 60 people during the riot."),
])
def test_more_than_a_number_beside_that_number_agrees_with_it(kind, rounded, exact):
    found = findings(("a.txt", rounded, MON), ("b.txt", exact, MON))
    [fact] = judged(found, kind)
    assert fact.status == "agree"


@pytest.mark.parametrize("kind,ranged,exact", [
    ("injuries", "Four or five people were injured in the blast.", "The blast injured four people."),
    ("arrests", "Police arrested two or three men after the brawl.", "Three men were arrested after the brawl."),
    ("deaths", "Between 10 and 12 people were killed in the landslide.", "The landslide killed 11 people."),
    ("deaths", "The fire killed 10 to 12 people.", "Twelve people died in the fire."),
    ("arrests", "Police arrested three or more men after the brawl.", "Four men were arrested after the brawl."),
])
def test_a_range_holds_the_numbers_inside_it(kind, ranged, exact):
    found = findings(("a.txt", ranged, MON), ("b.txt", exact, MON))
    [fact] = judged(found, kind)
    assert fact.status in ("agree", "explained")


@pytest.mark.parametrize("text", [
    "The death toll rose from 5 to 9 overnight.",
    "Ten victims aged between 20 and 37 were shot outside the club.",
])
def test_a_change_or_an_age_range_is_not_a_range_of_the_count(text):
    assert all(c.quantity.exact for c in claims(text, MON) if c.quantity is not None and c.kind != "age")


def test_more_than_a_number_beside_a_smaller_one_still_conflicts():
    found = findings(
        ("a.txt", "More than 140 people were rescued by boat.", MON),
        ("b.txt", "Boat crews rescued 139 people.", MON),
    )
    [fact] = judged(found, "count")
    assert fact.status == "conflict"


def test_killer_counted_in_one_toll_and_not_the_other():
    found = findings(
        ("a.txt", "A man shot and killed two people and then himself.", MON),
        ("b.txt", "Three people, including the gunman, died.", MON),
    )
    [fact] = judged(found, "deaths")
    assert fact.status == "explained"


def test_ages_differ_by_a_year_in_one_week_conflict_and_name_the_person():
    found = findings(
        ("a.txt", "Endicott McCray, 24, is wanted.", date(2016, 7, 31)),
        ("b.txt", "Police named 25-year-old Endicott McCray.", date(2016, 8, 3)),
    )
    [fact] = judged(found, "age")
    assert fact.status == "conflict"
    assert "Endicott Mccray" in fact.label or "endicott" in fact.key


def test_ages_months_apart_are_explained_by_a_birthday():
    found = findings(
        ("a.txt", "Nathaniel Williams, 29, was hit seven times.", date(2016, 5, 16)),
        ("b.txt", "Nathaniel Williams, 30, testified.", date(2017, 2, 16)),
    )
    [fact] = judged(found, "age")
    assert fact.status == "explained"


def test_family_members_with_one_surname_are_different_people():
    found = findings(
        ("a.txt", "The dead were Dwayne Jackson, 50, and Jonah Jackson, 6.", MON),
        ("b.txt", "Police named Dwayne Jackson, 50, and his son Jonah, 6.", MON),
    )
    assert {f.status for f in judged(found, "age")} == {"agree"}


def test_a_surname_alone_joins_the_person_named_before_it():
    found = findings(
        ("a.txt", "David Conley, 49, surrendered.", MON),
        ("b.txt", "David Conley was charged. Conley, 48, gave himself up.", MON),
    )
    [fact] = judged(found, "age")
    assert fact.status == "conflict"


def test_a_vague_amount_never_disagrees():
    found = findings(
        ("a.txt", "One woman is dead and several others were injured.", MON),
        ("b.txt", "A woman was killed and four people were wounded.", MON),
    )
    assert all(f.status not in ("conflict", "explained") for f in found if f.kind == "injuries")


def test_a_configured_tolerance_makes_close_numbers_agree():
    from engine_helpers import RULES, source
    from factcheck.align import align_claims
    from factcheck.compare import compare_facts
    from factcheck.extract import extract_claims
    from factcheck.split import split_sentences

    sources = [source("a.txt", "Police said 120 protesters were arrested.", MON), source("b.txt", "Police said 123 protesters were arrested.", MON)]
    claims = [c for s in sources for c in extract_claims(s, split_sentences(s), RULES)]
    facts = align_claims(claims, sources, RULES)
    strict = [f.status for f in compare_facts(facts, sources, RULES) if f.kind == "arrests"]
    loose = [f.status for f in compare_facts(facts, sources, RULES, tolerance={"arrests": 5}) if f.kind == "arrests"]
    assert (strict, loose) == (["conflict"], ["agree"])


SEP_16 = date(2025, 9, 16)


@pytest.mark.parametrize("earlier, later", [
    ("At least six people were killed and 30 people were missing after the landslide.",
     "Eight people were killed and 28 people were missing after the landslide."),
    ("The flood killed four people. Officials said 11 people were still missing.",
     "Rescuers found two more bodies on Tuesday, and the flood has now killed six people. Nine people remain missing."),
    ("Three miners died in the collapse. Twelve miners remain unaccounted for.",
     "The collapse killed 10 miners, the company said. Five miners remain unaccounted for."),
])
def test_missing_that_fall_as_the_toll_rises_on_one_day_are_explained_by_the_sum(earlier, later):
    found = findings(("a.txt", earlier, SEP_16), ("b.txt", later, SEP_16))
    [fact] = judged(found, "missing")
    assert fact.status == "explained"
    assert "dead + " in fact.reason and "missing = " in fact.reason


@pytest.mark.parametrize("earlier, later", [
    # the sums differ: the missing fell by more than the toll rose
    ("Six people were killed and 30 people were missing after the landslide.",
     "Eight people were killed and 25 people were missing after the landslide."),
    # the same toll: nothing tells which count of the missing is the later one
    ("Six people were killed and 30 people were missing after the landslide.",
     "Six people were killed and 28 people were missing after the landslide."),
])
def test_missing_of_one_day_that_the_tolls_do_not_add_up_with_still_conflict(earlier, later):
    found = findings(("a.txt", earlier, SEP_16), ("b.txt", later, SEP_16))
    [fact] = judged(found, "missing")
    assert fact.status == "conflict"


def test_missing_of_one_day_from_a_source_with_no_toll_still_conflict():
    found = findings(
        ("a.txt", "Six people were killed and 30 people were missing after the landslide.", SEP_16),
        ("b.txt", "Rescuers said 28 people were missing after the landslide.", SEP_16),
    )
    [fact] = judged(found, "missing")
    assert fact.status == "conflict"


def test_an_evacuation_count_is_reported_as_a_count_of_people_and_compared_with_evacuations_only():
    found = findings(
        ("a.txt", "About 400 residents were evacuated. The slide destroyed 20 houses.", SEP_16),
        ("b.txt", "Some 650 people were evacuated from two villages. The slide destroyed 20 houses.", date(2025, 9, 17)),
    )
    [fact] = [f for f in judged(found, "count") if f.rule == "FC205"]
    assert fact.status == "explained" and [c.value for c in fact.claims] == [400, 650]


MAR_11 = date(2025, 3, 11)


@pytest.mark.parametrize("revised", [
    "Officials raised the number of people aboard to 236, up from the 212 people listed on the manifest.",
    "Twenty-four more passengers were found to have boarded without tickets, which brings the number of people aboard to 236, up from 212.",
])
def test_a_fixed_count_a_source_says_it_revised_from_the_others_figure_is_explained(revised):
    found = findings(
        ("a.txt", "The ferry was carrying 212 people when it sank.", MAR_11),
        ("b.txt", revised, MAR_11),
    )
    [fact] = [f for f in judged(found, "count") if 236 in {c.value for c in f.claims}]
    assert fact.status == "explained" and "revised" in fact.reason


def test_a_fixed_count_revised_from_a_figure_no_one_else_gives_still_conflicts():
    found = findings(
        ("a.txt", "The ferry was carrying 212 people when it sank.", MAR_11),
        ("b.txt", "Officials raised the number of people aboard to 236, up from the 220 people first reported.", MAR_11),
    )
    [fact] = [f for f in judged(found, "count") if 236 in {c.value for c in f.claims}]
    assert fact.status == "conflict"


SUN = date(2024, 8, 11)


@pytest.mark.parametrize(
    "wounded, everyone",
    [
        ("Two people were killed and five others were wounded. Four more were hurt in the stampede that followed.",
         "Two people were killed and nine were injured in the shooting."),
        ("One man died and five people were wounded by gunfire. Four more people were injured as the crowd fled.",
         "A man was killed and nine other people were hurt when shots rang out."),
        ("Five people were wounded in the shooting.",
         "Nine people were injured, four of them in the crush as people ran from the shots."),
        ("Five people were wounded. Four more were injured while fleeing the gunfire.",
         "Gunfire at the fair killed one and left nine people injured."),
    ],
)
def test_the_hurt_fleeing_counted_in_by_one_outlet_and_left_out_by_another_is_explained(wounded, everyone):
    found = findings(("a.txt", wounded, SUN), ("b.txt", everyone, SUN))
    [fact] = [f for f in judged(found, "injuries") if "fleeing" not in f.label]
    assert fact.status == "explained"
    assert "4 hurt fleeing" in fact.reason


@pytest.mark.parametrize(
    "wounded, everyone",
    [
        # nothing tells of anyone hurt fleeing
        ("Five people were wounded in the shooting.", "Nine people were injured in the shooting."),
        # a difference other than the hurt fleeing
        ("Five people were wounded. Four more were hurt in the stampede that followed.", "Eight people were injured in the shooting."),
    ],
)
def test_a_difference_the_hurt_fleeing_do_not_make_up_stays_a_conflict(wounded, everyone):
    found = findings(("a.txt", wounded, SUN), ("b.txt", everyone, SUN))
    [fact] = [f for f in judged(found, "injuries") if "fleeing" not in f.label]
    assert fact.status == "conflict"


def test_the_hurt_fleeing_are_compared_only_with_the_hurt_fleeing():
    found = findings(
        ("a.txt", "Five people were wounded. Four more were hurt in the stampede that followed.", SUN),
        ("b.txt", "Nine people were injured, four of them trampled as the crowd ran.", SUN),
    )
    [fleeing] = [f for f in found if f.kind == "injuries" and "fleeing" in f.label]
    assert (fleeing.status, {c.value for c in fleeing.claims}) == ("agree", {4})


@pytest.mark.parametrize(
    "with_driver, without",
    [
        ("Five people, among them the driver, were killed when a van hit the market crowd.", "Four people were killed when a van hit the market crowd."),
        ("The bus crash killed 12 people, including the driver.", "Eleven people died in the bus crash."),
        ("Three people died, the driver among them, after the car struck the parade.", "The car killed two people at the parade."),
        ("Five killed, including driver, as van hits market crowd", "Four people were killed when a van hit the market crowd."),
    ],
)
def test_a_toll_that_counts_the_driver_is_explained_beside_one_that_does_not(with_driver, without):
    found = findings(("a.txt", with_driver, SUN), ("b.txt", without, SUN))
    [fact] = judged(found, "deaths")
    assert fact.status == "explained"
    assert "includes the driver" in fact.reason


@pytest.mark.parametrize(
    "with_driver, without",
    [
        ("Six people, including the driver, died when the van hit the crowd.", "Four people died when the van hit the crowd."),
        ("Three people died, including the driver's wife.", "Two people died in the crash."),
    ],
)
def test_the_driver_explains_a_difference_of_one_only(with_driver, without):
    found = findings(("a.txt", with_driver, SUN), ("b.txt", without, SUN))
    [fact] = judged(found, "deaths")
    assert fact.status == "conflict"


def test_a_toll_that_changed_over_time_says_how_the_figures_of_one_day_agree():
    found = findings(
        ("a.txt", "Five people, among them the driver, were killed when the van hit the market.", date(2024, 12, 13)),
        ("b.txt", "Four people were killed when the van hit the market.", date(2024, 12, 13)),
        ("c.txt", "The toll from the market attack rose to six on Saturday.", date(2024, 12, 15)),
    )
    [fact] = judged(found, "deaths")
    assert fact.status == "explained"
    assert "changed over time" in fact.reason and "a.txt: 5 includes the driver: 5 − 1 = 4" in fact.reason
