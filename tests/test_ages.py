"""Ages of one person told apart and brought together across name variants and years."""
from datetime import date

import pytest

from engine_helpers import findings, judged

DAY = date(2022, 9, 6)


@pytest.mark.parametrize("short,long", [
    ("Ana Lopez", "Ana Lopez Garcia"),
    ("Edgar Sanchez", "Edgar Sanchez Rios"),
    ("Mariam Haddad", "Mariam Haddad Nasser"),
])
def test_a_name_that_leaves_out_a_second_surname_is_the_same_person(short, long):
    found = findings(
        ("a.txt", f"{long}, 16, was among the injured in the fire.", DAY),
        ("b.txt", f"{short}, 15, was among the injured in the fire.", DAY),
    )
    [fact] = judged(found, "age")
    assert fact.status == "conflict" and {c.value for c in fact.claims} == {15, 16}


def test_a_short_name_that_starts_two_longer_names_is_left_alone():
    found = findings(
        ("a.txt", "Ana Lopez Garcia, 16, and Ana Lopez Ruiz, 40, were hurt.", DAY),
        ("b.txt", "Ana Lopez, 17, was hurt in the fire.", DAY),
    )
    assert all(len(f.claims) == 1 for f in found if f.kind == "age")


@pytest.mark.parametrize("with_suffix", [
    "Marcus Lee, Jr., 24,", "Marcus Lee Jr., 24,", "Marcus Lee Jr, 24,",
])
def test_a_name_with_jr_is_the_same_person_when_no_other_generation_is_named(with_suffix):
    found = findings(
        ("a.txt", f"Police arrested {with_suffix} on Monday.", DAY),
        ("b.txt", "Police arrested Marcus Lee, 23, on Monday.", DAY),
    )
    [fact] = judged(found, "age")
    assert {c.value for c in fact.claims} == {23, 24}


def test_a_father_and_son_of_one_name_are_kept_apart():
    found = findings(
        ("a.txt", "Marcus Lee Sr., 51, and Marcus Lee Jr., 24, were hurt.", DAY),
        ("b.txt", "Marcus Lee, 30, was hurt.", DAY),
    )
    assert judged(found, "age") == []


@pytest.mark.parametrize("later,older_age,status", [
    (date(2024, 3, 1), 21, "explained"),   # 18 months: up to two birthdays
    (date(2023, 9, 20), 20, "explained"),  # a year: one birthday
    (date(2022, 10, 1), 20, "conflict"),   # weeks: none
    (date(2023, 9, 20), 22, "conflict"),   # a year cannot hold three birthdays
])
def test_ages_years_apart_are_explained_by_as_many_birthdays_as_fit(later, older_age, status):
    found = findings(
        ("a.txt", "Dana Holt, 19, was charged with arson.", DAY),
        ("b.txt", f"Dana Holt, {older_age}, was convicted of arson.", later),
        min_confidence=0,
    )
    [fact] = judged(found, "age")
    assert fact.status == status


@pytest.mark.parametrize("noted", [
    "Koi Vance, 5, whose age conflicts with information previously given by police, died at the scene.",
    "Koi Vance, 5, was first reported as six by the sheriff's office.",
    "The coroner said Koi Vance was 5; police had previously reported a different age.",
])
def test_a_source_that_notes_the_other_age_itself_explains_the_difference(noted):
    found = findings(
        ("a.txt", "Koi Vance, 6, died in the house fire.", DAY),
        ("b.txt", noted, DAY),
    )
    [fact] = judged(found, "age")
    assert fact.status == "explained" and "notes" in fact.reason


@pytest.mark.parametrize("both", [
    "Dana Lee and Sam Park, both 29, were treated for burns.",
    "Dana Lee and Sam Park, both aged 29, were treated for burns.",
    "The owners, Dana Lee and Sam Park, both 29, were arrested.",
])
def test_both_gives_each_person_the_age(both):
    found = findings(("a.txt", both, DAY), ("b.txt", "Sam Park, 31, and Dana Lee, 29, were hurt.", DAY))
    by_person = {f.key: f for f in judged(found, "age")}
    assert by_person["age:sam park"].status == "conflict"
    assert by_person["age:dana lee"].status == "agree"


