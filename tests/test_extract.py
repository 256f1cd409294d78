"""What the rules read from sentences of real wire copy, and what they must leave alone."""
import pytest

from engine_helpers import claims


def values(text, kind):
    return [c.value for c in claims(text, kind=kind)]


def test_a_total_keeps_its_named_part_and_its_role():
    [claim] = claims("The summit will come after attacks in Paris that killed 20 people, including three gunmen.", kind="deaths")
    assert claim.value == 20
    assert [(p.value, p.role) for p in claim.parts] == [(3, "attacker")]


@pytest.mark.parametrize("text, value, part", [
    ("Fifteen people, the two attackers among them, lost their lives in the attacks.", 15, (2, "attacker")),
    ("The prosecutor said 22 people, the three bombers among them, were killed.", 22, (3, "attacker")),
    ("Twelve people, three children among them, died in the fire.", 12, (3, "subgroup")),
])
def test_a_part_named_in_an_aside_ending_among_them_keeps_the_total(text, value, part):
    [claim] = claims(text, kind="deaths")
    assert claim.value == value
    assert [(p.value, p.role) for p in claim.parts] == [part]


@pytest.mark.parametrize("text, value", [
    ("The raid was carried out by two attackers, who were shot dead by police.", 2),
    ("The three gunmen, who were killed by troops at dawn, had planned the siege for months.", 3),
    ("Five hijackers, who died when the plane came down, were named on Tuesday.", 5),
])
def test_a_count_with_a_clause_on_who_died_is_a_toll(text, value):
    assert values(text, "deaths") == [value]


def test_a_clause_on_who_they_were_that_says_nothing_of_the_toll_adds_no_count():
    assert values("Four people, who were trapped in the basement, were rescued.", "deaths") == []


def test_an_attacker_who_died_too_is_recorded_beside_the_toll():
    [claim] = claims("The gunman killed two people and then himself.", kind="deaths")
    assert (claim.value, claim.attacker_extra) == (2, 1)


@pytest.mark.parametrize("text, attackers", [
    ("Ten people were killed, not counting the four attackers, who were shot dead by troops.", 4),
    ("Security forces said 12 people died, excluding the three gunmen.", 3),
    ("The assault left nine people dead in addition to the two militants.", 2),
])
def test_attackers_a_toll_leaves_out_are_recorded_beside_it(text, attackers):
    # "the four attackers, who were shot dead" is also a toll of the attackers, a claim of its own
    [claim] = [c for c in claims(text, kind="deaths") if c.role != "attacker"]
    assert claim.attacker_extra == attackers
    assert not claim.parts


@pytest.mark.parametrize("text", [
    "Ten people were killed, not counting the four hostages freed later.",
    "Ten people were killed, not counting 40 wounded.",
])
def test_other_people_left_out_of_a_toll_are_not_attackers(text):
    [claim] = claims(text, kind="deaths")
    assert claim.attacker_extra == 0


@pytest.mark.parametrize("text", [
    "Fourteen people died in the siege, which began late on Friday and ended before dawn on Sunday, among them the four attackers.",
    "Fourteen people died in the siege, which began on Friday evening and ended at dawn, among them the four attackers, who were shot dead by special forces.",
    "Fourteen people were killed when gunmen stormed the hotel on the main boulevard late on Friday night, including the four attackers, officials said.",
])
def test_a_part_that_ends_the_sentence_is_its_tolls_across_asides(text):
    [claim] = [c for c in claims(text, kind="deaths") if c.value == 14]
    assert [(p.value, p.role) for p in claim.parts] == [(4, "attacker")]


@pytest.mark.parametrize("text", [
    "Two people were killed in the blast, which injured 30 others, including five children.",
    "Two people died after the storm hit the coast, where rescuers pulled 14 people from the sea, including three children.",
    "Two people died in the crash on the ring road, which closed it for hours, including four passengers on the bus behind, who were unhurt, and 11 others.",
])
def test_a_far_part_with_another_number_or_clause_between_is_not_the_tolls(text):
    for claim in claims(text, kind="deaths"):
        assert claim.parts == ()


