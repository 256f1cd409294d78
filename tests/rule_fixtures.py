"""A user's own rule, written as a TOML file with no Python: shared by the tests of rule
loading, rule tests and the check run with extra rule folders."""

RESCUED = '''code = "FC401"
slug = "rescues"
kind = "rescued"
type = "toll"
severity = "warning"
summary = "Rescues: how many people were rescued."
what = "Finds the number of people a source says were rescued."
why = "Rescue counts are revised as the search goes on."
after = ["rescued", "pulled alive from the rubble"]
before = ["rescued", "rescuing"]
'''