@pytest.mark.parametrize("words,age", [
    ("sixteen-year-old Tamsin Ebbe", 16), ("The seven-year-old Oren Vale", 7), ("a twenty-one-year-old man, Ilya Brandt,", 21),
])
def test_an_age_in_words_before_year_old_is_read(words, age):
    from engine_helpers import claims

    assert [c.value for c in claims(f"Police said {words} was hurt.", DAY, "age")] == [age]


@pytest.mark.parametrize("words,person", [
    ("34-year-old Danish aid worker Maren Holst", "Maren Holst"),
    ("the 52-year-old British water engineer Callum Reeve", "Callum Reeve"),
    ("25-year-old tattoo artist Dion Marchetti Vance", "Dion Marchetti Vance"),
])
def test_a_nationality_and_an_occupation_between_an_age_and_a_name_keep_the_name(words, person):
    from engine_helpers import claims

    assert [(c.value, c.person) for c in claims(f"Among the dead was {words}, officials said.", DAY, "age")] == [(int(words.split("-")[0].split()[-1]), person)]


@pytest.mark.parametrize("text", [
    "Police identified the 18-year-old killed as Jason Jonathan Acosta-Ramos.",
    "A 34-year-old was hurt when Reeve opened fire.",
])
def test_a_verb_between_an_age_and_a_name_keeps_them_apart(text):
    from engine_helpers import claims

    assert [c.person for c in claims(text, DAY, "age")] == [""]


def test_an_age_read_by_its_occupation_joins_the_same_person_named_plainly():
    found = findings(
        ("a.txt", "Among the dead is 34-year-old Danish aid worker Maren Holst.", DAY),
        ("b.txt", "Maren Holst, 35, was among the hostages killed.", DAY),
    )
    [fact] = judged(found, "age")
    assert fact.key == "age:maren holst" and fact.status == "conflict"


@pytest.mark.parametrize("first, second", [
    ("The driver, a 24-year-old man, was among those arrested.", "A 24-year-old man from Kelvoy has been arrested."),
    ("A boy, 15, was among those arrested.", "Police said a 15-year-old boy from North Weir was arrested on Sunday."),
])
def test_a_person_described_as_arrested_across_a_place_or_among_others_is_one_person(first, second):
    found = findings(("a.txt", first, DAY), ("b.txt", second, DAY))
    [fact] = judged(found, "age")
    assert fact.status == "agree"


def test_the_arrested_told_apart_by_age_in_two_sources_can_conflict():
    found = findings(
        ("a.txt", "The driver, a 24-year-old man, was among those arrested.", DAY),
        ("b.txt", "A 25-year-old man from Kelvoy has been arrested.", DAY),
    )
    assert [f.status for f in judged(found, "age")] == ["conflict"]


def test_a_number_word_after_a_name_is_not_an_age():
    from engine_helpers import claims

    assert claims("Amy Matthews, one of the victims, was hurt.", DAY, "age") == []


# --- people given by age alone ----------------------------------------------------------


@pytest.mark.parametrize("first,second", [
    ("A 14-year-old was also grazed by a stray bullet.", "Police said a 15-year-old girl was grazed on the shoulder."),
    ("The boy was shot by a 9-year-old, deputies said.", "Deputies said it was a 10-year-old boy who fired the rifle."),
    ("Their 5-year-old son was found unhurt in a back room.", "The couple's six-year-old son was found unhurt."),
    ("A 40-year-old man, who was later charged, waited in a car.", "Detectives said a 41-year-old man was charged with murder."),
])
def test_a_person_described_the_same_way_in_two_sources_is_one_person(first, second):
    found = findings(("a.txt", first, DAY), ("b.txt", second, DAY))
    [fact] = judged(found, "age")
    assert fact.status == "conflict" and len({c.source for c in fact.claims}) == 2