@pytest.mark.parametrize("text", [
    "Twenty-seven people were wounded, six of them soldiers, and nine remain in hospital, officials said.",
    "Twenty-seven people were hurt, and nine are still in hospital.",
    "Twenty-seven people were injured, of whom nine remain hospitalized.",
])
def test_a_count_that_opens_the_next_clause_owns_what_is_said_after_it(text):
    assert values(text, "injuries") == [27]


@pytest.mark.parametrize("text", [
    "Five people injured in the crash remain in hospital.",
    "Five people hurt in the blast remain hospitalized, two of them children.",
])
def test_the_hurt_said_to_remain_in_hospital_are_still_a_part(text):
    assert values(text, "injuries") == []


@pytest.mark.parametrize("text, kind", [
    ("Thirty-five were brought out alive: 12 freed on Saturday after talks, and 23 rescued when troops went in at 4:30 a.m.", "count"),
    ("Nine people died: four were killed in the blast and five died in hospital.", "deaths"),
    ("Police gave the toll as 9: four people were killed in the blast and 5 died later.", "deaths"),
])
def test_counts_after_a_colon_that_add_up_to_the_count_before_it_are_its_parts(text, kind):
    assert [v for v in values(text, kind) if v != 9] == []


@pytest.mark.parametrize("text, kind, expected", [
    ("Update: 23 people were rescued from the flats.", "count", [23]),
    ("Crews rescued 23 people: the water rose too fast for the rest.", "count", [23]),
    ("Two buildings fell: 14 people were killed and 30 injured.", "deaths", [14]),
])
def test_a_count_after_a_colon_with_nothing_it_adds_up_to_is_still_read(text, kind, expected):
    assert values(text, kind) == expected


@pytest.mark.parametrize("text, value", [
    ("Forty-three shops were looted on Bridge Row.", 43),
    ("More than 40 stores were looted as the trouble spread.", 40),
    ("The 14 businesses that were damaged will get help from the council.", 14),
])
def test_the_shops_a_riot_damages_are_counted(text, value):
    assert values(text, "count") == [value]


@pytest.mark.parametrize("text", [
    "At least 10 cars have been set on fire across the city centre, the fire service says.",
    "Fires were burning across the city center, where 12 cars were torched.",
])
def test_the_city_centre_a_riot_swept_is_its_own_scene(text):
    [claim] = claims(text, kind="count")
    assert not claim.context.other_event


def test_a_tally_across_the_city_is_still_another_event():
    [claim] = claims("Across the city, 30 cars were stolen this month.", kind="count")
    assert claim.context.other_event


@pytest.mark.parametrize("text, value", [
    ("Of the 43 people taken hostage, 35 survived.", 43),
    ("The two officers held hostage were among the injured.", 2),
    ("All of the 12 passengers who were held hostage were freed by noon.", 12),
])
def test_the_hostages_named_as_those_taken_are_the_number_held(text, value):
    assert [c.value for c in claims(text, kind="count") if c.rule == "FC209"] == [value]


@pytest.mark.parametrize("text, value", [
    ("Special forces stormed the hotel and shot dead all four gunmen.", 4),
    ("Troops stormed the building, killing the four gunmen who had held 40 people.", 4),
    ("Police ended the siege by gunning down the two attackers.", 2),
])
def test_the_attackers_a_sieges_end_killed_are_counted_as_known(text, value):
    assert [(c.value, c.role) for c in claims(text, kind="deaths")] == [(value, "attacker")]


def test_people_named_before_and_killed_are_not_counted_again():
    assert values("The gunman went on, killing the two children in the back room.", "deaths") == []


def test_deaths_and_injuries_in_one_sentence_are_two_claims():
    text = "Police said two people were killed and three injured."
    assert values(text, "deaths") == [2]
    assert values(text, "injuries") == [3]


def test_no_one_killed_is_zero_not_one():
    assert values("No one was killed.", "deaths") == [0]


@pytest.mark.parametrize("text", [
    "Nobody lost their life in the fire.",
    "No one lost their lives when the roof gave way, the mayor said.",
    "Officials said no lives were lost.",
    "No one was fatally injured in the pileup.",
])
def test_no_one_losing_their_life_is_zero_deaths(text):
    assert values(text, "deaths") == [0]