@pytest.mark.parametrize("first,second", [
    ("A stray bullet grazed a 14-year-old outside the club.", "Among the hurt was a 15-year-old whose arm was grazed."),
    ("Officers arrested a 30-year-old man near the station.", "A man aged 31 was taken into custody near the station."),
    ("Police said a woman aged 44 was wounded in the attack.", "The attacker wounded a 45-year-old woman, police said."),
    ("A 16-year-old, whose leg was grazed, was treated at the scene.", "Shrapnel grazed a 17-year-old standing nearby."),
])
def test_a_person_described_alike_in_other_words_is_still_one_person(first, second):
    found = findings(("a.txt", first, DAY), ("b.txt", second, DAY))
    [fact] = judged(found, "age")
    assert fact.status == "conflict" and len({c.source for c in fact.claims}) == 2


def test_a_relative_clause_about_someone_else_does_not_describe_the_person():
    found = findings(
        ("a.txt", "A 40-year-old man, whose son was injured, spoke to reporters.", DAY),
        ("b.txt", "A 41-year-old man was injured in the blast.", DAY),
    )
    assert judged(found, "age") == []


def test_a_source_that_describes_two_people_alike_does_not_say_which_one_is_meant():
    found = findings(
        ("a.txt", "A 17-year-old was grazed in the arm. A 15-year-old was grazed in the leg.", DAY),
        ("b.txt", "An 18-year-old was grazed by a bullet.", DAY),
    )
    assert judged(found, "age") == []


def test_a_boy_and_a_girl_described_alike_are_two_people():
    found = findings(
        ("a.txt", "A 12-year-old boy was grazed by a bullet.", DAY),
        ("b.txt", "A 13-year-old girl was grazed by a bullet.", DAY),
    )
    assert judged(found, "age") == []


def test_people_given_by_age_alone_and_described_differently_are_not_compared():
    found = findings(
        ("a.txt", "A 30-year-old man was arrested at the scene.", DAY),
        ("b.txt", "A 24-year-old man was wounded in the leg.", DAY),
    )
    assert judged(found, "age") == []


def test_an_age_of_someone_described_is_less_sure_than_a_named_persons():
    described = judged(findings(("a.txt", "A 14-year-old was grazed by a bullet.", DAY),
                                ("b.txt", "A 15-year-old was grazed by a bullet.", DAY)), "age")
    named = judged(findings(("a.txt", "Dana Ruiz, 14, was grazed by a bullet.", DAY),
                            ("b.txt", "Dana Ruiz, 15, was grazed by a bullet.", DAY)), "age")
    assert 0.5 <= described[0].confidence < named[0].confidence


@pytest.mark.parametrize("titled", ["Captain Luigi Rossi", "Trooper Luigi Rossi", "Pastor Luigi Rossi", "Constable Luigi Rossi"])
def test_a_title_before_a_name_is_not_part_of_it(titled):
    found = findings(
        ("a.txt", f"{titled}, 52, was questioned for hours.", DAY),
        ("b.txt", "Luigi Rossi, 51, was questioned for hours.", DAY),
    )
    [fact] = judged(found, "age")
    assert fact.status == "conflict" and len(fact.claims) == 2


@pytest.mark.parametrize("first,second,sure", [
    ("Officer Nadia Brandt, 49, died at the scene.", "Officer Nadia Brandt, a 24-year-old veteran of the force, died.", True),
    ("Nadia Brandt was on patrol. Brandt, 49, died at the scene.", "Officer Nadia Brandt, a 24-year-old veteran of the force, died.", False),
    ("Nadia Brandt, 49, was hurt.", "Nadia Brandt, 19, was hurt.", True),
])
def test_ages_far_apart_are_sure_only_when_both_sources_give_the_full_name(first, second, sure):
    found = findings(("a.txt", first, DAY), ("b.txt", second, DAY), min_confidence=0)
    [fact] = [f for f in found if f.kind == "age" and len(f.claims) == 2]
    assert (fact.confidence >= 0.5) is sure