@pytest.mark.parametrize("text", [
    "Nobody has been detained by police.",
    "No one was detained after the break-in, officers said.",
    "Investigators have not detained anyone in the case.",
    "Police said they had not taken anyone into custody.",
    "Police have yet to make an arrest in the killing.",
    "The sheriff's office had yet to make any arrests by Friday.",
])
def test_no_one_detained_is_zero_arrests(text):
    assert values(text, "arrests") == [0]


def test_a_list_of_parts_is_not_a_total():
    for text, kind in [("Ten women and seven men were wounded.", "injuries"), ("Six children and two adults were fatally shot.", "deaths")]:
        assert [c.value for c in claims(text, kind=kind) if not c.part_of_total] == []


def test_an_increment_is_not_a_total():
    assert values("Police arrested two more men on Monday.", "arrests") == []


def test_the_other_suspects_count_the_one_in_focus():
    assert values("Like the other five suspects currently in custody, he faces 17 counts.", "arrests") == [6]


def test_reported_history_is_marked():
    [claim] = claims("Police initially reported one person killed.", kind="deaths")
    assert claim.history


@pytest.mark.parametrize(
    "text",
    [
        "It was the first time troops had been used in more than 20 years.",
        "The three-day rampage shocked the country.",
        "Deputies went four times to the home.",
        "Offray faces 17 counts of attempted first-degree murder.",
        "Shots rang out at 2:45 a.m. in the 700 block of Bourbon Street.",
        "A 19-year-old man was arrested two blocks from the park minutes after the shooting.",
        "The gunman was captured 200 yards from the school.",
        "The driver was apprehended 500 metres from the square.",
        "She was arrested two streets away, still holding the knife.",
    ],
)
def test_durations_times_addresses_and_charges_are_not_tolls(text):
    assert [c for c in claims(text) if c.kind in ("deaths", "injuries", "arrests", "missing")] == []


def test_ages_keep_the_name_they_belong_to():
    found = {(c.person, c.value) for c in claims("Trung Le, 22, and 21-year-old Brittany Thomas were there.", kind="age")}
    assert found == {("Trung Le", 22), ("Brittany Thomas", 21)}


def test_ranges_and_dates_are_not_ages():
    assert claims("The wounded were six men aged 21 to 36 and a man in his 50s.", kind="age") == []
    assert claims("He appeared in court on Monday, Aug. 10, 2015.", kind="age") == []


def test_a_recalled_event_is_marked_as_another_event():
    [claim] = claims("In 1994, a collapse at the neighboring mine killed six men.", kind="deaths")
    assert claim.context.other_event


@pytest.mark.parametrize("text", [
    "In a SEPARATE incident, gunmen killed four guards.",
    "A Similar Attack two years ago killed 12 people.",
    "Police detained 14 people FOR CURFEW violations overnight.",
])
def test_a_recalled_event_in_capitals_is_another_event_too(text):
    found = [c for c in claims(text) if c.kind in ("deaths", "arrests")]
    assert found and all(c.context.other_event for c in found)


@pytest.mark.parametrize("text, qualifier", [
    ("AT LEAST 12 people were killed in the blast.", "at least"),
    ("Officials said more than  40 people were killed.", "more than"),
    ("Some 30 people were killed, police said.", "some"),
    ("Nearly all 9 passengers were killed.", "nearly all"),
])
def test_a_qualifier_before_a_toll_is_read_in_any_case_and_spacing(text, qualifier):
    [claim] = claims(text, kind="deaths")
    assert claim.quantity.qualifier == qualifier


def test_claims_point_at_the_words_in_the_article():
    text = "Headline\nNine people were injured in the shooting."
    [claim] = claims(text, kind="injuries")
    assert text[claim.start : claim.end] == claim.words == "Nine people were injured"


def test_a_person_and_a_count_are_parts_of_a_sum():
    assert values("Police arrested the captain and two crew members.", "arrests") == []
    assert values("A woman and two children were killed.", "deaths") == []
    assert values("Ferry: captain and two crew arrested as toll climbs", "arrests") == []
    assert values("Two people were killed and three injured.", "injuries") == [3]


@pytest.mark.parametrize("text, kind, value", [
    ("About 40 passengers, most of them pilgrims, were hurt when the bus overturned.", "injuries", 40),
    ("Nine miners, all of them contract workers, died underground.", "deaths", 9),
    ("Fifteen protesters, several of whom were students, were arrested near the square.", "arrests", 15),
    ("More than 60 people, many of them children, were injured in the stampede.", "injuries", 60),
])
def test_a_total_keeps_its_count_when_an_aside_describes_who_they_were(text, kind, value):
    assert values(text, kind) == [value]


@pytest.mark.parametrize("text, kind, value", [
    ("In Ormoc, 45 were missing by nightfall.", "missing", 45),
    ("At Dunmore Station, 12 were hurt in the crush.", "injuries", 12),
    ("Across Tana River County, 30 were killed.", "deaths", 30),
])
def test_a_place_that_opens_the_clause_is_not_a_name_with_an_age(text, kind, value):
    assert values(text, kind) == [value]
    assert values(text, "age") == []


@pytest.mark.parametrize("text, kind, value", [
    ("According to Chief Inspector Mara Quill, six people have now been arrested.", "arrests", 6),
    ("According to Wexley, 14 passengers were hurt when the bus overturned.", "injuries", 14),
    ("According to Governor Ida Fenn, nine residents lost their lives in the flooding.", "deaths", 9),
    ("According to Colonel Brand, three soldiers are still missing.", "missing", 3),
])
def test_a_name_that_attributes_the_count_is_not_a_name_with_an_age(text, kind, value):
    assert values(text, kind) == [value]
    assert values(text, "age") == []


@pytest.mark.parametrize("text", [
    "On Sunday an additional 800 police officers were sent to the border.",
    "Some 800 police officers patrolled the city.",
    "The 800 extra police officers will stay until March.",
    "800 additional police officers were called in.",
])
def test_a_count_names_its_longest_listed_noun_whatever_modifies_it(text):
    assert [(c.value, c.subject) for c in claims(text, kind="count")] == [(800, "police officers")]


@pytest.mark.parametrize("text", [
    "The crash left a driver aged 19 dead.",
    "A gunman opened fire, leaving a student aged 16 dead and four classmates wounded.",
    "The blaze left a tenant, aged 83, dead in his flat.",
])
def test_an_age_before_dead_is_not_a_toll(text):
    assert 19 not in values(text, "deaths") and 16 not in values(text, "deaths") and 83 not in values(text, "deaths")


@pytest.mark.parametrize("text, value", [
    ("The number of people in the province who died in the floods has climbed to 40.", 40),
    ("The number of victims in the capital who lost their lives in the blaze rose to 23, officials said.", 23),
    ("The number of residents of Orlo who were killed by the mudslide stood at 14 on Friday.", 14),
])
def test_a_toll_told_through_who_died_is_the_toll(text, value):
    assert values(text, "deaths") == [value]


@pytest.mark.parametrize("text, value", [
    ("More than 90 people were pulled from flooded homes by crews in boats.", [90]),
    ("Sixty people, many of them from rooftops, were pulled from the water overnight.", [60]),
    ("Twelve climbers were plucked from the ledge by helicopter.", [12]),
    ("Two men were pulled from the wreckage dead.", []),
    ("Three bodies were pulled from the river.", []),
])
def test_people_pulled_from_danger_are_the_rescued(text, value):
    assert [c.value for c in claims(text, kind="count") if c.rule == "FC210"] == value


@pytest.mark.parametrize("text, value", [
    ("Deputies do not have any suspects in custody, a spokesman said.", 0),
    ("No one has yet been arrested in the stabbing.", 0),
    ("The manhunt led to one arrest late on Friday.", 1),
    ("Troopers made one arrest at the roadblock.", 1),
    ("So far one arrest has been made, police said.", 1),
])
def test_custody_and_single_arrest_phrasings_are_read(text, value):
    assert values(text, "arrests") == [value]