@pytest.mark.parametrize("estimate,exact", [
    ("Dana Ruiz, about 40, was pulled from the car.", "Dana Ruiz, 39, was pulled from the car."),
    ("Dana Ruiz, who police believe is about 40, was pulled from the car.", "Dana Ruiz, 41, was pulled from the car."),
    ("Their mother, who deputies think is around 40, was found upstairs.", "Their 38-year-old mother was found upstairs."),
])
def test_an_estimated_age_close_to_a_stated_one_is_explained(estimate, exact):
    [fact] = judged(findings(("a.txt", estimate, DAY), ("b.txt", exact, DAY)), "age")
    assert fact.status == "explained" and "estimate" in fact.reason


def test_an_estimated_age_far_from_a_stated_one_still_disagrees():
    [fact] = judged(findings(("a.txt", "Dana Ruiz, about 40, was pulled from the car.", DAY),
                             ("b.txt", "Dana Ruiz, 33, was pulled from the car.", DAY)), "age")
    assert fact.status == "conflict"


@pytest.mark.parametrize("titled,alone", [
    ("Captain Luigi Rossi, 52, left the ship early.", "The captain, 51, was questioned for hours."),
    ("Capt. Luigi Rossi, 52, left the ship early.", "Prosecutors said the captain, 51, would stay in custody."),
    ("Mayor Ines Duarte, 47, visited the shelter.", "The mayor, 48, said the town would rebuild."),
])
def test_a_title_alone_is_the_one_person_the_story_names_with_it(titled, alone):
    [fact] = judged(findings(("a.txt", titled, DAY), ("b.txt", alone, DAY)), "age")
    assert fact.status == "conflict" and len(fact.claims) == 2


def test_a_title_two_named_people_share_names_nobody():
    found = findings(
        ("a.txt", "Captain Luigi Rossi, 52, and Captain Ana Vega, 44, were questioned.", DAY),
        ("b.txt", "The captain, 51, was questioned for hours.", DAY),
    )
    assert judged(found, "age") == []


# --- ages listed for a group of suspects, joined by rank to the suspects other sources name ---


@pytest.mark.parametrize("listed", [
    "Two men, ages 34 and 19, were arrested after the shooting, police said.",
    "Two men — one aged 19 and the other 34 — were booked into the county jail.",
    "Both suspects, ages 19 and 34, were taken into custody on Friday.",
])
def test_ages_listed_for_the_suspects_are_compared_by_rank_with_the_named_suspects(listed):
    found = findings(
        ("a.txt", listed, DAY),
        ("b.txt", "Prosecutors charged Dario Mendes, 33, and Ellis Grant, 19, with attempted murder.", date(2022, 9, 9)),
    )
    by_person = {f.key: f for f in judged(found, "age")}
    mendes, grant = by_person["age:dario mendes"], by_person["age:ellis grant"]
    assert mendes.status == "conflict" and sorted(c.value for c in mendes.claims) == [33, 34]
    assert grant.status == "agree" and sorted(c.value for c in grant.claims) == [19, 19]


@pytest.mark.parametrize("listed,named", [
    # ages too close to rank: a slip of a year could swap them
    ("Two men, ages 24 and 26, were arrested.", "Police charged Dario Mendes, 25, and Ellis Grant, 24, with assault."),
    # three named suspects, two ages listed: which two is unknown
    ("Two men, ages 19 and 34, were arrested.", "Police charged Dario Mendes, 33, Ellis Grant, 19, and Kofi Boateng, 45."),
    # the listed people are the victims, not the suspects
    ("Two women, ages 19 and 34, were wounded.", "Police charged Dario Mendes, 33, and Ellis Grant, 19, with assault."),
])
def test_listed_ages_are_left_alone_where_the_rank_does_not_say_who_is_who(listed, named):
    found = findings(("a.txt", listed, DAY), ("b.txt", named, date(2022, 9, 9)))
    assert all({c.source for c in f.claims} == {"b.txt"} for f in found if f.kind == "age")