@pytest.mark.parametrize("text, kind", [
    ("Police detained one of the owners of the bar on Monday.", "arrests"),
    ("The blast killed two of the guards at the gate.", "deaths"),
    ("Officers arrested three of the organisers overnight.", "arrests"),
])
def test_one_of_a_named_group_is_a_part_of_it_not_a_total(text, kind):
    assert values(text, kind) == []


@pytest.mark.parametrize("text", [
    "The gunman shot five people, killing two of them.",
    "Five were shot, killing two of the victims.",
])
def test_a_part_of_the_victims_already_counted_is_still_the_toll(text):
    assert values(text, "deaths") == [2]


@pytest.mark.parametrize("text, kind, value", [
    ("The turboprop crashed short of the runway, killing 13 of the 48 people on board.", "deaths", 13),
    ("The ferry capsized in the strait, killing 40 of the 212 passengers.", "deaths", 40),
    ("The coach left the road, killing 7 of its 30 passengers.", "deaths", 7),
    ("Two of the 40 passengers were killed, the airline said.", "deaths", 2),
    ("About 30 of the 212 passengers were injured.", "injuries", 30),
    ("Five of the 20 workers were hurt when the scaffold fell.", "injuries", 5),
])
def test_a_toll_told_as_a_part_of_everyone_aboard_is_the_toll_not_the_aboard(text, kind, value):
    assert values(text, kind) == [value]


@pytest.mark.parametrize("text, kind, value", [
    # a clause of its own: the second number is the count its own verb tells
    ("Three of the five people who were shot died in hospital.", "deaths", None),
    ("One of the two people injured remains in critical condition.", "injuries", 2),
])
def test_a_part_of_a_group_counted_by_its_own_clause_keeps_the_group(text, kind, value):
    assert values(text, kind) == ([] if value is None else [value])


@pytest.mark.parametrize("text, kind, value", [
    ("Two men from the factory were arrested on Tuesday.", "arrests", 2),
    ("About 30 residents from the valley were still missing.", "missing", 30),
    ("Nine miners from the night shift were killed.", "deaths", 9),
    ("About 400 residents of Vesk were evacuated to a school.", "FC205", 400),
    ("Twelve villagers of Upper Dorne were still missing.", "missing", 12),
    ("Five residents from Lower Brenn were injured.", "injuries", 5),
])
def test_where_the_counted_people_came_from_does_not_hide_their_count(text, kind, value):
    assert [c.value for c in claims(text) if kind in (c.kind, c.rule)] == [value]


@pytest.mark.parametrize("text, kind, value", [
    ("The number of people listed as missing fell to 21.", "missing", 21),
    ("By Thursday the number of missing had dropped to nine.", "missing", 9),
    ("Some 400 people were moved out of their homes.", "FC205", 400),
    ("More than 600 people remain evacuated from the two villages.", "FC205", 600),
    ("The order widened, bringing the number of people moved from their homes to about 650.", "FC205", 650),
])
def test_counts_of_the_missing_and_the_evacuated_told_as_a_number_or_a_move(text, kind, value):
    assert [c.value for c in claims(text) if kind in (c.kind, c.rule)] == [value]


@pytest.mark.parametrize("text, changed", [
    ("The number of people listed as missing fell to 21.", True),
    ("The number of missing dropped to nine on Thursday.", True),
    ("Two workers fell to their deaths from the scaffold.", False),
])
def test_a_count_that_fell_is_an_updated_figure_and_a_fall_to_a_death_is_not(text, changed):
    assert all(c.changed is changed for c in claims(text)) and claims(text)


@pytest.mark.parametrize("text, value", [
    ("More than 40 people were crushed to death at the gate.", 40),
    ("Eleven migrants drowned when their boat overturned.", 11),
    ("Six people were burned to death in the tenement fire.", 6),
    ("Three men were trampled to death as the crowd surged.", 3),
])
def test_ways_of_dying_are_deaths(text, value):
    assert values(text, "deaths") == [value]


@pytest.mark.parametrize("text, kind, value", [
    ("At least 60 pilgrims were killed in the crush at the shrine.", "deaths", 60),
    ("Nine patients died when the ward caught fire.", "deaths", 9),
    ("Fourteen fishermen were missing after the storm.", "missing", 14),
    ("Twenty-two refugees were injured when the truck overturned.", "injuries", 22),
])
def test_the_people_a_disaster_hits_are_counted_whatever_they_are_called(text, kind, value):
    assert values(text, kind) == [value]


@pytest.mark.parametrize("headline", [
    "Two teens shot, 1 injured by falling glass at bus stop",
    "Four shot and two hurt in scramble outside arena",
    "3 men shot, one injured as crowd fled gunfire",
])
def test_the_hurt_listed_after_the_shot_are_a_part_of_a_sum_not_the_injury_total(headline):
    assert values(headline, "injuries") == []


@pytest.mark.parametrize("text", [
    "Everyone has been accounted for, the headteacher said.",
    "No miners remain underground, the company said on Friday.",
    "By evening no one remained unaccounted for.",
    "Nobody is missing after the ferry fire, the coast guard said.",
])
def test_everyone_accounted_for_is_none_missing(text):
    assert values(text, "missing") == [0]


@pytest.mark.parametrize("text", [
    "Officers made 31 arrests for public drinking during the festival.",
    "Police detained 14 people for curfew violations overnight.",
    "Traffic crashes have killed 240 people in the state so far this year.",
])
def test_arrests_for_other_offences_and_tallies_of_a_period_are_other_events(text):
    assert all(c.context.other_event for c in claims(text) if c.kind in ("arrests", "deaths"))
    assert claims(text)


@pytest.mark.parametrize("text", [
    "Two people injured in the landslide died in hospital overnight.",
    "Three passengers hurt in the derailment have since died.",
    "A man wounded in the raid later died, police said.",
    "The toll rose to six after two people who were seriously injured died in hospital.",
    "Three passengers who had been critically wounded died overnight.",
    "Two women who were hurt in the crush have since died.",
])
def test_the_hurt_who_died_are_not_an_injury_count(text):
    assert values(text, "injuries") == []


def test_a_participle_after_its_verb_still_counts_the_hurt():
    assert values("Five people were injured and two later died.", "injuries") == [5]


def test_the_hurt_told_in_a_relative_clause_are_counted_when_they_lived():
    assert values("Two people who were hurt in the crash were flown to hospital.", "injuries") == [2]


@pytest.mark.parametrize("text, kind, value", [
    ("Four climbers were fatally injured in the fall.", "deaths", 4),
    ("Two guards were mortally wounded at the gate.", "deaths", 2),
    ("Six people were left dead after the gas leak.", "deaths", 6),
    ("Eleven people suffered wounds in the attack.", "injuries", 11),
    ("Fifteen people needed hospital treatment after the crush.", "injuries", 15),
    ("Eight others were left injured.", "injuries", 8),
    ("Police took seven people into custody overnight.", "arrests", 7),
    ("Seven people were taken into police custody.", "arrests", 7),
    ("Seven men were held by police after the riot.", "arrests", 7),
    ("Seven people were rounded up near the square.", "arrests", 7),
])
def test_wire_synonyms_of_killed_hurt_and_held_are_read(text, kind, value):
    assert values(text, kind) == [value]


def test_fatally_injured_is_not_an_injury_count():
    assert values("Four climbers were fatally injured in the fall.", "injuries") == []


@pytest.mark.parametrize("text, value", [
    ("A van struck the crowd, fatally injuring three pilgrims.", 3),
    ("The sniper fatally wounded two guards before fleeing.", 2),
    ("The attacker mortally wounded one officer at the gate.", 1),
    ("Fire swept the hostel, fatally injuring six students and hurting nine more.", 6),
])
def test_a_verb_told_as_fatal_counts_the_dead_not_the_hurt(text, value):
    assert values(text, "deaths") == [value]
    assert value not in values(text, "injuries")


@pytest.mark.parametrize("text", [
    "Officers are looking for two suspects who ran from the scene.",
    "Police were searching for three gunmen on Sunday night.",
    "Deputies are still looking for four escaped inmates.",
])
def test_suspects_being_hunted_are_not_missing_people(text):
    assert values(text, "missing") == []


def test_people_being_searched_for_are_missing():
    assert values("Crews were still looking for four workers after the collapse.", "missing") == [4]