@pytest.mark.parametrize("apposition,hyphenated", [
    ("Police said one man, aged 45, had been arrested on Tuesday.", "The 46-year-old man arrested on Tuesday was released on bail."),
    ("A man, 45, was arrested at the scene.", "Officers said a 46-year-old man was arrested at the scene."),
    ("One woman, aged 45, was injured by falling glass.", "A 46-year-old woman was injured by falling glass."),
    # custody says of a described person what "arrested" says
    ("Police said one man, aged 45, had been taken into custody on Tuesday.", "The 46-year-old man arrested on Tuesday was released on bail."),
    ("A man, 45, was taken into custody at the scene on Tuesday.", "The 46-year-old man arrested on Tuesday was released on bail."),
    ("One man, aged 45, was placed under arrest on Tuesday.", "The 46-year-old man arrested on Tuesday was released on bail."),
])
def test_an_age_given_after_a_described_person_is_that_persons(apposition, hyphenated):
    found = findings(("a.txt", apposition, DAY), ("b.txt", hyphenated, DAY))
    [fact] = judged(found, "age")
    assert sorted(c.value for c in fact.claims) == [45, 46]


@pytest.mark.parametrize("titled", [
    "The captain, 52, was injured in the fire.",
    "The captain, 52, was rescued from the water.",
    "The captain, 52, was arrested on Tuesday.",
])
def test_an_age_joined_to_a_name_by_title_is_not_also_a_described_persons(titled):
    found = findings(
        ("a.txt", "Capt. Luigi Rossi, 51, steered the ferry.", DAY),
        ("b.txt", titled, DAY),
        ("c.txt", "A 50-year-old was injured in the fire. A 50-year-old was rescued from the water. "
                  "A 50-year-old was arrested on Tuesday.", DAY),
    )
    assert [(f.key, sorted(c.value for c in f.claims)) for f in judged(found, "age")] == [("age:luigi rossi", [51, 52])]


@pytest.mark.parametrize("crew", [
    "The 31-year-old first officer Nadia Farrow was killed.",
    "29-year-old co-pilot Nadia Farrow died in the crash.",
    "A 31-year-old flight attendant, Nadia Farrow, helped passengers out.",
])
def test_an_age_before_a_crew_title_and_a_name_is_that_persons(crew):
    [fact] = judged(findings(("a.txt", "Nadia Farrow, 30, was on board.", DAY), ("b.txt", crew, DAY)), "age")
    assert fact.status == "conflict" and len(fact.claims) == 2


@pytest.mark.parametrize("alone", [
    "The airline said the captain, aged 51, had flown for 20 years.",
    "The captain, aged 51, was questioned for hours.",
])
def test_a_title_alone_with_aged_is_the_one_person_the_story_names_with_it(alone):
    [fact] = judged(findings(("a.txt", "Capt. Luigi Rossi, 52, left the ship early.", DAY), ("b.txt", alone, DAY)), "age")
    assert fact.status == "conflict" and len(fact.claims) == 2


@pytest.mark.parametrize("short, full", [
    ("The driver, Karel D. (38), was shot by police.", "Prosecutors named the driver as Karel Dvoran, 38."),
    ("The suspect, Anna W., 29, was held on Saturday.", "Police named the woman arrested as Anna Weber (29)."),
    ("Jonas K. (41) was detained at his flat.", "The man detained, 41-year-old Jonas Kessler, denies the charges."),
])
def test_a_first_name_with_the_surnames_initial_is_the_person_named_in_full(short, full):
    found = findings(("a.txt", short, DAY), ("b.txt", full, DAY))
    [fact] = [f for f in found if f.kind == "age"]
    assert (fact.status, sorted(c.source for c in fact.claims)) == ("agree", ["a.txt", "b.txt"])


def test_an_initial_that_two_named_people_share_joins_neither():
    found = findings(
        ("a.txt", "The driver, Karel D. (38), was shot by police.", DAY),
        ("b.txt", "Karel Dvoran, 38, drove the car. His cousin Karel Dolan, 51, was questioned.", DAY),
    )
    ages = {f.label: sorted(c.source for c in f.claims) for f in found if f.kind == "age"}
    assert ages["age of Karel Dvoran"] == ["b.txt"] and ages["age of Karel Dolan"] == ["b.txt"]


def test_two_first_names_with_one_initial_are_two_people():
    found = findings(("a.txt", "Karel D. (38) was arrested.", DAY), ("b.txt", "Pavel D. (38) was arrested.", DAY))
    assert [f.status for f in found if f.kind == "age"] == ["single", "single"]