@pytest.mark.parametrize("text, kind, value", [
    ("All 28 people who were pulled from the river were hurt.", "injuries", 28),
    ("Twelve passengers who had been sitting near the front were injured.", "injuries", 12),
    ("All nine climbers who were roped together were killed.", "deaths", 9),
])
def test_who_they_were_told_in_a_clause_does_not_hide_the_count(text, kind, value):
    assert values(text, kind) == [value]


@pytest.mark.parametrize("text", [
    "Police said one was being treated in Leeds and the other in York.",
    "One was flown to the trauma centre and the other taken by ambulance.",
    "One was treated at the scene and the other at the county hospital.",
])
def test_one_of_two_told_apart_is_not_the_injury_total(text):
    assert values(text, "injuries") == []


@pytest.mark.parametrize("text, kind, value", [
    ("The death toll from a landslide that buried part of the mountain village of Vesk rose to eight on Tuesday evening.", "deaths", 8),
    ("The death toll from an early Sunday fire at a four-storey apartment block on Elm Street rose to three.", "deaths", 3),
    ("The number of people killed in Friday's attacks on the market and the central railway station rose to 14.", "deaths", 14),
])
def test_a_toll_keeps_its_number_past_a_long_description_of_the_event(text, kind, value):
    assert values(text, kind) == [value]


def test_a_toll_not_yet_known_takes_no_time_of_day_for_its_number():
    assert values("The death toll from the crash, which happened on the main runway of the airport at 7:50 p.m., was not known.", "deaths") == []


@pytest.mark.parametrize("text", [
    "Four more victims were found on Thursday morning in the ruins of two houses near the church.",
    "Dogs searched the rubble of 40 buildings for survivors.",
    "Investigators walked through the wreckage of three cars on the bridge.",
])
def test_things_that_name_a_place_in_ruins_are_not_a_count_of_them(text):
    assert values(text, "count") == []


def test_houses_destroyed_are_still_counted_beside_ruins_named_elsewhere():
    assert values("The slide destroyed 23 houses, and bodies lay in the ruins of the church.", "count") == [23]


@pytest.mark.parametrize(
    "text, value",
    [
        ("Four more were injured in the stampede that followed.", 4),
        ("Two more people were hurt in the crush as the crowd ran from the shots.", 2),
        ("Three other people were injured while fleeing the gunfire.", 3),
        ("Five more were hurt as festival-goers scattered.", 5),
        ("Four others were hurt in the rush to escape.", 4),
        ("Two people were also hurt in the stampede that followed.", 2),
    ],
)
def test_the_hurt_fleeing_beside_the_shot_are_a_part_of_their_own(text, value):
    [claim] = claims(text, kind="injuries")
    assert (claim.value, claim.role, claim.part_of_total) == (value, "fleeing", True)


def test_a_total_keeps_the_hurt_fleeing_it_names_as_its_part():
    [claim] = claims("Nine other people were injured, four of them in the stampede as the crowd fled.", kind="injuries")
    assert claim.value == 9
    assert [(p.value, p.role) for p in claim.parts] == [(4, "fleeing")]


@pytest.mark.parametrize(
    "text",
    ["Four more people were injured in the blast on Sunday.", "Two more were hurt when a wall collapsed."],
)
def test_more_hurt_some_other_way_are_still_an_increment(text):
    assert values(text, "injuries") == []


@pytest.mark.parametrize("text, kind, value", [
    ("Seven people in all were hit by bullets.", "count", 7),
    ("Twelve people in total were injured, police said.", "injuries", 12),
    ("Three men in all were arrested over the weekend.", "arrests", 3),
])
def test_in_all_between_the_counted_people_and_the_verb_does_not_hide_the_count(text, kind, value):
    assert values(text, kind) == [value]


@pytest.mark.parametrize("text", [
    "Two of the seven have died.",
    "One of the four was pronounced dead at the scene.",
    "Three of the nine were hurt, police said.",
])
def test_the_group_a_part_is_taken_from_is_not_the_parts_toll(text):
    assert [c for c in claims(text) if c.kind in ("deaths", "injuries")] == []


@pytest.mark.parametrize("text, value", [
    ("Families identified two of the three people who died in the attack.", 3),
    ("She was one of the 12 killed in the attack.", 12),
])
def test_a_toll_named_after_one_of_is_still_the_toll(text, value):
    assert values(text, "deaths") == [value]


@pytest.mark.parametrize("text", [
    "Investigators believe Vance and the first man arrested, Darius Kell, fired at each other.",
    "The first suspect taken into custody was released on Tuesday.",
    "Lawyers for the first man in custody said he was innocent.",
])
def test_the_first_one_arrested_states_no_number_of_arrests(text):
    assert values(text, "arrests") == []


def test_a_later_ordinal_still_counts_the_arrests_so_far():
    assert values("A third person was arrested on Saturday.", "arrests") == [3]


def test_the_hurt_in_a_stampede_told_alone_are_the_stampedes_total():
    [claim] = claims("Fifty people were hurt in the stampede at the stadium gates.", kind="injuries")
    assert (claim.value, claim.role) == (50, "")


@pytest.mark.parametrize("text, kind", [
    ("Nobody has been detained in connection with the fire.", "arrests"),
    ("No one has so far been taken into custody, officers said.", "arrests"),
    ("Both crews walked away and nobody lost their life.", "deaths"),
    ("No-one was wounded when the roof gave way.", "injuries"),
    ("Nobody had yet been apprehended by Friday.", "arrests"),
])
def test_no_one_before_any_tense_of_the_verb_is_a_count_of_none(text, kind):
    assert values(text, kind) == [0]


@pytest.mark.parametrize("text", [
    "No one who was injured is still in critical condition.",
    "Nobody who was detained on Friday has been charged.",
])
def test_no_one_who_opens_a_description_not_a_count(text):
    assert 0 not in values(text, "injuries") + values(text, "arrests")


@pytest.mark.parametrize("text, kind, value", [
    ("One person has so far been arrested in the inquiry, police said.", "arrests", 1),
    ("Three men have so far been detained over the riot.", "arrests", 3),
    ("One man, the hostage-taker, was detained by police.", "arrests", 1),
    ("Two people, a guard and a cleaner, were hurt in the blast.", "injuries", 2),
    ("Four workers, the crew of the night shift, were killed.", "deaths", 4),
])
def test_a_count_with_an_aside_or_so_far_before_its_verb_is_read(text, kind, value):
    assert values(text, kind) == [value]


def test_people_yet_to_be_arrested_are_not_arrests():
    assert values("Two suspects have yet to be arrested.", "arrests") == []


@pytest.mark.parametrize("text,value", [
    ("Police Detain 46 After March Turns Violent", 46),
    ("Police arrest six stewards over stadium crush", 6),
    ("Deputies detain two teens after school fire", 2),
])
def test_a_headline_in_the_present_tense_states_the_arrest_total(text, value):
    assert values(text, "arrests") == [value]


@pytest.mark.parametrize("text", [
    "Detectives made an arrest 12 hours after the fire.",
    "The arrest 3 weeks ago shocked the town.",
])
def test_an_arrest_followed_by_a_span_of_time_is_not_a_count(text):
    assert values(text, "arrests") == []


@pytest.mark.parametrize("text, place", [
    ("Six people died in the Vesk landslide, rescuers said.", "vesk"),
    ("Three people were shot in Chicago during the parade.", "chicago"),
    ("Two workers were hurt at Cedar Hollow offices on Monday.", "cedar hollow"),
])
def test_a_place_takes_no_first_letters_of_the_word_after_it(text, place):
    [claim] = claims(text, kind=("deaths" if "died" in text else "injuries") if "shot" not in text else "count")
    assert claim.context.places == {place}


@pytest.mark.parametrize("gap", [38, 45, 52, 56, 60])
def test_a_claims_window_ends_at_the_end_of_a_word_so_no_place_is_a_cut_word(gap):
    text = "Four inmates were hurt " + "x" * gap + " on a wing at the Calder Ridge Correctional Facility."
    [claim] = claims(text, kind="injuries")
    words = set(text.lower().rstrip(".").split())
    assert claim.context.places and all(set(place.split()) <= words for place in claim.context.places)
